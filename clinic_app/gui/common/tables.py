"""Ready-made read-only table views for the small lists of the dialogs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def make_table(
    model: QAbstractItemModel,
    parent: QWidget | None = None,
    *,
    stretch_column: int | None = None,
    wrap: bool = False,
    content_columns: Sequence[int] = (),
) -> QTableView:
    """A read-only, row-selecting table over ``model``.

    ``stretch_column`` takes the remaining width; ``content_columns`` fit their text; with
    ``wrap`` the rows grow to show wrapped text whenever the model resets.
    """
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(wrap)
    view.setTabKeyNavigation(False)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    for column in content_columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    if wrap:
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = view.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class EnterKeyFilter(QObject):
    """Turns Return/Enter on a widget into a callback and stops it there.

    Item views let Enter travel on to the dialog, which would press the default button; here
    Enter means "take this one".
    """

    def __init__(self, target: QWidget, callback: object) -> None:
        super().__init__(target)
        self._callback = callback
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Catch Return and Enter (without modifiers other than keypad)."""
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not plain:
                callback = self._callback
                assert callable(callback)
                callback()
                return True
        return False
