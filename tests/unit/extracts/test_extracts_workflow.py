"""Extracts through the store: certificate import, batch signing, copies, verification by our
verifier and by poppler's pdfsig, and the data check against the local record."""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.domain import Status
from desktop_app.domain.errors import PersonalIdMissingError, SignerConflictError
from desktop_app.errors import PermissionDeniedError
from desktop_app.store.database import connect
from desktop_app.workflows import extracts, records
from desktop_app.workflows.status import SYSTEM, change_status
from signing.devca import make_ca, make_leaf, p12
from signing.errors import CertificateExpiredError, Pkcs12PasswordError
from signing.service import PdfExtractService
from tests.samples import build
from tests.unit.conftest import Office
from tests.unit.signing.signing_support import make_nss_db, pdfsig, pdftotext

P12_PW = "mật-khẩu-p12"
NOW = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = make_ca("Test Root", now=NOW)
    good = make_leaf("Hoàng Văn Chủ", root, now=NOW)
    expired = make_leaf("Hoàng Văn Chủ", root, not_before=NOW - timedelta(days=400),
                        not_after=NOW - timedelta(days=2), now=NOW)
    folder = tmp_path_factory.mktemp("nss")
    return {"root": root, "good": p12(good, [root], P12_PW),
            "expired": p12(expired, [root], P12_PW), "nss": make_nss_db(folder, root.pem)}


@pytest.fixture
def service(office: Office, pki: dict[str, object]) -> PdfExtractService:
    trust = office.paths.root / "trust"
    trust.mkdir()
    (trust / "root.pem").write_bytes(pki["root"].pem)  # type: ignore[attr-defined]
    return PdfExtractService(trust)


def _approved(office: Office, rtype: str, data: dict) -> str:
    created = records.create_record(office("canbo"), rtype, data)
    records.submit(office("canbo"), created.record.id)
    reasons = {i.code: "đã kiểm tra" for i in created.issues if i.is_warning}
    records.approve(office("chutich"), created.record.id, reasons)
    return created.record.id


def test_certificate_import_checks_password_and_dates(
    office: Office, service: PdfExtractService, pki: dict[str, object]
) -> None:
    with pytest.raises(Pkcs12PasswordError):
        extracts.import_certificate(office("chutich"), pki["good"], "wrong", service)
    with pytest.raises(CertificateExpiredError):
        extracts.import_certificate(office("chutich"), pki["expired"], P12_PW, service)
    with pytest.raises(PermissionDeniedError):
        extracts.import_certificate(office("canbo"), pki["good"], P12_PW, service)
    assert extracts.import_certificate(office("chutich"), pki["good"], P12_PW, service) == ()
    assert extracts.certificate_of(office("chutich")).subject == "Hoàng Văn Chủ"
    # Kept only inside the encrypted store: no plaintext PKCS#12 file in the data folder.
    assert not list(office.paths.root.rglob("*.p12"))


def test_sign_batch_verify_and_copy(
    office: Office, service: PdfExtractService, pki: dict[str, object], tmp_path: Path
) -> None:
    extracts.import_certificate(office("chutich"), pki["good"], P12_PW, service)
    ids = [_approved(office, "death", build("death", {"deceased.full_name": name}))
           for name in ("Ksor H'Bia", "Y Moan Êban")]
    out = tmp_path / "out"
    issued = extracts.sign_extracts(office("chutich"), ids, service=service,
                                    p12_password=P12_PW, out=out)
    assert [i.extract_number for i in issued] == ["001/2026/TLKT", "002/2026/TLKT"]
    session = office("chutich")
    for item in issued:
        rec = records.get_record(session, item.record_id)
        assert rec.status == "queued" and rec.signed_by == "chutich"
        with session.store.read() as uow:
            assert len(uow.outbox.for_record(rec.id)) == 1
        pdf = item.path.read_bytes()
        assert extracts.verify_pdf(pdf, service, session).is_valid
        assert "Signature is Valid." in pdfsig(pdf, pki["nss"], tmp_path)  # type: ignore[arg-type]
    assert "Ksor H'Bia".upper() in pdftotext(issued[0].path.read_bytes(), tmp_path)

    again = extracts.sign_extracts(session, [ids[0]], service=service, p12_password=P12_PW,
                                   out=tmp_path / "copy.pdf")
    assert again[0].is_copy and again[0].extract_number == "001/2026/TLKT-BS"
    with session.store.read() as uow:
        assert len(uow.outbox.for_record(ids[0])) == 1  # not re-sent

    # One byte of the signed content changed: both verifiers refuse it.
    pdf = bytearray(issued[0].path.read_bytes())
    at = pdf.index(b"/Contents") - 40
    pdf[at] = ord("A") if pdf[at] != ord("A") else ord("B")
    assert not extracts.verify_pdf(bytes(pdf), service, session).is_valid
    assert "Signature is Valid." not in pdfsig(bytes(pdf), pki["nss"], tmp_path)  # type: ignore[arg-type]


