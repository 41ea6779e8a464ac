"""The sample re-check (a random 2 %, at least a few, of verified entries re-keyed blind, the
field error rate with its Wilson interval), a page's crop kept beside the whole scan, and
illegible fields kept as such."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

from desktop_app.domain import validate
from desktop_app.domain.illegible import flagged_leaves, mark, shown_value, unmark
from desktop_app.domain.sampling import sample_size, wilson
from desktop_app.errors import HotichError, PermissionDeniedError
from desktop_app.workflows import books, recheck, records
from tests.samples import build
from tests.unit.books.test_books import DEATH, _book, _folder, _photo
from tests.unit.conftest import Office

TODAY = date(2026, 1, 15)


def test_sample_size_is_two_percent_and_at_least_a_few() -> None:
    assert [sample_size(n) for n in (0, 3, 10, 250, 251, 1000)] == [0, 3, 5, 5, 6, 20]
    assert sample_size(1000, 0.1, 2) == 100


def test_wilson_interval_matches_the_formula() -> None:
    est = wilson(3, 120)
    assert est.rate == pytest.approx(0.025)
    # published value for 3/120 at 95 %: 0.00854 .. 0.07088
    assert (round(est.low, 4), round(est.high, 4)) == (0.0085, 0.0709)
    zero = wilson(0, 50)
    assert zero.low == 0 and zero.high == pytest.approx(0.0713, abs=1e-4)
    assert wilson(0, 0).high == 1.0
    wide, narrow = wilson(2, 40), wilson(50, 1000)
    assert (wide.high - wide.low) > (narrow.high - narrow.low)
    assert math.isclose(wilson(5, 10).low + wilson(5, 10).high, 1.0)


def _verified_book(office: Office, tmp_path: Path, n: int) -> books.BookRow:
    officer, checker = office("canbo"), office("canbo2")
    book = _book(officer)
    books.import_pages(officer, book.id, _folder(tmp_path))
    for position in range(1, n + 1):
        entry = books.key_entry(officer, book.id, 1, position, build("death", {
            **DEATH, "registration_number": str(position),
            "deceased.full_name": f"Nguyễn Văn Số {position}"})).record
        assert entry is not None
        records.submit(officer, entry.id)
        records.verify(checker, entry.id)
    return book


def test_a_supervisor_rekeys_a_sample_blind_and_gets_the_error_rate(
        office: Office, tmp_path: Path) -> None:
    boss = office("chutich")
    book = _verified_book(office, tmp_path, 7)
    with pytest.raises(PermissionDeniedError):  # a supervisor's check
        recheck.draw_recheck(office("canbo"), book_id=book.id)
    sample = recheck.draw_recheck(boss, book_id=book.id, seed=7)
    assert (sample.population, sample.seed) == (7, 7)
    drawn = recheck.recheck_entries(boss, sample.id)
    assert len(drawn) == 5 and all(e.place is not None for e in drawn)
    again = recheck.draw_recheck(boss, book_id=book.id, seed=7)  # the seed repeats the draw
    assert [e.record_id for e in recheck.recheck_entries(boss, again.id)] == \
        [e.record_id for e in drawn]

    wrong_fields = 0
    for n, entry in enumerate(drawn):
        rec = records.get_record(boss, entry.record_id)
        data = {k: v for k, v in rec.data.items() if k != "source"}  # keyed from the page
        if n == 0:  # the re-keyer reads another name on the page
            data = {**data, "deceased": {**data["deceased"], "full_name": "Nguyễn Văn Khác"}}
            wrong_fields += 1
        item = recheck.recheck_key(boss, sample.id[:8], entry.record_id, data)
        assert item.wrong == (1 if n == 0 else 0) and (item.fields or 0) > 3
        if n == 0:
            assert item.differences == ("deceased.full_name",)
    with pytest.raises(HotichError) as caught:
        recheck.recheck_key(boss, sample.id, drawn[0].record_id, {})
    assert caught.value.code == "E-RECHECK-DONE"
    with pytest.raises(HotichError) as caught:  # the officer's own entries: not theirs
        recheck.recheck_key(office("canbo2"), again.id, drawn[0].record_id, {})
    assert caught.value.code in ("E-RECHECK-OWN-ENTRY", "E-PERMISSION")

    report = recheck.recheck_report(boss, sample.id)
    assert (report.drawn, report.rekeyed) == (5, 5)
    assert report.fields.errors == wrong_fields and report.fields.trials > 15
    expected = wilson(wrong_fields, report.fields.trials)
    assert (report.fields.low, report.fields.high) == (expected.low, expected.high)
    assert report.entries.errors == 1 and report.entries.trials == 5
    assert report.by_field == [("deceased.full_name", 1)]
    assert [r.sample.id for r in recheck.recheck_reports(boss)] == [sample.id, again.id]
    # nothing in the entry changed: a difference is corrected through the usual procedure
    assert records.get_record(boss, drawn[0].record_id).data["deceased"]["full_name"] != \
        "Nguyễn Văn Khác"


def test_a_sample_needs_verified_entries(office: Office, tmp_path: Path) -> None:
    officer, boss = office("canbo"), office("chutich")
    book = _book(officer)
    books.import_pages(officer, book.id, _folder(tmp_path))
    books.key_entry(officer, book.id, 1, 1, build("death", DEATH))  # keyed, not verified
    with pytest.raises(HotichError) as caught:
        recheck.draw_recheck(boss, book_id=book.id)
    assert caught.value.code == "E-RECHECK-EMPTY"


def test_a_crop_is_kept_beside_the_whole_scan(office: Office, tmp_path: Path) -> None:
    officer = office("canbo")
    book = _book(officer)
    books.import_pages(officer, book.id, _folder(tmp_path))
    page = books.crop_page(officer, book.id, 2, (0.1, 0.2, 0.9, 0.7))
    assert page.crop == (0.1, 0.2, 0.9, 0.7)
    assert books.pages_of(officer, book.id)[1].crop == (0.1, 0.2, 0.9, 0.7)
    assert books.page_content(officer, book.id, 2) == _photo(200)  # the scan is untouched
    rotated = books.rotate_page(officer, book.id, 2, 90)
    assert rotated.crop == (0.1, 0.2, 0.9, 0.7)  # the crop is of the scan as captured
    for bad in ((0.5, 0.2, 0.4, 0.7), (-0.1, 0, 1, 1), (0, 0, 1.2, 1), (0.3, 0.3, 0.31, 0.9)):
        with pytest.raises(HotichError) as caught:
            books.crop_page(officer, book.id, 2, bad)
        assert caught.value.code == "E-BOOK-CROP"
    assert books.crop_page(officer, book.id, 2, None).crop is None
    assert books.crop_page(officer, book.id, 2, (0, 0, 1, 1)).crop is None
    with officer.store.read() as uow:
        assert [e.action for e in uow.audit.entries(book.id)].count("book.crop") == 3


def test_an_illegible_field_is_kept_as_such() -> None:
    data = build("death", {**DEATH, "deceased.full_name": "Nguyễn Văn Bảy"})
    marked = mark(data, "deceased.full_name")
    assert "full_name" not in marked["deceased"] and marked["illegible"] == ["deceased.full_name"]
    assert data["deceased"]["full_name"] == "Nguyễn Văn Bảy"  # the input is not changed
    issues = validate("death", marked, historical=True, today=TODAY)
    codes = {(i.code, i.field) for i in issues}
    assert ("W-LEGACY-ILLEGIBLE", "deceased.full_name") in codes
    assert not [i for i in issues if i.is_error]  # a required field, not an error
    assert ("W-LEGACY-MISSING", "deceased.full_name") not in codes
    assert shown_value(marked, "deceased.full_name") == "không đọc được"
    assert shown_value(marked, "deceased.full_name", lang="en") == "illegible"
    assert shown_value(marked, "registration_number") is None
    assert flagged_leaves(marked) == ["deceased.full_name"]
    assert "illegible" not in unmark(marked, "deceased.full_name")
    unknown = validate("death", {**marked, "illegible": ["deceased.nickname"]},
                       historical=True, today=TODAY)
    assert ("E-FIELD-UNKNOWN", "illegible") in {(i.code, i.field) for i in unknown}


def test_a_commune_sample_draws_from_every_book(office: Office, tmp_path: Path) -> None:
    officer, checker, boss = office("canbo"), office("canbo2"), office("chutich")
    found = []
    for year, folder in ((1990, "a"), (1991, "b")):
        book = books.open_book(officer, "death", year, f"01/{year}", "UBND xã Tân Lập", 3)
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "p1.jpg").write_bytes(_photo(year % 200))
        books.import_pages(officer, book.id, tmp_path / folder)
        for position in range(1, 4):
            entry = books.key_entry(officer, book.id, 1, position, build("death", {
                **DEATH, "registration_number": f"{year}-{position}"})).record
            assert entry is not None
            records.submit(officer, entry.id)
            records.verify(checker, entry.id)
        found.append(book.id)
    sample = recheck.draw_recheck(boss, seed=5)  # no book: the commune's
    assert sample.book_id is None and sample.population == 6
    drawn = recheck.recheck_entries(boss, sample.id)
    assert len(drawn) == 5  # at least five, however small the commune
    assert {e.place.book_id for e in drawn if e.place} == set(found)


def test_the_frame_leaves_out_what_the_rechecker_decided(office: Office,
                                                        tmp_path: Path) -> None:
    """The supervisor who decided a double-entry disagreement cannot re-key that entry: the
    draw is made from the verified entries they had no hand in, so nothing drawn is
    skipped afterwards (a skip would bias the rate) and the re-check can be finished."""
    first, second, boss = office("canbo"), office("canbo2"), office("chutich")
    book = _verified_book(office, tmp_path, 3)
    books.set_double_entry(boss, True)
    books.key_entry(first, book.id, 1, 4, build("death", {**DEATH,
                                                          "registration_number": "4"}))
    split = books.key_entry(second, book.id, 1, 4, build("death", {
        **DEATH, "registration_number": "9"}))
    assert split.stage == "disagreed" and split.record is not None
    settled = books.decide(boss, split.record.id, {"registration_number": "4"})
    assert settled.stage == "agreed" and settled.record is not None
    assert settled.record.verified_by == "chutich"

    sample = recheck.draw_recheck(boss, book_id=book.id, share=1.0, minimum=1, seed=3)
    drawn = recheck.recheck_entries(boss, sample.id)
    assert sample.population == 3 and len(drawn) == 3
    assert settled.record.id not in {e.record_id for e in drawn}
    for entry in drawn:  # every drawn entry can be re-keyed: the re-check gets finished
        rec = records.get_record(boss, entry.record_id)
        recheck.recheck_key(boss, sample.id, entry.record_id,
                            {k: v for k, v in rec.data.items() if k != "source"})
    assert recheck.recheck_report(boss, sample.id).rekeyed == 3
    with boss.store.read() as uow:  # the frame is said, not hidden
        audit = next(e for e in uow.audit.entries(sample.id) if e.action == "recheck.draw")
    assert '"excluded":1' in audit.details and "not_by_rechecker" in audit.details
    with pytest.raises(HotichError) as caught:  # the keyers had a hand in every entry
        recheck.draw_recheck(office("canbo2"), book_id=book.id)
    assert caught.value.code in ("E-RECHECK-ALL-OWN", "E-PERMISSION")
