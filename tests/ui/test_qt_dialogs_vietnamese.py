"""No English in the Vietnamese UI (issue 14 item 5): the standard buttons of Qt's own
message boxes come from the project's translation (this PySide6 wheel has no qtbase_vi)."""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.samples import DELETE, build
from tests.ui.conftest import UiOffice, wait_idle
from ui import i18n
from ui.pages.registration_page import RegistrationPage

ENGLISH = re.compile(r"\b(OK|Cancel|Discard|Save|Yes|No|Close|Open|Apply|Reset|Help|Abort|"
                     r"Retry|Ignore|Don't|Details)\b")


def _texts(box: QMessageBox) -> list[str]:
    widgets = [*box.findChildren(QAbstractButton), *box.findChildren(QLabel)]
    return [w.text().replace("&", "") for w in widgets if w.isVisible() and w.text()]


def test_every_standard_button_is_vietnamese(qtbot: QtBot) -> None:
    i18n.install("vi")
    buttons = QMessageBox.StandardButton
    every = buttons.NoButton
    for button in (buttons.Ok, buttons.Save, buttons.SaveAll, buttons.Open, buttons.Yes,
                   buttons.YesToAll, buttons.No, buttons.NoToAll, buttons.Abort, buttons.Retry,
                   buttons.Ignore, buttons.Close, buttons.Cancel, buttons.Discard, buttons.Help,
                   buttons.Apply, buttons.Reset, buttons.RestoreDefaults):
        every |= button
    box = QMessageBox(QMessageBox.Icon.Question, "Hộ Tịch", "Lưu hồ sơ?", every)
    box.setDetailedText("chi tiết")
    qtbot.addWidget(box)
    box.show()
    texts = _texts(box)
    assert len(texts) >= 18
    english = [t for t in texts if ENGLISH.search(t)]
    assert not english, english


def test_the_unsaved_work_question_of_the_form_is_vietnamese(qtbot: QtBot,
                                                             office: UiOffice) -> None:
    i18n.install("vi")
    page = RegistrationPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    page.form.set_data(build("birth", {"child.date_of_birth": DELETE}))
    page.form.editors["child.date_of_birth"].setText("31/02/2026")  # an error: cannot save
    page._dirty = True
    seen: list[str] = []

    def answer() -> None:  # once the question is up (it runs its own event loop)
        box = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            return
        timer.stop()
        seen.extend(_texts(box))
        box.button(QMessageBox.StandardButton.Cancel).click()

    timer = QTimer(interval=20)
    timer.timeout.connect(answer)
    timer.start()
    assert page.new_record() is False  # kept on screen
    timer.stop()
    assert "Bỏ đi" in seen and "Hủy" in seen
    assert not [t for t in seen if ENGLISH.search(t)], seen
    page._dirty = False
    wait_idle(qtbot, office.runner)
