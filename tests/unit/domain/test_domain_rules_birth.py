from datetime import date, timedelta

import pytest
from domain_support import DELETE, TODAY, codes, run

from desktop_app.domain import BirthCandidate, PartySummary, ValidationContext


def test_valid_birth_has_no_errors_or_warnings() -> None:
    issues = run("birth")
    assert [i for i in issues if i.severity != "info"] == []
    assert codes(issues) == {"I-AWAITING-PERSONAL-ID", "I-PARENT-ONLY-YEAR"}


@pytest.mark.parametrize(("days", "late"), [(59, False), (60, False), (61, True)])
def test_birth_late_after_day_60(days: int, late: bool) -> None:
    dob = TODAY - timedelta(days=days)
    issues = run("birth", {"child.date_of_birth": dob.isoformat()})
    assert ("W-KS-LATE" in codes(issues)) is late


def test_birth_late_uses_registered_on_and_not_for_re_registration() -> None:
    edits = {"child.date_of_birth": "2025-01-01", "registered_on": "2025-03-03"}  # day 61
    assert "W-KS-LATE" in codes(run("birth", edits))
    edits["registered_on"] = "2025-03-02"  # day 60
    assert "W-KS-LATE" not in codes(run("birth", edits))
    edits = {"child.date_of_birth": "1990-01-01", "registration_kind": "re_registration"}
    assert "W-KS-LATE" not in codes(run("birth", edits))


@pytest.mark.parametrize("year", ["2013", "2012"])
def test_mother_aged_12_or_13_is_recordable_with_a_warning(year: str) -> None:
    issues = run("birth", {"mother.date_of_birth": f"{year}-01-01"})
    assert "W-MOTHER-AGE-LOW" in codes(issues)
    assert not [i for i in issues if i.is_error]


def test_mother_age_thresholds() -> None:
    assert "W-MOTHER-AGE-LOW" not in codes(run("birth", {"mother.date_of_birth": "2010-01-10"}))
    assert "W-MOTHER-AGE-LOW" in codes(run("birth", {"mother.date_of_birth": "2010-01-11"}))
    assert "W-MOTHER-AGE-HIGH" in codes(run("birth", {"mother.date_of_birth": "1970-01-09"}))
    assert "W-MOTHER-AGE-HIGH" not in codes(run("birth", {"mother.date_of_birth": "1971-01-01"}))
    assert "W-FATHER-AGE-LOW" in codes(run("birth", {"father.date_of_birth": "2011"}))
    assert "W-FATHER-AGE-LOW" not in codes(run("birth", {"father.date_of_birth": "2000"}))


def test_mother_required_unless_parents_unknown_or_abandoned() -> None:
    issues = run("birth", {"mother": DELETE})
    assert any(i.code == "E-REQUIRED" and i.field == "mother.full_name" for i in issues)
    for kind in ("parents_unknown", "abandoned"):
        edits = {"mother": DELETE, "father": DELETE, "registration_kind": kind}
        edits["declarant.relationship"] = "carer"
        issues = run("birth", edits)
        assert not [i for i in issues if i.is_error], issues
        assert "W-KS-DECLARANT" not in codes(issues)


def test_required_fields_of_the_child() -> None:
    issues = run("birth", {"child.full_name": "  ", "child.sex": DELETE})
    required = {i.field for i in issues if i.code == "E-REQUIRED"}
    assert {"child.full_name", "child.sex"} <= required


def test_declarant_outside_the_family_or_carers_warns() -> None:
    for unusual in ("spouse", "child", "self"):
        assert "W-KS-DECLARANT" in codes(run("birth", {"declarant.relationship": unusual}))
    # L60 Art 15: parents, else a grandparent, another close relative or the child's carer.
    for usual in ("mother", "father", "grandparent", "sibling", "relative", "carer"):
        assert "W-KS-DECLARANT" not in codes(run("birth", {"declarant.relationship": usual}))


def _sibling(record_id: str, name: str, dob: str, evidence: str = "GCS-002") -> BirthCandidate:
    return BirthCandidate(
        record_id,
        PartySummary(name, dob),
        PartySummary("Trần Thị Bình", "1995-04-02"),
        PartySummary("Nguyễn Văn Cường", "1993"),
        evidence,
    )


