"""Rules between records (issue 15): what a new act may not do given another record held
here, each at its exact boundary, and the same finding as a warning for an old book."""

from __future__ import annotations

from typing import Any

from domain_support import BASE, DELETE, build, codes, run

from desktop_app.domain import HeldRecord, Issue, ValidationContext, issue_message
from desktop_app.domain.context import BirthCandidate, MarriageCandidate, PartySummary


def _birth(edits: dict[str, Any] | None = None, **kw: Any) -> HeldRecord:
    return HeldRecord("b-1", "birth", kw.get("status", "synced"), build("birth", edits),
                      registration_number="12", registered_on="2026-01-12")


def _issue(issues: list[Issue], code: str) -> Issue:
    return next(i for i in issues if i.code == code)


# -- recognition (L60 Art 25, HNGĐ Art 88, 101) ----------------------------------------------
def test_a_father_cannot_recognise_a_child_whose_birth_names_another_father() -> None:
    ctx = ValidationContext(target=_birth({"father.full_name": "Lê Văn Sơn"}))
    issues = run("recognition", context=ctx)
    found = _issue(issues, "E-RECOG-OTHER-PARENT")
    assert found.field == "parent.full_name" and found.params["number"] == "12"
    message = issue_message("recognition", found, lang="vi")
    assert "Giấy khai sinh số 12" in message and "Lê Văn Sơn" in message and "cha" in message
    assert "father" in issue_message("recognition", found, lang="en")
    # The same father again is no contradiction; a birth naming no father neither.
    assert "E-RECOG-OTHER-PARENT" not in codes(run("recognition", context=ValidationContext(
        target=_birth({"father.full_name": "Nguyễn Văn Cường"}))))
    no_father = HeldRecord("b-1", "birth", "synced",
                           {k: v for k, v in BASE["birth"].items() if k != "father"})
    assert "E-RECOG-OTHER-PARENT" not in codes(
        run("recognition", context=ValidationContext(target=no_father)))
    # A court decision settles it; an old book keeps the finding as a warning.
    court = {"evidence": {"kind": "Quyết định của Tòa án", "number": "5/2026/QĐ"}}
    assert "E-RECOG-OTHER-PARENT" not in codes(run("recognition", court, context=ctx))
    assert "W-RECOG-OTHER-PARENT" in codes(run("recognition", historical=True, context=ctx))


def test_a_mother_is_compared_with_the_mother() -> None:
    mother = {"kind": "mother_recognises_child",
              "parent": {"full_name": "Hồ Thị Lệ", "sex": "female", "date_of_birth": "1990"}}
    ctx = ValidationContext(target=_birth())
    assert "E-RECOG-OTHER-PARENT" in codes(run("recognition", mother, context=ctx))
    same = dict(mother, parent={"full_name": "Trần Thị Bình", "sex": "female"})
    assert "E-RECOG-OTHER-PARENT" not in codes(run("recognition", same, context=ctx))


def test_the_parent_must_have_the_sex_of_the_kind() -> None:
    assert "E-RECOG-SEX" in codes(run("recognition", {"parent.sex": "female"}))
    assert "E-RECOG-SEX" not in codes(run("recognition", {"parent.sex": "male"}))
    child_mother = {"kind": "child_recognises_mother", "parent.sex": "male"}
    assert "E-RECOG-SEX" in codes(run("recognition", child_mother))


def test_a_parent_born_after_the_child_is_refused_at_the_day() -> None:
    child = {"child.date_of_birth": "2020-02-02"}
    after = run("recognition", {**child, "parent.date_of_birth": "2020-02-03"})
    assert "E-RECOG-PARENT-YOUNGER" in codes(after)
    same_day = run("recognition", {**child, "parent.date_of_birth": "2020-02-02"})
    assert "E-RECOG-PARENT-YOUNGER" not in codes(same_day)
    # Only the year known: born in 2021 is after; 2020 may be before.
    assert "E-RECOG-PARENT-YOUNGER" in codes(run("recognition", {"parent.date_of_birth": "2021"}))
    assert "E-RECOG-PARENT-YOUNGER" not in codes(
        run("recognition", {"parent.date_of_birth": "2020"}))
    # No date on the recognition: the birth record held here gives it.
    ctx = ValidationContext(target=_birth({"child.date_of_birth": "2025-06-01"}))
    late = {"child.date_of_birth": None, "parent.date_of_birth": "2025-06-02"}
    assert "E-RECOG-PARENT-YOUNGER" in codes(run("recognition", late, context=ctx))


