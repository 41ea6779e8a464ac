"""Progress, accuracy, keying and the re-check never read every entry of the books (issue 17:
the old aggregates grew with the entries keyed): each statement they run is planned without a
full scan of a table that grows with the register or with the books (the store's plan check,
tests/unit/store/test_query_plans.py, with the books' tables added)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.workflows import books, recheck, records
from tests.samples import build
from tests.unit.books.test_books import DEATH, _book, _folder
from tests.unit.conftest import Office
from tests.unit.store import test_query_plans as plans

# (keying_stats and field_disagreements are counters: a row per officer, book or field path)
BOOK_TABLES = frozenset({"book_entries", "book_pages", "entry_keyings", "entry_fields",
                         "blind_keyings", "recheck_items"})


# A partial index of the disagreements waiting for a decision: as long as what waits.
_BOUNDED = ("USING INDEX entry_fields_open",)


def _check(session, work) -> None:  # noqa: ANN001
    statements = plans._traced(session, work)  # noqa: SLF001 - the store test's tracer
    assert statements
    problems = [f"{detail}\n    in: {sql[:300]}" for sql in statements
                for detail in plans.full_scans(session, sql)
                if not any(b in detail for b in _BOUNDED)]
    assert not problems, "\n".join(problems)


@pytest.fixture(autouse=True)
def _book_tables_grow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plans, "GROWING", plans.GROWING | BOOK_TABLES)


def test_the_check_sees_a_scan_of_the_entries(office: Office) -> None:
    session = office("canbo")
    assert plans.full_scans(session, "SELECT count(*) FROM book_entries e JOIN records r ON "
                                     "r.id = e.record_id WHERE r.verified_by IS NOT NULL")


def test_books_paths_read_counters_and_indexes(office: Office, tmp_path: Path) -> None:
    first, second, boss = office("canbo"), office("canbo2"), office("chutich")
    book = _book(first)
    books.import_pages(first, book.id, _folder(tmp_path))
    single = books.key_entry(first, book.id, 1, 1, build("death", DEATH)).record
    assert single is not None
    records.submit(first, single.id)
    records.verify(second, single.id)
    books.set_double_entry(boss, True)
    _check(first, lambda: books.key_entry(first, book.id, 1, 2, build("death", {
        **DEATH, "registration_number": "8"})))
    _check(second, lambda: books.key_entry(second, book.id, 1, 2, build("death", {
        **DEATH, "registration_number": "3"})))
    [waiting] = books.decisions(boss)
    _check(boss, lambda: books.decide(boss, waiting.record.id,
                                           {"registration_number": "8"}))
    _check(boss, lambda: books.digitisation(boss))
    _check(boss, lambda: books.accuracy(boss))
    _check(first, lambda: books.page_slots(first, book.id, 1))
    _check(first, lambda: books.own_keying(first, book.id, 1, 3))
    _check(boss, lambda: books.decisions(boss))
    sample = recheck.draw_recheck(boss, book_id=book.id, seed=1)
    _check(boss, lambda: recheck.recheck_entries(boss, sample.id))
    _check(boss, lambda: recheck.recheck_reports(boss))
