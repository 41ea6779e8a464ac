"""Change my password (every role): the current password, the new one twice.

The check of the current password against the account's key slot, and the lock after
repeated wrong passwords, are the core's (accounts.change_own_password), run off the GUI
thread: the key derivation takes a moment on purpose.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import WrongPasswordError
from desktop_app.workflows import accounts
from ui.context import UiContext
from ui.errors import message_for


def _secret(name: str) -> QLineEdit:
    edit = QLineEdit(objectName=name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class ChangePasswordDialog(QDialog):
    password_changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChangePasswordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        self._ctx = ctx
        self.current = _secret("currentPassword")
        self.new = _secret("newPassword")
        self.repeat = _secret("repeatPassword")
        self.message = QLabel(objectName="passwordMessage")
        self.message.setWordWrap(True)
        self.change_button = QPushButton(self.tr("Change password"),
                                         objectName="changePasswordButton")
        self.change_button.setDefault(True)
        self.change_button.clicked.connect(self.change)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # Qt ships no Vietnamese for its standard buttons: worded here.
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.addButton(self.change_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        account = ctx.session.account
        form = QFormLayout()
        form.addRow(self.tr("Account"), QLabel(account.username))
        form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("Repeat the new password"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _say(self, text: str, ok: bool = False) -> None:
        self.message.setStyleSheet("color: #1b5e20" if ok else "color: #b00020")
        self.message.setText(text)

    def change(self) -> None:
        current, new = self.current.text(), self.new.text()
        if new != self.repeat.text():
            self._say(self.tr("The two new passwords differ: type the new one again."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        self.change_button.setEnabled(False)
        self._say("", ok=True)
        self.message.setText(self.tr("Checking the current password…"))
        session = self._ctx.session
        self._ctx.runner.run(
            lambda: accounts.change_own_password(session, current_password=current,
                                                 new_password=new),
            self._changed, self._failed)

    def _changed(self, _result: object) -> None:
        self.change_button.setEnabled(True)
        for edit in (self.current, self.new, self.repeat):
            edit.clear()
        self._say(self.tr("Your password was changed. Use the new one from the next login."),
                  ok=True)
        self.password_changed.emit()

    def _failed(self, error: BaseException) -> None:
        self.change_button.setEnabled(True)
        self._say(message_for(error, self._ctx.catalogue, self._ctx.lang))
        if isinstance(error, WrongPasswordError):
            self.current.clear()
            self.current.setFocus()
