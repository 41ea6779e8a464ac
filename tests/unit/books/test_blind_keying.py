"""Double entry is blind: the second officer cannot see the first keying anywhere (search,
record lists, the dashboard's counts, a record detail, the page's slots) until both keyings
are in. Two real accounts key the same entry over a real store."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.errors import HotichError
from desktop_app.workflows import books, dashboard, records
from tests.samples import build
from tests.unit.books.test_books import DEATH, _book, _folder
from tests.unit.conftest import Office


def _nothing_of_it_shows(session, name: str) -> None:  # noqa: ANN001
    assert records.search(session, name) == []
    assert records.search(session, "Bảy") == []
    assert records.list_records(session) == []
    assert records.list_page(session).records == ()
    assert records.list_records(session, status="draft") == []
    summary = dashboard.summary(session)
    assert sum(summary.by_status.values()) == 0 and summary.created_today == 0


def test_the_second_keyer_sees_nothing_of_the_first(office: Office, tmp_path: Path) -> None:
    first, second, boss = office("canbo"), office("canbo2"), office("chutich")
    books.set_double_entry(boss, True)
    book = _book(first)
    books.import_pages(first, book.id, _folder(tmp_path))
    typed = build("death", {**DEATH, "deceased.full_name": "Nguyễn Văn Bảy"})
    keyed = books.key_entry(first, book.id, 1, 1, typed)
    assert keyed.stage == "first" and keyed.record is None

    for who in (second, boss, first):  # not even its own keyer finds a record
        _nothing_of_it_shows(who, "Nguyễn Văn Bảy")
    [slot] = books.page_slots(second, book.id, 1)
    assert (slot.position, slot.record_id, slot.mine) == (1, None, False)
    assert books.own_keying(second, book.id, 1, 1) is None
    assert books.own_keying(boss, book.id, 1, 1) is None
    mine = books.own_keying(first, book.id, 1, 1)
    assert mine is not None and mine["deceased"]["full_name"] == "Nguyễn Văn Bảy"
    assert books.page_slots(first, book.id, 1)[0].mine
    assert books.entries_of(second, book.id) == []
    assert books.awaiting_decision(boss) == [] and books.decisions(boss) == []
    with first.store.read() as uow:  # the audit says a keying happened, not what it says
        entry = next(e for e in uow.audit.entries(book.id) if e.action == "book.entry")
    assert "Bảy" not in entry.details and "Nguyễn" not in entry.details

    done = books.key_entry(second, book.id, 1, 1, typed)
    assert done.stage == "agreed" and done.record is not None
    assert done.record.officer == "canbo" and done.record.verified_by == "canbo2"
    assert [r.id for r in records.search(second, "Nguyễn Văn Bảy")] == [done.record.id]
    assert records.get_record(second, done.record.id).status == "submitted"
    assert books.own_keying(first, book.id, 1, 1) is None
    [slot] = books.page_slots(second, book.id, 1)
    assert slot.record_id == done.record.id
    with first.store.read() as uow:  # the scan travels with the entry, both keyings kept
        assert [k.officer for k in uow.books.keyings(done.record.id)] == ["canbo", "canbo2"]
        assert any(a.kind == "scan" for a in uow.attachments.rows_of(done.record.id))


def test_a_blind_keying_is_validated_and_keeps_its_warnings(office: Office,
                                                            tmp_path: Path) -> None:
    first, boss = office("canbo"), office("chutich")
    books.set_double_entry(boss, True)
    book = _book(first)
    books.import_pages(first, book.id, _folder(tmp_path))
    with pytest.raises(HotichError):  # an impossible date is refused, as for any entry
        books.key_entry(first, book.id, 1, 1, build("death", {
            **DEATH, "time_of_death": "1990-02-30T08:00"}))
    assert books.page_slots(first, book.id, 1) == []
    keyed = books.key_entry(first, book.id, 1, 2, build("death", {
        **DEATH, "registration_number": None}))
    assert "W-LEGACY-NO-NUMBER" in {i.code for i in keyed.issues}


def test_counters_follow_double_entry_and_decisions(office: Office, tmp_path: Path) -> None:
    """Progress and accuracy read counters: they must agree with the comparisons kept."""
    first, second, boss = office("canbo"), office("canbo2"), office("chutich")
    books.set_double_entry(boss, True)
    book = _book(first)
    books.import_pages(first, book.id, _folder(tmp_path))
    books.key_entry(first, book.id, 1, 1, build("death", {
        **DEATH, "registration_number": "8", "deceased.full_name": "Trần Thị Tám"}))
    assert books.digitisation(boss).books[0][1].entries == 0  # blind: not an entry yet
    split = books.key_entry(second, book.id, 1, 1, build("death", {
        **DEATH, "registration_number": "3", "deceased.full_name": "Trần Thị Tâm"}))
    assert split.record is not None
    row = books.digitisation(boss).books[0][1]
    assert (row.pages, row.entries, row.verified) == (3, 1, 0)
    books.decide(boss, split.record.id, {"registration_number": "3"})
    report = books.accuracy(boss)
    assert {a.key: a.wrong for a in report.officers} == {"canbo": 1, "canbo2": 0}
    books.decide(boss, split.record.id, {"registration_number": "8"})  # decided again
    report = books.accuracy(boss)
    assert {a.key: a.wrong for a in report.officers} == {"canbo": 0, "canbo2": 1}
    books.decide(boss, split.record.id, {"deceased.full_name": "Trần Thị Tâm"})
    report = books.accuracy(boss)
    assert {a.key: a.wrong for a in report.officers} == {"canbo": 1, "canbo2": 1}
    assert [(a.entries, a.disagreed, a.wrong) for a in report.books] == [(1, 2, 2)]
    assert report.fields == [("deceased.full_name", 1), ("registration_number", 1)]
    row = books.digitisation(boss).books[0][1]
    assert (row.entries, row.verified) == (1, 1)
    [commune] = books.digitisation(boss).communes
    assert (commune.books, commune.pages, commune.entries, commune.verified) == (1, 3, 1, 1)
