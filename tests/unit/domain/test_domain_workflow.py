import pytest

from desktop_app.domain import (
    Actor,
    Issue,
    RecordFacts,
    RecordType,
    Role,
    Status,
    allowed_transition,
    check_approve,
    check_sign,
    check_transition,
    check_verify,
    ensure_editable,
    next_statuses,
    override_key,
    status_after_approval,
)
from desktop_app.domain.errors import (
    ImmutableRecordError,
    NotHistoricalError,
    OverrideMissingError,
    OverrideNotAllowedError,
    PermissionDeniedError,
    PersonalIdMissingError,
    RecordHasErrorsError,
    SelfApprovalError,
    SelfVerificationError,
    TransitionNotAllowedError,
    VerificationRequiredError,
)

OFFICER = Actor("lan", Role.OFFICER)
OFFICER2 = Actor("minh", Role.OFFICER)
BOSS = Actor("hung", Role.SUPERVISOR)
FACTS = RecordFacts(RecordType.DEATH, Status.SUBMITTED, False, "lan")
LATE = Issue.of("W-KT-LATE", "registered_on", days=20, limit=15)
LEGACY = [Issue.of("W-LEGACY-NO-DATE", "registered_on"), Issue.of("W-LEGACY-NO-SOURCE", "source")]


def test_transitions_by_role() -> None:
    assert allowed_transition("draft", "submitted", "officer")
    assert not allowed_transition("submitted", "approved", "officer")
    assert allowed_transition("submitted", "approved", "supervisor")
    assert not allowed_transition("draft", "approved", "supervisor")
    assert not allowed_transition("queued", "synced", "supervisor")
    assert allowed_transition("queued", "synced", "system")
    assert allowed_transition("queued", "awaiting_central_support", "system")
    assert allowed_transition("awaiting_personal_id", "signed", "supervisor")
    assert not allowed_transition("synced", "draft", "supervisor")
    assert not allowed_transition("nonsense", "draft", "officer")
    assert set(next_statuses("submitted", "supervisor")) == {
        Status.DRAFT,
        Status.APPROVED,
        Status.REJECTED,
    }
    with pytest.raises(TransitionNotAllowedError) as err:
        check_transition("draft", "synced", "system")
    assert str(err.value) == "E-TRANSITION"
    with pytest.raises(PermissionDeniedError):
        check_transition("submitted", "approved", "officer")


def test_officer_cannot_approve_nobody_approves_own_entry() -> None:
    with pytest.raises(PermissionDeniedError):
        check_approve(FACTS, OFFICER2, [], {})
    own = RecordFacts(RecordType.DEATH, Status.SUBMITTED, False, "hung")
    with pytest.raises(SelfApprovalError):
        check_approve(own, BOSS, [], {})
    assert check_approve(FACTS, BOSS, [], {}) == []


def test_warnings_need_an_override_each() -> None:
    with pytest.raises(OverrideMissingError) as err:
        check_approve(FACTS, BOSS, [LATE], {})
    assert err.value.params["rules"] == ["W-KT-LATE"]
    with pytest.raises(OverrideMissingError):
        check_approve(FACTS, BOSS, [LATE], {"W-KT-LATE": "  "})
    done = check_approve(FACTS, BOSS, [LATE, Issue.of("I-AGE-ONLY", "x")], {"W-KT-LATE": "ốm"})
    assert [(o.rule, o.reason) for o in done] == [("W-KT-LATE", "ốm")]
    with pytest.raises(OverrideNotAllowedError):
        check_approve(FACTS, BOSS, [LATE], {"W-KT-LATE": "ốm", "W-TWINS": "x"})
    with pytest.raises(RecordHasErrorsError):
        check_approve(FACTS, BOSS, [Issue.of("E-REQUIRED", "deceased.full_name")], {})


def test_historical_needs_verification_by_a_second_officer() -> None:
    hist = RecordFacts(RecordType.BIRTH, Status.SUBMITTED, True, "lan")
    with pytest.raises(SelfVerificationError):
        check_verify(hist, OFFICER)
    check_verify(hist, OFFICER2)
    with pytest.raises(NotHistoricalError):
        check_verify(FACTS, OFFICER2)
    with pytest.raises(VerificationRequiredError):
        check_approve(hist, BOSS, LEGACY, {"W-LEGACY-*": "số hóa sổ cũ"})
    verified = RecordFacts(RecordType.BIRTH, Status.SUBMITTED, True, "lan", verified_by="minh")
    done = check_approve(verified, BOSS, LEGACY, {"W-LEGACY-*": "số hóa sổ cũ"})
    assert [o.rule for o in done] == ["W-LEGACY-NO-DATE", "W-LEGACY-NO-SOURCE"]


