"""USB sneaker-net on the sync page: everything waiting written to one bundle file (signed by
this device, sealed to the central server) for someone to carry to an office with a
connection, and the answer file they bring back applied like an online sync's answers.

Both run on a worker thread through ``UiHooks.export_bundle`` / ``import_answer`` (the
composition root wires the codec), with progress and a cancel button; the file dialogs are
opened window-modal (``open``), never blocking the window with ``exec``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import Cancelled
from desktop_app.workflows.sync_apply import SyncReport
from ui.context import UiContext
from ui.labels import local_time
from ui.sync_control import SyncController
from ui.widgets.file_dialog import file_dialog
from ui.widgets.progress import JobProgressWidget

OK_STYLE = "color: #1b5e20"
ERROR_STYLE = "color: #b00020"


class UsbBundleWidget(QGroupBox):
    imported = Signal(object)  # SyncReport: records changed state
    running_changed = Signal(bool)

    def __init__(self, ctx: UiContext, controller: SyncController, *,
                 report_text: Callable[[SyncReport], str],
                 error_text: Callable[[BaseException], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Without a connection: USB transfer"), parent)
        self.setObjectName("UsbBundleWidget")
        self._ctx = ctx
        self._controller = controller
        self._report_text = report_text
        self._error_text = error_text
        self.is_running = False
        self.last_error: BaseException | None = None
        self.last_report: SyncReport | None = None
        self.last_exported: int | None = None
        self.file_dialog: QFileDialog | None = None
        hint = QLabel(self.tr(
            "Export what is waiting to a file, carry it to an office with a connection, and "
            "import here the answer file it gives back: the records then get their state, "
            "personal IDs and the commune's changes as with a synchronisation."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555")
        self.export_button = QPushButton(self.tr("Export waiting items to a file…"),
                                         objectName="exportBundle")
        self.import_button = QPushButton(self.tr("Import the answer file…"),
                                         objectName="importAnswer")
        self.export_button.clicked.connect(self.choose_export)
        self.import_button.clicked.connect(self.choose_answer)
        hooks = ctx.hooks
        if hooks.export_bundle is None or hooks.import_answer is None:
            for button in (self.export_button, self.import_button):
                button.setEnabled(False)
                button.setToolTip(self.tr("USB transfer is not available in this build."))
        elif not ctx.can("synchronise"):
            for button in (self.export_button, self.import_button):
                button.setEnabled(False)
                button.setToolTip(self.tr("Your account does not synchronise."))
        self.progress = JobProgressWidget(ctx.lang, self)
        self.result = QLabel(objectName="bundleResult")
        self.result.setWordWrap(True)
        self.is_enrolled: bool | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        self.result.hide()

    @property
    def is_available(self) -> bool:
        hooks = self._ctx.hooks
        return (hooks.export_bundle is not None and hooks.import_answer is not None
                and self._ctx.can("synchronise") and self.is_enrolled is not False)

    def set_enrolled(self, enrolled: bool) -> None:
        """A bundle is signed by this device's enrolled identity: none before enrolment."""
        self.is_enrolled = enrolled
        if self.is_running:
            return
        for button in (self.export_button, self.import_button):
            button.setEnabled(self.is_available)
            if not enrolled:
                button.setToolTip(self.tr("Available once this device is enrolled with the "
                                          "central server."))
            elif self.is_available:
                button.setToolTip("")

    # -- choosing the files ---------------------------------------------------------------
    def _folder(self) -> str:
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)

    def _dialog(self, title: str, name_filter: str, on_chosen: Callable[[str], None], *,
                save: bool, suggested: str = "") -> QFileDialog:
        dialog = file_dialog(self, title, self._folder(), name_filter)
        dialog.setObjectName("bundleFileDialog")
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setFileMode(QFileDialog.FileMode.AnyFile)
            dialog.setDefaultSuffix("bundle")
            dialog.selectFile(suggested)
        else:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(on_chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.destroyed.connect(self._dialog_gone)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self, *_args: object) -> None:
        self.file_dialog = None

    def choose_export(self) -> QFileDialog | None:
        if not self._can_start():
            return None
        stamp = self._ctx.session.clock.now().strftime("%Y%m%d-%H%M")
        return self._dialog(self.tr("Export waiting items"),
                            self.tr("Bundle files (*.bundle);;All files (*)"),
                            lambda path: self.start_export(Path(path)), save=True,
                            suggested=f"hotich-{stamp}.bundle")

    def choose_answer(self) -> QFileDialog | None:
        if not self._can_start():
            return None
        return self._dialog(self.tr("Import the answer file"),
                            self.tr("Answer files (*.answer);;All files (*)"),
                            lambda path: self.start_import(Path(path)), save=False)

    # -- running --------------------------------------------------------------------------
    def _can_start(self) -> bool:
        if not self.is_available or self.is_running:
            return False
        if self._controller.is_running:
            self._show(ERROR_STYLE, self.tr(
                "A synchronisation is running; export or import once it has finished."))
            return False
        return True

    def start_export(self, path: Path) -> bool:
        hook = self._ctx.hooks.export_bundle
        if hook is None or not self._can_start():
            return False
        session = self._ctx.session
        self._begin(self.tr("Writing the bundle file…"))
        handle = self._ctx.runner.start_job(
            lambda control: hook(session, path, control.progress),
            lambda count: self._exported(path, count), self._failed, lane="general")
        self.progress.follow(handle)
        return True

    def start_import(self, path: Path) -> bool:
        hook = self._ctx.hooks.import_answer
        if hook is None or not self._can_start():
            return False
        session = self._ctx.session
        self._begin(self.tr("Applying the answer file…"))
        handle = self._ctx.runner.start_job(
            lambda control: hook(session, path, control.progress), self._imported,
            self._failed, lane="general")
        self.progress.follow(handle)
        return True

    def _begin(self, text: str) -> None:
        self.is_running = True
        self.last_error = None
        for button in (self.export_button, self.import_button):
            button.setEnabled(False)
        self._show("", text)
        self.running_changed.emit(True)

    def _end(self) -> None:
        self.is_running = False
        for button in (self.export_button, self.import_button):
            button.setEnabled(self.is_available)
        self.running_changed.emit(False)

    def _exported(self, path: Path, count: int) -> None:
        self._end()
        self.last_exported = int(count)
        now = local_time(self._ctx.session.clock.now())
        text = (self.tr("Export at %1: nothing is waiting; the file %2 only asks the "
                        "centre for the commune's changes.") if not count else
                self.tr("Export at %1: %n item(s) written to %2. Carry the file to the "
                        "office, then import the answer file it gives back.", "", count))
        self._show(OK_STYLE, text.replace("%1", now).replace("%2", str(path)))

    def _imported(self, report: SyncReport) -> None:
        self._end()
        self.last_report = report
        now = local_time(self._ctx.session.clock.now())
        self._show(OK_STYLE, self.tr("Answer file imported at %1: ").replace("%1", now)
                   + self._report_text(report))
        self.imported.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._end()
        self.last_error = error
        if isinstance(error, Cancelled):
            self._show("", self.tr("Cancelled; nothing was changed."))
            return
        self._show(ERROR_STYLE, self._error_text(error))

    def _show(self, style: str, text: str) -> None:
        self.result.setStyleSheet(style)
        self.result.setText(text)
        self.result.setVisible(bool(text))
