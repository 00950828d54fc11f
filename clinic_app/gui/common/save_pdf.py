"""Saving a window's printout as a PDF: ask where, write it, say so in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow

from clinic_app.gui.common.export_dialog import show_error

STATUS_MS = 5000


def _tr(text: str) -> str:
    return QCoreApplication.translate("SavePdf", text)


def save_pdf(
    window: QMainWindow,
    *,
    title: str,
    suggested_name: str,
    write: Callable[[Path], object],
    path: Path | None = None,
) -> Path | None:
    """Write a PDF with ``write(path)``; asks where (in the home folder, ``suggested_name``)
    unless ``path`` is given.

    Returns the path written, or None when the user cancelled or writing failed (the error is
    shown in a box; the writers leave no partial file).
    """
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(
            window, title, str(Path.home() / suggested_name), _tr("PDF (*.pdf)")
        )
        if not chosen:
            return None
        path = Path(chosen)
    try:
        write(path)
    except OSError as error:
        show_error(window, _tr("Save as PDF"), str(error))
        return None
    window.statusBar().showMessage(_tr("Saved %1").replace("%1", str(path)), STATUS_MS)
    return path
