"""A banner that explains an outcome or a refusal in place (no modal box to click away)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

LEVELS = ("error", "warning", "info", "ok")


class MessageBanner(QFrame):
    """Headline and detail with an icon; the text is always plain (it may quote patient data).

    The ``level`` property (error, warning, info, ok) styles it through the stylesheet; the
    headline always says in words what the colour suggests.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        closable: bool = True,
        icons: dict[str, QIcon] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._icons = icons or {}
        self._icon = QLabel(self)
        self._icon.setFixedSize(QSize(18, 18))
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = QLabel(self)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.detail = QLabel(self)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.setSpacing(2)
        texts.addWidget(self.headline)
        texts.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 6)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)
        self._close = QToolButton(self)
        self._close.setText("×")
        self._close.setToolTip(self.tr("Dismiss"))
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.hide)
        self._close.setVisible(closable)
        layout.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        self.setProperty("level", "info")
        self.hide()

    @property
    def level(self) -> str:
        """The current level."""
        return str(self.property("level"))

    def show_message(self, level: str, headline: str, detail: str = "") -> None:
        """Show ``headline`` (and ``detail``) at ``level``."""
        if level not in LEVELS:
            raise ValueError(f"unknown banner level {level!r}")
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        icon = self._icons.get(level)
        if icon is not None:
            self._icon.setPixmap(icon.pixmap(QSize(16, 16)))
        self._icon.setVisible(icon is not None)
        self.headline.setText(headline)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.show()

    def text(self) -> str:
        """Headline and detail as one string (for tests and the status bar)."""
        return f"{self.headline.text()}\n{self.detail.text()}".strip()


def banner_icons(icon_set: object) -> dict[str, QIcon]:
    """The banner's icons from an :class:`~clinic_app.gui.resources.IconSet`."""
    from clinic_app.domain.findings import Severity
    from clinic_app.gui.resources import IconSet

    assert isinstance(icon_set, IconSet)
    return {
        "error": icon_set.severity_icon(Severity.HARD),
        "warning": icon_set.severity_icon(Severity.BLOCK),
        "info": icon_set.severity_icon(Severity.INFO),
        "ok": icon_set.severity_icon(None),
    }
