"""Login window: wrong password, lockout with its time after five tries, then the main
window shows the user."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.app import catalogue
from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.services import AppServices
from tests.conftest import ADMIN_PASSWORD
from ui.context import UiContext
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.tasks import TaskRunner


@pytest.fixture
def dialog(qtbot: QtBot, data_dir: Path, runner: TaskRunner) -> LoginDialog:
    services = AppServices(DataPaths(data_dir), SystemClock(), catalogue())
    dialog = LoginDialog(services, runner)
    qtbot.addWidget(dialog)
    return dialog


def _try(qtbot: QtBot, dialog: LoginDialog, user: str, password: str) -> None:
    dialog.username.setText(user)
    dialog.password.setText(password)
    dialog.login_button.click()
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled(), timeout=10000)


def test_wrong_password_then_lockout_message(qtbot: QtBot, dialog: LoginDialog) -> None:
    _try(qtbot, dialog, "admin", "wrong-password")
    assert dialog.error.text()
    assert dialog.session is None
    for _ in range(4):
        _try(qtbot, dialog, "admin", "wrong-password")
    assert "khóa" in dialog.error.text() and "đến" in dialog.error.text()


def test_login_opens_the_main_window_for_that_account(
    qtbot: QtBot, dialog: LoginDialog, runner: TaskRunner
) -> None:
    with qtbot.waitSignal(dialog.logged_in, timeout=10000):
        dialog.username.setText("admin")
        dialog.password.setText(ADMIN_PASSWORD)
        dialog.login_button.click()
    assert dialog.session is not None
    window = MainWindow(UiContext(dialog._services, runner, dialog.session))
    qtbot.addWidget(window)
    assert "admin" in window.account_label.text()
    window.close()
