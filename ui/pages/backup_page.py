"""Backup to a file (a USB stick) and verified restore, with progress and cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.workflows import backup
from ui.context import UiContext
from ui.errors import message_for
from ui.numbers import decimal_text
from ui.tasks import JobControl
from ui.widgets.file_dialog import open_file_name, save_file_name
from ui.widgets.progress import JobProgressWidget


class BackupPage(QWidget):
    restored = Signal()  # the data folder was replaced: the session must end

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BackupPage")
        self._ctx = ctx
        can_restore = ctx.can("restore backups")
        save = QGroupBox(self.tr("Back up"))
        self.backup_button = QPushButton(self.tr("Back up to a file…"),
                                         objectName="backupButton")
        self.backup_button.setEnabled(ctx.can("make backups"))
        self.backup_button.clicked.connect(self.choose_backup)
        save_layout = QVBoxLayout(save)
        save_layout.addWidget(QLabel(self.tr(
            "The backup file is encrypted: it opens only with a password of this device "
            "or the recovery code.")))
        save_layout.addWidget(self.backup_button)

        restore = QGroupBox(self.tr("Restore"))
        self.restore_user = QLineEdit(ctx.session.account.username, objectName="restoreUser")
        self.restore_password = QLineEdit(objectName="restorePassword")
        self.restore_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.restore_button = QPushButton(self.tr("Restore from a file…"),
                                          objectName="restoreButton")
        self.restore_button.setEnabled(can_restore)
        if not can_restore:
            self.restore_button.setToolTip(self.tr("Only an administrator restores backups."))
        self.restore_button.clicked.connect(self.choose_restore)
        form = QFormLayout(restore)
        form.addRow(QLabel(self.tr("The backup is checked completely before it replaces the "
                                   "current data; the current data is kept aside.")))
        form.addRow(self.tr("User name in the backup"), self.restore_user)
        form.addRow(self.tr("Password"), self.restore_password)
        form.addRow("", self.restore_button)

        self.progress = JobProgressWidget(ctx.lang, self)
        self.message = QLabel(objectName="backupMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(save)
        layout.addWidget(restore)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def choose_backup(self) -> None:
        path = save_file_name(self, self.tr("Back up to"), "hotich.htbak", "Hộ Tịch (*.htbak)")
        if path:
            self.start_backup(Path(path))

    def start_backup(self, out: Path) -> None:
        session = self._ctx.session

        def job(control: JobControl) -> backup.BackupInfo:
            return backup.create_backup(session, out, progress=control.progress)

        self._start(job, lambda info: self.tr("Backup written: %1 (%2 MB).").replace(
            "%1", str(info.path)).replace("%2", decimal_text(info.size / 1e6, self._ctx.lang)))

    def choose_restore(self) -> None:
        path = open_file_name(self, self.tr("Restore from"), "", "Hộ Tịch (*.htbak);;* (*)")
        if path:
            self.start_restore(Path(path))

    def start_restore(self, source: Path) -> None:
        paths, clock = self._ctx.services.paths, self._ctx.services.clock
        user, password = self.restore_user.text(), self.restore_password.text()
        self.restore_password.clear()

        def job(control: JobControl) -> backup.BackupInfo:
            return backup.restore_backup(paths, source, clock, username=user,
                                         password=password, progress=control.progress)

        def done(_info: backup.BackupInfo) -> str:
            self.restored.emit()
            return self.tr("Restored. Log in again to continue.")

        self._start(job, done)

    def _start(self, job, describe) -> None:  # noqa: ANN001
        self.backup_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        self.message.clear()

        def ok(result: object) -> None:
            self._enable()
            self.message.setStyleSheet("color: #1b5e20")
            self.message.setText(describe(result))

        def failed(error: BaseException) -> None:
            self._enable()
            self.message.setStyleSheet("color: #b00020")
            self.message.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))

        self.progress.follow(self._ctx.runner.start_job(job, ok, failed))

    def _enable(self) -> None:
        self.backup_button.setEnabled(self._ctx.can("make backups"))
        self.restore_button.setEnabled(self._ctx.can("restore backups"))
