"""Device enrolment (Settings, admins): the central server's address, the one-time code the
operators gave, and the server's CA certificate file. Everyone sees whether this device is
enrolled; only an admin enrols it (others are told to ask their admin).

The exchange runs on a worker thread through ``UiHooks.enrol_device`` (the composition root
wires the HTTPS transport); the result and every error are one line in the user's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import commune
from desktop_app.errors import AlreadyEnrolledError, OfficeMismatchError
from desktop_app.settings import LocalSettings
from desktop_app.sync_types import DeviceIdentity
from desktop_app.workflows import enrolment
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import local_time
from ui.widgets.file_dialog import open_file_name

OK_STYLE = "color: #1b5e20"
ERROR_STYLE = "color: #b00020"


class EnrolmentWidget(QWidget):
    enrolled = Signal(object)  # DeviceIdentity

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EnrolmentWidget")
        self._ctx = ctx
        self.identity: DeviceIdentity | None = None
        self.last_error: BaseException | None = None  # of the last attempt (tests, support)
        self.is_admin = ctx.can("manage accounts")
        self.status = QLabel(self.tr("Looking up the enrolment of this device…"),
                             objectName="enrolmentStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)

        self.server_url = QLineEdit(LocalSettings.load(ctx.services.paths.root).server_url,
                                    objectName="serverUrl")
        self.server_url.setPlaceholderText("https://hotich.example.gov.vn:8443")
        self.code = QLineEdit(objectName="enrolmentCode")
        self.code.setPlaceholderText(self.tr("given by the central operators, used once"))
        self.ca_file = QLineEdit(objectName="caFile")
        self.ca_file.setPlaceholderText(self.tr("empty: the certificates trusted by this "
                                                "computer"))
        self.ca_button = QPushButton(self.tr("Choose…"), objectName="chooseCaFile")
        self.ca_button.clicked.connect(self.choose_ca_file)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_button)
        self.replace = QCheckBox(self.tr("Enrol again, replacing the current enrolment"),
                                 objectName="replaceEnrolment")
        self.replace.hide()
        self.enrol_button = QPushButton(self.tr("Enrol this device"), objectName="enrolDevice")
        self.enrol_button.setDefault(False)
        self.enrol_button.clicked.connect(self.enrol)
        self.message = QLabel(objectName="enrolmentMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.server_url)
        form.addRow(self.tr("One-time code"), self.code)
        form.addRow(self.tr("Server's CA certificate"), ca_row)
        self.form = QWidget(objectName="enrolmentForm")
        inner = QVBoxLayout(self.form)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addWidget(self.replace)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.enrol_button)
        inner.addLayout(buttons)
        layout.addWidget(self.form)
        self.form.setVisible(self.is_admin)
        if ctx.hooks.enrol_device is None:
            self.enrol_button.setEnabled(False)
            self.enrol_button.setToolTip(self.tr(
                "Enrolment is not available in this build."))
        self.setTabOrder(self.server_url, self.code)
        self.setTabOrder(self.code, self.ca_file)
        self.setTabOrder(self.ca_file, self.ca_button)
        self.setTabOrder(self.ca_button, self.enrol_button)

    # -- the current enrolment -----------------------------------------------------------
    def refresh(self) -> None:
        session = self._ctx.session
        self._ctx.runner.run(lambda: enrolment.device_identity(session), self._shown,
                             self._show_error)

    def _shown(self, identity: DeviceIdentity | None) -> None:
        self.identity = identity
        if identity is None:
            self.status.setStyleSheet("")
            self.status.setText(
                self.tr("This device is not enrolled with the central server yet: it works "
                        "offline, and sends nothing until it is enrolled.")
                + ("" if self.is_admin else " " + self.tr(
                    "Ask the administrator of this device to enrol it.")))
            self.replace.hide()
            self.replace.setChecked(False)
            return
        self.status.setStyleSheet(OK_STYLE)
        place = commune(identity.commune)
        self.status.setText(
            self.tr("Enrolled with %1 as device %2 (commune %3) on %4.")
            .replace("%1", identity.server_url).replace("%2", identity.device_id)
            .replace("%3", place.name if place else identity.commune)
            .replace("%4", local_time(identity.enrolled_at)))
        if not self.server_url.text().strip():
            self.server_url.setText(identity.server_url)
        self.replace.show()

    # -- enrolling ------------------------------------------------------------------------
    def choose_ca_file(self) -> None:
        path = open_file_name(
            self, self.tr("Server's CA certificate"), self.ca_file.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_file.setText(path)

    def enrol(self) -> bool:
        """The button: check the fields are filled, then enrol on a worker thread."""
        hook, session = self._ctx.hooks.enrol_device, self._ctx.session
        if hook is None or not self.is_admin:
            return False
        url, code = self.server_url.text().strip(), self.code.text().strip()
        ca_text = self.ca_file.text().strip()
        if not url:
            return self._refuse(self.server_url, self.tr("Enter the server's address."))
        if not code:
            return self._refuse(self.code, self.tr("Enter the one-time code."))
        ca_path = Path(ca_text) if ca_text else None
        replace = self.replace.isVisible() and self.replace.isChecked()
        self.enrol_button.setEnabled(False)
        self.last_error = None
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Enrolling with %1…").replace("%1", url))
        self._ctx.runner.run(lambda: hook(session, url, code, ca_path, replace), self._done,
                             self._failed, lane="general")
        return True

    def _refuse(self, field: QLineEdit, text: str) -> bool:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        field.setFocus()
        return False

    def _done(self, identity: DeviceIdentity) -> None:
        self.enrol_button.setEnabled(True)
        self.code.clear()  # used: it cannot serve again
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(self.tr("This device is enrolled (device %1). Synchronisation "
                                     "can start.").replace("%1", identity.device_id))
        self._shown(identity)
        self.enrolled.emit(identity)

    def _failed(self, error: BaseException) -> None:
        self.last_error = error
        self.enrol_button.setEnabled(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(self.error_text(error))

    def _show_error(self, error: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))

    def error_text(self, error: BaseException) -> str:
        """The catalogue's line, with what to do about it where enrolment knows better."""
        text = message_for(error, self._ctx.catalogue, self._ctx.lang)
        code = getattr(error, "code", "")
        if isinstance(error, OfficeMismatchError):
            office = str(error.params.get("office", ""))
            place = commune(office)
            return self.tr("This code enrols a device of commune %1, not of this device's "
                           "commune: ask the central operators for a code for this commune."
                           ).replace("%1", place.name if place else office)
        if isinstance(error, AlreadyEnrolledError):
            return text + " " + self.tr("To enrol it again, tick “Enrol again” first.")
        if code == "E-SYNC-TLS":
            return text + " " + self.tr("Check that the CA certificate file is the one the "
                                        "central operators gave for this server.")
        if code == "E-SYNC-TLS-CONFIG":
            return self.tr("The CA certificate file %1 cannot be read or is not a PEM "
                           "certificate: choose the file the central operators gave for this "
                           "server.").replace("%1", self.ca_file.text().strip())
        if code == "E-SYNC-UNREACHABLE":
            return self.tr("Cannot reach the server %1: check the address and the network, "
                           "then try again.").replace("%1", str(error.params.get("url", "")))
        return text
