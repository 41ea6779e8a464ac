"""Login: user name and password; the key derivation runs off the GUI thread. A locked
account is told until when (the core's message carries the time). The first login after an
upgrade also copies the folder, migrates the store and re-indexes the search, once (up to
three minutes at 1M records): their progress is shown here, and quitting meanwhile stops the
work between two of its steps or batches (the next login carries on)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import Cancelled
from desktop_app.services import AppServices
from desktop_app.session import Session
from desktop_app.workflows import accounts
from ui.errors import logged, message_for
from ui.tasks import JobControl, TaskHandle, TaskRunner
from ui.widgets.progress import JobProgressWidget


class LoginDialog(QDialog):
    logged_in = Signal(object)  # Session
    language_chosen = Signal(str)

    def __init__(self, services: AppServices, runner: TaskRunner,
                 parent: QWidget | None = None, *, lang: str = "vi") -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self.lang = lang
        self.session: Session | None = None
        self._handle: TaskHandle | None = None  # the login running, if any
        self._quit = False
        self.setObjectName("LoginDialog")

        self.username = QLineEdit(objectName="username")
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox(objectName="loginLanguage")
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.language.activated.connect(
            lambda _i: self.language_chosen.emit(str(self.language.currentData())))
        self.error = QLabel(objectName="loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("loginButtons")
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setObjectName("loginButton")
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)

        # Shown only once the login reports progress: an ordinary login has none to report.
        self.upgrade_box = QWidget(objectName="loginUpgrade")
        self.progress = JobProgressWidget(lang, self.upgrade_box, stacked=True)
        self.progress.cancel_button.hide()  # "Quit" stops it; the login cannot go on without
        self.upgrade_note = QLabel(objectName="loginUpgradeNote")
        self.upgrade_note.setWordWrap(True)
        box = QVBoxLayout(self.upgrade_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.progress)
        box.addWidget(self.upgrade_note)
        self.upgrade_box.hide()

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold")
        self._labels = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        form.addRow(self._labels[0], self.username)
        form.addRow(self._labels[1], self.password)
        form.addRow(self._labels[2], self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.upgrade_box)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.login_button)
        self.setTabOrder(self.login_button, self.language)
        self.setMinimumWidth(380)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language (the language can be switched here)."""
        self.setWindowTitle(self.tr("Hộ Tịch Offline — Log in"))
        self.title.setText(self.tr("Civil-status registration — offline"))
        self.login_button.setText(self.tr("Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        for label, text in zip(self._labels, (self.tr("User name"), self.tr("Password"),
                                              self.tr("Language")), strict=True):
            label.setText(text)
        self.progress.set_language(self.lang)
        self.upgrade_note.setText(self.tr(
            "The first login after an update upgrades the data and prepares the search, once; "
            "this can take a few minutes. If it is interrupted, the next login carries on."))

    def attempt(self) -> None:
        username, password = self.username.text(), self.password.text()
        self.login_button.setEnabled(False)
        self.error.clear()
        services = self._services

        def log_in(control: JobControl) -> Session:
            session = accounts.login(services.paths, username, password, services.clock,
                                     progress=control.progress)
            if control.is_cancelled:  # quit while its last work finished: nobody takes it
                session.close()
                raise Cancelled()
            return session

        self._handle = self._runner.start_job(log_in, self._succeeded, self._failed,
                                              on_progress=self._progressed)
        self.progress.follow(self._handle)

    def reject(self) -> None:
        """Quit: a login still running stops (the re-index between two batches; once its
        last batch is in, the upgrade is finished and the session closed)."""
        self._quit = True
        if self._handle is not None and not self._handle.is_done:
            self._handle.cancel()
        super().reject()

    def _progressed(self, _stage: str, _done: int, _total: int) -> None:
        if not self.upgrade_box.isVisible():
            self.upgrade_box.show()
            self.adjustSize()  # room for the note, which would be cut otherwise

    def _succeeded(self, session: Session) -> None:
        if self._quit:  # it ended just as Quit was pressed: closed on its own thread
            self._runner.run(session.close, lambda _r: None, logged("closing the session"))
            return
        self.session = session
        self.login_button.setEnabled(True)
        self.logged_in.emit(session)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if self._quit:
            return  # nothing to tell: the window is gone
        self.upgrade_box.hide()
        self.login_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.error.setText(message_for(error, self._services.catalogue, self.lang))
