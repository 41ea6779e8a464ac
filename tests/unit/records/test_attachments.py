"""Scans attached to records: kept in the store, audited, refused when too large or of another
type, and sent to the centre (a record that already left goes out again as a new version)."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import ImmutableRecordError
from desktop_app.errors import (
    AttachmentTooLargeError,
    AttachmentTypeError,
    NotFoundError,
    PermissionDeniedError,
)
from desktop_app.store import outbox_repo
from desktop_app.workflows import attachments, records
from desktop_app.workflows.sync_apply import pending_items
from desktop_app.workflows.sync_bundle import bundle_attachments
from tests.samples import build
from tests.unit.conftest import Office

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%scan of page 4\n"


def test_a_scan_of_a_draft_is_kept_listed_and_audited(office: Office) -> None:
    officer = office("canbo")
    rec = records.create_record(officer, "death", build("death")).record
    added = attachments.add_attachment(officer, rec.id, PNG)
    assert (added.kind, added.media_type, added.size) == ("scan", "image/png", len(PNG))
    pdf = attachments.add_attachment(officer, rec.id, PDF)
    assert [a.media_type for a in attachments.attachments_of(officer, rec.id)] == \
        ["image/png", "application/pdf"]
    assert attachments.attachment_content(officer, rec.id, pdf.sha256) == PDF
    with officer.store.read() as uow:
        entries = [e for e in uow.audit.entries(rec.id) if e.action == "record.attach"]
        events = [e.action for e in uow.records.events(rec.id)]
    assert len(entries) == 2 and events.count("attach") == 2
    attachments.remove_attachment(officer, rec.id, added.sha256)  # a draft's: it comes off
    assert [a.sha256 for a in attachments.attachments_of(officer, rec.id)] == [pdf.sha256]
    records.submit(officer, rec.id)
    with pytest.raises(ImmutableRecordError):  # submitted: the scan is evidence now
        attachments.remove_attachment(officer, rec.id, pdf.sha256)
    with officer.store.read() as uow:
        assert [e.action for e in uow.audit.entries(rec.id)].count("record.detach") == 1
    other = records.create_record(officer, "death", build("death", {
        "deceased.full_name": "Lê Văn Khác"})).record
    with pytest.raises(NotFoundError):  # only the record's own attachments are handed out
        attachments.attachment_content(officer, other.id, pdf.sha256)


def test_too_large_or_not_a_scan_is_refused(office: Office, tmp_path) -> None:  # noqa: ANN001
    officer = office("canbo")
    rec = records.create_record(officer, "death", build("death")).record
    with pytest.raises(AttachmentTypeError):
        attachments.add_attachment(officer, rec.id, b"PK\x03\x04 a zip file")
    big = tmp_path / "big.pdf"
    with big.open("wb") as out:
        out.write(b"%PDF-1.4\n")
        out.truncate(attachments.MAX_ATTACHMENT_BYTES + 1)
    with pytest.raises(AttachmentTooLargeError) as caught:
        attachments.attach_file(officer, rec.id, big)
    assert caught.value.params["limit_mb"] == 20
    with pytest.raises(PermissionDeniedError):
        attachments.add_attachment(office("admin"), rec.id, PNG)
    assert attachments.attachments_of(officer, rec.id) == []


def test_a_scan_travels_with_the_record(office: Office) -> None:
    officer, supervisor = office("canbo"), office("chutich")
    data = build("death", {"registered_on": "1990-03-02", "registration_number": "7",
                           "book_number": "01/1990", "time_of_death": "1990-03-01T08:00"})
    rec = records.create_record(officer, "death", data, historical=True).record
    draft_scan = attachments.add_attachment(officer, rec.id, PNG)
    records.submit(officer, rec.id)
    records.verify(office("canbo2"), rec.id)
    warnings = records.get_record(officer, rec.id).issues
    records.approve(supervisor, rec.id, {str(w["rule"]): "đúng như sổ gốc" for w in warnings})
    with officer.store.write() as uow:
        [(item, push)] = pending_items(uow)
        assert push.attachments == (draft_scan.sha256,)
        uow.outbox.mark(item.idempotency_key, outbox_repo.ACCEPTED, office.clock.now())

    later = attachments.add_attachment(officer, rec.id, PDF)  # sent already: a new version
    with officer.store.read() as uow:
        [(again, push)] = pending_items(uow)
    assert again.version == item.version + 1
    assert set(push.attachments) == {draft_scan.sha256, later.sha256}
    assert records.get_record(officer, rec.id).version == again.version
    with officer.store.read() as uow:  # on a USB stick, each file keeps its own type
        carried = bundle_attachments(uow, push)
    assert {a.sha256: a.media_type for a in carried} == {
        draft_scan.sha256: "image/png", later.sha256: "application/pdf"}
