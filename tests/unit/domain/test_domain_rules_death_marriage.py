from datetime import timedelta

import pytest
from domain_support import DELETE, TODAY, codes, run

from desktop_app.domain import BirthCandidate, MarriageCandidate, PartySummary, ValidationContext


def test_valid_death_and_marriage() -> None:
    assert [i for i in run("death") if i.severity != "info"] == []
    assert run("marriage") == []


@pytest.mark.parametrize(("days", "late"), [(14, False), (15, False), (16, True)])
def test_death_late_after_day_15(days: int, late: bool) -> None:
    day = TODAY - timedelta(days=days)
    issues = run("death", {"time_of_death": f"{day.isoformat()}T08:05"})
    assert ("W-KT-LATE" in codes(issues)) is late


def test_time_of_death_forms() -> None:
    assert not [i for i in run("death", {"time_of_death": "2026-01-10"}) if i.is_error]
    assert "E-DATE-INVALID" in codes(run("death", {"time_of_death": "2026-01-10T24:00"}))
    assert "E-DATE-INVALID" in codes(run("death", {"time_of_death": "2026-02-30T10:00"}))


def test_death_before_birth() -> None:
    edits = {"deceased.date_of_birth": "2026-01-11"}
    assert "E-DEATH-BEFORE-BIRTH" in codes(run("death", edits))
    assert "E-DEATH-BEFORE-BIRTH" not in codes(run("death", {"deceased.date_of_birth": "2026-01"}))
    issues = run("death", edits, historical=True)
    assert "W-LEGACY-ORDER" in codes(issues) and "E-DEATH-BEFORE-BIRTH" not in codes(issues)


def test_death_declarant_and_own_initiative() -> None:
    assert "W-KT-DECLARANT" in codes(run("death", {"declarant.relationship": "other"}))
    assert "W-KT-DECLARANT" not in codes(run("death", {"declarant": DELETE}))


def _turning(years: int, offset_days: int) -> str:
    """Born so that the years-th birthday is TODAY + offset_days."""
    birthday = TODAY.replace(year=TODAY.year - years) + timedelta(days=offset_days)
    return birthday.isoformat()


def test_wife_turning_18_on_the_day_may_marry_one_day_before_may_not() -> None:
    assert run("marriage", {"wife.date_of_birth": _turning(18, 0)}) == []
    issues = run("marriage", {"wife.date_of_birth": _turning(18, 1)})
    assert [(i.code, i.field) for i in issues] == [("E-MARR-AGE-NEW", "wife.date_of_birth")]


def test_husband_turning_20_on_the_day_may_marry_one_day_before_may_not() -> None:
    assert run("marriage", {"husband.date_of_birth": _turning(20, 0)}) == []
    issues = run("marriage", {"husband.date_of_birth": _turning(20, 1)})
    assert "E-MARR-AGE-NEW" in codes(issues)
    assert "E-MARR-AGE-NEW" not in codes(
        run("marriage", {"husband.date_of_birth": _turning(20, -1)})
    )


def test_under_age_marriage_recordable_when_historical_or_re_registered() -> None:
    young = {
        "wife.date_of_birth": "1960-01-01",
        "effective_date": "1975",
        "registered_on": "1975-06-01",
    }
    historical = run("marriage", young, historical=True)
    assert "W-MARR-AGE" in codes(historical) and not [i for i in historical if i.is_error]
    rereg = dict(young, registration_kind="re_registration")
    rereg.pop("registered_on")
    issues = run("marriage", rereg)
    assert "W-MARR-AGE" in codes(issues) and not [i for i in issues if i.is_error]


def test_presence_required_for_new_marriage() -> None:
    assert "E-PRESENCE-MARRIAGE" in codes(run("marriage", {"both_present": False}))
    assert "E-PRESENCE-MARRIAGE" not in codes(
        run("marriage", {"both_present": False}, historical=True)
    )
    abroad = {"both_present": DELETE, "registration_kind": "recorded_from_abroad"}
    assert "E-PRESENCE-MARRIAGE" not in codes(run("marriage", abroad))


def test_same_sex_bigamy_kin() -> None:
    assert "E-MARR-SAMESEX" in codes(run("marriage", {"wife.sex": "male"}))
    assert "W-MARR-SAMESEX" in codes(run("marriage", {"wife.sex": "male"}, historical=True))
    active = MarriageCandidate(
        "m-1", PartySummary("PHAM VAN HUNG", "1998-05-01"), PartySummary("Vũ Thị Mai", "1999")
    )
    bigamy = run("marriage", context=ValidationContext(active_marriages=(active,)))
    # Found by the folded name and birth year; without personal IDs it is a warning.
    assert [i.field for i in bigamy if i.code == "W-MARR-BIGAMY"] == ["husband.full_name"]
    mother = PartySummary("Hoàng Thị Yến", "1970")
    ctx = ValidationContext(
        husband_birth=BirthCandidate("b-1", PartySummary("Phạm Văn Hùng"), mother),
        wife_birth=BirthCandidate("b-2", PartySummary("Đỗ Thị Lan"), mother),
    )
    kin = [i for i in run("marriage", context=ctx) if i.code == "W-MARR-KIN"]
    assert kin and kin[0].params["relations"] == ["sibling"]
    assert "E-MARR-KIN" in codes(
        run("marriage", context=ValidationContext(known_kinship=("adoptive",)))
    )
