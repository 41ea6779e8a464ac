"""The record detail lists related records both ways (issue 15 item 10): a birth its
recognition, the recognition its birth; double-click opens the other one."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.workflows import records
from tests.samples import DELETE, build
from tests.ui.conftest import UiOffice, wait_idle
from ui.pages.record_detail import RecordDetailDialog


def _approved(office: UiOffice, rtype: str, data: dict) -> str:
    created = records.create_record(office.session("canbo"), rtype, data)
    records.submit(office.session("canbo"), created.record.id)
    reasons = {i.code: "đã kiểm tra" for i in created.issues if i.is_warning}
    records.approve(office.session("chutich"), created.record.id, reasons)
    return created.record.id


def test_a_birth_and_its_recognition_point_at_each_other(qtbot: QtBot,
                                                         office: UiOffice) -> None:
    birth = _approved(office, "birth", build("birth", {
        "father": DELETE, "declarant.relationship": "mother",
        "declarant.full_name": "Trần Thị Bình", "child.full_name": "Trần Văn Đức"}))
    recognition = _approved(office, "recognition", build("recognition", {
        "child.birth_record": {"record_id": birth}, "child.date_of_birth": "2026-01-10"}))
    dialog = RecordDetailDialog(office.ctx("canbo"), birth)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10000)
    assert dialog.related.count() == 1
    item = dialog.related.item(0)
    assert "Trần Văn Đức" in item.text() or "TRẦN VĂN ĐỨC" in item.text().upper()
    dialog.view = None
    dialog.related.itemActivated.emit(item)
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.record_id == recognition,
                    timeout=10000)
    back = dialog.related.item(0)
    assert dialog.related.count() == 1 and back.data(0x0100) == birth
    wait_idle(qtbot, office.runner)


def test_the_form_asks_for_consent(qtbot: QtBot, office: UiOffice) -> None:
    """A name change at 9 or over without consent: the error stands on the consent box."""
    from ui.pages.registration_page import RegistrationPage

    page = RegistrationPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    page.type_combo.setCurrentIndex(page.type_combo.findData("change"))
    page.type_combo.activated.emit(page.type_combo.currentIndex())
    assert page.form is not None
    with qtbot.waitSignal(page.state_changed, timeout=15000,
                          check_params_cb=lambda state: state == "invalid"):
        page.form.set_data(build("change", {
            "kind": "change", "original_record": DELETE,
            "subject": {"full_name": "Nguyễn Văn An", "date_of_birth": "2010-01-01"},
            "changes": [{"field": "full_name", "from": "Nguyễn Văn An",
                         "to": "Nguyễn Văn Ân"}]}))
        page.form.edited.emit()  # as a keystroke would
    assert "E-NAME-CHANGE-CONSENT" in page.issue_codes()
    assert page.form.error_text("consent_given")
    wait_idle(qtbot, office.runner)
