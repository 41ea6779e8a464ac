"""The cross-record warnings found through the store's person index, now that it hands the
rules only the candidates they may match (issue 13): twins and duplicates by the mother and
the child's day of birth, bigamy by the spouse's folded name, birth year and personal ID."""

from __future__ import annotations

import pytest

from desktop_app.domain import PartySummary
from desktop_app.domain.context import same_person
from desktop_app.domain.workflow import REGISTERED_STATUSES
from desktop_app.workflows import record_index, records
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


def _in_force_as_read_whole(office: Office, wanted: dict) -> set[str]:
    """The reference: every record read whole, bigamy's candidates found by same_person."""
    with office("canbo").store.read() as uow:
        stored = [uow.records.get(p.id) for p in uow.records.parts_by_n(range(1, 200), ())]
    held = [r for r in stored if r is not None and r.status in REGISTERED_STATUSES]
    dead = [PartySummary.from_person(r.data["deceased"]) for r in held if r.type == "death"]
    spouses = [PartySummary.from_person(wanted[k]) for k in ("husband", "wife")]
    found = set()
    for rec in (r for r in held if r.type == "marriage"):
        pair = [PartySummary.from_person(rec.data[k]) for k in ("husband", "wife")]
        if any(same_person(w, p) for w in spouses for p in pair) and \
                not any(same_person(p, d) for p in pair for d in dead):
            found.add(rec.id)
    return found


def test_the_marriages_in_force_are_those_a_whole_reading_finds(office: Office) -> None:
    """Namesakes of several generations, some dead: the index-answered death checks (several
    spouses at once) end exactly the marriages a reading of every record ends."""
    for year, wife in (("1950", "Trần Thị Bé"), ("1980", "Phạm Thị Cúc"), ("1965", "Đỗ Thị Dung"),
                       ("1990", "Vũ Thị Én")):
        _registered(office, "marriage", build("marriage", {
            "husband": {"full_name": "Lê Văn An", "sex": "male", "date_of_birth": year},
            "wife": {"full_name": wife, "sex": "female", "date_of_birth": "1960"}}))
    _registered(office, "death", build("death", {"deceased": {
        "full_name": "Lê Văn An", "sex": "male", "date_of_birth": "1950-02-03"}}))
    _registered(office, "death", build("death", {"deceased": {
        "full_name": "Vũ Thị Én", "sex": "female", "date_of_birth": "1960"}}))
    records.create_record(office("canbo"), "death", build("death", {"deceased": {  # a draft
        "full_name": "Phạm Thị Cúc", "sex": "female", "date_of_birth": "1960"}}))
    in_force = []
    kept = record_index.Registered()  # as a bulk import's batch keeps the deaths it read
    for born in (None, "1950", "1980", "1990-01-01", "1950", None):
        husband = {"full_name": "Lê Văn An", "sex": "male", **({"date_of_birth": born}
                                                               if born else {})}
        data = build("marriage", {"husband": husband, "registration_kind": "re_registration"})
        expected = _in_force_as_read_whole(office, data)
        with office("canbo").store.read() as uow:
            for registered in (None, kept):
                context = record_index.validation_context(uow, "marriage", data, "new",
                                                          registered)
                assert {m.record_id for m in context.active_marriages} == expected, born
        in_force.append(len(expected))
    # 1965 and 1980; the men of 1950 and of 1990's wife died
    assert in_force == [2, 0, 1, 0, 0, 2]
    assert kept.died_unnamed[("levanan", "1950")]  # one answer for the namesakes of 1950


def test_personal_ids_decide_which_namesakes_death_ends_a_marriage(office: Office) -> None:
    """Both IDs known decide (same_person): another man's death of the same name and year
    leaves the marriage in force; his own, his birth year written otherwise, ends it."""
    husband = {"full_name": "Hà Văn Bảy", "sex": "male", "date_of_birth": "1970-04-05",
               "personal_id": "079070001234"}
    married = _registered(office, "marriage", build("marriage", {
        "husband": husband, "wife": {"full_name": "Lò Thị Tám", "sex": "female",
                                     "date_of_birth": "1972"}}))
    again = build("marriage", {"husband": husband, "registration_kind": "re_registration"})

    def in_force() -> set[str]:
        with office("canbo").store.read() as uow:
            context = record_index.validation_context(uow, "marriage", again, "new")
        found = {m.record_id for m in context.active_marriages}
        assert found == _in_force_as_read_whole(office, again)
        return found

    _registered(office, "death", build("death", {"deceased": {
        **husband, "personal_id": "079070009999"}}))
    assert in_force() == {married.record.id}
    _registered(office, "death", build("death", {"deceased": {
        **husband, "date_of_birth": "1971"}}))
    assert in_force() == set()
