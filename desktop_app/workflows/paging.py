"""Pages of records for the list screens, built from the store's keyset pages.

A screen asks for one page and, as the user scrolls, the next one with the cursor it was
given: no screen holds or reads the whole register. Two helpers cover what SQL alone does not:
merging the pages of several keyset lists into one order (the records to sign are approved or
still marked awaiting a personal ID), and a rule applied in Python (the signing rule, a search
narrowed by status), where a page reads at most a bounded number of rows and returns what it
found with its cursor, so even a rare match costs bounded work per page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop_app.record import RecordPage, StoredRecord

# Rows a filtered page may read before it returns what it found (possibly nothing, with a
# cursor): the screen offers the next page instead of the store walking on.
SCAN_BUDGET = 2000

Fetch = Callable[[str | None, int], RecordPage]
"""(cursor or None for the first page, rows wanted) -> one keyset page."""


KeyFetch = Callable[[str | None, int], list[tuple[str, str]]]
"""(cursor, rows wanted) -> (created_at, id) keys of one oldest-first list, from its index."""


def merged(keys: Sequence[KeyFetch], load: Callable[[list[str]], list[StoredRecord]]
           ) -> Fetch:
    """One oldest-first keyset list out of several that share the cursor "created|id" of
    records.list_page: their keys merged, and only the records handed out read whole."""
    def fetch(after: str | None, limit: int) -> RecordPage:
        found = sorted(k for f in keys for k in f(after, limit + 1))
        taken = found[:limit]
        records = load([record_id for _created, record_id in taken])
        more = len(found) > limit  # an arm with more has given limit + 1 keys
        return RecordPage(tuple(records), "|".join(taken[-1]) if more and taken else None)
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
