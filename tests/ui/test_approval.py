"""A supervisor approves a record with a reason for its warning; batch signing runs the
injected signer and the real signer of the composition root signs a batch."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.session import Session
from desktop_app.workflows import records
from tests.samples import build
from tests.ui.conftest import UiOffice, type_text, wait_idle
from ui.context import SignOutcome, UiHooks
from ui.pages.approval_page import ApprovalPage


def _submitted_birth(office: UiOffice) -> str:
    officer = office.session("canbo")
    created = records.create_record(officer, "birth",
                                    build("birth", {"mother.date_of_birth": "2012-06-01"}))
    records.submit(officer, created.record.id)
    return created.record.id


def test_supervisor_approves_with_a_reason(qtbot: QtBot, office: UiOffice) -> None:
    record_id = _submitted_birth(office)
    page = ApprovalPage(office.ctx("chutich"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.current is not None and page.current.id == record_id,
                    timeout=10000)
    assert not page.sign_button.isEnabled() and page.sign_button.toolTip()
    qtbot.waitUntil(lambda: page.warnings.state == "ready", timeout=10000)
    reason = page.reasons["W-MOTHER-AGE-LOW@mother.date_of_birth"]
    assert reason.objectName() == "reason:W-MOTHER-AGE-LOW@mother.date_of_birth"

    page.approve()  # no reason yet: refused with a short message
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=10000)
    assert records.get_record(office.session("canbo"), record_id).status == "submitted"

    type_text(reason, "Giấy chứng sinh của bệnh viện huyện")
    with qtbot.waitSignal(page.records_changed, timeout=10000):
        page.approve_button.click()
    rec = records.get_record(office.session("canbo"), record_id)
    assert rec.status == "awaiting_personal_id"
    assert rec.overrides[0]["reason"] == "Giấy chứng sinh của bệnh viện huyện"
    wait_idle(qtbot, office.runner)


def test_supervisor_rejects_with_a_reason(qtbot: QtBot, office: UiOffice) -> None:
    record_id = _submitted_birth(office)
    page = ApprovalPage(office.ctx("chutich"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.current is not None, timeout=10000)
    type_text(page.reject_reason, "Thiếu giấy chứng sinh bản chính")
    with qtbot.waitSignal(page.records_changed, timeout=10000):
        page.reject_button.click()
    assert records.get_record(office.session("canbo"), record_id).status == "rejected"
    wait_idle(qtbot, office.runner)


def test_batch_signing_calls_the_injected_signer(qtbot: QtBot, office: UiOffice) -> None:
    officer, supervisor = office.session("canbo"), office.session("chutich")
    ids = []
    for _ in range(2):
        created = records.create_record(officer, "death", build("death"))
        records.submit(officer, created.record.id)
        records.approve(supervisor, created.record.id, {})
        ids.append(created.record.id)
    calls: list[tuple[str, list[str]]] = []

    def sign(session: Session, record_ids: Sequence[str], password: str,
             progress) -> list[SignOutcome]:  # noqa: ANN001
        assert password == "p12-password"
        calls.append((session.account.username, list(record_ids)))
        for n, _rid in enumerate(record_ids, 1):
            progress("sign", n, len(record_ids))
        return [SignOutcome(rid) for rid in record_ids]

    page = ApprovalPage(office.ctx("chutich", UiHooks(sign_records=sign)))
    page.ask_p12_password = lambda: "p12-password"
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.sign_model.rowCount() == 2, timeout=10000)
    page.select_all.click()
    assert page.sign_button.isEnabled()
    with qtbot.waitSignal(page.records_changed, timeout=10000):
        page.sign_button.click()
    assert [(who, sorted(signed)) for who, signed in calls] == [("chutich", sorted(ids))]
    wait_idle(qtbot, office.runner)


def test_supervisor_signs_approved_records_with_the_real_signer(
    qtbot: QtBot, office: UiOffice
) -> None:
    """The composition root's real hooks: import a PKCS#12, sign a batch from the page, then
    each record is queued with a signed extract that our verifier accepts."""
    from desktop_app.app import build_ui_hooks
    from desktop_app.workflows import extracts
    from signing.devca import make_ca, make_leaf, p12
    from signing.service import PdfExtractService

    now = office.clock.now()
    root = make_ca("UI Test Root", now=now)
    trust = office.paths.root / "trust"
    trust.mkdir()
    (trust / "root.pem").write_bytes(root.pem)
    hooks = build_ui_hooks(office.paths)
    supervisor = office.session("chutich")
    cert_file = office.paths.root.parent / "chutich.p12"
    cert_file.write_bytes(p12(make_leaf("Hoàng Văn Chủ", root, now=now), [root], "p12-pw-1"))
    assert hooks.import_certificate is not None
    assert "Hoàng Văn Chủ" in hooks.import_certificate(supervisor, cert_file, "p12-pw-1")
    officer = office.session("canbo")
    ids = []
    for name in ("Ksor H'Bia", "Y Moan Êban"):
        created = records.create_record(officer, "death",
                                        build("death", {"deceased.full_name": name}))
        records.submit(officer, created.record.id)
        records.approve(supervisor, created.record.id, {})
        ids.append(created.record.id)

    page = ApprovalPage(office.ctx("chutich", hooks))
    page.ask_p12_password = lambda: "p12-pw-1"
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.sign_model.rowCount() == 2, timeout=10000)
    page.select_all.click()
    with qtbot.waitSignal(page.records_changed, timeout=30000):
        page.sign_button.click()
    service = PdfExtractService.for_data(office.paths)
    for record_id in ids:
        assert records.get_record(supervisor, record_id).status == "queued"
        pdf = extracts.latest_pdf(supervisor, record_id, service)
        assert extracts.verify_pdf(pdf, service, supervisor).is_valid
    wait_idle(qtbot, office.runner)


def test_sync_hook_without_enrolment_says_so(office: UiOffice) -> None:
    from desktop_app.app import build_ui_hooks
    from sync.errors import NotEnrolledError

    hooks = build_ui_hooks(office.paths)
    assert hooks.connection_probe().value == "not_configured"
    assert hooks.sync_now is not None
    with pytest.raises(NotEnrolledError):
        hooks.sync_now(office.session("canbo"), lambda *_: None)
    assert hooks.connection_probe().value == "not_configured"
