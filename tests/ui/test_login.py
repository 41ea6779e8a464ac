"""Login window: wrong password, lockout with its time after five tries, then the main
window shows the user; the first login after an upgrade shows the search re-index's progress
while it runs off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.app import catalogue
from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.services import AppServices
from desktop_app.store.database import connect
from desktop_app.store.keyfile import KeyFile
from tests.conftest import ADMIN_PASSWORD
from tests.support.old_search_index import OFFICER, OFFICER_PASSWORD, store_needing_the_reindex
from ui import i18n
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


def test_the_first_login_after_an_upgrade_shows_the_reindex_and_stays_responsive(
    qtbot: QtBot, dialog: LoginDialog, data_dir: Path
) -> None:
    paths = DataPaths(data_dir)
    total = store_needing_the_reindex(paths, ADMIN_PASSWORD)
    i18n.install("vi")
    dialog.retranslate()
    dialog.show()
    assert not dialog.upgrade_box.isVisible()
    # Another connection holds the write lock: the re-index starts (tells 0 of total), then
    # waits at its first batch. The login runs off the GUI thread, so the window goes on.
    key = KeyFile.load(paths.keyfile).open_with_password("admin", ADMIN_PASSWORD)
    assert key is not None
    holder = connect(paths.database, key)
    holder.execute("BEGIN IMMEDIATE")
    try:
        dialog.username.setText(OFFICER)
        dialog.password.setText(OFFICER_PASSWORD)
        dialog.login_button.click()
        qtbot.waitUntil(dialog.upgrade_box.isVisible, timeout=10000)
        assert dialog.progress.stage.text() == "Đang cập nhật chỉ mục tìm kiếm…"
        assert (dialog.progress.bar.value(), dialog.progress.bar.maximum()) == (0, total)
        assert dialog.upgrade_note.text().startswith("Lần đăng nhập đầu tiên sau khi cập nhật")
        assert not dialog.progress.cancel_button.isVisible()
        assert dialog.session is None and not dialog.login_button.isEnabled()
        qtbot.keyClicks(dialog.username, "x")  # typing is taken while the work goes on
        assert dialog.username.text() == OFFICER + "x"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with qtbot.waitSignal(dialog.logged_in, timeout=10000):
        pass
    assert dialog.progress.bar.value() == total  # it reported up to completion
    assert dialog.session is not None and dialog.session.account.username == OFFICER
    dialog.session.close()