# -- guardianship (BLDS Art 47.2, 49, 62) ----------------------------------------------------
def _guardianship(record_id: str = "g-1", **edits: Any) -> HeldRecord:
    return HeldRecord(record_id, "guardianship", "signed", build("guardianship", edits),
                      registration_number="3", registered_on="2025-05-05")


def test_one_guardian_per_ward_except_both_parents_or_grandparents() -> None:
    ctx = ValidationContext(ward_guardianships=(_guardianship(),))
    found = _issue(run("guardianship", context=ctx), "E-GUARD-ONE")
    assert found.field == "ward.full_name"
    assert "số 3" in issue_message("guardianship", found, lang="vi")
    assert run("guardianship") == []
    both_parents = ValidationContext(ward_guardianships=(
        _guardianship(guardian_relationship="parent"),))
    assert "E-GUARD-ONE" not in codes(
        run("guardianship", {"guardian_relationship": "parent"}, context=both_parents))
    assert "E-GUARD-ONE" in codes(
        run("guardianship", {"guardian_relationship": "grandparent"}, context=both_parents))
    assert "W-GUARD-ONE" in codes(run("guardianship", historical=True, context=ctx))


_TERM = {"kind": "termination", "original_record": {"record_id": "g-1"},
         "termination_reason": "parents_resume"}


def test_a_termination_ends_a_guardianship_in_force_held_here() -> None:
    unknown = ValidationContext(unknown_links=("original_record.record_id",))
    assert "W-GUARD-TERM-NOT-HELD" not in codes(run("guardianship", _TERM, context=unknown))
    elsewhere = {**_TERM, "original_record": {"registration_number": "4", "office": "99999"}}
    assert "W-GUARD-TERM-NOT-HELD" in codes(run("guardianship", elsewhere))
    ok = ValidationContext(target=_guardianship(), record_id="t-2")
    assert run("guardianship", _TERM, context=ok) == []
    ended = ValidationContext(target=HeldRecord(
        "g-1", "guardianship", "signed", build("guardianship"), "3", ended_by=("7",)),
        record_id="t-2")
    found = _issue(run("guardianship", _TERM, context=ended), "E-GUARD-TERM-ENDED")
    assert "số 7" in issue_message("guardianship", found, lang="vi")
    assert "số 3 (Trần Văn Đức)" in issue_message("guardianship", found, lang="vi")
    # The termination itself (already linked) does not count as the one that ended it.
    itself = ValidationContext(target=ended.target, record_id="7")
    assert "E-GUARD-TERM-ENDED" not in codes(run("guardianship", _TERM, context=itself))
    draft = ValidationContext(target=HeldRecord("g-1", "guardianship", "draft",
                                                build("guardianship"), registered=False))
    assert "E-GUARD-TERM-NOT-ACTIVE" in codes(run("guardianship", _TERM, context=draft))
    birth = ValidationContext(target=_birth())
    assert "E-GUARD-TERM-NOT-ACTIVE" in codes(run("guardianship", _TERM, context=birth))


def test_full_capacity_needs_an_adult_ward() -> None:
    reason = {**_TERM, "termination_reason": "ward_full_capacity"}
    # On 15/01/2026: born 15/01/2008 is 18, born 16/01/2008 is still 17.
    adult = run("guardianship", {**reason, "ward.date_of_birth": "2008-01-15"})
    assert "E-GUARD-TERM-REASON" not in codes(adult)
    minor = run("guardianship", {**reason, "ward.date_of_birth": "2008-01-16"})
    assert _issue(minor, "E-GUARD-TERM-REASON").params["age"] == 17
    # The ward's birth date from the guardianship held here when the termination has none.
    ctx = ValidationContext(target=_guardianship(**{"ward.date_of_birth": "2016-01-01"}))
    no_dob = {**reason, "ward": {"full_name": "Trần Văn Đức"}}
    assert "E-GUARD-TERM-REASON" in codes(run("guardianship", no_dob, context=ctx))


