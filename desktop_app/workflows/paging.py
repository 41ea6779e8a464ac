"""Pages of records for the list screens, built from the store's keyset pages.

A screen asks for one page and, as the user scrolls, the next one with the cursor it was
given: no screen holds or reads the whole register. Two helpers cover what SQL alone does not:
merging the pages of several keyset lists into one order (the records to sign are approved or
still marked awaiting a personal ID), and a rule applied in Python (the signing rule, a search
narrowed by status), where a page reads at most a bounded number of rows and returns what it
found with its cursor, so even a rare match costs bounded work per page.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence

from desktop_app.record import RecordPage, StoredRecord

# Rows a filtered page may read before it returns what it found (possibly nothing, with a
# cursor): the screen offers the next page instead of the store walking on.
SCAN_BUDGET = 2000

Fetch = Callable[[str | None, int], RecordPage]
"""(cursor or None for the first page, rows wanted) -> one keyset page."""


def created_cursor(rec: StoredRecord) -> str:
    """The cursor of the store's oldest-first lists (records.list_page) at ``rec``."""
    return f"{rec.created_at.isoformat()}|{rec.id}"


def merged(fetches: Sequence[Fetch], *, key: Callable[[StoredRecord], tuple[str, str]],
           cursor_of: Callable[[StoredRecord], str]) -> Fetch:
    """One keyset list in ``key`` order out of several that share their cursor (each is
    asked from the same point, the next page starts after the last row handed out)."""
    def fetch(after: str | None, limit: int) -> RecordPage:
        pages = [f(after, limit) for f in fetches]
        rows = list(heapq.merge(*(p.records for p in pages), key=key))
        taken = rows[:limit]
        more = len(rows) > limit or any(p.after is not None for p in pages)
        return RecordPage(tuple(taken), cursor_of(taken[-1]) if more and taken else None)
    return fetch


def filtered(fetch: Fetch, accept: Callable[[StoredRecord], bool], *, after: str | None,
             limit: int, budget: int = SCAN_BUDGET) -> RecordPage:
    """The rows ``accept`` keeps, read page by page from ``after`` until ``limit`` are found,
    the list ends or ``budget`` rows were read; the cursor is where reading stopped (a page
    may hold a few more than ``limit``, or none when nothing matched within the budget)."""
    kept: list[StoredRecord] = []
    cursor, read = after, 0
    while True:
        page = fetch(cursor, limit)
        kept += [r for r in page.records if accept(r)]
        read += len(page.records)
        cursor = page.after
        if cursor is None or len(kept) >= limit or read >= budget:
            return RecordPage(tuple(kept), cursor)
