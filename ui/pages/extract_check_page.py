"""Checking a signed extract brought in as a file (the desktop's `hotich verify FILE.pdf`).

The officer picks a PDF (a citizen's copy, a file received by mail); ``UiHooks.verify_pdf``
checks it on the general lane: the signature, that nothing was changed or added after
signing, the signer's certificate, and the data against the record held here. The answer is
the verifier's own message (signing.messages), worded for the code it found: valid, altered,
or signed but with bytes added after signing that no signature covers
(E-PDF-UNSIGNED-ADDITION), which is shown as a refusal with the genuine signer named.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import HotichError
from desktop_app.messages import render
from desktop_app.ports import PdfCheck
from ui.context import UiContext
from ui.errors import message_for
from ui.widgets.file_dialog import file_dialog

OK_STYLE = "color: #1b5e20; font-weight: bold"
ERROR_STYLE = "color: #b00020; font-weight: bold"
MAX_PDF_BYTES = 20 * 1024 * 1024  # an extract is tens of kilobytes


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PDF_BYTES + 1)
    except OSError as exc:
        raise HotichError("E-FILE", path=str(path)) from exc
    if len(data) > MAX_PDF_BYTES:
        raise HotichError("E-PDF-UNREADABLE")
    return data


class ExtractCheckPage(QWidget):
    checked = Signal(object)  # the PdfCheck of the last file

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ExtractCheckPage")
        self._ctx = ctx
        self.last_check: PdfCheck | None = None
        self.last_error: BaseException | None = None
        self.is_running = False
        self.file_dialog: QFileDialog | None = None
        title = QLabel(self.tr("Check a signed extract"))
        title.setStyleSheet("font-size: 16px; font-weight: bold")
        hint = QLabel(self.tr(
            "Choose the PDF file of an extract (trích lục) to check its digital signature: "
            "that it was signed by a trusted supervisor, that nothing was changed or added "
            "after signing, and, for extracts issued here, that it says what the record "
            "says."))
        hint.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose a PDF file…"),
                                         objectName="chooseExtractFile")
        self.choose_button.clicked.connect(self.choose)
        if ctx.hooks.verify_pdf is None:
            self.choose_button.setEnabled(False)
            self.choose_button.setToolTip(self.tr(
                "Checking signatures is not available in this build."))
        self.file_label = QLabel(objectName="checkedFile")
        self.icon = QLabel(objectName="checkIcon")
        self.result = QLabel(objectName="checkResult")
        self.result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.icon)
        row.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.file_label, 1)
        layout.addLayout(buttons)
        layout.addLayout(row)
        layout.addStretch(1)

    def choose(self) -> QFileDialog | None:
        if self.is_running or self._ctx.hooks.verify_pdf is None:
            return None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
        dialog = file_dialog(self, self.tr("Choose the extract to check"), folder,
                             self.tr("PDF files (*.pdf);;All files (*)"))
        dialog.setObjectName("extractFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.check_file(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.destroyed.connect(self._dialog_gone)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self, *_args: object) -> None:
        self.file_dialog = None

    def check_file(self, path: Path) -> bool:
        hook = self._ctx.hooks.verify_pdf
        if hook is None or self.is_running:
            return False
        self.is_running = True
        self.choose_button.setEnabled(False)
        self.file_label.setText(path.name)
        self._show("", None, self.tr("Checking the signature…"))
        session = self._ctx.session
        self._ctx.runner.run(lambda: hook(session, _read(path)), self._checked, self._failed,
                             lane="general")
        return True

    def _done(self) -> None:
        self.is_running = False
        self.choose_button.setEnabled(True)

    def _checked(self, check: PdfCheck) -> None:
        self._done()
        self.last_check, self.last_error = check, None
        text = render(check.code, check.params, catalogue=self._ctx.catalogue,
                      lang=self._ctx.lang)
        if check.is_valid:
            self._show(OK_STYLE, QStyle.StandardPixmap.SP_DialogApplyButton, text)
        else:
            self._show(ERROR_STYLE, QStyle.StandardPixmap.SP_MessageBoxCritical, text)
        self.checked.emit(check)

    def _failed(self, error: BaseException) -> None:
        self._done()
        self.last_check, self.last_error = None, error
        self._show(ERROR_STYLE, QStyle.StandardPixmap.SP_MessageBoxCritical,
                   message_for(error, self._ctx.catalogue, self._ctx.lang))

    def _show(self, style: str, icon: QStyle.StandardPixmap | None, text: str) -> None:
        self.result.setStyleSheet(style)
        self.result.setText(text)
        if icon is None:
            self.icon.clear()
        else:
            self.icon.setPixmap(self.style().standardIcon(icon).pixmap(32, 32))
