"""A first keyer corrects or discards their own blind keying before the second keying (two
real accounts, a real store): a slip no longer surfaces as a disagreement for a third person,
what was keyed before is kept, the audit names it, and nobody else sees or touches it."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.errors import HotichError
from desktop_app.workflows import books, records
from tests.samples import build
from tests.unit.books.test_books import DEATH, _book, _folder
from tests.unit.conftest import Office


def _double_entry_book(office: Office, tmp_path: Path):  # noqa: ANN202
    first, second, boss = office("canbo"), office("canbo2"), office("chutich")
    books.set_double_entry(boss, True)
    book = _book(first)
    books.import_pages(first, book.id, _folder(tmp_path))
    return first, second, boss, book


def _page_id(session, book_id: str) -> int:  # noqa: ANN001
    return books.pages_of(session, book_id)[0].id


def test_a_corrected_first_keying_agrees_and_keeps_the_slip(office: Office,
                                                            tmp_path: Path) -> None:
    first, second, boss, book = _double_entry_book(office, tmp_path)
    right = build("death", {**DEATH, "deceased.full_name": "Nguyễn Văn Bảy"})
    slip = build("death", {**DEATH, "deceased.full_name": "Nguyễn Văn Bẩy"})
    books.key_entry(first, book.id, 1, 1, slip)

    keyed = books.correct_own_keying(first, book.id, 1, 1, right)
    assert keyed.stage == "first" and keyed.record is None
    mine = books.own_keying(first, book.id, 1, 1)
    assert mine is not None and mine["deceased"]["full_name"] == "Nguyễn Văn Bảy"
    assert books.own_keying(second, book.id, 1, 1) is None  # still blind
    assert records.search(second, "Nguyễn Văn Bảy") == []
    with first.store.read() as uow:  # never lose what was keyed
        [(earlier, _at, outcome)] = uow.books.earlier_blind(_page_id(first, book.id), 1)
        entry = next(e for e in uow.audit.entries(book.id)
                     if e.action == "book.entry.correct")
    assert outcome == "corrected" and earlier.officer == "canbo"
    assert earlier.data["deceased"]["full_name"] == "Nguyễn Văn Bẩy"
    assert '"earlier"' in entry.details and "Bẩy" not in entry.details

    done = books.key_entry(second, book.id, 1, 1, right)
    assert done.stage == "agreed"  # the slip never reaches a third person
    assert books.awaiting_decision(boss) == []
    with first.store.read() as uow:
        assert uow.books.keyings(done.record.id)[0].data["deceased"]["full_name"] \
            == "Nguyễn Văn Bảy"


def test_a_discarded_first_keying_frees_the_position(office: Office, tmp_path: Path) -> None:
    first, second, _boss, book = _double_entry_book(office, tmp_path)
    typed = build("death", DEATH)
    books.key_entry(first, book.id, 1, 1, typed)
    books.discard_own_keying(first, book.id, 1, 1)
    assert books.page_slots(first, book.id, 1) == []
    assert books.own_keying(first, book.id, 1, 1) is None
    with first.store.read() as uow:
        [(earlier, _at, outcome)] = uow.books.earlier_blind(_page_id(first, book.id), 1)
        assert any(e.action == "book.entry.discard" for e in uow.audit.entries(book.id))
    assert outcome == "discarded" and earlier.data["deceased"]["full_name"]
    # the position is free: whoever keys it now keys the first keying
    assert books.key_entry(second, book.id, 1, 1, typed).stage == "first"


def test_only_the_first_keyer_and_only_before_the_second(office: Office,
                                                         tmp_path: Path) -> None:
    first, second, boss, book = _double_entry_book(office, tmp_path)
    typed = build("death", DEATH)
    books.key_entry(first, book.id, 1, 1, typed)
    for other in (second, boss):  # refused as if there were nothing: not even said to exist
        with pytest.raises(HotichError) as refused:
            books.correct_own_keying(other, book.id, 1, 1, typed)
        assert refused.value.code == "E-BOOK-NO-OWN-KEYING"
        with pytest.raises(HotichError):
            books.discard_own_keying(other, book.id, 1, 1)
    assert books.own_keying(first, book.id, 1, 1) is not None

    books.key_entry(second, book.id, 1, 1, typed)
    for act in (lambda: books.correct_own_keying(first, book.id, 1, 1, typed),
                lambda: books.discard_own_keying(first, book.id, 1, 1)):
        with pytest.raises(HotichError) as refused:
            act()
        assert refused.value.code == "E-BOOK-SECOND-IN"
    with pytest.raises(HotichError):  # a correction is validated like the keying itself
        books.key_entry(first, book.id, 1, 2, typed)
        books.correct_own_keying(first, book.id, 1, 2, build("death", {
            **DEATH, "time_of_death": "1990-02-30T08:00"}))
    assert books.own_keying(first, book.id, 1, 2)["time_of_death"] != "1990-02-30T08:00"
