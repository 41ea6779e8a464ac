"""The signed extracts of a record (record detail, "Signed extracts" tab): the original and
each certified copy (BẢN SAO, numbered on its own counter), opened exactly as stored to view,
save or print; a supervisor issues a new certified copy of a signed record here.

Everything runs on worker threads: the list and the stored PDFs on the database lane, the
signing of a copy (``UiHooks.sign_records``, which makes a copy of a record already signed)
on the general lane with progress.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.workflows import extracts
from desktop_app.workflows.extracts import IssuedExtract
from ui.context import SignOutcome, UiContext
from ui.errors import logged, message_for
from ui.labels import local_time
from ui.models import RowsModel
from ui.pages.extract_preview import ExtractPreviewDialog
from ui.widgets.progress import JobProgressWidget

SIGNED_STATES = ("signed", "queued", "synced", "awaiting_central_support")


class IssuedExtractsWidget(QWidget):
    changed = Signal()  # a copy was issued, or a document handed out (audit trail)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IssuedExtractsWidget")
        self._ctx = ctx
        self.record_id: str | None = None
        self.record_status = ""
        self.preview: ExtractPreviewDialog | None = None
        self.last_error: BaseException | None = None
        self.is_issuing = False
        self.ask_password: Callable[[], str | None] = self._ask_password
        self.model: RowsModel[IssuedExtract] = RowsModel([
            (self.tr("Extract number"), lambda e: e.extract_number),
            (self.tr("Kind"), lambda e: self.tr("Certified copy (BẢN SAO)") if e.is_copy
             else self.tr("Original")),
            (self.tr("Signed"), lambda e: local_time(e.signed_at)),
            (self.tr("By"), lambda e: e.signed_by),
            (self.tr("Timestamp"), lambda e: self.tr("waiting for the next sync")
             if e.needs_timestamp else "")],
            key=lambda e: e.extract_number, parent=self)
        self.table = QTableView(objectName="extractsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda _i: self.open_selected())
        self.empty = QLabel(self.tr("No extract has been signed for this record yet."),
                            objectName="noExtracts")
        self.open_button = QPushButton(self.tr("View, save or print…"),
                                       objectName="openExtract")
        self.open_button.setToolTip(self.tr(
            "Opens the signed document exactly as it is kept: what you see is what is saved "
            "and printed."))
        self.open_button.clicked.connect(self.open_selected)
        self.copy_button = QPushButton(self.tr("Issue a certified copy (BẢN SAO)…"),
                                       objectName="issueCopy")
        self.copy_button.setToolTip(self.tr(
            "Signs a new copy of this extract with your certificate; it gets its own copy "
            "number."))
        self.copy_button.clicked.connect(self.issue_copy)
        self.copy_button.setVisible(ctx.can("sign extracts"))
        self.progress = JobProgressWidget(ctx.lang, self)
        self.message = QLabel(objectName="extractsMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- the list -------------------------------------------------------------------------
    def set_record(self, record_id: str, status: str) -> None:
        self.record_id, self.record_status = record_id, status
        self.refresh()

    def refresh(self) -> None:
        rid, session = self.record_id, self._ctx.session
        if rid is None:
            return
        self._ctx.runner.run(lambda: extracts.issued_extracts(session, rid), self._loaded,
                             self._failed)

    def _loaded(self, rows: list[IssuedExtract]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        if rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(len(rows) - 1)  # the newest
        self._update_buttons()

    def selected(self) -> IssuedExtract | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, extract_number: str) -> None:
        for n, row in enumerate(self.model.rows()):
            if row.extract_number == extract_number:
                self.table.selectRow(n)

    @property
    def can_issue_copy(self) -> bool:
        return (self._ctx.hooks.sign_records is not None and self._ctx.can("sign extracts")
                and self.record_status in SIGNED_STATES and self.model.rowCount() > 0
                and not self.is_issuing)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.model.rowCount() > 0)
        self.copy_button.setEnabled(self.can_issue_copy)

    # -- viewing, saving, printing -----------------------------------------------------------
    def open_selected(self) -> ExtractPreviewDialog | None:
        rows = self.model.rows()
        row = self.selected() or (rows[-1] if rows else None)  # else the newest
        if row is None:
            return None
        session, number = self._ctx.session, row.extract_number
        kind = self.tr("certified copy") if row.is_copy else self.tr("signed extract")
        dialog = ExtractPreviewDialog(
            self._ctx, lambda: extracts.issued_pdf(session, number), self.window(),
            title=self.tr("Extract %1 (%2)").replace("%1", number).replace("%2", kind),
            file_name=f"trich-luc-{number.replace('/', '-')}.pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.handed_out.connect(lambda how: self._handed_out(number, how))
        dialog.destroyed.connect(self._preview_gone)
        self.preview = dialog
        dialog.show()
        return dialog

    def _preview_gone(self, *_args: object) -> None:
        self.preview = None

    def _handed_out(self, number: str, how: str) -> None:
        session = self._ctx.session
        self._ctx.runner.run(lambda: extracts.note_handed_out(session, number, how),
                             lambda _r: self.changed.emit(), logged("extract hand-out audit"))

    # -- certified copies -----------------------------------------------------------------
    def _ask_password(self) -> str | None:
        password, ok = QInputDialog.getText(
            self, self.tr("Certified copy"),
            self.tr("Password of your signing certificate (.p12):"),
            QLineEdit.EchoMode.Password)
        return password if ok else None

    def issue_copy(self) -> bool:
        hook, rid, session = self._ctx.hooks.sign_records, self.record_id, self._ctx.session
        if hook is None or rid is None or not self.can_issue_copy:
            return False
        password = self.ask_password()
        if password is None:
            return False
        self.is_issuing = True
        self.last_error = None
        self._update_buttons()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Signing the certified copy…"))
        handle = self._ctx.runner.start_job(
            lambda control: hook(session, [rid], password, control.progress), self._issued,
            self._copy_failed, lane="general")
        self.progress.follow(handle)
        return True

    def _issued(self, outcomes: list[SignOutcome]) -> None:
        self.is_issuing = False
        error = next((o.error for o in outcomes if o.error is not None), None)
        if error is not None:
            self._copy_failed(error)
            return
        self.message.setStyleSheet("color: #1b5e20")
        self.message.setText(self.tr("Certified copy signed: open it to save or print it."))
        self.table.clearSelection()  # the new copy, the newest, gets selected
        self.refresh()
        self.changed.emit()

    def _copy_failed(self, error: BaseException) -> None:
        self.is_issuing = False
        self._failed(error)
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self.last_error = error
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))
