"""The approval page's lower half: the approved records to sign, ticked (or "Select all":
every record waiting, ui.pages.sign_batch) and signed in a batch with the certificate's
password asked once, and what the batch did, shown until dismissed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.record import StoredRecord
from desktop_app.workflows import approval
from ui.context import SignOutcome, UiContext
from ui.models import Page, PagedRowsModel, RowsModel
from ui.pages import sign_batch
from ui.pages.records_page import record_columns
from ui.pages.sign_batch import SignSelectionWidget
from ui.widgets.page_footer import PageFooter
from ui.widgets.progress import JobProgressWidget
from ui.widgets.sign_outcome import SignBatchResult, SignOutcomeWidget


def record_table(model: RowsModel, name: str) -> QTableView:
    """A list of records as the approval page shows them: whole rows, names widest."""
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(0)  # widths from the rows on screen, not every page
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the names take the rest
    return view


class SigningBox(QGroupBox):
    batch_ended = Signal(bool)  # a batch is over: True when it ran (records may have changed)
    failed = Signal(object)  # a page of the list or a count step failed (BaseException)

    def __init__(self, ctx: UiContext, ask_password: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Approved, to sign"))
        self._ctx = ctx
        self._ask_password = ask_password
        self.sign_model: PagedRowsModel[StoredRecord] = PagedRowsModel(
            record_columns(ctx), ctx.runner, checkable=True, key=lambda r: r.id, parent=self)
        self.sign_model.failed.connect(self.failed)
        self.sign_footer = PageFooter(self.sign_model, ctx.lang, "signCount", self)
        self.sign_table = record_table(self.sign_model, "signTable")
        # "Select all" means every record waiting, also past the rows loaded
        self.sign_selection = SignSelectionWidget(ctx, self.sign_model, self)
        self.sign_selection.failed.connect(self.failed)
        self.sign_button = QPushButton(self.tr("Sign selected extracts"),
                                       objectName="signButton")
        self.sign_button.clicked.connect(self.sign_selected)
        self._signing = False  # a batch is under way
        self.sign_selection.changed.connect(self._update_sign_button)
        self.progress = JobProgressWidget(ctx.lang, self)
        self.outcome = SignOutcomeWidget(ctx.lang, ctx.catalogue, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sign_table)
        layout.addWidget(self.sign_footer)
        layout.addWidget(self.outcome)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.sign_selection)
        buttons.addWidget(self.sign_button)
        layout.addLayout(buttons)
        self._update_sign_button()

    def _update_sign_button(self) -> None:
        """Enabled with something chosen to sign; otherwise disabled, the tooltip saying
        why (a button that does nothing when pressed reads as broken)."""
        selection = self.sign_selection
        if self._ctx.hooks.sign_records is None:
            why = self.tr("Signing is not set up on this device yet "
                          "(certificate and signing module).")
        elif selection.is_nothing_waiting:
            why = self.tr("Nothing is waiting to be signed.")
        elif selection.count == 0:
            why = self.tr("Tick the records to sign, or press “Select all”.")
        else:
            why = ""  # chosen (or "every record", still being counted)
        self.sign_button.setEnabled(not why and not self._signing)
        self.sign_button.setToolTip(why)

    def refresh(self) -> None:
        session = self._ctx.session

        def to_sign(after: str | None) -> Page[StoredRecord]:
            page = approval.to_sign_page(session, after=after)
            return Page(page.records, page.after)

        # a record ticked past the first page stays ticked while it still waits
        self.sign_model.load(to_sign, lambda ids: approval.still_to_sign(session, ids))

    def sign_selected(self) -> None:
        sign = self._ctx.hooks.sign_records
        chosen = self.sign_model.checked()
        ids = [r.id for r in chosen]
        every = self.sign_model.is_all_checked
        count = self.sign_selection.count
        if sign is None or not (ids or every and count != 0):
            return
        password = self._ask_password()
        if password is None:
            return
        session = self._ctx.session
        self._set_signing(True)
        if every:
            excluded, expected = self.sign_model.unchecked_keys(), count or 0
            handle = self._ctx.runner.start_job(
                lambda control: sign_batch.sign_waiting(session, sign, password, control,
                                                        excluded=excluded, expected=expected),
                self._signed_waiting,
                lambda error: self._sign_failed(error, [], {}, unread=expected),
                lane="general")
        else:
            titles = {r.id: self._title(r) for r in chosen}
            handle = self._ctx.runner.start_job(
                lambda control: sign(session, ids, password, control.progress),
                lambda outcomes: self._signed(outcomes, titles),
                lambda error: self._sign_failed(error, ids, titles), lane="general")
        self.progress.follow(handle)

    def _set_signing(self, signing: bool) -> None:
        self._signing = signing
        self._update_sign_button()

    def _signed_waiting(self, batch: sign_batch.WaitingBatch) -> None:
        # Done with "every record": those that failed stay ticked, as in a batch of ticked
        # rows (the others have left the list). Stopped midway by a refusal, "every record"
        # stays chosen: what was signed has left it, what was refused or not reached waits.
        if batch.stopped_by is None:
            self.sign_model.set_checked_rows(batch.failed)
        self._signed(batch.outcomes, {r.id: self._title(r) for r in batch.failed},
                     unread=batch.left, stopped_by=batch.stopped_by)

    def _title(self, rec: StoredRecord) -> str:
        """How the outcome names a record: procedure, names, number (the list's columns)."""
        columns = record_columns(self._ctx)
        return " · ".join(text for text in (columns[i][1](rec) for i in (0, 1, 3)) if text)

    def _signed(self, outcomes: Sequence[SignOutcome], titles: dict[str, str], *,
                unread: int = 0, stopped_by: BaseException | None = None) -> None:
        self._set_signing(False)
        self.outcome.show_result(SignBatchResult.of(outcomes, unread, stopped_by), titles)
        self.batch_ended.emit(True)

    def _sign_failed(self, error: BaseException, ids: Sequence[str],
                     titles: dict[str, str], *, unread: int = 0) -> None:
        """The batch stopped as a whole: a wrong certificate password, no certificate, ...
        (nothing was signed: the selection stays as it was)."""
        self._set_signing(False)
        self.outcome.show_result(SignBatchResult.refused(error, ids, unread), titles)
        self.batch_ended.emit(False)
