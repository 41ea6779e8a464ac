"""Keying a book entry, the second keying, deciding and submitting plan no full scan of the
register's tables nor of the digitisation tables, which grow with the books (the check of
test_query_plans, with those tables added). Progress and accuracy are aggregates over every
entry by nature and are not part of this check."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.session import Session
from desktop_app.workflows import books
from tests.samples import build
from tests.unit.conftest import Office
from tests.unit.store import test_query_plans as plans

DIGITISATION = frozenset({"book_pages", "book_entries", "entry_keyings", "entry_fields"})
# The partial index of open disagreements holds only the entries waiting for a decision.
_OPEN = re.compile(r"USING (COVERING )?INDEX entry_fields_open$")


def check(session: Session, work: Callable[[], object]) -> None:
    statements = plans._traced(session, work)  # noqa: SLF001 - the same trace
    assert statements
    problems = [f"{detail}\n    in: {sql[:300]}" for sql in statements
                for detail in plans.full_scans(session, sql) if not _OPEN.search(detail)]
    assert not problems, "\n".join(problems)
DEATH = {"registered_on": "1990-03-02", "time_of_death": "1990-03-01T08:00"}


def test_keying_and_deciding_scan_nothing_growing(office: Office, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plans, "GROWING", plans.GROWING | DIGITISATION)
    officer, second, boss = office("canbo"), office("canbo2"), office("chutich")
    books.set_double_entry(boss, True)
    book = books.open_book(officer, "death", 1990, "01/1990", "UBND xã Tân Lập", 3)
    out = io.BytesIO()
    Image.new("RGB", (40, 60), (90, 90, 90)).save(out, "PNG")
    check(officer, lambda: books.add_page(officer, book.id, out.getvalue()))
    check(officer, lambda: books.key_entry(officer, book.id, 1, 1, build("death", {
        **DEATH, "registration_number": "8"})))
    keyed: list[books.Keyed] = []
    check(second, lambda: keyed.append(books.key_entry(
        second, book.id, 1, 1, build("death", {**DEATH, "registration_number": "3"}))))
    assert keyed[0].stage == "disagreed"
    check(boss, lambda: books.decisions(boss))
    check(boss, lambda: books.decide(boss, keyed[0].record.id,
                                           {"registration_number": "8"}))
