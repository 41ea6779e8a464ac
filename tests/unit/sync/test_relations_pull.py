"""An act registered on another device for a record held here (issue 15): pulled from the
feed, it links to the original, is its note, and changes it as on the approving device; the
original, registered here and already sent, goes out again as its next version."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.record import StoredRecord
from desktop_app.store.outbox_repo import PENDING
from desktop_app.sync_types import Change, ChangeKind, ItemResult, ItemStatus, PullPage
from desktop_app.workflows import records
from desktop_app.workflows.sync_apply import apply_page, apply_result
from tests.samples import DELETE, build
from tests.unit.conftest import Office

AT = datetime(2026, 1, 16, 2, 0, tzinfo=UTC)


def test_a_recognition_from_another_device_supplements_the_birth(office: Office) -> None:
    _supplemented(office, commune=None)


def test_a_recognition_forwarded_from_another_commune_keeps_its_office(office: Office
                                                                       ) -> None:
    pulled = _supplemented(office, commune="00070")
    assert pulled.office == "00070"
    (note,) = records.get_record(office("canbo"), str(pulled.links_to)).notes
    assert note == ("Đã đăng ký nhận cha, mẹ, con số 4, ngày 16/01/2026, "
                    "tại Phường Hoàn Kiếm")  # the commune that registered it


def _supplemented(office: Office, *, commune: str | None) -> StoredRecord:
    session = office("canbo")
    created = records.create_record(session, "birth", build("birth", {
        "father": DELETE, "declarant.relationship": "mother",
        "declarant.full_name": "Trần Thị Bình", "child.full_name": "Trần Văn Đức",
        "child.personal_id": "079226000001"}))
    records.submit(session, created.record.id)
    birth = records.approve(office("chutich"), created.record.id, {}).record
    with session.store.write() as uow:
        (item,) = uow.outbox.for_record(birth.id)
        apply_result(uow, ItemResult(item.idempotency_key, birth.id, item.version,
                                     ItemStatus.ACCEPTED, central_id="C-1"), AT)
    act = {**build("recognition", {"child.birth_record": {"record_id": birth.id},
                                   "child.full_name": "Trần Văn Đức",
                                   "child.date_of_birth": "2026-01-10"}),
           "registration_number": "4", "registered_on": "2026-01-16"}
    page = PullPage([Change(1, ChangeKind.RECORD, "r-act:1", {
        "record_id": "r-act", "type": "recognition", "device_id": "dev-2", "data": act,
        "central_id": "C-2", "version": 1, **({"commune": commune} if commune else {})})],
        "1", False)
    with session.store.write() as uow:
        apply_page(uow, page, AT, "this-device")
        pulled = uow.records.get("r-act")
        items = uow.outbox.for_record(birth.id)
    assert pulled is not None and pulled.links_to == birth.id
    after = records.get_record(session, birth.id)
    assert after.data["father"]["full_name"] == "Nguyễn Văn Cường"
    assert [n for n in after.notes
            if n.startswith("Đã đăng ký nhận cha, mẹ, con số 4, ngày 16/01/2026")]
    # The birth had left (accepted): its new version goes out as a second item.
    assert len(items) == 2 and items[-1].state == PENDING
    assert items[-1].version == after.version > items[0].version
    return pulled
