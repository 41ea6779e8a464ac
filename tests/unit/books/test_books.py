"""Books being digitised over a real store: pages imported from a folder and kept encrypted
as attachments, entries tied to their page and position, progress by aggregates, and double
entry by two real accounts with a third person deciding the disagreements."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.errors import HotichError, NotFoundError, PermissionDeniedError
from desktop_app.workflows import attachments, books, records
from tests.samples import DELETE, build
from tests.unit.conftest import Office

DEATH = {"registered_on": "1990-03-02", "registration_number": "7",
         "time_of_death": "1990-03-01T08:00", "deceased.full_name": "Nguyễn Văn Bảy"}


def _photo(shade: int, kind: str = "JPEG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 80), (shade, shade, shade)).save(out, kind)
    return out.getvalue()


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "IMG_0002.jpg").write_bytes(_photo(200))
    (folder / "img_0001.PNG").write_bytes(_photo(100, "PNG"))
    (folder / "IMG_0003.pdf").write_bytes(b"%PDF-1.4\n%page three\n")
    (folder / "notes.txt").write_text("not a page")
    return folder


def _book(officer) -> books.BookRow:  # noqa: ANN001
    return books.open_book(officer, "death", 1990, "01/1990", "UBND xã Tân Lập", 3)


def test_a_book_takes_its_pages_from_a_folder(office: Office, tmp_path: Path) -> None:
    officer = office("canbo")
    book = _book(officer)
    pages = books.import_pages(officer, book.id[:8], _folder(tmp_path), rotation=90)
    assert [(p.page_no, p.file_name, p.media_type) for p in pages] == [
        (1, "img_0001.PNG", "image/png"), (2, "IMG_0002.jpg", "image/jpeg"),
        (3, "IMG_0003.pdf", "application/pdf")]
    assert {p.rotation for p in pages} == {90}
    again = books.import_pages(officer, book.id, tmp_path / "usb")  # the same scans again
    assert [p.page_no for p in again] == [1, 2, 3] and len(books.pages_of(officer, book.id)) == 3
    assert books.rotate_page(officer, book.id, 2, 270).rotation == 270
    assert books.page_content(officer, book.id, 2) == _photo(200)
    with pytest.raises(HotichError) as caught:
        books.rotate_page(officer, book.id, 2, 45)
    assert caught.value.code == "E-BOOK-ROTATION"
    with pytest.raises(NotFoundError):
        books.rotate_page(officer, book.id, 9, 0)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "scan.jpg").write_bytes(b"PK\x03\x04 a zip")
    with pytest.raises(HotichError) as caught:
        books.import_pages(officer, book.id, bad)
    assert caught.value.code == "E-BOOK-PAGE-TYPE" and caught.value.params["path"] == "scan.jpg"
    with pytest.raises(PermissionDeniedError):
        books.open_book(office("admin"), "death", 1990, "02/1990", "UBND xã Tân Lập", 3)
    with officer.store.read() as uow:  # the scans are in the encrypted store, audited
        actions = [e.action for e in uow.audit.entries(book.id)]
    assert actions.count("book.page") == 3 and "book.rotate" in actions


def test_entries_on_their_page_and_progress(office: Office, tmp_path: Path) -> None:
    officer, second = office("canbo"), office("canbo2")
    book = _book(officer)
    books.import_pages(officer, book.id, _folder(tmp_path))
    first = books.key_entry(officer, book.id, 1, 1, build("death", {
        **DEATH, "registration_number": DELETE}))  # the book gives no number for it
    assert first.stage == "single" and first.record.is_historical
    assert first.record.book_number == "01/1990"  # the book's own number
    assert first.record.data["source"]["book_number"] == "01/1990"
    assert first.record.data["source"]["page"] == 1
    assert first.record.data["source"]["phase"] == "3"
    # the page's scan travels with the entry
    [scan] = attachments.attachments_of(officer, first.record.id)
    assert scan.sha256 == books.pages_of(officer, book.id)[0].sha256
    with pytest.raises(HotichError) as caught:
        books.key_entry(second, book.id, 1, 1, build("death", DEATH))
    assert caught.value.code == "E-BOOK-POSITION-TAKEN"
    other = books.key_entry(officer, book.id, 1, 2, build("death", {
        **DEATH, "deceased.full_name": "Trần Thị Tám", "registration_number": DELETE,
        "book_number": "01/1990-bis", "illegible": ["registration_number"]}))
    assert other.record.book_number == "01/1990-bis"  # as typed
    clean = books.key_entry(officer, book.id, 2, 1, build("death", {  # nothing missing
        **DEATH, "deceased.full_name": "Lê Văn Chín", "registration_number": "9"}))
    assert not clean.record.issues
    place = books.place_of(officer, other.record.id)
    assert place is not None and (place.page_no, place.position) == (1, 2)
    assert [(e.page_no, e.position) for e in books.entries_of(officer, book.id)] == \
        [(1, 1), (1, 2), (2, 1)]
    records.submit(officer, first.record.id)
    records.verify(second, first.record.id)

    report = books.digitisation(officer)
    [(row, progress)] = report.books
    assert row.id == book.id
    assert (progress.pages, progress.entries, progress.verified) == (3, 3, 1)
    # the entry without its number, and the one whose number is illegible, carry warnings
    assert progress.with_warnings == 2
    assert {(i["rule"], i["field"]) for i in first.record.issues} == \
        {("W-LEGACY-NO-NUMBER", "registration_number")}
    assert {i["rule"] for i in other.record.issues} == {"W-LEGACY-ILLEGIBLE"}
    [commune] = report.communes
    assert (commune.commune, commune.books, commune.pages, commune.entries) == \
        ("26740", 1, 3, 3)
    empty = books.open_book(officer, "birth", 1991, "01/1991", "UBND xã Tân Lập", 3)
    report = books.digitisation(officer)
    assert [(b.id, p.pages, p.entries) for b, p in report.books if b.id == empty.id] == \
        [(empty.id, 0, 0)]
    assert report.communes[0].books == 2 and report.communes[0].pages == 3


def test_double_entry_compares_after_nfc_and_a_third_person_decides(
        office: Office, tmp_path: Path) -> None:
    officer, second, boss = office("canbo"), office("canbo2"), office("chutich")
    with pytest.raises(PermissionDeniedError):  # a commune setting: supervisors
        books.set_double_entry(officer, True)
    books.set_double_entry(boss, True)
    assert books.double_entry_required(officer)
    book = _book(officer)
    books.import_pages(officer, book.id, _folder(tmp_path))

    # both agree, one typed with decomposed diacritics and an extra space
    agreed = books.key_entry(officer, book.id, 1, 1, build("death", DEATH))
    assert agreed.stage == "first" and agreed.record is None  # blind: no record yet
    with pytest.raises(HotichError) as caught:  # the same officer cannot key it twice
        books.key_entry(officer, book.id, 1, 1, build("death", DEATH))
    assert caught.value.code == "E-BOOK-SAME-KEYER"
    nfd = unicodedata.normalize("NFD", "Nguyễn  Văn Bảy ")
    done = books.key_entry(second, book.id, 1, 1, build("death", {
        **DEATH, "deceased.full_name": nfd}))
    assert done.stage == "agreed" and done.record.status == "submitted"
    assert done.record.verified_by == "canbo2"
    assert done.record.officer == "canbo"  # the entry is the first keyer's
    assert done.record.data["deceased"]["full_name"] == "Nguyễn Văn Bảy"

    # they disagree on two fields: only those are listed
    books.key_entry(officer, book.id, 1, 2, build("death", {
        **DEATH, "registration_number": "8", "deceased.full_name": "Trần Thị Tám"}))
    split = books.key_entry(second, book.id, 1, 2, build("death", {
        **DEATH, "registration_number": "3", "deceased.full_name": "Trần Thị Tâm"}))
    assert split.stage == "disagreed" and split.record.status == "draft"
    assert [f.path for f in split.disagreements] == ["deceased.full_name",
                                                     "registration_number"]
    assert [f.path for f in books.disagreements(officer, split.record.id)] == \
        ["deceased.full_name", "registration_number"]
    assert [r.id for r in books.awaiting_decision(boss)] == [split.record.id]
    [waiting] = books.decisions(boss)
    assert waiting.record.id == split.record.id and waiting.refusal is None
    assert waiting.keyed_by == ("canbo", "canbo2") and waiting.place is not None
    assert (waiting.place.page_no, waiting.place.position) == (1, 2)
    assert [f.path for f in waiting.disagreements] == ["deceased.full_name",
                                                       "registration_number"]
    [theirs] = books.decisions(second)
    assert theirs.refusal is not None and theirs.refusal.code == "E-BOOK-DECIDER-KEYED"
    with pytest.raises(HotichError) as caught:
        books.key_entry(boss, book.id, 1, 2, build("death", DEATH))
    assert caught.value.code == "E-BOOK-KEYED-TWICE"
    with pytest.raises(HotichError) as caught:  # a keyer never decides
        books.decide(second, split.record.id, {"registration_number": "8"})
    assert caught.value.code == "E-BOOK-DECIDER-KEYED"
    with pytest.raises(HotichError) as caught:
        books.decide(boss, split.record.id, {"deceased.gender": "male"})
    assert caught.value.code == "E-BOOK-NOT-DISAGREED"

    with pytest.raises(HotichError) as caught:  # nor around the decision
        records.submit(officer, split.record.id)
    assert caught.value.code == "E-BOOK-DOUBLE-ENTRY-PENDING"
    half = books.decide(boss, split.record.id, {"registration_number": "8"})
    assert half.stage == "disagreed" and [f.path for f in half.disagreements] == \
        ["deceased.full_name"]
    settled = books.decide(boss, split.record.id, {"deceased.full_name": "Trần Thị Tám"})
    assert settled.stage == "agreed" and settled.record.status == "submitted"
    assert settled.record.data["registration_number"] == "8"
    assert settled.record.data["deceased"]["full_name"] == "Trần Thị Tám"
    assert settled.record.verified_by == "chutich"
    with boss.store.read() as uow:  # both versions and the decision stay in the audit
        [settle] = [e for e in uow.audit.entries(split.record.id)
                    if e.action == "record.double_entry.settle"]
        keyings = uow.books.keyings(split.record.id)
    details = json.loads(settle.details)
    assert details["keyed_by"] == ["canbo", "canbo2"]
    assert {d["path"]: (d["first"], d["second"], d["decided"])
            for d in details["decisions"]} == {
        "deceased.full_name": ('"Trần Thị Tám"', '"Trần Thị Tâm"', '"Trần Thị Tám"'),
        "registration_number": ('"8"', '"3"', '"8"')}
    assert [k.data["registration_number"] for k in keyings] == ["8", "3"]
    # settled entries are verified: the supervisor who did not decide approves as usual
    approver = office("phochutich")
    warnings = records.get_record(approver, split.record.id).issues
    approved = records.approve(approver, split.record.id,
                               {str(w["rule"]): "đúng như sổ gốc" for w in warnings})
    assert approved.record.status == "approved"

    report = books.accuracy(boss)
    by_officer = {a.key: a for a in report.officers}
    assert by_officer["canbo"].disagreed == 2 and by_officer["canbo"].wrong == 0
    assert by_officer["canbo2"].disagreed == 2 and by_officer["canbo2"].wrong == 2
    assert by_officer["canbo"].entries == 2 and by_officer["canbo"].fields > 2
    [per_book] = report.books
    assert per_book.key == book.id and (per_book.disagreed, per_book.wrong) == (2, 2)
    assert dict(report.fields) == {"deceased.full_name": 1, "registration_number": 1}
    assert books.digitisation(boss).books[0][1].verified == 2


def test_single_entry_stays_the_lighter_mode(office: Office, tmp_path: Path) -> None:
    officer, boss = office("canbo"), office("chutich")
    books.set_double_entry(boss, True)
    books.set_double_entry(boss, False)
    book = _book(officer)
    books.import_pages(officer, book.id, _folder(tmp_path))
    keyed = books.key_entry(officer, book.id, 1, 1, build("death", DEATH))
    assert keyed.stage == "single" and keyed.record.verified_by is None
    with officer.store.read() as uow:
        assert uow.books.keyings(keyed.record.id) == []
    with pytest.raises(HotichError) as caught:
        books.decide(boss, keyed.record.id, {"registration_number": "7"})
    assert caught.value.code == "E-BOOK-NOTHING-TO-DECIDE"


def test_comparison_is_field_by_field_after_nfc() -> None:
    first = {"a": {"b": "Đặng", "c": ""}, "n": 7, "l": ["x"]}
    second = {"a": {"b": unicodedata.normalize("NFD", " Đặng")}, "n": 8, "l": ["x"], "z": "1"}
    assert [(f.path, f.agreed) for f in books.compare(first, second)] == [
        ("a.b", True), ("l", True), ("n", False), ("z", False)]


def test_entries_corrected_later_are_counted(office: Office, tmp_path: Path) -> None:
    officer, boss = office("canbo"), office("chutich")
    book = books.open_book(officer, "birth", 2000, "01/2000", "UBND xã Tân Lập", 2)
    books.import_pages(officer, book.id, _folder(tmp_path))
    entry = books.key_entry(officer, book.id, 1, 1, build("birth", {
        "registered_on": "2000-01-05", "registration_number": "12",
        "child.date_of_birth": "2000-01-01"})).record
    submitted = records.submit(officer, entry.id)
    records.verify(office("canbo2"), entry.id)
    records.approve(boss, entry.id, {i.code: "đúng như sổ gốc" for i in submitted.issues
                                     if i.is_warning})
    assert books.accuracy(boss).corrected_by_book == {}
    child = entry.data["child"]
    change = records.create_record(officer, "change", build("change", {
        "original_record": {"record_id": entry.id},
        "subject": {"full_name": child["full_name"], "date_of_birth": "2000-01-01"},
        "changes": [{"field": "full_name", "from": child["full_name"],
                     "to": child["full_name"] + " Em"}]}))
    assert change.record.links_to == entry.id
    submitted = records.submit(officer, change.record.id)
    assert books.accuracy(boss).corrected_by_book == {}  # not registered yet
    reasons = {i.code: "đã kiểm tra hồ sơ gốc" for i in submitted.issues if i.is_warning}
    records.approve(office("phochutich"), change.record.id, reasons)
    report = books.accuracy(boss)
    assert report.corrected_by_book == {book.id: 1}
    assert report.corrected_by_officer == {"canbo": 1}