# -- marriage (HNGĐ Art 5, 8.2) --------------------------------------------------------------
def test_new_first_marriage_refuses_what_a_re_registration_only_warns() -> None:
    husband_id = {"husband.personal_id": "079098001234"}
    active = MarriageCandidate("m-1", PartySummary("Phạm Văn Hùng", "1998-05-01",
                                                   "079098001234"),
                               PartySummary("Vũ Thị Mai", "1999"))
    ctx = ValidationContext(active_marriages=(active,))
    bigamy = _issue(run("marriage", husband_id, context=ctx), "E-MARR-BIGAMY")
    assert "m-1" in issue_message("marriage", bigamy, lang="vi")  # no number: its id
    numbered = ValidationContext(active_marriages=(MarriageCandidate(
        "m-1", active.husband, active.wife, "21"),))
    message = issue_message("marriage", _issue(run("marriage", husband_id, context=numbered),
                                               "E-MARR-BIGAMY"), lang="vi")
    assert "đăng ký kết hôn số 21" in message and "Vũ Thị Mai" in message
    # The same name and birth day without a personal ID is not an established person: a
    # warning the supervisor checks, never a refusal of what may be another man's marriage.
    namesake = codes(run("marriage", context=ctx))
    assert "W-MARR-BIGAMY" in namesake and "E-MARR-BIGAMY" not in namesake
    for kind in ("re_registration", "recorded_from_abroad"):
        found = codes(run("marriage", {"registration_kind": kind, "wife.sex": "male",
                                       **husband_id}, context=ctx))
        assert {"W-MARR-BIGAMY", "W-MARR-SAMESEX"} <= found and not any(
            c.startswith("E-MARR") for c in found), kind


def test_kinship_is_an_error_only_when_the_records_establish_it() -> None:
    mother_id = "079170001111"
    husband = PartySummary("Phạm Văn Hùng", "1998-05-01", "079098001234")
    wife = PartySummary("Đỗ Thị Lan", "2000-07-09", "079300001234")
    by_ids = ValidationContext(
        husband_birth=BirthCandidate("b-1", husband, PartySummary("Hoàng Thị Yến", "1970",
                                                                  mother_id)),
        wife_birth=BirthCandidate("b-2", wife, PartySummary("Hoàng Thị Yến", "1970",
                                                            mother_id)))
    ids = {"husband.personal_id": "079098001234", "wife.personal_id": "079300001234"}
    kin = _issue(run("marriage", ids, context=by_ids), "E-MARR-KIN")
    assert "Giấy khai sinh số b-1, b-2" in issue_message("marriage", kin, lang="vi")
    # The same story told by names alone stays a warning.
    by_names = ValidationContext(
        husband_birth=BirthCandidate("b-1", PartySummary("Phạm Văn Hùng"),
                                     PartySummary("Hoàng Thị Yến", "1970")),
        wife_birth=BirthCandidate("b-2", PartySummary("Đỗ Thị Lan"),
                                  PartySummary("Hoàng Thị Yến", "1970")))
    found = codes(run("marriage", context=by_names))
    assert "W-MARR-KIN" in found and "E-MARR-KIN" not in found


# -- change / correction (L60 Art 26-28, BLDS Art 29.3) --------------------------------------
def _correction(field: str, old: Any, new: Any, kind: str = "correction") -> dict[str, Any]:
    return {"kind": kind, "changes": [{"field": field, "from": old, "to": new}],
            "subject": {"full_name": "Nguyễn Văn An", "date_of_birth": "2026-01-10"}}


