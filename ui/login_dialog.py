"""Login: user name and password; the key derivation runs off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import AppServices
from desktop_app.session import Session
from desktop_app.workflows import accounts
from ui.errors import message_for
from ui.tasks import TaskRunner


class LoginDialog(QDialog):
    logged_in = Signal(object)  # Session

    def __init__(self, services: AppServices, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self.session: Session | None = None
        self.setObjectName("LoginDialog")
        self.setWindowTitle(self.tr("Hộ Tịch Offline — Đăng nhập"))

        self.username = QLineEdit(objectName="username")
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("loginButtons")
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setObjectName("loginButton")
        self.login_button.setText(self.tr("Đăng nhập"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Thoát"))
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Mật khẩu"), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.login_button)

    def attempt(self) -> None:
        username, password = self.username.text(), self.password.text()
        self.login_button.setEnabled(False)
        self.error.clear()
        services = self._services
        self._runner.run(
            lambda: accounts.login(services.paths, username, password, services.clock),
            self._succeeded, self._failed)

    def _succeeded(self, session: Session) -> None:
        self.session = session
        self.login_button.setEnabled(True)
        self.logged_in.emit(session)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.login_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.error.setText(message_for(error, self._services.catalogue))
