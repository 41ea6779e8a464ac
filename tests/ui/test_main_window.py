"""The main window for each role: its screens, the status bar, the global shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import UiOffice, wait_idle
from ui.main_window import MainWindow


@pytest.mark.parametrize(("user", "pages"), [
    ("canbo", {"dashboard", "registration", "records", "extract_check", "verification", "books",
               "decisions", "sync", "settings", "backup"}),
    ("chutich", {"dashboard", "registration", "records", "extract_check", "verification",
                 "books", "decisions", "approval", "sync", "settings", "backup"}),
    ("admin", {"dashboard", "records", "extract_check", "sync", "settings", "backup"}),
])
def test_each_role_sees_its_screens(qtbot: QtBot, office: UiOffice, user: str,
                                    pages: set[str]) -> None:
    window = MainWindow(office.ctx(user))
    qtbot.addWidget(window)
    window.show()
    assert set(window.pages) == pages
    for key in pages:
        window.show_page(key)
        wait_idle(qtbot, office.runner)
    qtbot.waitUntil(lambda: window.queue_label.text() != "", timeout=5000)
    assert window.connection_label.text()
    assert user in window.account_label.text()
    window.close()


def test_shortcuts_new_record_and_find(qtbot: QtBot, office: UiOffice) -> None:
    window = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.records
    qtbot.waitUntil(lambda: window.records.search.hasFocus(), timeout=3000)
    qtbot.keyClick(window.records.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.registration
    wait_idle(qtbot, office.runner)
    window.close()
