"""Change my password from the System menu (every role, with the current password), and an
admin resets another account's password in Settings."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.errors import WrongPasswordError
from desktop_app.workflows import accounts
from tests.ui.conftest import PW, UiOffice, type_text, wait_idle
from ui.main_window import MainWindow
from ui.pages.password_dialog import ChangePasswordDialog
from ui.pages.settings_page import SettingsPage

NEW = "mat-khau-moi-2026"


def _fill(dialog: ChangePasswordDialog, current: str, new: str, repeat: str) -> None:
    for edit, text in ((dialog.current, current), (dialog.new, new), (dialog.repeat, repeat)):
        edit.clear()
        type_text(edit, text)


@pytest.mark.parametrize("user", ["canbo", "chutich", "admin"])
def test_every_role_changes_its_own_password(qtbot: QtBot, office: UiOffice, user: str) -> None:
    window = MainWindow(office.ctx(user))
    qtbot.addWidget(window)
    window.show()
    window.password_action.trigger()
    dialog = window.dialogs[-1]
    assert isinstance(dialog, ChangePasswordDialog) and dialog.isVisible()

    wait_idle(qtbot, office.runner)
    _fill(dialog, PW, NEW, NEW + "x")  # the repeat differs: nothing sent to the core
    dialog.change_button.click()
    assert dialog.message.text() and office.runner.pending == 0 and dialog.repeat.text() == ""

    _fill(dialog, "not-my-password", NEW, NEW)
    dialog.change_button.click()
    qtbot.waitUntil(lambda: dialog.change_button.isEnabled(), timeout=15000)
    assert dialog.message.text() and dialog.current.text() == ""
    accounts.login(office.paths, user, PW, office.clock).close()  # unchanged

    _fill(dialog, PW, NEW, NEW)
    with qtbot.waitSignal(dialog.password_changed, timeout=15000):
        dialog.change_button.click()
    with pytest.raises(WrongPasswordError):
        accounts.login(office.paths, user, PW, office.clock)
    accounts.login(office.paths, user, NEW, office.clock).close()
    wait_idle(qtbot, office.runner)
    window.close()


def test_admin_resets_another_accounts_password(qtbot: QtBot, office: UiOffice) -> None:
    page = SettingsPage(office.ctx("admin"))
    qtbot.addWidget(page)
    page.show()
    widget = page.accounts
    assert widget is not None
    qtbot.waitUntil(lambda: widget.model.rowCount() == 4, timeout=10000)
    row = [v.account.username for v in widget.model.rows()].index("canbo2")
    widget.table.selectRow(row)
    type_text(widget.reset_password, NEW)
    widget.reset_button.click()
    qtbot.waitUntil(lambda: widget.message.text() != "", timeout=15000)
    wait_idle(qtbot, office.runner)
    with pytest.raises(WrongPasswordError):
        accounts.login(office.paths, "canbo2", PW, office.clock)
    accounts.login(office.paths, "canbo2", NEW, office.clock).close()
