"""Table models over lists of domain objects (STYLE 6): one generic read-only model whose
columns are (header, getter) pairs, with an optional check box column for batch selection,
and its paged form for the lists that grow with the register: the first page is loaded on the
database lane, the next ones as the view scrolls to the end (Qt's canFetchMore/fetchMore)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ui.tasks import TaskRunner

T = TypeVar("T")
_ROOT = QModelIndex()
# Roles as the ints Qt passes: data() runs for every role of every cell painted, and looking
# the enum members up each time was half of its cost.
_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_TEXT_ROLES = frozenset({_DISPLAY, _TOOLTIP})
_CHECK_STATE = int(Qt.ItemDataRole.CheckStateRole)
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
        # The rows ticked, by key, kept apart from those loaded: a paged list reads its first
        # page again after a change, and a row ticked further down stays ticked while it is
        # still listed (ListCheck), loaded again or not.
        self._checked: dict[str, T] = {}
        # "Select all": every row of the list is checked, loaded or not (a paged list holds
        # one page of it), but those unticked since.
        self.is_all_checked = False
        self._unchecked: set[str] = set()

    # -- data ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T]) -> None:
        """The whole list, read again: a row ticked (or ticked off) no longer in it is
        forgotten."""
        self._replace_rows(rows, self._chosen_keys(), ())

    def _chosen_keys(self) -> set[str]:
        """The keys whose tick the user set: ticked, or ticked off from "every row"."""
        return set(self._checked) | self._unchecked

    def _replace_rows(self, rows: Sequence[T], asked: Collection[str],
                      found: Sequence[T]) -> None:
        """``rows`` loaded instead of those shown. Of the ``asked`` keys (ticked or ticked
        off), those neither in ``rows`` nor ``found`` (read past them) are no longer listed:
        forgotten; the other ticks stay, with their rows as read now."""
        self.beginResetModel()
        self._rows = list(rows)
        if asked:  # (nothing ticked: no key to look up)
            now = {self._key(r): r for r in (*found, *self._rows)}
            gone = set(asked) - now.keys()
            self._checked = {k: now.get(k, row) for k, row in self._checked.items()
                             if k not in gone}
            self._unchecked -= gone
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def checked(self) -> list[T]:
        """The rows ticked, loaded or not, those loaded first in their order (with every row
        checked: those loaded)."""
        loaded = [r for r in self._rows if self.is_checked_key(self._key(r))]
        if self.is_all_checked:
            return loaded
        keys = {self._key(r) for r in loaded}
        return loaded + [r for k, r in self._checked.items() if k not in keys]

    def is_checked_key(self, key: str) -> bool:
        if self.is_all_checked:
            return key not in self._unchecked
        return key in self._checked

    def unchecked_keys(self) -> frozenset[str]:
        """With every row checked: the keys of those unticked since."""
        return frozenset(self._unchecked)

    def set_checked(self, row: int, checked: bool) -> None:
        item = self.row_at(row)
        if item is None:
            return
        key = self._key(item)
        if self.is_all_checked:
            if checked:
                self._unchecked.discard(key)
            else:
                self._unchecked.add(key)
        elif checked:
            self._checked[key] = item
        else:
            self._checked.pop(key, None)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def check_all(self) -> None:
        """Every row of the list checked, the rows still to load as well."""
        self.is_all_checked = True
        self._unchecked.clear()
        self._checks_changed()

    def set_checked_rows(self, rows: Iterable[T]) -> None:
        """Exactly these rows checked, loaded or not (no longer "every row")."""
        self.is_all_checked = False
        self._unchecked.clear()
        self._checked = {self._key(r): r for r in rows}
        self._checks_changed()

    def _checks_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])

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

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role in _TEXT_ROLES:
            return self.text(index.row(), index.column()) if index.isValid() else None
        if role == _CHECK_STATE and self._checkable and index.column() == 0 and \
                index.isValid():
            checked = self.is_checked_key(self._key(self._rows[index.row()]))
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return None

    def text(self, row: int, column: int) -> str:
        """A cell's words (its column's getter)."""
        return self._columns[column][1](self._rows[row])

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


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of rows, the cursor of the next (None: the last page) and, with the first
    page, how many rows there are in all when the store knows it from its counters, and
    whatever else the screen reads with it (``extra``: its own figures)."""

    rows: Sequence[T]
    after: str | None
    total: int | None = None
    extra: object = None


PageFetch = Callable[[str | None], Page[Any]]
"""(cursor, None for the first page) -> one page; run on the database lane."""
ListCheck = Callable[[list[str]], Sequence[Any]]
"""(keys) -> the rows of those keys the list still holds, as they are now; run on the
database lane with the first page, for the ticked rows it does not hold."""

