"""A read-only table model over a list of result objects (one row per object)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole + 20

RowT = TypeVar("RowT")


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows are result objects; subclasses name the columns and say what each cell shows.

    ``set_rows`` replaces every row with one reset (the lists here are short and replaced as
    a whole when the service answers). ``ITEM_ROLE`` returns the row's object. Subclasses
    implement :meth:`headers` and :meth:`cell`, and may give a column header a tool tip with
    :meth:`header_tooltip`.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def headers(self) -> list[str]:
        """Translated column titles."""
        raise NotImplementedError

    def cell(self, item: RowT, column: int, role: int) -> Any:
        """What ``item`` shows in ``column`` for ``role`` (None for nothing)."""
        raise NotImplementedError

    def header_tooltip(self, column: int) -> str | None:
        """The tool tip of a column's header (none unless a subclass says so)."""
        return None

    def set_rows(self, rows: Sequence[RowT]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RowT]:
        """The objects shown, in order."""
        return list(self._rows)

    def item(self, row: int) -> RowT:
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
        """Column titles (and header tool tips) across; row numbers down the side."""
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            if not 0 <= section < len(headers):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.header_tooltip(section)
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(section + 1) if 0 <= section < len(self._rows) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Read-only, selectable rows."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
