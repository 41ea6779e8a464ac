"""An officer registers a birth with a warning (mother aged 13): typed dates, autosave,
inline errors, the warnings panel, submit with Ctrl+Enter; unsaved work asks before closing."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.workflows import records
from tests.samples import DELETE, build
from tests.ui.conftest import UiOffice, type_text, wait_idle
from ui.main_window import MainWindow
from ui.pages import registration_page
from ui.pages.registration_page import RegistrationPage


def _type(qtbot: QtBot, page: RegistrationPage, path: str, text: str) -> None:
    editor = page.form.editors[path]
    target = getattr(editor, "line", editor)
    target.clear()
    target.setFocus()
    type_text(target, text)


@pytest.fixture
def page(qtbot: QtBot, office: UiOffice) -> RegistrationPage:
    page = RegistrationPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    return page


def test_officer_registers_a_birth_with_a_warning(qtbot: QtBot, office: UiOffice,
                                                  page: RegistrationPage) -> None:
    assert page.rtype == "birth"
    page.form.set_data(build("birth", {"child.full_name": DELETE,
                                       "mother.date_of_birth": DELETE,
                                       "child.date_of_birth": DELETE}))
    with qtbot.waitSignal(page.record_saved, timeout=15000) as saved:
        _type(qtbot, page, "child.full_name", "H’Hen Niê")
        _type(qtbot, page, "child.date_of_birth", "10/01/2026")
        _type(qtbot, page, "mother.date_of_birth", "6/2012")  # month and year only
    rec = saved.args[0]
    assert rec.status == "draft"
    assert rec.data["child"]["date_of_birth"] == "2026-01-10"
    assert rec.data["mother"]["date_of_birth"] == "2012-06"
    assert "W-MOTHER-AGE-LOW" in page.issue_codes()
    panel = page.issues_list
    assert panel.count() >= 1
    codes = [panel.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(panel.count())]
    assert "W-MOTHER-AGE-LOW" in codes
    assert page.form.error_text("mother.date_of_birth")  # shown under the field too
    assert not page.has_unsaved_work()

    with qtbot.waitSignal(page.record_submitted, timeout=10000) as submitted:
        page.form.editors["child.full_name"].setFocus()
        qtbot.keyClick(page.form.editors["child.full_name"], Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    stored = records.get_record(office.session("canbo"), submitted.args[0].id)
    assert stored.status == "submitted"
    said = page.state_label.text()  # named by procedure and person, never by its id
    assert "H’Hen Niê" in said and stored.id[:8] not in said
    assert stored.data["child"]["full_name"] == "H’Hen Niê"


def test_errors_stay_on_screen_until_fixed(qtbot: QtBot, office: UiOffice,
                                           page: RegistrationPage) -> None:
    page.form.set_data(build("birth", {"child.date_of_birth": DELETE}))
    with qtbot.waitSignal(page.state_changed, timeout=10000,
                          check_params_cb=lambda state: state == "invalid"):
        _type(qtbot, page, "child.date_of_birth", "31/02/2026")
    assert page.record_id is None
    assert page.has_unsaved_work()
    assert page.form.error_text("child.date_of_birth")
    assert page.form.data()["child"]["full_name"] == "Nguyễn Văn An"  # kept in memory
    with qtbot.waitSignal(page.record_saved, timeout=10000):
        _type(qtbot, page, "child.date_of_birth", "28/02/2025")
    assert page.record_id is not None
    assert not page.form.error_text("child.date_of_birth")
    wait_idle(qtbot, office.runner)


def test_every_procedure_and_historical_form_builds(qtbot: QtBot, page: RegistrationPage
                                                   ) -> None:
    for index in range(page.type_combo.count()):
        page.type_combo.setCurrentIndex(index)
        page.type_combo.activated.emit(index)
        assert page.form.rtype == page.rtype
        page.historical.setChecked(True)
        assert page.form.historical and "source.page" in page.form.editors
        page.historical.setChecked(False)
        assert "source.page" not in page.form.editors


def test_legacy_address_shows_the_2025_commune(qtbot: QtBot, office: UiOffice,
                                               page: RegistrationPage) -> None:
    field = page.form.editors["child.residence.as_written"]
    page.form._open_to("child.residence.as_written")
    type_text(field.line, "thôn 3, xã Ea Tu, TP Buôn Ma Thuột, tỉnh Đắk Lắk")
    qtbot.waitUntil(lambda: "24163" in field.converted.text(), timeout=10000)
    commune = page.form.editors["child.place_of_birth.commune_code"]
    commune.clear()
    qtbot.keyClicks(commune, "phuong tan a")
    assert commune.completer().model().rowCount() >= 1
    wait_idle(qtbot, office.runner)


def test_closing_with_unsaved_work_asks(qtbot: QtBot, office: UiOffice,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(window)
    window.show()
    window.new_record()
    page = window.registration
    _type(qtbot, page, "child.full_name", "Nguyễn")  # far from valid: cannot be saved
    asked: list[QWidget] = []

    def answer(choice: QMessageBox.StandardButton):  # noqa: ANN202
        def question(parent, *_args, **_kw):  # noqa: ANN001, ANN002, ANN003, ANN202
            asked.append(parent)
            return choice
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    assert not window.close()
    assert asked and window.isVisible()
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    assert window.close()
    assert len(asked) == 2


def test_a_save_still_running_does_not_bind_the_next_form_to_its_record(
        qtbot: QtBot, office: UiOffice, page: RegistrationPage) -> None:
    page.form.set_data(build("birth"))
    page._edited()
    page.save()  # in flight on the database lane...
    page.new_record()  # ...while the officer starts the next record
    wait_idle(qtbot, office.runner)
    assert page.record_id is None  # the blank form is a new record, not the saved one
    saved = records.list_records(office.session("canbo"), status="draft")
    assert len(saved) == 1 and saved[0].type == "birth"

    draft = saved[0]
    page.form.set_data(build("birth", {"child.full_name": "Lò Văn Khác"}))
    page._edited()
    page.save()
    page.open_draft(draft)  # opening a draft saves the form on screen first
    wait_idle(qtbot, office.runner)
    assert page.record_id == draft.id
    drafts = records.list_records(office.session("canbo"), status="draft")
    assert len(drafts) == 2
    assert records.get_record(office.session("canbo"), draft.id).data == draft.data


def test_a_new_record_does_not_silently_drop_one_with_errors(
        qtbot: QtBot, office: UiOffice, page: RegistrationPage,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _type(qtbot, page, "child.full_name", "Nguyễn")  # far from valid: cannot be saved
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    before = page.form
    with qtbot.waitSignal(page.replace_decided, timeout=10000) as decided:
        page.new_record()
    assert decided.args == [False]  # kept on screen, as typed
    assert page.form is before and "Nguyễn" in str(page.form.data())
    with qtbot.waitSignal(page.replace_decided, timeout=10000) as decided:
        page.new_record()
    assert decided.args == [True]  # the officer chose to discard it
    assert page.form is not before and not answers
    wait_idle(qtbot, office.runner)


def test_the_form_is_checked_off_the_gui_thread_before_another_record(
        qtbot: QtBot, office: UiOffice, page: RegistrationPage,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether the form on screen can be stored (validation, which may read the store) is
    decided on the database lane, the window free meanwhile; the outcome is the same: a
    valid form is saved and gives way, one with errors asks."""
    threads: list[threading.Thread] = []

    def validate(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - the real one, watched
        threads.append(threading.current_thread())
        return real_validate(*args, **kwargs)

    real_validate = registration_page.validate
    monkeypatch.setattr(registration_page, "validate", validate)
    asked: list[object] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: asked.append(1) or QMessageBox.StandardButton.Cancel)
    _type(qtbot, page, "child.full_name", "Nguyễn")  # far from valid: cannot be saved
    page._autosave.stop()  # noqa: SLF001 - the form's state as typed, no save before the check
    with qtbot.waitSignal(page.replace_decided, timeout=10000) as decided:
        page.new_record()
        assert not asked  # not decided on the spot: the check runs on the database lane
    assert decided.args == [False] and len(asked) == 1
    assert threads and threading.main_thread() not in threads

    page.form.set_data(build("birth"))  # now valid: saved, then the blank form
    page._edited()  # noqa: SLF001
    page._autosave.stop()  # noqa: SLF001
    threads.clear()
    with qtbot.waitSignal(page.record_saved, timeout=15000):
        with qtbot.waitSignal(page.replace_decided, timeout=10000) as decided:
            page.new_record()
    assert decided.args == [True] and len(asked) == 1 and page.record_id is None
    assert threads and threading.main_thread() not in threads
    assert len(records.list_records(office.session("canbo"), status="draft")) == 1
    wait_idle(qtbot, office.runner)
