"""Table models over lists of domain objects (STYLE 6): one generic read-only model whose
columns are (header, getter) pairs, with an optional check box column for batch selection."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

T = TypeVar("T")
_ROOT = QModelIndex()
Index = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[Any], str]]


class RowsModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column], *, checkable: bool = False,
                 key: Callable[[Any], str] = lambda row: str(id(row)), parent=None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []
        self._checkable = checkable
        self._key = key
        self._checked: set[str] = set()

    # -- data ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        keys = {self._key(r) for r in self._rows}
        self._checked &= keys
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def checked(self) -> list[T]:
        return [r for r in self._rows if self._key(r) in self._checked]

    def set_checked(self, row: int, checked: bool) -> None:
        item = self.row_at(row)
        if item is None:
            return
        key = self._key(item)
        if checked:
            self._checked.add(key)
        else:
            self._checked.discard(key)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    # -- Qt -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._columns[index.column()][1](item)
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable and index.column() == 0:
            return (Qt.CheckState.Checked if self._key(item) in self._checked
                    else Qt.CheckState.Unchecked)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._checkable and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable and index.column() == 0:
            state = value.value if hasattr(value, "value") else value
            self.set_checked(index.row(), state == Qt.CheckState.Checked.value)
            return True
        return False
