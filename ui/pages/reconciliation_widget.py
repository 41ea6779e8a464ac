"""Reconciling one digitised book with the centre's population registry (issue 17 item 7).

The books page embeds it: ``ReconciliationWidget(context, book_id)``, ``set_book(book_id)``
to show another book. It shows the last reconciliation kept for the book (read on the
database lane), runs a new one through ``UiHooks.reconcile_book`` on the general lane (the
network, never the GUI thread) with progress and cancel, and lists the mismatches with what
the officer can do about each: accept the book's value, open a correction (a draft), or mark
it as checked. Each resolution is recorded by workflows.reconciliation (audited); the
widget then says so and emits ``resolved`` with the mismatch's key.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.fields import field_label
from desktop_app.errors import Cancelled
from desktop_app.workflows import reconciliation as rc
from ui.context import UiContext
from ui.errors import message_for
from ui.models import RowsModel
from ui.record_words import value_words
from ui.widgets.progress import JobProgressWidget

OK_STYLE = "color: #1b5e20"
ERROR_STYLE = "color: #b00020"
MAX_COLUMN_WIDTH = 200  # pixels


def _kind_words(kind: rc.MismatchKind) -> str:
    return {
        rc.MismatchKind.MISSING_AT_CENTRE: QCoreApplication.translate(
            "ReconciliationWidget", "Not at the centre"),
        rc.MismatchKind.MISSING_IN_BOOK: QCoreApplication.translate(
            "ReconciliationWidget", "Not in the book"),
        rc.MismatchKind.FIELD_DIFFERS: QCoreApplication.translate(
            "ReconciliationWidget", "Differs"),
    }[kind]


def _resolution_words(resolution: rc.Resolution) -> str:
    return {
        rc.Resolution.ACCEPT_BOOK: QCoreApplication.translate(
            "ReconciliationWidget", "Book's value kept"),
        rc.Resolution.CORRECTION: QCoreApplication.translate(
            "ReconciliationWidget", "Correction opened"),
        rc.Resolution.CHECKED: QCoreApplication.translate("ReconciliationWidget", "Checked"),
    }[resolution]


class ReconciliationWidget(QGroupBox):
    resolved = Signal(str)  # the mismatch's key, once its resolution is recorded

    def __init__(self, context: UiContext, book_id: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reconciliation with the population registry"), parent)
        self.setObjectName("reconciliationWidget")
        self.setMinimumSize(480, 300)  # beside the book's pages on a 1366-pixel laptop
        self._ctx = context
        self.book_id = book_id
        self.result: rc.Reconciliation | None = None
        self.is_running = False
        self.last_error: BaseException | None = None
        self.summary = QLabel(objectName="reconciliationSummary")
        self.summary.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Reconcile with the centre"),
                                      objectName="reconcileButton")
        self.run_button.clicked.connect(self.run)
        if context.hooks.reconcile_book is None:
            self.run_button.setEnabled(False)
            self.run_button.setToolTip(self.tr(
                "Reconciliation needs the connection to the central server, which this build "
                "does not have."))
        elif not context.can("synchronise"):
            self.run_button.setEnabled(False)
            self.run_button.setToolTip(self.tr("Your account does not synchronise."))
        self.progress = JobProgressWidget(context.lang, self)
        lang = context.lang
        self.model: RowsModel[rc.Mismatch] = RowsModel([
            (self.tr("Mismatch"), lambda m: _kind_words(m.kind)),
            (self.tr("Person"), lambda m: m.name),
            (self.tr("In the book"), lambda m: self._words(m, m.book_value)),
            (self.tr("At the centre"), lambda m: self._words(m, m.centre_value)),
            (self.tr("Resolution"), self._resolution_of),
            (self.tr("Field"), lambda m: field_label(self._event(), m.field, lang)
             if m.field else ""),
        ], key=lambda m: m.key, parent=self)
        self.table = QTableView(objectName="mismatchTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.actions: dict[rc.Resolution, QPushButton] = {}
        actions = QHBoxLayout()
        for resolution, text, name in (
                (rc.Resolution.ACCEPT_BOOK, self.tr("Keep the book's value"), "acceptBook"),
                (rc.Resolution.CORRECTION, self.tr("Open a correction"), "openCorrection"),
                (rc.Resolution.CHECKED, self.tr("Mark as checked"), "markChecked")):
            button = QPushButton(text, objectName=name)
            button.setEnabled(False)
            button.clicked.connect(lambda _c=False, r=resolution: self.resolve(r))
            self.actions[resolution] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.message = QLabel(objectName="reconciliationMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self.set_book(book_id)

    # -- showing ---------------------------------------------------------------------------
    def _event(self) -> str:
        return self.result.event if self.result is not None else "birth"

    def _words(self, mismatch: rc.Mismatch, value: str | None) -> str:
        """A value as the screens word it (Nữ, 02/05/1998), not as it is stored."""
        if value is None or mismatch.field is None:
            return ""
        return value_words(self._event(), mismatch.field, value, self._ctx.lang)

    def _resolution_of(self, mismatch: rc.Mismatch) -> str:
        done = self.result.resolved.get(mismatch.key) if self.result is not None else None
        return "" if done is None else _resolution_words(done.resolution)

    def set_book(self, book_id: str) -> None:
        """Show ``book_id``'s last reconciliation (none yet: an invitation to run one)."""
        self.book_id = book_id
        self._show_result(None)
        self.message.hide()
        session = self._ctx.session
        self._ctx.runner.run(lambda: rc.last_reconciliation(session, book_id),
                             lambda result: self._loaded(book_id, result), self._failed)

    def _loaded(self, book_id: str, result: rc.Reconciliation | None) -> None:
        if book_id == self.book_id:  # not a book the officer has left meanwhile
            self._show_result(result)

    def _show_result(self, result: rc.Reconciliation | None) -> None:
        self.result = result
        if result is None:
            self.summary.setText(self.tr(
                "This book has not been compared with the population registry yet."))
            self.model.set_rows([])
        else:
            self.summary.setText(self.tr(
                "%1 entries in the book, %2 at the centre, %3 matched: %4 of %5 mismatches "
                "still to resolve.").replace("%1", str(result.entries))
                .replace("%2", str(result.registry)).replace("%3", str(result.matched))
                .replace("%4", str(len(result.open)))
                .replace("%5", str(len(result.mismatches))))
            still = list(result.open)
            self.model.set_rows(still + [m for m in result.mismatches if m not in still])
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount()):  # long labels: elided, in the tip
                self.table.setColumnWidth(column, min(self.table.columnWidth(column),
                                                      MAX_COLUMN_WIDTH))
        self._selection_changed()

    def selected(self) -> rc.Mismatch | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _selection_changed(self, *_args: object) -> None:
        mismatch = self.selected()
        is_open = (mismatch is not None and self.result is not None
                   and mismatch.key not in self.result.resolved)
        can = self._ctx.can("create records") and not self.is_running
        for resolution, button in self.actions.items():
            button.setEnabled(bool(is_open and can and mismatch is not None
                                   and resolution in rc.ALLOWED[mismatch.kind]))

    def _say(self, style: str, text: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.show()

    # -- running ---------------------------------------------------------------------------
    def run(self) -> bool:
        hook = self._ctx.hooks.reconcile_book
        if hook is None or self.is_running or not self.run_button.isEnabled():
            return False
        session, book_id = self._ctx.session, self.book_id
        self.is_running = True
        self.run_button.setEnabled(False)
        self._say("", self.tr("Reading the population registry…"))
        handle = self._ctx.runner.start_job(
            lambda control: hook(session, book_id, control.progress),
            lambda result: self._ran(book_id, result), self._run_failed, lane="general")
        self.progress.follow(handle)
        return True

    def _end_run(self) -> None:
        self.is_running = False
        self.run_button.setEnabled(self._ctx.hooks.reconcile_book is not None)

    def _ran(self, book_id: str, result: rc.Reconciliation) -> None:
        self._end_run()
        if book_id != self.book_id:
            return
        self._show_result(result)
        self._say(OK_STYLE, self.tr("Reconciled: %1 mismatches to resolve.")
                  .replace("%1", str(len(result.open))))

    def _run_failed(self, error: BaseException) -> None:
        self._end_run()
        if isinstance(error, Cancelled):
            self._say("", self.tr("Reconciliation cancelled."))
            return
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self.last_error = error
        self._say(ERROR_STYLE, message_for(error, self._ctx.catalogue, self._ctx.lang))

    def resolve(self, resolution: rc.Resolution) -> bool:
        mismatch = self.selected()
        if mismatch is None or not self.actions[resolution].isEnabled():
            return False
        session, book_id, key = self._ctx.session, self.book_id, mismatch.key
        for button in self.actions.values():
            button.setEnabled(False)
        self._ctx.runner.run(lambda: rc.resolve(session, book_id, key, resolution),
                             lambda result: self._resolved(key, result), self._failed)
        return True

    def _resolved(self, key: str, result: rc.Reconciliation) -> None:
        self._show_result(result)
        done = result.resolved[key]
        text = (self.tr("A correction was opened as a draft (%1): complete it and submit it.")
                .replace("%1", (done.correction_id or "")[:8])
                if done.resolution is rc.Resolution.CORRECTION
                else self.tr("Recorded: %1.").replace("%1", _resolution_words(done.resolution)))
        self._say(OK_STYLE, text)
        self.resolved.emit(key)
