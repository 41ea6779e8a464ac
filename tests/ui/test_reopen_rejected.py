"""A record the central system rejected: the sync page leads to it, its detail shows the
centre's reason and "Correct and send again", which reopens it as a draft (same registration
number, new version) in the registration form. A supervisor's refusal is shown, not reopened."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from desktop_app.sync_types import ItemResult, ItemStatus
from desktop_app.workflows import records
from desktop_app.workflows.sync_apply import apply_result
from tests.samples import build
from tests.ui.conftest import UiOffice, wait_idle
from ui.main_window import MainWindow
from ui.pages.record_detail import RecordDetailDialog

REASON = "Số định danh cá nhân của mẹ không có trong Cơ sở dữ liệu quốc gia về dân cư"


def _rejected_by_the_centre(office: UiOffice) -> str:
    officer, supervisor = office.session("canbo"), office.session("chutich")
    birth = records.create_record(officer, "birth", build("birth")).record
    submitted = records.submit(officer, birth.id)
    records.approve(supervisor, birth.id, {w.code: "đã kiểm tra" for w in submitted.warnings})
    with officer.store.write() as uow:  # the centre's answer, applied as a sync applies it
        (item,) = uow.outbox.for_record(birth.id)
        apply_result(uow, ItemResult(item.idempotency_key, birth.id, item.version,
                                     ItemStatus.REJECTED, code="E-MOTHER-ID", message=REASON),
                     datetime(2026, 1, 16, tzinfo=UTC))
    return birth.id


def test_correct_and_send_again_from_the_sync_page(qtbot: QtBot, office: UiOffice) -> None:
    record_id = _rejected_by_the_centre(office)
    number = records.get_record(office.session("canbo"), record_id).registration_number
    window = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("sync")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.table.activated.emit(page.model.index(0, 0))
    dialog = next(d for d in window.dialogs if isinstance(d, RecordDetailDialog))
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10000)
    assert dialog.view.can_reopen and dialog.view.rejection.by_centre
    assert not dialog.rejection.isHidden() and REASON in dialog.rejection_text.text()
    assert dialog.reopen_button.isEnabled() and not dialog.reopen_button.isHidden()

    registration = window.registration
    assert registration is not None
    dialog.reopen_button.click()
    qtbot.waitUntil(lambda: registration.record_id == record_id, timeout=10000)
    assert window.stack.currentWidget() is registration
    rec = records.get_record(office.session("canbo"), record_id)
    assert (rec.status, rec.version, rec.registration_number) == ("draft", 2, number)
    wait_idle(qtbot, office.runner)
    window.close()


def test_a_supervisors_refusal_is_shown_but_not_reopened(qtbot: QtBot,
                                                          office: UiOffice) -> None:
    officer = office.session("canbo")
    death = records.create_record(officer, "death", build("death")).record
    records.submit(officer, death.id)
    records.reject(office.session("chutich"), death.id, "Thiếu giấy báo tử")
    dialog = RecordDetailDialog(office.ctx("canbo"), death.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10000)
    assert dialog.view.rejection is not None and not dialog.view.rejection.by_centre
    assert "Thiếu giấy báo tử" in dialog.rejection_text.text()
    assert not dialog.view.can_reopen and dialog.reopen_button.isHidden()
    wait_idle(qtbot, office.runner)


def test_an_admin_sees_the_reason_without_the_button(qtbot: QtBot, office: UiOffice) -> None:
    record_id = _rejected_by_the_centre(office)
    dialog = RecordDetailDialog(office.ctx("admin"), record_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10000)
    assert REASON in dialog.rejection_text.text() and dialog.reopen_button.isHidden()
    wait_idle(qtbot, office.runner)