def test_from_must_be_what_the_original_holds() -> None:
    ctx = ValidationContext(target=_birth())
    wrong = run("change", _correction("full_name", "Nguyễn Văn Ba", "Nguyễn Văn Bá"),
                context=ctx)
    found = _issue(wrong, "E-CHANGE-FROM")
    assert found.field == "changes[0].from"
    message = issue_message("change", found, lang="vi")
    assert "“Nguyễn Văn An”" in message and "(khai sinh số 12, Nguyễn Văn An)" in message
    assert "(birth no. 12, Nguyễn Văn An)" in issue_message("change", found, lang="en")
    right = run("change", _correction("full_name", "Nguyễn Văn An", "Nguyễn Văn Ân"),
                context=ctx)
    assert "E-CHANGE-FROM" not in codes(right)
    dotted = run("change", _correction("mother.full_name", "Trần Thị Bình", "Trần Thị Bính"),
                 context=ctx)
    assert "E-CHANGE-FROM" not in codes(dotted)
    # A supplement adds what the record lacks: "from" a value it holds is wrong.
    assert "E-CHANGE-FROM" in codes(run(
        "change", _correction("child.personal_id", "", "079226000001", "supplement")
        | {"changes": [{"field": "child.sex", "to": "female"}]}, context=ctx))
    assert "E-CHANGE-FROM" not in codes(run(
        "change", {**_correction("x", "", "", "supplement"),
                   "changes": [{"field": "child.personal_id", "to": "079226000001"}]},
        context=ctx))
    assert "W-CHANGE-FROM" in codes(run(
        "change", _correction("full_name", "Nguyễn Văn Ba", "Nguyễn Văn Bá"),
        historical=True, context=ctx))
    # Not held here: nothing to compare with.
    assert "E-CHANGE-FROM" not in codes(run(
        "change", _correction("full_name", "Nguyễn Văn Ba", "Nguyễn Văn Bá")))


def test_ethnicity_only_to_a_parents() -> None:
    ctx = ValidationContext(target=_birth({"father.ethnicity": "Tày", "mother.ethnicity": "Kinh",
                                           "child.ethnicity": "Kinh"}))
    nung = _correction("ethnicity", "Kinh", "Nùng", "ethnicity_redetermination")
    found = _issue(run("change", nung, context=ctx), "E-ETHNIC-PARENT")
    assert found.field == "changes[0].to" and "Tày" in issue_message("change", found, lang="vi")
    tay = _correction("ethnicity", "Kinh", "Tày", "ethnicity_redetermination")
    assert "E-ETHNIC-PARENT" not in codes(run("change", tay, context=ctx))


# -- new births (BLDS Art 26, 29) ------------------------------------------------------------
_ABANDONED = {"registration_kind": "abandoned", "mother": DELETE, "father": DELETE,
              "declarant.relationship": "carer", "birth_evidence.kind": "abandonment_report"}


def test_a_childs_name_is_letters() -> None:
    digits = _issue(run("birth", {"child.full_name": "Nguyễn Văn 3"}), "E-NAME-DIGITS")
    assert digits.field == "child.full_name" and digits.params["chars"] == "3"
    assert "E-NAME-DIGITS" in codes(run("birth", {"child.given_name": "An!"}))
    assert "E-NAME-DIGITS" not in codes(run("birth", {"child.full_name": "Nguyễn Văn An"}))
    assert "E-NAME-DIGITS" not in codes(run("birth", {"child.full_name": "H’Hen Niê"}))
    old = run("birth", {"child.full_name": "Nguyễn Văn 3"}, historical=True)
    assert "W-NAME-CHARS" in codes(old) and "E-NAME-DIGITS" not in codes(old)


def test_with_no_father_the_mothers_surname() -> None:
    no_father = {"father": DELETE, "declarant.relationship": "mother"}
    assert "E-SURNAME-MOTHER" in codes(run("birth", {**no_father,
                                                     "child.full_name": "Nguyễn Văn An"}))
    assert "E-SURNAME-MOTHER" not in codes(run("birth", {**no_father,
                                                         "child.full_name": "Trần Văn An"}))
    assert "W-SURNAME-MOTHER" in codes(run("birth", {**no_father,
                                                     "child.full_name": "Nguyễn Văn An"},
                                           historical=True))
    # A father established: the father's surname is fine.
    assert "E-SURNAME-MOTHER" not in codes(run("birth"))
    abandoned = run("birth", {**_ABANDONED, "child.full_name": "Lê Văn An"})
    assert not {"E-SURNAME-MOTHER", "E-ETHNIC-PARENTS"} & codes(abandoned)


def test_ethnicity_of_a_parent_for_a_new_birth() -> None:
    assert "E-ETHNIC-PARENTS" not in codes(run("birth", {"father.ethnicity": "Tày",
                                                         "child.ethnicity": "Tày"}))
    assert "E-ETHNIC-PARENTS" in codes(run("birth", {"child.ethnicity": "Nùng"}))
    unknown = {**_ABANDONED, "registration_kind": "parents_unknown",
               "mother": {"full_name": "Không rõ", "ethnicity": "Kinh"}, "child.ethnicity": "Tày"}
    assert "E-ETHNIC-PARENTS" not in codes(run("birth", unknown))
