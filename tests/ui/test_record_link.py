"""Linking a registration to a local record: the picker searches the store and fills the
reference; a typed id that matches nothing is an error on that field and nothing is saved."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.workflows import records
from tests.samples import DELETE, build
from tests.ui.conftest import UiOffice, type_text, wait_idle
from ui.pages.record_picker import RecordPickerDialog
from ui.pages.registration_page import RegistrationPage


def _page(qtbot: QtBot, office: UiOffice, rtype: str) -> RegistrationPage:
    page = RegistrationPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    page.type_combo.setCurrentIndex(page.type_combo.findData(rtype))
    page.type_combo.activated.emit(page.type_combo.currentIndex())
    assert page.form is not None and page.form.rtype == rtype
    return page


def _registered_birth(office: UiOffice, name: str) -> str:
    officer = office.session("canbo")
    rec = records.create_record(officer, "birth", build("birth", {
        "child.full_name": name})).record
    records.submit(officer, rec.id)
    records.approve(office.session("chutich"), rec.id, {})
    return rec.id


def _search(qtbot: QtBot, picker: RecordPickerDialog, text: str, rows: int) -> None:
    with qtbot.waitSignal(picker.searched, timeout=10000,
                          check_params_cb=lambda n: n == rows):
        type_text(picker.search, text)
        picker.refresh()


def test_the_picker_fills_the_reference_of_a_correction(qtbot: QtBot,
                                                        office: UiOffice) -> None:
    birth_id = _registered_birth(office, "Nguyễn Văn An")
    page = _page(qtbot, office, "change")
    # "from" is what the birth holds (issue 15: E-CHANGE-FROM otherwise)
    page.form.set_data(build("change", {"original_record": DELETE, "changes": [
        {"field": "date_of_birth", "from": "2026-01-10", "to": "2026-01-09"}]}))
    page.form.pick_buttons["original_record"].click()
    picker = page.picker
    assert isinstance(picker, RecordPickerDialog) and picker.isVisible()
    _search(qtbot, picker, "nguyen van an", 1)  # folded: no diacritics needed
    with qtbot.waitSignal(page.record_saved, timeout=15000) as saved:
        picker.choose_button.click()
    qtbot.waitUntil(lambda: page.picker is None, timeout=5000)  # closed and gone
    assert page.form.editors["original_record.record_id"].value() == birth_id
    assert page.form.editors["original_record.registration_number"].value() == "1"
    assert saved.args[0].links_to == birth_id
    assert saved.args[0].data["original_record"]["book_number"]
    wait_idle(qtbot, office.runner)


def test_a_typed_id_that_matches_nothing_is_an_error_on_the_field(
        qtbot: QtBot, office: UiOffice, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, office, "change")
    page.form.set_data(build("change", {"original_record": DELETE}))
    editor = page.form.editors["original_record.record_id"]
    with qtbot.waitSignal(page.state_changed, timeout=15000,
                          check_params_cb=lambda state: state == "invalid"):
        editor.setFocus()
        type_text(editor, "khong-co-ho-so-nay")
    assert "E-LINK-NOT-FOUND" in page.issue_codes()
    assert page.form.error_text("original_record.record_id")
    assert page.record_id is None  # never stored silently
    assert records.list_records(office.session("canbo"), rtype="change") == []
    # Starting another record asks first: the form alone looks valid, the store refused it.
    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    with qtbot.waitSignal(page.replace_decided, timeout=10000) as decided:
        page.new_record()
    assert decided.args == [False] and answers == []
    assert editor.value() == "khong-co-ho-so-nay"  # kept on screen
    wait_idle(qtbot, office.runner)


def test_a_recognition_looks_for_births_only(qtbot: QtBot, office: UiOffice) -> None:
    birth_id = _registered_birth(office, "Trần Văn Đức")
    officer = office.session("canbo")
    records.create_record(officer, "death", build("death", {
        "deceased.full_name": "Trần Văn Đức"}))
    page = _page(qtbot, office, "recognition")
    page.form.pick_buttons["child.birth_record"].click()
    picker = page.picker
    assert picker is not None and picker.scope.isVisibleTo(picker)
    _search(qtbot, picker, "tran van duc", 1)
    assert picker.model.rows()[0].id == birth_id
    picker.choose()
    assert page.form.editors["child.birth_record.record_id"].value() == birth_id
    wait_idle(qtbot, office.runner)
