"""The supervisor's queue: records waiting for approval, a reason box per warning as approval
will evaluate it (checked again against the register when the record is selected), approve or
reject; every record ready to sign selected in a batch for signing (wired by the composition
root), and what the batch did, shown until dismissed. Both lists are paged (the next page as
the list scrolls to its end): neither holds the whole queue, neither stops at a cap."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import Status
from desktop_app.record import StoredRecord
from desktop_app.workflows import approval, record_views, records
from desktop_app.workflows.approval import ApprovalReview
from desktop_app.workflows.record_views import RecordFilter
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import names_shown, status_label, type_label
from ui.models import Page, PagedRowsModel
from ui.pages.records_page import record_columns
from ui.pages.signing_box import SigningBox, record_table
from ui.widgets.page_footer import PageFooter
from ui.widgets.warning_reasons import WarningReasonsWidget


class ApprovalPage(QWidget):
    open_requested = Signal(str)
    records_changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ApprovalPage")
        self._ctx = ctx
        self.current: StoredRecord | None = None
        self.review: ApprovalReview | None = None  # what approving the current record checks
        self._busy = False
        self._sticky_message = False  # a decision's result outlives the refresh it causes
        key = lambda r: r.id  # noqa: E731
        self.pending_model: PagedRowsModel[StoredRecord] = PagedRowsModel(
            record_columns(ctx), ctx.runner, key=key, parent=self)
        self.pending_model.loaded.connect(self._pending_loaded)
        self.pending_model.failed.connect(self._failed)
        self.pending_footer = PageFooter(self.pending_model, ctx.lang, "approvalCount", self)
        self.pending_table = record_table(self.pending_model, "approvalTable")
        # status: all are waiting; number and book: given at approval, empty until then
        for column in (2, 3, 4):
            self.pending_table.setColumnHidden(column, True)
        self.pending_table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._select(cur.row()))
        self.pending_table.activated.connect(
            lambda index: self._open(self.pending_model.row_at(index.row())))

        # the selected record: warnings with their reasons, approve / reject
        self.detail = QGroupBox(self.tr("Decision"), objectName="decisionBox")
        self.record_label = QLabel(objectName="decisionRecord")
        self.record_label.setWordWrap(True)
        self.warnings = WarningReasonsWidget(ctx.lang, ctx.catalogue, self)
        self.warnings.changed.connect(self._update_buttons)
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
        # Long warnings (twins name the other child) scroll instead of squeezing each other.
        scroll = QScrollArea(objectName="warningsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.warnings)
        box.addWidget(scroll, 1)
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
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        self.verify_button.clicked.connect(self.verify)

        # approved records to sign in a batch (the password asked through this page)
        self.signing = SigningBox(ctx, lambda: self.ask_p12_password(), self)
        self.signing.failed.connect(self._failed)
        self.signing.batch_ended.connect(self._batch_ended)
        self.sign_model, self.sign_footer = self.signing.sign_model, self.signing.sign_footer
        self.sign_selection = self.signing.sign_selection
        self.select_all = self.sign_selection.select_all
        self.sign_button, self.progress = self.signing.sign_button, self.signing.progress
        self.outcome = self.signing.outcome

        top = QSplitter(Qt.Orientation.Horizontal)
        pending = QGroupBox(self.tr("Waiting for approval"))
        pending_layout = QVBoxLayout(pending)
        pending_layout.addWidget(self.pending_table)
        pending_layout.addWidget(self.pending_footer)
        top.addWidget(pending)
        top.addWidget(self.detail)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(top, 3)
        layout.addWidget(self.signing, 2)
        self._select(-1)
        self._install_shortcuts()

    def _install_shortcuts(self) -> None:
        """From the keyboard (issue 14): Ctrl+Enter approves the selected record, Ctrl+R
        rejects it (asking for the reason first when none is written), Enter in the reason
        box rejects too."""
        self.approve_button.setText(self.tr("Approve (Ctrl+Enter)"))
        self.reject_button.setText(self.tr("Reject (Ctrl+R)"))
        for keys, slot in (("Ctrl+Return", self.approve), ("Ctrl+Enter", self.approve),
                           ("Ctrl+R", self.reject)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(
                lambda slot=slot: self.current is not None and not self._busy and slot())
        self.reject_reason.returnPressed.connect(
            lambda: self.current is not None and not self._busy and self.reject())

    @property
    def reasons(self) -> dict[str, QLineEdit]:
        """rule@field -> its reason box (override_key)."""
        return self.warnings.reasons

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        session = self._ctx.session
        waiting = RecordFilter(statuses=(Status.SUBMITTED.value,))

        def pending(after: str | None) -> Page[StoredRecord]:
            page = record_views.records_page(session, waiting, after=after)
            total = record_views.count_records(session, waiting) if after is None else None
            return Page(page.records, page.after, total)

        self.pending_model.load(pending)
        if self._ctx.can("sign extracts"):
            self.signing.refresh()

    def _pending_loaded(self, first: bool) -> None:
        if not first:
            return  # one more page: the selection stays where it is
        current = self.current.id if self.current else None
        rows = [r.id for r in self.pending_model.rows()]
        if current in rows:
            self.pending_table.selectRow(rows.index(current))
        elif rows:
            self.pending_table.selectRow(0)
        else:
            self._select(-1)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self._say(message_for(error, self._ctx.catalogue, self._ctx.lang), ok=False)
        self._update_buttons()

    def _say(self, text: str, *, ok: bool, sticky: bool = False) -> None:
        self.message.setStyleSheet("color: #1b5e20" if ok else "color: #b00020")
        self.message.setText(text)
        self._sticky_message = sticky

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.refresh()

    # -- the selected record ---------------------------------------------------------------
    def _select(self, row: int) -> None:
        rec = self.pending_model.row_at(row)
        changed = rec is None or self.current is None or rec.id != self.current.id
        self.current = rec
        self.review = None
        if changed and not self._sticky_message:
            self.message.clear()
        self.verify_button.setVisible(bool(rec and rec.is_historical and not rec.verified_by))
        if rec is None:
            self.warnings.clear()
            self.record_label.setText(self.tr("Nothing waiting for approval."))
            self._update_buttons()
            return
        self.record_label.setText(self.pending_model.data(self.pending_model.index(row, 1))
                                  + " — " + self.pending_model.data(
                                      self.pending_model.index(row, 0)))
        self._evaluate(rec)

    def _evaluate(self, rec: StoredRecord) -> None:
        """The warnings saved at submission may be stale (a twin entered since): approval
        evaluates them again, so the panel shows that evaluation, made on a worker."""
        self.warnings.set_loading(rec.id)
        session, record_id = self._ctx.session, rec.id
        self._ctx.runner.run(lambda: approval.review(session, record_id), self._reviewed,
                             lambda error: self._review_failed(record_id, error))

    def _reviewed(self, review: ApprovalReview) -> None:
        if self.current is None or review.record.id != self.current.id:
            return  # another record was selected meanwhile
        self.review = review
        related = {r.id: f"{names_shown(r, self._ctx.lang)} ({type_label(r.type, self._ctx.lang)}"
                         f", {status_label(r.status, self._ctx.lang)})" for r in review.related}
        self.warnings.show_issues(review.record.id, review.record.type, review.warnings,
                                  review.errors, related)

    def _review_failed(self, record_id: str, error: BaseException) -> None:
        if self.current is not None and self.current.id == record_id:
            self.warnings.clear()
            self._failed(error)

    def _update_buttons(self) -> None:
        idle = self.current is not None and not self._busy
        self.approve_button.setEnabled(idle and self.warnings.state == "ready")
        self.reject_button.setEnabled(idle)
        self.verify_button.setEnabled(idle)

    def _open(self, rec: StoredRecord | None) -> None:
        if rec is not None:
            self.open_requested.emit(rec.id)

    def approve(self) -> None:
        rec = self.current
        if rec is None or self.warnings.state != "ready":
            return
        overrides = self.warnings.overrides()
        self._run(rec, lambda s: records.approve(s, rec.id, overrides), self.tr("Approved."),
                  failed=lambda error: self._approve_failed(rec, error))

    def _approve_failed(self, rec: StoredRecord, error: BaseException) -> None:
        """A warning without its reason may be new: another supervisor approved a twin or a
        marriage meanwhile (approval evaluates again in its own transaction). The panel is
        evaluated again so that the new warning gets its reason box; what was typed stays."""
        self._failed(error)  # names the warning that needs its reason
        if getattr(error, "code", "") != "E-OVERRIDE-MISSING" or self.current is None \
                or self.current.id != rec.id:
            return
        params = getattr(error, "params", {})
        missing = params.get("rules") if isinstance(params, dict) else None
        shown = set(self.warnings.reasons) | {i.code for i in self.warnings.issues.values()}
        if isinstance(missing, list) and any(str(key) not in shown for key in missing):
            self._evaluate(rec)  # one the panel does not show yet

    def reject(self) -> None:
        rec, reason = self.current, self.reject_reason.text().strip()
        if rec is None:
            return
        if not reason:
            self._say(self.tr("Write the reason for the refusal."), ok=False)
            self.reject_reason.setFocus()
            return
        self._run(rec, lambda s: records.reject(s, rec.id, reason), self.tr("Rejected."))
        self.reject_reason.clear()

    def verify(self) -> None:
        rec = self.current
        if rec is not None:
            self._run(rec, lambda s: records.verify(s, rec.id), self.tr("Verified."))

    def _run(self, rec: StoredRecord, action, done_text: str,  # noqa: ANN001
             failed: Callable[[BaseException], None] | None = None) -> None:
        session = self._ctx.session
        title = self.record_label.text()
        self._busy = True
        self._update_buttons()

        def ok(_result: object) -> None:
            self._busy = False
            self.warnings.forget(rec.id)
            self.current = None
            self._say(f"{done_text} {title}", ok=True, sticky=True)
            self.refresh()
            self.records_changed.emit()

        self._ctx.runner.run(lambda: action(session), ok, failed or self._failed)

    # -- batch signing (ui.pages.signing_box) -------------------------------------------------
    def _batch_ended(self, ran: bool) -> None:
        self.refresh()
        if ran:
            self.records_changed.emit()

    def ask_p12_password(self) -> str | None:
        """The certificate's password, asked once per batch (like a token PIN)."""
        text, ok = QInputDialog.getText(self, self.tr("Sign extracts"),
                                        self.tr("Password of your signing certificate (.p12):"),
                                        QLineEdit.EchoMode.Password)
        return text if ok else None
