"""Sync: the records on their way to the centre with their state and rejection reasons; the
"sync now" button runs the transport the composition root injects (``UiHooks.sync_now``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.workflows import record_views
from desktop_app.workflows.record_views import QueueItem
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import OUTBOX_LABELS, local_time, pick, record_title, status_label, type_label
from ui.models import RowsModel
from ui.widgets.progress import JobProgressWidget


class SyncPage(QWidget):
    synced = Signal()
    open_requested = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SyncPage")
        self._ctx = ctx
        lang = ctx.lang
        self.model: RowsModel[QueueItem] = RowsModel([
            (self.tr("Procedure"), lambda i: type_label(i.record.type, lang)),
            (self.tr("Names"), lambda i: record_title(i.record.type, i.record.data)),
            (self.tr("Status"), lambda i: status_label(i.record.status, lang)),
            (self.tr("Sending"), lambda i: pick(OUTBOX_LABELS.get(i.outbox_state or ""), lang,
                                                i.outbox_state or "")),
            (self.tr("Attempts"), lambda i: str(i.attempts) if i.outbox_state else ""),
            (self.tr("Reason"), lambda i: i.reason),
            (self.tr("Updated"), lambda i: local_time(i.record.updated_at))],
            key=lambda i: i.record.id, parent=self)
        self.table = QTableView(objectName="syncTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.summary = QLabel(objectName="syncSummary")
        self.sync_button = QPushButton(self.tr("Synchronise now"), objectName="syncButton")
        if ctx.hooks.sync_now is None:
            self.sync_button.setEnabled(False)
            self.sync_button.setToolTip(self.tr(
                "Synchronisation is not set up on this device yet (enrolment with the server)."))
        self.sync_button.clicked.connect(self.sync_now)
        self.progress = JobProgressWidget(lang, self)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.sync_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Records on their way to the central system")))
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)

    def refresh(self) -> None:
        session = self._ctx.session
        self._ctx.runner.run(lambda: record_views.sync_queue(session), self._loaded,
                             self._failed)

    def _loaded(self, items: list[QueueItem]) -> None:
        self.model.set_rows(items)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        waiting = sum(1 for i in items if i.outbox_state in ("pending", "awaiting_support"))
        rejected = sum(1 for i in items if i.record.status == "rejected")
        self.summary.setText(self.tr("%1 waiting to send, %2 rejected").replace(
            "%1", str(waiting)).replace("%2", str(rejected)))

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))
        self.sync_button.setEnabled(self._ctx.hooks.sync_now is not None)

    def _activated(self, index) -> None:  # noqa: ANN001
        item = self.model.row_at(index.row())
        if item is not None:
            self.open_requested.emit(item.record.id)

    def sync_now(self) -> None:
        sync = self._ctx.hooks.sync_now
        if sync is None:
            return
        session = self._ctx.session
        self.sync_button.setEnabled(False)
        handle = self._ctx.runner.start_job(lambda control: sync(session, control.progress),
                                            self._done, self._failed, lane="general")
        self.progress.follow(handle)

    def _done(self, summary: str) -> None:
        self.sync_button.setEnabled(True)
        self.summary.setText(str(summary))
        self.refresh()
        self.synced.emit()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.refresh()
