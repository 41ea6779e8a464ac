"""Accounts for admins: the list (with locks), add an account, reset a password, unlock."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.accounts import Role
from desktop_app.workflows import accounts
from desktop_app.workflows.accounts import AccountView
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import local_time, role_label
from ui.models import RowsModel
from ui.widgets.table_columns import fit_columns


class AccountsWidget(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccountsWidget")
        self._ctx = ctx
        lang = ctx.lang
        self.model: RowsModel[AccountView] = RowsModel([
            (self.tr("User name"), lambda v: v.account.username),
            (self.tr("Full name"), lambda v: v.account.full_name),
            (self.tr("Role"), lambda v: role_label(v.account.role.value, lang)),
            (self.tr("Locked until"), lambda v: local_time(v.locked_until)
             if v.locked_until else ""),
            (self.tr("Disabled"), lambda v: self.tr("yes") if v.account.is_disabled else "")],
            key=lambda v: v.account.username, parent=self)
        self.table = QTableView(objectName="accountsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_columns(self.table, stretch=1)
        self.table.setMaximumHeight(180)

        self.username = QLineEdit(objectName="newUsername")
        self.full_name = QLineEdit(objectName="newFullName")
        self.role = QComboBox(objectName="newRole")
        for role in Role:
            self.role.addItem(role_label(role.value, lang), role.value)
        self.password = QLineEdit(objectName="newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("Add account"), objectName="addAccount")
        self.reset_password = QLineEdit(objectName="resetPassword")
        self.reset_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_password.setPlaceholderText(self.tr("new password for the selected account"))
        self.reset_button = QPushButton(self.tr("Reset password"), objectName="resetButton")
        self.unlock_button = QPushButton(self.tr("Unlock"), objectName="unlockButton")
        self.message = QLabel(objectName="accountsMessage")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.add_button)
        selected = QHBoxLayout()
        selected.addWidget(self.reset_password, 1)
        selected.addWidget(self.reset_button)
        selected.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(selected)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add_account)
        self.reset_button.clicked.connect(self.reset)
        self.unlock_button.clicked.connect(self.unlock)

    def refresh(self) -> None:
        session = self._ctx.session
        self._ctx.runner.run(lambda: accounts.list_accounts(session), self.model.set_rows,
                             self._failed)

    def _selected(self) -> str | None:
        index = self.table.currentIndex()
        view = self.model.row_at(index.row()) if index.isValid() else None
        return view.account.username if view else None

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))

    def _run(self, action, done: str) -> None:  # noqa: ANN001
        session = self._ctx.session

        def ok(_result: object) -> None:
            self.message.setStyleSheet("color: #1b5e20")
            self.message.setText(done)
            self.refresh()

        self._ctx.runner.run(lambda: action(session), ok, self._failed)

    def add_account(self) -> None:
        username, full_name = self.username.text(), self.full_name.text()
        role, password = Role(self.role.currentData()), self.password.text()
        self.password.clear()
        self._run(lambda s: accounts.add_account(s, username=username, role=role,
                                                 password=password, full_name=full_name),
                  self.tr("Account %1 added.").replace("%1", username.strip().lower()))

    def reset(self) -> None:
        target, password = self._selected(), self.reset_password.text()
        self.reset_password.clear()
        if target:
            self._run(lambda s: accounts.change_password(s, new_password=password,
                                                         username=target),
                      self.tr("Password of %1 changed.").replace("%1", target))

    def unlock(self) -> None:
        target = self._selected()
        if target:
            self._run(lambda s: accounts.unlock_account(s, target),
                      self.tr("Account %1 unlocked.").replace("%1", target))
