"""The cross-record warnings found through the store's person index, now that it hands the
rules only the candidates they may match (issue 13): twins and duplicates by the mother and
the child's day of birth, bigamy by the spouse's folded name, birth year and personal ID."""

from __future__ import annotations

import pytest

from desktop_app.workflows import records
from tests.samples import build
from tests.unit.conftest import Office

HUSBAND_ID = "079098001234"  # male, born 1998 (AAA B CC ...)


def _codes(result: records.SaveResult) -> set[str]:
    return {i.code for i in result.issues if i.is_warning}


def _registered(office: Office, rtype: str, data: dict) -> records.SaveResult:
    created = records.create_record(office("canbo"), rtype, data)
    records.submit(office("canbo"), created.record.id)
    reasons = {code: "đã kiểm tra hồ sơ gốc" for code in _codes(created)}
    records.approve(office("chutich"), created.record.id, reasons)
    return created


def test_twins_and_a_duplicate_are_found_by_the_mother_and_the_day(office: Office) -> None:
    first = records.create_record(office("canbo"), "birth", build("birth"))
    twin = records.create_record(office("canbo"), "birth", build("birth", {
        "child.full_name": "Nguyễn Văn Bình", "child.date_of_birth": "2026-01-11"}))
    assert "W-TWINS" in _codes(twin)
    later = records.create_record(office("canbo"), "birth", build("birth", {
        "child.full_name": "Nguyễn Văn Cường", "child.date_of_birth": "2026-01-13"}))
    assert "W-TWINS" not in _codes(later)
    again = records.create_record(office("canbo"), "birth", build("birth"))
    duplicate = next(i for i in again.issues if i.code == "W-DUP-PERSON")
    assert first.record.id in duplicate.params["candidates"]


@pytest.mark.parametrize(("edits", "is_bigamy"), [
    ({}, True),  # the same man, registered again
    ({"husband.date_of_birth": "1979-03-02"}, False),  # same name, another generation
    ({"husband.date_of_birth": "1998"}, True),  # the year is all the book gives
    ({"husband.date_of_birth": "1979-03-02", "husband.personal_id": HUSBAND_ID}, True),
    ({"husband.personal_id": "079098009999"}, False),  # same name and year, another man
])
def test_bigamy_is_found_among_the_registered_spouses(office: Office, edits: dict,
                                                      is_bigamy: bool) -> None:
    _registered(office, "marriage", build("marriage", {"husband.personal_id": HUSBAND_ID}))
    # A re-registration keeps bigamy a warning (a new first marriage is refused: issue 15).
    second = records.create_record(office("canbo2"), "marriage", build("marriage", {
        "wife.full_name": "Lê Thị Hoa", "registration_kind": "re_registration", **edits}))
    assert ("W-MARR-BIGAMY" in _codes(second)) is is_bigamy


def test_a_registered_death_among_namesakes_ends_the_marriage(office: Office) -> None:
    """The death check reads its candidates a few at a time and stops at the first that
    counts: drafts and namesakes with another ID before it do not hide it."""
    _registered(office, "marriage", build("marriage", {"husband.personal_id": HUSBAND_ID}))
    wife = build("marriage")["wife"]
    again = build("marriage", {"husband.full_name": "Lê Văn Tám",
                               "registration_kind": "re_registration", "wife": wife})
    for i in range(6):  # the same name and year, never registered, or another woman
        records.create_record(office("canbo"), "death", build("death", {"deceased": {
            **wife, **({"personal_id": f"0011900{i:05d}"} if i % 2 else {})}}))
    still = records.create_record(office("canbo2"), "marriage", again)
    assert "W-MARR-BIGAMY" in _codes(still)
    _registered(office, "death", build("death", {"deceased": wife}))
    widower = records.create_record(office("canbo2"), "marriage", again)
    assert not any(i.code.endswith("MARR-BIGAMY") for i in widower.issues)
