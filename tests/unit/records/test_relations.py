"""Rules between records through the store (issue 15): the context the workflows build from
the records held here refuses what the law forbids given another record."""

from __future__ import annotations

from typing import Any

import pytest

from desktop_app.domain.errors import DomainError, RecordInvalidError
from desktop_app.workflows import records
from tests.samples import build
from tests.unit.conftest import Office


def _registered(office: Office, rtype: str, data: dict[str, Any]) -> records.SaveResult:
    created = records.create_record(office("canbo"), rtype, data)
    records.submit(office("canbo"), created.record.id)
    reasons = {i.code: "đã kiểm tra hồ sơ gốc" for i in created.issues if i.is_warning}
    return records.approve(office("chutich"), created.record.id, reasons)


def _refused(office: Office, rtype: str, data: dict[str, Any]) -> set[str]:
    with pytest.raises(RecordInvalidError) as refused:
        records.create_record(office("canbo"), rtype, data)
    return set(refused.value.params["rules"])  # type: ignore[arg-type]


def test_recognition_against_the_birth_held_here(office: Office) -> None:
    birth = _registered(office, "birth", build("birth", {"child.full_name": "Trần Văn Đức",
                                                         "child.date_of_birth": "2026-01-02"}))
    other = build("recognition", {"child.birth_record": {"record_id": birth.record.id},
                                  "parent.full_name": "Lê Văn Sơn",
                                  "child.date_of_birth": "2026-01-02"})
    assert "E-RECOG-OTHER-PARENT" in _refused(office, "recognition", other)
    # The father the birth names, recognising again: no contradiction.
    same = dict(other, parent={"full_name": "Nguyễn Văn Cường", "sex": "male",
                               "date_of_birth": "1993"})
    assert records.create_record(office("canbo"), "recognition", same).record.links_to == \
        birth.record.id


def test_one_guardian_and_one_termination(office: Office) -> None:
    first = _registered(office, "guardianship", build("guardianship"))
    second = build("guardianship", {"guardian.full_name": "Lê Văn Sáu"})
    assert "E-GUARD-ONE" in _refused(office, "guardianship", second)

    term = build("guardianship", {"kind": "termination", "termination_reason": "parents_resume",
                                  "original_record": {"record_id": first.record.id}})
    assert "E-LINK-NOT-FOUND" in _refused(office, "guardianship", dict(
        term, original_record={"record_id": "00000000-0000-0000-0000-000000000000"}))
    assert "E-GUARD-TERM-REASON" in _refused(office, "guardianship", dict(
        term, termination_reason="ward_full_capacity"))
    rival = records.create_record(office("canbo2"), "guardianship", term).record
    records.submit(office("canbo2"), rival.id)
    ended = _registered(office, "guardianship", term)
    assert ended.record.links_to == first.record.id
    # Two drafts ended the same guardianship: the second is refused at approval.
    with pytest.raises(DomainError) as twice:
        records.approve(office("chutich"), rival.id, {})
    assert "E-GUARD-TERM-ENDED" in str(twice.value.params)
    # The same guardianship cannot be ended twice.
    assert "E-GUARD-TERM-ENDED" in _refused(office, "guardianship", term)
    # Once ended, the ward may have a new guardian.
    assert records.create_record(office("canbo"), "guardianship", second).record.id


def test_a_new_marriage_is_refused_until_the_spouse_dies(office: Office) -> None:
    husband_id = "001098000123"
    _registered(office, "marriage", build("marriage", {"husband.personal_id": husband_id}))
    again = build("marriage", {"husband.personal_id": husband_id,
                               "wife": {"full_name": "Lê Thị Hoa", "sex": "female",
                                        "date_of_birth": "1999-02-02"}})
    assert "E-MARR-BIGAMY" in _refused(office, "marriage", again)
    # A namesake born the same day but with no personal ID on record may be another man:
    # saved with the warning, for the supervisor to check, never refused.
    namesake = build("marriage", {"wife": {"full_name": "Lê Thị Hoa", "sex": "female",
                                           "date_of_birth": "1999-02-02"}})
    probable = records.create_record(office("canbo"), "marriage", namesake)
    assert [i.code for i in probable.issues if i.code.endswith("MARR-BIGAMY")] == [
        "W-MARR-BIGAMY"]
    _registered(office, "death", build("death", {"deceased": {
        "full_name": "Đỗ Thị Lan", "sex": "female", "date_of_birth": "2000-07-09"}}))
    widower = records.create_record(office("canbo"), "marriage", again)
    assert not any(i.code.endswith("MARR-BIGAMY") for i in widower.issues)


def test_kinship_established_by_the_births_held_refuses_a_first_marriage(
        office: Office) -> None:
    mother = {"mother.full_name": "Hoàng Thị Yến", "mother.date_of_birth": "1970-03-03",
              "mother.personal_id": "079170001111", "registration_kind": "late"}
    _registered(office, "birth", build("birth", {
        **mother, "child.full_name": "Phạm Văn Hùng", "child.date_of_birth": "1998-05-01",
        "child.personal_id": "079098001234", "child.sex": "male",
        "father.full_name": "Phạm Văn Cả", "declarant.full_name": "Phạm Văn Cả"}))
    _registered(office, "birth", build("birth", {
        **mother, "child.full_name": "Phạm Thị Lan", "child.date_of_birth": "2000-07-09",
        "child.personal_id": "079300001234", "child.sex": "female",
        "father.full_name": "Phạm Văn Cả", "declarant.full_name": "Phạm Văn Cả"}))
    marriage = build("marriage", {
        "husband.personal_id": "079098001234",
        "wife": {"full_name": "Phạm Thị Lan", "sex": "female", "date_of_birth": "2000-07-09",
                 "personal_id": "079300001234"}})
    with pytest.raises(RecordInvalidError) as refused:
        records.create_record(office("canbo"), "marriage", marriage)
    (kin,) = [i for i in refused.value.params["issues"]  # type: ignore[union-attr]
              if i.code == "E-MARR-KIN"]
    assert kin.params["births"] == ["1", "2"] and kin.params["relations"] == ["sibling"]
