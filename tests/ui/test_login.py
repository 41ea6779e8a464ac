"""Login window: wrong password, lockout with its time after five tries, then the main
window shows the user; the first login after an upgrade shows the progress of its copy, its
migrations and the search re-index while they run off the GUI thread; Quit during the
re-index stops it, or lets its finished work end the upgrade."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app import __version__
from desktop_app.app import catalogue
from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.services import AppServices
from desktop_app.session import Session
from desktop_app.store import search_reindex, upgrade
from desktop_app.store.database import connect, latest_version
from desktop_app.store.keyfile import KeyFile
from desktop_app.store.meta_repo import MetaRepository
from desktop_app.workflows import accounts
from tests.conftest import ADMIN_PASSWORD
from tests.support.old_schema import schema_one_store
from tests.support.old_search_index import OFFICER, OFFICER_PASSWORD, store_needing_the_reindex
from ui import i18n
from ui.context import UiContext
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.tasks import JobControl, TaskRunner


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


def test_the_first_login_after_an_update_shows_the_copy_then_each_migration(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    """A store at schema 1 (what 171 s of migrations at a million records stand for): the
    window tells the copy, then each migration's step, the bar busy (no percentage it could
    not know), and takes typing meanwhile."""
    paths = schema_one_store(tmp_path / "old", ADMIN_PASSWORD)
    dialog = LoginDialog(AppServices(paths, SystemClock(), catalogue()), runner)
    qtbot.addWidget(dialog)
    i18n.install("vi")
    dialog.retranslate()
    dialog.show()
    key = KeyFile.load(paths.keyfile).open_with_password("admin", ADMIN_PASSWORD)
    assert key is not None
    holder = connect(paths.database, key)
    holder.execute("BEGIN IMMEDIATE")  # the copy's checkpoint waits for this writer
    shown: list[tuple[str, int]] = []
    try:
        dialog.username.setText("admin")
        dialog.password.setText(ADMIN_PASSWORD)
        dialog.login_button.click()
        assert dialog._handle is not None  # noqa: SLF001 (the job the window follows)
        dialog._handle.progressed.connect(  # noqa: SLF001
            lambda *_r: shown.append((dialog.progress.stage.text(),
                                      dialog.progress.bar.maximum())))
        qtbot.waitUntil(dialog.upgrade_box.isVisible, timeout=10000)
        assert dialog.progress.stage.text() == "Đang sao lưu dữ liệu trước khi nâng cấp…"
        assert dialog.progress.bar.maximum() == 0  # busy
        _readable_at_default_size(dialog)
        assert dialog.session is None and not dialog.login_button.isEnabled()
        qtbot.keyClicks(dialog.username, "x")  # typing is taken while the work goes on
        assert dialog.username.text() == "adminx"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with qtbot.waitSignal(dialog.logged_in, timeout=15000):
        pass
    due = latest_version() - 1
    steps = [text for text, _busy in shown if text.startswith("Đang nâng cấp dữ liệu")]
    # every step told, the last one twice (under way, then done)
    assert steps == [f"Đang nâng cấp dữ liệu… bước {min(done + 1, due)}/{due}"
                     for done in range(due + 1)]
    assert {busy for text, busy in shown if text in steps} == {0}
    assert dialog.session is not None and dialog.session.store.schema_version() == due + 1
    dialog.session.close()


def _readable_at_default_size(dialog: LoginDialog) -> None:
    """The step's words whole and the bar as wide as the window, not squeezed beside them."""
    dialog.layout().activate()
    stage, bar = dialog.progress.stage, dialog.progress.bar
    assert stage.isVisible() and stage.width() >= stage.sizeHint().width()
    assert bar.isVisible() and bar.width() >= 0.8 * dialog.upgrade_box.width()


def test_a_quit_during_the_last_batch_of_the_reindex_still_finishes_the_upgrade(
    qtbot: QtBot, data_dir: Path, runner: TaskRunner
) -> None:
    """Quit pressed while the re-index writes its last batch: that batch is the end of the
    work, so its "all done" report does not stop the login, the upgrade is finished (the
    program's version noted), and the next start is an ordinary login with no second copy
    of the folder. (The login window runs this same job: accounts.login with the job's
    progress.)"""
    paths = DataPaths(data_dir)
    store_needing_the_reindex(paths, ADMIN_PASSWORD)  # fewer records than a batch
    key = KeyFile.load(paths.keyfile).open_with_password("admin", ADMIN_PASSWORD)
    assert key is not None
    conn = connect(paths.database, key)
    conn.execute("BEGIN IMMEDIATE")
    MetaRepository(conn).put(upgrade.VERSION_KEY, "0.0.1")  # as an older version left it
    conn.execute("COMMIT")
    backups = set(paths.backups.iterdir()) if paths.backups.exists() else set()
    results: list[object] = []

    def log_in(control: JobControl) -> Session:
        def progress(stage: str, done: int, total: int) -> None:
            control.progress(stage, done, total)
            if stage == search_reindex.STAGE:  # (the copy of the folder is told before it)
                control.cancel()  # Quit, just after the report before the one and last batch

        return accounts.login(paths, OFFICER, OFFICER_PASSWORD, SystemClock(),
                              progress=progress)

    runner.start_job(log_in, results.append, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=15000)
    assert isinstance(results[0], Session)  # the work was done: the login too
    results[0].close()
    made = set(paths.backups.iterdir()) - backups
    assert len(made) == 1  # the copy before the upgrade
    assert MetaRepository(conn).get(upgrade.VERSION_KEY) == __version__
    assert not search_reindex.needs_reindex(conn)
    conn.close()

    session = accounts.login(paths, OFFICER, OFFICER_PASSWORD, SystemClock(),
                             progress=lambda *_a: pytest.fail("the upgrade runs again"))
    session.close()
    assert set(paths.backups.iterdir()) - backups == made  # no second copy


def test_quit_during_the_reindex_closes_the_window_and_logs_nobody_in(
    qtbot: QtBot, dialog: LoginDialog, data_dir: Path, runner: TaskRunner
) -> None:
    paths = DataPaths(data_dir)
    store_needing_the_reindex(paths, ADMIN_PASSWORD)
    key = KeyFile.load(paths.keyfile).open_with_password("admin", ADMIN_PASSWORD)
    assert key is not None
    holder = connect(paths.database, key)
    dialog.show()
    holder.execute("BEGIN IMMEDIATE")  # the re-index waits at its batch
    try:
        dialog.username.setText(OFFICER)
        dialog.password.setText(OFFICER_PASSWORD)
        dialog.login_button.click()
        qtbot.waitUntil(dialog.upgrade_box.isVisible, timeout=10000)
        with qtbot.waitSignal(dialog.rejected, timeout=5000):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()  # Quit
    finally:
        holder.execute("ROLLBACK")
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=15000)
    assert dialog.session is None and not dialog.isVisible()
    assert not dialog.error.text()  # nothing told to a window that is gone
    assert not search_reindex.needs_reindex(holder)  # its last batch was in: all done
    holder.close()
