"""The supervisor's queue: records waiting for approval, a reason box per warning, approve or
reject; approved records selected in a batch for signing (wired by the composition root)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import Issue, Status, issue_message
from desktop_app.record import StoredRecord
from desktop_app.workflows import records
from ui.context import SignOutcome, UiContext
from ui.errors import message_for
from ui.models import RowsModel
from ui.pages.records_page import record_columns
from ui.widgets.progress import JobProgressWidget


def stored_issues(rec: StoredRecord) -> list[Issue]:
    return [Issue.of(str(i["rule"]), str(i.get("field", "")),
                     **dict(i.get("params") or {}))  # type: ignore[arg-type]
            for i in rec.issues]


def _table(model: RowsModel, name: str) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return view


class ApprovalPage(QWidget):
    open_requested = Signal(str)
    records_changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ApprovalPage")
        self._ctx = ctx
        self.current: StoredRecord | None = None
        self.reasons: dict[str, QLineEdit] = {}
        key = lambda r: r.id  # noqa: E731
        self.pending_model: RowsModel[StoredRecord] = RowsModel(
            record_columns(ctx), key=key, parent=self)
        self.sign_model: RowsModel[StoredRecord] = RowsModel(
            record_columns(ctx), checkable=True, key=key, parent=self)
        self.pending_table = _table(self.pending_model, "approvalTable")
        self.pending_table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._select(cur.row()))
        self.pending_table.activated.connect(
            lambda index: self._open(self.pending_model.row_at(index.row())))

        # the selected record: warnings with their reasons, approve / reject
        self.detail = QGroupBox(self.tr("Decision"), objectName="decisionBox")
        self.record_label = QLabel(objectName="decisionRecord")
        self.record_label.setWordWrap(True)
        self.warnings_form = QFormLayout()
        self.approve_button = QPushButton(self.tr("Approve"), objectName="approveButton")
        self.verify_button = QPushButton(self.tr("Verify against the book (four eyes)"),
                                         objectName="verifyButton")
        self.reject_reason = QLineEdit(objectName="rejectReason")
        self.reject_reason.setPlaceholderText(self.tr("Reason for refusal (required)"))
        self.reject_button = QPushButton(self.tr("Reject"), objectName="rejectButton")
        self.message = QLabel(objectName="approvalMessage")
        self.message.setWordWrap(True)
        box = QVBoxLayout(self.detail)
        box.addWidget(self.record_label)
        box.addLayout(self.warnings_form)
        actions = QHBoxLayout()
        actions.addWidget(self.verify_button)
        actions.addStretch(1)
        actions.addWidget(self.approve_button)
        box.addLayout(actions)
        refuse = QHBoxLayout()
        refuse.addWidget(self.reject_reason, 1)
        refuse.addWidget(self.reject_button)
        box.addLayout(refuse)
        box.addWidget(self.message)
        box.addStretch(1)
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        self.verify_button.clicked.connect(self.verify)

        # approved records to sign in a batch
        self.sign_table = _table(self.sign_model, "signTable")
        self.select_all = QPushButton(self.tr("Select all"), objectName="selectAllToSign")
        self.select_all.clicked.connect(self._select_all)
        self.sign_button = QPushButton(self.tr("Sign selected extracts"),
                                       objectName="signButton")
        if ctx.hooks.sign_records is None:
            self.sign_button.setEnabled(False)
            self.sign_button.setToolTip(self.tr(
                "Signing is not set up on this device yet (certificate and signing module)."))
        self.sign_button.clicked.connect(self.sign_selected)
        self.progress = JobProgressWidget(ctx.lang, self)

        top = QSplitter(Qt.Orientation.Horizontal)
        pending = QGroupBox(self.tr("Waiting for approval"))
        QVBoxLayout(pending).addWidget(self.pending_table)
        top.addWidget(pending)
        top.addWidget(self.detail)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        signing = QGroupBox(self.tr("Approved, to sign"))
        sign_layout = QVBoxLayout(signing)
        sign_layout.addWidget(self.sign_table)
        sign_buttons = QHBoxLayout()
        sign_buttons.addWidget(self.progress, 1)
        sign_buttons.addWidget(self.select_all)
        sign_buttons.addWidget(self.sign_button)
        sign_layout.addLayout(sign_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(top, 3)
        layout.addWidget(signing, 2)
        self._select(-1)

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        session = self._ctx.session

        def load() -> tuple[list[StoredRecord], list[StoredRecord]]:
            return (records.list_records(session, status=Status.SUBMITTED.value),
                    records.list_records(session, status=Status.APPROVED.value))

        self._ctx.runner.run(load, self._loaded, self._failed)

    def _loaded(self, lists: tuple[list[StoredRecord], list[StoredRecord]]) -> None:
        current = self.current.id if self.current else None
        self.pending_model.set_rows(lists[0])
        self.sign_model.set_rows(lists[1])
        rows = [r.id for r in lists[0]]
        if current in rows:
            self.pending_table.selectRow(rows.index(current))
        elif rows:
            self.pending_table.selectRow(0)
        else:
            self._select(-1)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))
        for button in (self.approve_button, self.reject_button, self.verify_button):
            button.setEnabled(self.current is not None)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.refresh()

    # -- the selected record ---------------------------------------------------------------
    def _select(self, row: int) -> None:
        rec = self.pending_model.row_at(row)
        self.current = rec
        while self.warnings_form.rowCount():
            self.warnings_form.removeRow(0)
        self.reasons.clear()
        self.message.clear()
        for button in (self.approve_button, self.reject_button):
            button.setEnabled(rec is not None)
        self.verify_button.setVisible(bool(rec and rec.is_historical and not rec.verified_by))
        if rec is None:
            self.record_label.setText(self.tr("Nothing waiting for approval."))
            return
        self.record_label.setText(self.pending_model.data(self.pending_model.index(row, 1))
                                  + " — " + self.pending_model.data(
                                      self.pending_model.index(row, 0)))
        warnings = [i for i in stored_issues(rec) if i.is_warning]
        if not warnings:
            self.warnings_form.addRow(QLabel(self.tr("No warnings.")))
        for issue in warnings:
            if issue.code in self.reasons:
                continue
            text = issue_message(rec.type, issue, lang=self._ctx.lang,
                                 catalogue=self._ctx.catalogue)
            label = QLabel("⚠ " + text)
            label.setWordWrap(True)
            reason = QLineEdit(objectName=f"reason:{issue.code}")
            reason.setPlaceholderText(self.tr("Reason for accepting this warning"))
            self.reasons[issue.code] = reason
            self.warnings_form.addRow(label)
            self.warnings_form.addRow(reason)

    def _open(self, rec: StoredRecord | None) -> None:
        if rec is not None:
            self.open_requested.emit(rec.id)

    def approve(self) -> None:
        rec = self.current
        if rec is None:
            return
        overrides = {code: box.text().strip() for code, box in self.reasons.items()
                     if box.text().strip()}
        self._run(lambda s: records.approve(s, rec.id, overrides),
                  self.tr("Approved."))

    def reject(self) -> None:
        rec, reason = self.current, self.reject_reason.text().strip()
        if rec is None:
            return
        if not reason:
            self.message.setStyleSheet("color: #b00020")
            self.message.setText(self.tr("Write the reason for the refusal."))
            self.reject_reason.setFocus()
            return
        self._run(lambda s: records.reject(s, rec.id, reason), self.tr("Rejected."))
        self.reject_reason.clear()

    def verify(self) -> None:
        rec = self.current
        if rec is not None:
            self._run(lambda s: records.verify(s, rec.id), self.tr("Verified."))

    def _run(self, action, done_text: str) -> None:  # noqa: ANN001
        session = self._ctx.session
        for button in (self.approve_button, self.reject_button, self.verify_button):
            button.setEnabled(False)

        def ok(_result: object) -> None:
            self.current = None
            self.refresh()
            self.message.setStyleSheet("color: #1b5e20")
            self.message.setText(done_text)
            self.records_changed.emit()

        self._ctx.runner.run(lambda: action(session), ok, self._failed)

    # -- batch signing ----------------------------------------------------------------------
    def _select_all(self) -> None:
        for row in range(self.sign_model.rowCount()):
            self.sign_model.set_checked(row, True)

    def sign_selected(self) -> None:
        sign = self._ctx.hooks.sign_records
        ids = [r.id for r in self.sign_model.checked()]
        if sign is None or not ids:
            return
        password = self.ask_p12_password()
        if password is None:
            return
        session = self._ctx.session
        self.sign_button.setEnabled(False)
        handle = self._ctx.runner.start_job(
            lambda control: sign(session, ids, password, control.progress),
                                            self._signed, self._sign_failed, lane="general")
        self.progress.follow(handle)

    def ask_p12_password(self) -> str | None:
        """The certificate's password, asked once per batch (like a token PIN)."""
        text, ok = QInputDialog.getText(self, self.tr("Sign extracts"),
                                        self.tr("Password of your signing certificate (.p12):"),
                                        QLineEdit.EchoMode.Password)
        return text if ok else None

    def _signed(self, outcomes: Sequence[SignOutcome]) -> None:
        self.sign_button.setEnabled(True)
        failed = [o for o in outcomes if o.error is not None]
        if failed:
            self.message.setStyleSheet("color: #b00020")
            self.message.setText("\n".join(
                f"{o.record_id[:8]}: {message_for(o.error, self._ctx.catalogue, self._ctx.lang)}"
                for o in failed if o.error is not None))
        else:
            self.message.setStyleSheet("color: #1b5e20")
            self.message.setText(self.tr("%n extract(s) signed.", "", len(outcomes)))
        self.refresh()
        self.records_changed.emit()

    def _sign_failed(self, error: BaseException) -> None:
        self.sign_button.setEnabled(True)
        self._failed(error)