def test_twins_same_parents_and_date_are_twins_not_duplicates() -> None:
    ctx = ValidationContext(births=(_sibling("r-twin", "Nguyễn Văn Bình", "2026-01-10"),))
    issues = run("birth", context=ctx)
    assert "W-TWINS" in codes(issues) and "W-DUP-PERSON" not in codes(issues)
    assert not [i for i in issues if i.is_error]
    ctx = ValidationContext(births=(_sibling("r-twin", "Nguyễn Văn Bình", "2026-01-09"),))
    assert "W-TWINS" in codes(run("birth", context=ctx))  # born either side of midnight
    ctx = ValidationContext(births=(_sibling("r-old", "Nguyễn Văn Bình", "2026-01-08"),))
    assert "W-TWINS" not in codes(run("birth", context=ctx))


def test_same_name_date_and_mother_is_a_duplicate() -> None:
    ctx = ValidationContext(births=(_sibling("r-dup", "NGUYEN VAN  AN", "2026-01-10"),))
    issues = run("birth", context=ctx)
    dup = [i for i in issues if i.code == "W-DUP-PERSON"]
    assert dup and dup[0].params["candidates"] == ["r-dup"]
    assert "W-TWINS" not in codes(issues)
    other_mother = BirthCandidate(
        "r-x", PartySummary("Nguyễn Văn An", "2026-01-10"), PartySummary("Lê Thị Hoa", "1990")
    )
    assert "W-DUP-PERSON" not in codes(
        run("birth", context=ValidationContext(births=(other_mother,)))
    )
    # the record never matches itself
    ctx = ValidationContext(births=(_sibling("me", "Nguyễn Văn An", "2026-01-10"),), record_id="me")
    assert "W-DUP-PERSON" not in codes(run("birth", context=ctx))


def test_surname_ethnicity_hometown() -> None:
    assert "W-SURNAME" in codes(run("birth", {"child.full_name": "Lê Văn An"}))
    assert "W-SURNAME" not in codes(run("birth", {"child.full_name": "Trần Văn An"}))
    ede = {
        "child.full_name": "H’Hen Niê",
        "child.sex": "female",
        "child.ethnicity": "Ê Đê",
        "mother.full_name": "H'Blao Niê",
        "mother.ethnicity": "Ê-đê",
        "father.full_name": "Y Moan Êban",
        "father.ethnicity": "Ê Đê",
    }
    issues = run("birth", ede)
    assert not {"W-SURNAME", "W-ETHNIC", "W-NAME-CHARS"} & codes(issues)
    assert not [i for i in issues if i.is_error]
    # BLDS Art 29.2: neither parent's ethnicity is refused for a new birth (issue 15).
    assert "E-ETHNIC-PARENTS" in codes(run("birth", {"child.ethnicity": "Tày"}))
    assert "W-ETHNIC-PARENTS" in codes(run("birth", {"child.ethnicity": "Tày"},
                                           historical=True))
    assert "W-ETHNIC" in codes(run("birth", {"child.ethnicity": "Klingon"}))
    home = {
        "child.hometown": {"commune_code": "26740"},
        "father.hometown": {"commune_code": "24163"},
    }
    assert "W-HOMETOWN" in codes(run("birth", home))
    home["mother.hometown"] = {"commune_code": "26740"}
    assert "W-HOMETOWN" not in codes(run("birth", home))


def test_future_and_invalid_dates_are_errors() -> None:
    issues = run("birth", {"child.date_of_birth": (TODAY + timedelta(days=1)).isoformat()})
    assert "E-DATE-FUTURE" in codes(issues)
    assert "E-DATE-FUTURE" not in codes(run("birth", {"child.date_of_birth": TODAY.isoformat()}))
    for bad in ("2025-02-30", "2025-13", "15/03/2025", "2025-2-1"):
        assert "E-DATE-INVALID" in codes(run("birth", {"child.date_of_birth": bad})), bad
    assert "E-DATE-INVALID" not in codes(run("birth", {"child.date_of_birth": "2024-02-29"}))


def test_registration_before_birth_is_an_error_for_new_and_warning_for_historical() -> None:
    edits = {"registered_on": "2026-01-09"}
    assert "E-REG-BEFORE-EVENT" in codes(run("birth", edits))
    issues = run("birth", edits, historical=True)
    assert "W-LEGACY-ORDER" in codes(issues) and "E-REG-BEFORE-EVENT" not in codes(issues)


def test_partial_parent_dates_and_rule_set_by_date() -> None:
    assert "E-DATE-INVALID" not in codes(run("birth", {"mother.date_of_birth": "1995-04"}))
    assert date(2026, 1, 15) == TODAY
