"""The core applies the centre's answers (push results, pull pages) to its records through the
one status writer: a birth whose personal ID comes back is ready to sign, a refused item is
rejected with the centre's reason, an unsupported procedure waits and goes out later."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.domain import RecordType, Status
from desktop_app.domain.workflow import Actor, RecordFacts, Role, check_sign
from desktop_app.record import StoredRecord
from desktop_app.session import Session
from desktop_app.store.outbox_repo import ACCEPTED, AWAITING_SUPPORT, PENDING, REJECTED
from desktop_app.sync_types import Change, ChangeKind, ItemResult, ItemStatus, PullPage
from desktop_app.workflows import records
from desktop_app.workflows.status import SYSTEM, change_status
from desktop_app.workflows.sync_apply import (
    CURSOR_KEY,
    UNSUPPORTED,
    ItemOutcome,
    SyncReport,
    apply_page,
    apply_result,
    hold_unsupported,
    pending_items,
)
from tests.samples import build
from tests.unit.conftest import Office

AT = datetime(2026, 1, 16, 2, 0, tzinfo=UTC)
PID = "001226000123"


def _approved(office: Office, rtype: str, data: dict | None = None) -> StoredRecord:
    created = records.create_record(office("canbo"), rtype, data or build(rtype))
    submitted = records.submit(office("canbo"), created.record.id)
    return records.approve(office("chutich"), created.record.id,
                           {w.code: "đã kiểm tra" for w in submitted.warnings}).record


def _without_pid(office: Office) -> StoredRecord:
    birth = _approved(office, "birth")
    assert birth.status == Status.AWAITING_PERSONAL_ID  # it left at approval for its number
    return birth


def _queued(session: Session, rec: StoredRecord) -> StoredRecord:
    """The record as signing leaves it (signed -> queued, with its outbox item)."""
    with session.store.write() as uow:
        signed = change_status(uow, rec, Status.SIGNED, actor=Actor("chutich", Role.SUPERVISOR),
                               at=AT, action="sign", signed_by="chutich")
        queued = records.enqueue_for_sync(uow, signed, AT)
        return change_status(uow, queued, Status.QUEUED, actor=SYSTEM, at=AT, action="queue")


def _item(session: Session, record_id: str):  # noqa: ANN202 - the last OutboxItem
    with session.store.read() as uow:
        return uow.outbox.for_record(record_id)[-1]


def _result(session: Session, rec: StoredRecord, status: ItemStatus, **fields: object
            ) -> ItemResult:
    item = _item(session, rec.id)
    return ItemResult(item.idempotency_key, rec.id, item.version, status, **fields)  # type: ignore[arg-type]


def _apply(session: Session, result: ItemResult) -> ItemOutcome:
    with session.store.write() as uow:
        return apply_result(uow, result, AT)


def _get(session: Session, record_id: str) -> StoredRecord:
    return records.get_record(session, record_id)


def _can_sign(rec: StoredRecord) -> None:
    child = rec.data.get("child")
    check_sign(RecordFacts(RecordType(rec.type), Status(rec.status), rec.is_historical,
                           rec.officer, rec.verified_by,
                           isinstance(child, dict) and bool(child.get("personal_id"))),
               Actor("chutich", Role.SUPERVISOR))


def test_a_birth_whose_personal_id_comes_back_with_the_answer_is_ready_to_sign(
        office: Office) -> None:
    session = office("canbo")
    birth = _without_pid(office)
    outcome = _apply(session, _result(session, birth, ItemStatus.ACCEPTED, central_id="C-1",
                                      personal_id=PID))
    assert outcome == ItemOutcome(birth.id, 1, ACCEPTED)
    rec = _get(session, birth.id)
    assert (rec.status, rec.central_id, rec.data["child"]["personal_id"]) == (
        Status.APPROVED, "C-1", PID)
    _can_sign(rec)  # in the supervisor's "to sign" list now
    with session.store.read() as uow:
        event = uow.records.events(birth.id)[-1]
        assert (event.actor, event.from_status, event.to_status) == (
            "system", Status.AWAITING_PERSONAL_ID, Status.APPROVED)
        assert uow.outbox.for_record(birth.id)[-1].state == ACCEPTED
        assert "record.personal_id" in {e.action for e in uow.audit.entries(birth.id)}


def test_a_personal_id_pulled_later_moves_the_birth_to_approved_once(office: Office) -> None:
    session = office("canbo")
    birth = _without_pid(office)
    _apply(session, _result(session, birth, ItemStatus.ACCEPTED, central_id="C-2"))
    assert _get(session, birth.id).status == Status.AWAITING_PERSONAL_ID  # no number yet
    page = PullPage([Change(7, ChangeKind.PERSONAL_ID, birth.id,
                            {"record_id": birth.id, "personal_id": PID})], "7", False)
    for _ in range(2):  # the same page again (a retry) changes nothing more
        with session.store.write() as uow:
            assert apply_page(uow, page, AT, "this-device") == 1
    rec = _get(session, birth.id)
    assert (rec.status, rec.data["child"]["personal_id"]) == (Status.APPROVED, PID)
    with session.store.read() as uow:
        assert uow.meta.get(CURSOR_KEY) == "7"
        moves = [e for e in uow.records.events(birth.id) if e.to_status == Status.APPROVED
                 and e.actor == "system"]
    assert len(moves) == 1


def test_a_queued_record_is_synced_and_a_refused_one_rejected_with_the_reason(
        office: Office) -> None:
    session = office("canbo")
    death, other = (_queued(session, _approved(office, "death")) for _ in range(2))
    report = SyncReport()
    report.add(_apply(session, _result(session, death, ItemStatus.ACCEPTED, central_id="C-3")))
    report.add(_apply(session, _result(session, other, ItemStatus.REJECTED,
                                       code="E-SYNC-DEATH-REGISTERED", message="đã khai tử")))
    assert (report.accepted, report.rejected, report.deferred) == (1, 1, 0)
    assert [(o.record_id, o.state) for o in report.items] == [(death.id, ACCEPTED),
                                                              (other.id, REJECTED)]
    assert _get(session, death.id).status == Status.SYNCED
    refused = _get(session, other.id)
    assert refused.status == Status.REJECTED
    with session.store.read() as uow:
        assert uow.records.events(other.id)[-1].reason == "đã khai tử"
        item = uow.outbox.for_record(other.id)[-1]
        assert (item.state, item.result_code) == (REJECTED, "E-SYNC-DEATH-REGISTERED")
        assert "record.rejected_centrally" in {e.action for e in uow.audit.entries(other.id)}
    assert records.can_reopen(session, other.id)


def test_an_unsupported_procedure_waits_then_goes_out(office: Office) -> None:
    session = office("canbo")
    rec = _queued(session, _approved(office, "guardianship"))
    with session.store.write() as uow:
        held = hold_unsupported(uow, ["birth", "death"], AT)
        assert held == [ItemOutcome(rec.id, 1, AWAITING_SUPPORT, UNSUPPORTED)]
        assert pending_items(uow, ["birth", "death"]) == []
        assert hold_unsupported(uow, ["birth", "death"], AT) == []  # held once
    assert _get(session, rec.id).status == Status.AWAITING_CENTRAL_SUPPORT
    with session.store.read() as uow:
        (waiting,) = [push for _item, push in pending_items(uow, ["guardianship"])]
    assert waiting.record_id == rec.id and waiting.record_type == "guardianship"
    busy = _apply(session, _result(session, rec, ItemStatus.DEFERRED, code="E-SYNC-BUSY"))
    assert busy.state == PENDING  # deferred for another reason: sent again as it is
    _apply(session, _result(session, rec, ItemStatus.ACCEPTED, central_id="C-4"))
    assert _get(session, rec.id).status == Status.SYNCED


def test_records_of_other_devices_are_kept_read_only_for_search(office: Office) -> None:
    session = office("canbo")
    body = {**build("death"), "registration_number": "12"}
    page = PullPage([
        Change(1, ChangeKind.RECORD, "r-other", {"record_id": "r-other", "type": "death",
                                                "device_id": "dev-2", "data": body,
                                                "central_id": "C-9", "version": 1}),
        Change(2, ChangeKind.RECORD, "r-mine", {"record_id": "r-mine", "type": "death",
                                               "device_id": "this-device", "data": body}),
        Change(3, ChangeKind.REFERENCE, "administrative_units",
               {"version": "2025.10", "data": {"communes": 3321}}),
        Change(4, "a-kind-from-a-newer-server", "x", {})], "4", False)
    with session.store.write() as uow:
        assert apply_page(uow, page, AT, "this-device") == 4
        kept = uow.records.get("r-other")
        assert uow.records.get("r-mine") is None
        assert uow.meta.get("sync.reference.administrative_units")
    assert kept is not None
    assert (kept.status, kept.central_id, kept.registration_number, kept.office) == (
        Status.SYNCED, "C-9", "12", "26740")


def _historical_approved(office: Office, name: str) -> StoredRecord:
    data = build("death", {"deceased.full_name": name, "registered_on": "1990-03-02",
                           "registration_number": "7", "book_number": "01/1990"})
    created = records.create_record(office("canbo"), "death", data, historical=True)
    submitted = records.submit(office("canbo"), created.record.id)
    records.verify(office("canbo2"), created.record.id)
    return records.approve(office("chutich"), created.record.id,
                           {w.code: "đúng như sổ gốc" for w in submitted.warnings}).record


def test_a_historical_entry_sent_at_approval_is_settled_by_the_centres_answer(
        office: Office) -> None:
    """It has no extract to sign before it leaves: accepted it is synced, refused it is
    rejected (and can be corrected), never left 'approved' for ever."""
    session = office("canbo")
    kept, refused = (_historical_approved(office, name) for name in ("Ama Khoa", "Y Bhim Êban"))
    assert kept.status == refused.status == Status.APPROVED
    assert _apply(session, _result(session, kept, ItemStatus.ACCEPTED, central_id="C-9")
                  ).state == ACCEPTED
    assert _apply(session, _result(session, refused, ItemStatus.REJECTED,
                                   code="E-SYNC-DEATH-REGISTERED", message="đã khai tử")
                  ).state == REJECTED
    synced = _get(session, kept.id)
    assert (synced.status, synced.central_id) == (Status.SYNCED, "C-9")
    assert _get(session, refused.id).status == Status.REJECTED
    assert records.can_reopen(session, refused.id)