EMPTY_PAGES_FOLLOWED = 4
"""A narrowed list's page may come back empty with more to read (paging.filtered stops at
its budget): the next one is asked for at once, up to this many in a row, before the list
waits for "more" (at a million records the oldest 6,000 submitted records are no historical
entries: the verification list's first three pages were empty)."""


class PagedRowsModel(RowsModel[T]):
    """A RowsModel filled page by page off the GUI thread. ``load(fetch)`` starts a new list
    (the rows shown stay until its first page arrives: no flicker while typing); the view
    asks for the next page when it scrolls to the end, and ``fetchMore`` can be called for a
    "more" button. A page that arrives for a list replaced meanwhile is dropped. With a
    ``ListCheck`` the ticks of rows past the first page stay while those rows are listed."""

    loaded = Signal(bool)  # a page arrived: True for the first page of a list
    failed = Signal(object)  # the error of a page (BaseException)

    def __init__(self, columns: Sequence[Column], runner: TaskRunner, *,
                 checkable: bool = False, key: Callable[[Any], str] = lambda row: str(id(row)),
                 parent=None) -> None:
        super().__init__(columns, checkable=checkable, key=key, parent=parent)
        self._runner = runner
        self._fetch: PageFetch | None = None
        self._check: ListCheck | None = None
        self._after: str | None = None
        self._generation = 0
        self._first_due = False  # the list's first page has not arrived (or failed)
        self._empty_run = 0  # empty pages followed in a row
        self.is_loading = False
        self.is_complete = True  # no list, or its last page is here
        self.total: int | None = None
        self.extra: object = None  # the first page's
        self._texts: dict[tuple[int, int], str] = {}  # cells worded once (rows only grow)

    def text(self, row: int, column: int) -> str:
        key = (row, column)
        found = self._texts.get(key)
        if found is None:
            found = self._texts[key] = super().text(row, column)
        return found

    def _replace_rows(self, rows: Sequence[T], asked: Collection[str],
                      found: Sequence[T]) -> None:
        self._texts.clear()
        super()._replace_rows(rows, asked, found)

    def load(self, fetch: PageFetch, check: ListCheck | None = None) -> None:
        """A new list; ``check``: which of the ticked rows it still holds past its first
        page (without one, such ticks stay until the list is read to its end)."""
        self._generation += 1
        self._fetch, self._check = fetch, check
        self._after = None
        self.is_complete = False
        self._first_due = True
        self._empty_run = 0
        self._request()

    def canFetchMore(self, parent: Index = _ROOT) -> bool:  # noqa: N802
        return (not parent.isValid() and self._fetch is not None and not self.is_complete
                and not self.is_loading)

    def fetchMore(self, parent: Index = _ROOT) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._empty_run = 0
            self._request()  # after a failed first page: that page again

    def _request(self) -> None:
        fetch, after, generation, first = (self._fetch, self._after, self._generation,
                                           self._first_due)
        assert fetch is not None
        check, key = self._check, self._key
        asked = sorted(self._chosen_keys()) if first else []

        def read() -> tuple[Page[T], list[str], Sequence[T]]:
            page = fetch(after)
            if page.after is None:
                return page, asked, ()  # the whole list: a tick not in it is gone
            if check is None or not asked:
                return page, [], ()  # not known (or no tick): every tick stays
            on_page = {key(r) for r in page.rows}
            beyond = [k for k in asked if k not in on_page]
            return page, asked, check(beyond) if beyond else ()

        self.is_loading = True
        self._runner.run(read, lambda got: self._arrived(generation, first, *got),
                         lambda error: self._failed(generation, error))

    def _arrived(self, generation: int, first: bool, page: Page[T], asked: list[str],
                 found: Sequence[T]) -> None:
        if generation != self._generation:
            return  # a newer list was asked for meanwhile
        self.is_loading = False
        self._after = page.after
        self.is_complete = page.after is None
        if not page.rows and not self.is_complete and self._empty_run < EMPTY_PAGES_FOLLOWED:
            self._empty_run += 1  # nothing yet: read on (the rows shown stay meanwhile)
            self._request()
            return
        if first:
            self._first_due = False
            self.total, self.extra = page.total, page.extra
            self._replace_rows(page.rows, asked, found)
        elif page.rows:
            start = len(self._rows)
            self.beginInsertRows(_ROOT, start, start + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self.loaded.emit(first)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.is_loading = False
        self.failed.emit(error)