def test_data_different_from_the_record_is_refused(
    office: Office, service: PdfExtractService, pki: dict[str, object], tmp_path: Path
) -> None:
    extracts.import_certificate(office("chutich"), pki["good"], P12_PW, service)
    rid = _approved(office, "death", build("death"))
    issued = extracts.sign_extracts(office("chutich"), [rid], service=service,
                                    p12_password=P12_PW, out=tmp_path / "a.pdf")
    session = office("chutich")
    with closing(connect(session.paths.database, session.store.data_key)) as tampered:
        tampered.execute(
            "UPDATE records SET data = replace(data, 'Lê Văn Tư', 'Lê Văn Khác') WHERE id = ?",
            (rid,))
    check = extracts.verify_pdf(issued[0].path.read_bytes(), service, session)
    assert check.code == "E-PDF-DATA-MISMATCH"


def test_birth_waits_for_its_personal_id_and_conflicts_are_refused(
    office: Office, service: PdfExtractService, pki: dict[str, object], tmp_path: Path
) -> None:
    extracts.import_certificate(office("chutich"), pki["good"], P12_PW, service)
    birth = _approved(office, "birth", build("birth"))
    with pytest.raises(PersonalIdMissingError):
        extracts.sign_extracts(office("chutich"), [birth], service=service,
                               p12_password=P12_PW, out=tmp_path / "b.pdf")
    conflict = records.create_record(office("canbo"), "death", build(
        "death", {"declarant.full_name": "Hoàng Văn Chủ"}))
    records.submit(office("canbo"), conflict.record.id)
    reasons = {i.code: "x" for i in conflict.issues if i.is_warning}
    records.approve(office("phochutich"), conflict.record.id, reasons)
    with pytest.raises(SignerConflictError):
        extracts.sign_extracts(office("chutich"), [conflict.record.id], service=service,
                               p12_password=P12_PW, out=tmp_path / "c.pdf")
    with pytest.raises(PermissionDeniedError):
        extracts.sign_extracts(office("canbo"), [conflict.record.id], service=service,
                               p12_password=P12_PW, out=tmp_path / "d.pdf")


def test_birth_whose_personal_id_came_back_is_signed(
    office: Office, service: PdfExtractService, pki: dict[str, object], tmp_path: Path
) -> None:
    extracts.import_certificate(office("chutich"), pki["good"], P12_PW, service)
    birth = _approved(office, "birth", build("birth"))
    session = office("chutich")
    assert records.get_record(session, birth).status == "awaiting_personal_id"
    with session.store.write() as uow:  # as sync applies the centre's answer
        rec = uow.records.get(birth)
        data = {**rec.data, "child": {**rec.data["child"], "personal_id": "001226012345"}}
        change_status(uow, rec, Status.APPROVED, actor=SYSTEM, at=NOW,
                      action="personal_id", data=data)
    assert [r.id for r in records.list_records(session, status="approved")] == [birth]
    (issued,) = extracts.sign_extracts(session, [birth], service=service, p12_password=P12_PW,
                                       out=tmp_path / "birth.pdf")
    assert not issued.is_copy
    assert records.get_record(session, birth).status == "queued"
    assert [e.action for e in records.history(session, birth)][-3:] == [
        "personal_id", "sign", "queue"]


