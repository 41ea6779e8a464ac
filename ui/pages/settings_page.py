"""Settings: the central server (device enrolment), the supervisor's certificate, the
language, and (for admins) the accounts of this device."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.settings import LocalSettings
from desktop_app.workflows import device_settings
from ui.context import UiContext
from ui.errors import message_for
from ui.pages.accounts_widget import AccountsWidget
from ui.pages.enrolment_widget import EnrolmentWidget
from ui.widgets.file_dialog import open_file_name


class SettingsPage(QScrollArea):
    enrolled = Signal(object)  # DeviceIdentity: this device was just enrolled

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsPage")
        self.setWidgetResizable(True)
        self._ctx = ctx
        is_admin = ctx.can("manage accounts")
        settings = LocalSettings.load(ctx.services.paths.root)
        body = QWidget()
        layout = QVBoxLayout(body)

        server = QGroupBox(self.tr("Central server"), objectName="serverBox")
        self.enrolment = EnrolmentWidget(ctx)
        self.enrolment.enrolled.connect(self._enrolled)
        QVBoxLayout(server).addWidget(self.enrolment)
        layout.addWidget(server)

        cert = QGroupBox(self.tr("Signing certificate"))
        self.cert_button = QPushButton(self.tr("Import certificate (.p12)…"),
                                       objectName="importCertificate")
        self.cert_status = QLabel(objectName="certificateStatus")
        self.cert_status.setWordWrap(True)
        if ctx.hooks.import_certificate is None:
            self.cert_button.setEnabled(False)
            self.cert_button.setToolTip(self.tr(
                "Certificate import is not available in this build yet."))
        elif not ctx.can("import a signing certificate"):
            self.cert_button.setEnabled(False)
            self.cert_button.setToolTip(self.tr("Only supervisors sign extracts."))
        self.cert_button.clicked.connect(self.import_certificate)
        cert_row = QHBoxLayout(cert)
        cert_row.addWidget(self.cert_button)
        cert_row.addWidget(self.cert_status, 1)
        layout.addWidget(cert)

        language = QGroupBox(self.tr("Language"))
        self.language = QComboBox(objectName="languageCombo")
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setEnabled(is_admin)
        self.language.activated.connect(
            lambda _i: self._change("language", str(self.language.currentData())))
        lang_form = QFormLayout(language)
        lang_form.addRow(self.tr("Language of this device (from the next login)"),
                         self.language)
        layout.addWidget(language)

        self.accounts: AccountsWidget | None = None
        if is_admin:
            box = QGroupBox(self.tr("Accounts"))
            self.accounts = AccountsWidget(ctx)
            QVBoxLayout(box).addWidget(self.accounts)
            layout.addWidget(box)
        self.message = QLabel(objectName="settingsMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setWidget(body)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.enrolment.refresh()
        if self.accounts is not None:
            self.accounts.refresh()

    def _enrolled(self, identity: object) -> None:
        self.enrolled.emit(identity)

    def _change(self, key: str, value: str) -> None:
        session = self._ctx.session

        def ok(_settings: object) -> None:
            self.message.setStyleSheet("color: #1b5e20")
            self.message.setText(self.tr("Saved."))

        self._ctx.runner.run(lambda: device_settings.change_setting(session, key, value), ok,
                             self._failed)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))

    def import_certificate(self) -> None:
        hook = self._ctx.hooks.import_certificate
        if hook is None:
            return
        path = open_file_name(self, self.tr("Certificate"), "", "PKCS#12 (*.p12 *.pfx)")
        if not path:
            return
        password, ok = QInputDialog.getText(self, self.tr("Certificate"),
                                            self.tr("Password of the certificate file"),
                                            QLineEdit.EchoMode.Password)
        if ok:
            self.start_import(Path(path), password)

    def start_import(self, path: Path, password: str) -> None:
        hook, session = self._ctx.hooks.import_certificate, self._ctx.session
        if hook is None:
            return
        self.cert_button.setEnabled(False)

        def done(text: str) -> None:
            self.cert_button.setEnabled(True)
            self.cert_status.setText(str(text))

        def failed(error: BaseException) -> None:
            self.cert_button.setEnabled(True)
            self._failed(error)

        self._ctx.runner.run(lambda: hook(session, path, password), done, failed,
                             lane="general")