def test_birth_waits_for_personal_id_before_signing() -> None:
    assert status_after_approval("birth", has_personal_id=False) is Status.AWAITING_PERSONAL_ID
    assert status_after_approval("death", has_personal_id=False) is Status.APPROVED
    waiting = RecordFacts(RecordType.BIRTH, Status.AWAITING_PERSONAL_ID, False, "lan")
    with pytest.raises(PersonalIdMissingError):
        check_sign(waiting, BOSS)
    check_sign(
        RecordFacts(
            RecordType.BIRTH, Status.AWAITING_PERSONAL_ID, False, "lan", has_personal_id=True
        ),
        BOSS,
    )
    with pytest.raises(PermissionDeniedError):
        check_sign(RecordFacts(RecordType.DEATH, Status.APPROVED, False, "lan"), OFFICER)


def test_only_drafts_are_editable() -> None:
    ensure_editable("draft")
    for status in ("submitted", "approved", "signed", "synced"):
        with pytest.raises(ImmutableRecordError) as err:
            ensure_editable(status)
        assert str(err.value) == "E-IMMUTABLE"


def test_only_a_central_rejection_reopens_a_record() -> None:
    from desktop_app.domain import check_reopen
    from desktop_app.domain.errors import ReopenRefusedError

    check_reopen(Status.REJECTED, Role.OFFICER, rejected_centrally=True)
    with pytest.raises(ReopenRefusedError):  # a supervisor's written refusal is final
        check_reopen(Status.REJECTED, Role.OFFICER, rejected_centrally=False)
    with pytest.raises(TransitionNotAllowedError):
        check_reopen(Status.SYNCED, Role.OFFICER, rejected_centrally=True)
    with pytest.raises(PermissionDeniedError):
        check_reopen(Status.REJECTED, Role.ADMIN, rejected_centrally=True)


def test_one_rule_on_two_parties_is_two_warnings_each_with_its_reason() -> None:
    """Two under-age spouses: W-MARR-AGE on each. The rule's key covers both (what the command
    line's --override RULE=REASON gives); rule@field covers one, and wins over the rule's."""
    husband = Issue.of("W-MARR-AGE", "husband.date_of_birth", age=17, limit=20)
    wife = Issue.of("W-MARR-AGE", "wife.date_of_birth", age=15, limit=18)
    both = [husband, wife]
    assert override_key(wife) == "W-MARR-AGE@wife.date_of_birth"
    assert override_key(Issue.of("W-KT-LATE", "")) == "W-KT-LATE"

    done = check_approve(FACTS, BOSS, both, {"W-MARR-AGE": "đã xác minh"})
    assert [(o.rule, o.field, o.reason) for o in done] == [
        ("W-MARR-AGE", "husband.date_of_birth", "đã xác minh"),
        ("W-MARR-AGE", "wife.date_of_birth", "đã xác minh")]

    with pytest.raises(OverrideMissingError) as err:
        check_approve(FACTS, BOSS, both, {"W-MARR-AGE@husband.date_of_birth": "giấy tờ"})
    assert err.value.params["rules"] == ["W-MARR-AGE@wife.date_of_birth"]
    with pytest.raises(OverrideMissingError) as err:
        check_approve(FACTS, BOSS, both, {})
    assert err.value.params["rules"] == ["W-MARR-AGE"]

    done = check_approve(FACTS, BOSS, both, {"W-MARR-AGE@husband.date_of_birth": "giấy tờ",
                                             "W-MARR-AGE@wife.date_of_birth": "bản án"})
    assert [(o.field, o.reason) for o in done] == [("husband.date_of_birth", "giấy tờ"),
                                                   ("wife.date_of_birth", "bản án")]
    done = check_approve(FACTS, BOSS, both, {"W-MARR-AGE": "chung",
                                             "W-MARR-AGE@wife.date_of_birth": "riêng"})
    assert [o.reason for o in done] == ["chung", "riêng"]
    # the same warning raised twice is one warning; a field it is not raised on is refused
    assert len(check_approve(FACTS, BOSS, [*both, wife], {"W-MARR-AGE": "x"})) == 2
    with pytest.raises(OverrideNotAllowedError) as refused:
        check_approve(FACTS, BOSS, both, {"W-MARR-AGE": "x", "W-MARR-AGE@wife.sex": "y"})
    assert refused.value.params["rules"] == ["W-MARR-AGE@wife.sex"]
