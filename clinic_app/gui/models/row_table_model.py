"""A read-only table model over a list of result objects (one row per object)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole + 20


class RowTableModel(QAbstractTableModel):
    """Rows are result objects; subclasses name the columns and say what each cell shows.

    ``set_rows`` replaces every row with one reset (the lists here are short and replaced as
    a whole when the service answers). ``ITEM_ROLE`` returns the row's object.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> list[str]:
        """Translated column titles."""
        raise NotImplementedError

    def cell(self, item: Any, column: int, role: int) -> Any:
        """What ``item`` shows in ``column`` for ``role`` (None for nothing)."""
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        """The objects shown, in order."""
        return list(self._rows)

    def item(self, row: int) -> Any:
        """The object of ``row``."""
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One row per object (none under a valid parent)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """As many columns as headers."""
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Delegates to :meth:`cell`; ``ITEM_ROLE`` gives the row's object."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == ITEM_ROLE:
            return item
        return self.cell(item, index.column(), role)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles across; nothing down the side."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return str(section + 1) if 0 <= section < len(self._rows) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Read-only, selectable rows."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
