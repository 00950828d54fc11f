"""Icons and the stylesheet of the GUI, found through ``clinic_app.resource_files``.

Resources are plain files (no ``.qrc``): SVG icons in ``resources/icons`` and Qt stylesheets in
``resources/styles``. Icons are loaded once per :class:`IconSet`, which the window owns and
passes down (no module-level cache, so tests start clean).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

from clinic_app.domain.findings import Severity
from clinic_app.resource_files import resource_path

SEVERITY_ICON_NAMES = {
    Severity.HARD: "severity-hard",
    Severity.BLOCK: "severity-block",
    Severity.WARN: "severity-warn",
    Severity.INFO: "severity-info",
}


def icon_file(name: str) -> str:
    """The path of the SVG icon ``name`` (without extension), as a string for Qt."""
    return str(resource_path("icons", f"{name}.svg"))


def load_icon(name: str) -> QIcon:
    """The icon ``name`` from ``resources/icons``."""
    return QIcon(icon_file(name))


def stylesheet(name: str = "clinic") -> str:
    """The Qt stylesheet ``resources/styles/<name>.qss`` (empty when it is missing)."""
    path = resource_path("styles", f"{name}.qss")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


class IconSet:
    """Icons and pre-rendered severity pixmaps, loaded once for painting without file I/O."""

    def __init__(self, pixmap_size: int = 14) -> None:
        self._icons: dict[str, QIcon] = {}
        self._pixmaps: dict[Severity, QPixmap] = {}
        self.pixmap_size = pixmap_size
        for severity, name in SEVERITY_ICON_NAMES.items():
            self._pixmaps[severity] = self.icon(name).pixmap(QSize(pixmap_size, pixmap_size))

    def icon(self, name: str) -> QIcon:
        """The icon ``name``, loaded on first use."""
        if name not in self._icons:
            self._icons[name] = load_icon(name)
        return self._icons[name]

    def severity_icon(self, severity: Severity | None) -> QIcon:
        """The icon that marks a finding of ``severity`` (a tick for none)."""
        if severity is None:
            return self.icon("severity-ok")
        return self.icon(SEVERITY_ICON_NAMES[severity])

    def severity_pixmap(self, severity: Severity) -> QPixmap:
        """A small pre-rendered pixmap for the grid delegate."""
        return self._pixmaps[severity]