def test_extract_signed_offline_gets_its_timestamp_before_it_leaves(
    office: Office, pki: dict[str, object], tmp_path: Path
) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID

    from desktop_app.workflows.sync_apply import pending_items
    from tests.unit.signing.signing_support import running_tsa

    trust = office.paths.root / "trust"
    trust.mkdir()
    (trust / "root.pem").write_bytes(pki["root"].pem)  # type: ignore[attr-defined]
    offline = PdfExtractService(trust, timestamp_url="http://127.0.0.1:9/tsa")
    extracts.import_certificate(office("chutich"), pki["good"], P12_PW, offline)
    ids = [_approved(office, "death", build("death", {"deceased.full_name": name}))
           for name in ("Ksor H'Bia", "Y Moan Êban")]
    issued = extracts.sign_extracts(office("chutich"), ids, service=offline,
                                    p12_password=P12_PW, out=None)
    assert all(i.needs_timestamp for i in issued)  # no timestamp server in the village
    session = office("chutich")
    with session.store.write() as uow:  # the second one's PDF already went up: left as it is
        for sha, _kind, _uploaded in uow.attachments.of_record(ids[1]):
            uow.attachments.mark_uploaded(sha)
    assert extracts.timestamp_waiting(session, offline) == 0  # still unreachable: kept B-B
    before = extracts.latest_pdf(session, ids[0], offline)

    tsa = make_leaf("TSA (TEST)", pki["root"],  # type: ignore[arg-type]
                    key=rsa.generate_private_key(public_exponent=65537, key_size=2048),
                    eku=[ExtendedKeyUsageOID.TIME_STAMPING], now=NOW)
    with running_tsa(tsa) as url:
        online = PdfExtractService(trust, timestamp_url=url)
        assert extracts.timestamp_waiting(session, online) == 1
        assert extracts.timestamp_waiting(session, online) == 0  # once only
    after = extracts.latest_pdf(session, ids[0], online)
    assert after.startswith(before) and len(after) > len(before)  # an incremental update
    assert online.verify(after).is_valid
    assert "Signature is Valid." in pdfsig(after, pki["nss"], tmp_path)  # type: ignore[arg-type]
    import hashlib

    with session.store.read() as uow:
        (item,) = [push for _i, push in pending_items(uow) if push.record_id == ids[0]]
    assert item.attachments == (hashlib.sha256(after).hexdigest(),)  # the archive copy


@pytest.mark.parametrize("by", ["serial", "fingerprint"])
def test_a_certificate_revoked_centrally_signs_nothing_more(
    office: Office, service: PdfExtractService, pki: dict[str, object], by: str
) -> None:
    from cryptography.hazmat.primitives.serialization import pkcs12

    from desktop_app.revocation import add_revoked
    from desktop_app.workflows.extracts import CertificateRevokedError

    extracts.import_certificate(office("chutich"), pki["good"], P12_PW, service)
    record_id = _approved(office, "death", build("death"))
    cert = pkcs12.load_pkcs12(pki["good"], P12_PW.encode()).cert.certificate  # type: ignore[arg-type, union-attr]
    serial = format(cert.serial_number, "X")
    entry = ":".join(serial[i:i + 2] for i in range(0, len(serial), 2)) if by == "serial" \
        else extracts.certificate_of(office("chutich")).fingerprint.upper()
    session = office("chutich")
    with session.store.write() as uow:  # as a pulled revoked_certificate change does
        add_revoked(uow, entry)
    with pytest.raises(CertificateRevokedError):
        extracts.sign_extracts(session, [record_id], service=service, p12_password=P12_PW,
                               out=None)
    assert records.get_record(session, record_id).status == "approved"  # nothing changed


def test_the_extract_notes_are_the_screen_notes_registered_changes_only(
    office: Office, service: PdfExtractService, tmp_path: Path
) -> None:
    birth = _approved(office, "birth", build("birth"))
    change = records.create_record(office("canbo"), "change", build("change", {
        "original_record": {"record_id": birth},
        "subject.full_name": "Nguyễn Văn An",
        "changes": [{"field": "child.full_name", "from": "Nguyễn Văn An",
                     "to": "Nguyễn Văn Ân"}]})).record

    def extract_text() -> str:
        pdf = extracts.preview(office("chutich"), birth, service)
        return " ".join(pdftotext(pdf, tmp_path).split())

    # A draft correction: neither the screen's notes nor the extract's Ghi chú show it.
    assert records.get_record(office("canbo"), birth).notes == ()
    assert "Nguyễn Văn Ân" not in extract_text()
    records.submit(office("canbo"), change.id)
    assert "Nguyễn Văn Ân" not in extract_text()
    reasons = {i["rule"]: "đã kiểm tra" for i in change.issues if i["rule"].startswith("W-")}
    records.approve(office("chutich"), change.id, reasons)
    # Registered: both list it, once, in the same words.
    (note,) = records.get_record(office("canbo"), birth).notes
    assert note.startswith("Cải chính họ, chữ đệm, tên từ “Nguyễn Văn An” thành “Nguyễn Văn Ân”")
    assert extract_text().count(note) == 1
