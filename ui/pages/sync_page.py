"""Sync: the records on their way to the centre with their state and rejection reasons (page
by page as the list scrolls, the figures from the store's counters); the
"sync now" button runs the transport the composition root injects (``UiHooks.sync_now``)
through the window's :class:`SyncController`, which the link watcher also uses: the page shows
the progress and the result of automatic runs too, and refuses a second sync politely."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import NotEnrolledError
from desktop_app.workflows import enrolment, record_views
from desktop_app.workflows.record_views import QueueCounts, QueueItem
from desktop_app.workflows.sync_apply import SyncReport
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import OUTBOX_LABELS, local_time, names_shown, pick, status_label, type_label
from ui.models import Page, PagedRowsModel
from ui.numbers import count_text
from ui.pages.bundle_widget import UsbBundleWidget
from ui.sync_control import SyncController, SyncOutcome
from ui.widgets.page_footer import PageFooter
from ui.widgets.progress import JobProgressWidget


class SyncPage(QWidget):
    synced = Signal()
    open_requested = Signal(str)
    settings_requested = Signal()  # "enrol in Settings" (admins)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 controller: SyncController | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SyncPage")
        self._ctx = ctx
        self.controller = controller or SyncController(ctx, self)
        self.last_outcome: SyncOutcome | None = None
        self.controller.started.connect(self._started)
        self.controller.finished.connect(self._done)
        lang = ctx.lang
        self.model: PagedRowsModel[QueueItem] = PagedRowsModel([
            (self.tr("Procedure"), lambda i: type_label(i.record.type, lang)),
            (self.tr("Names"), lambda i: names_shown(i.record, lang)),
            (self.tr("Status"), lambda i: status_label(i.record.status, lang)),
            (self.tr("Sending"), lambda i: pick(OUTBOX_LABELS.get(i.outbox_state or ""), lang,
                                                i.outbox_state or "")),
            (self.tr("Attempts"), lambda i: str(i.attempts) if i.outbox_state else ""),
            (self.tr("Reason"), lambda i: i.reason),
            (self.tr("Updated"), lambda i: local_time(i.record.updated_at))],
            ctx.runner, key=lambda i: i.record.id, parent=self)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)
        self.footer = PageFooter(self.model, lang, "syncCount", self)
        self.table = QTableView(objectName="syncTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        # Column widths from the rows on screen, not from every row of the pages loaded.
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        self.table.activated.connect(self._activated)
        self.summary = QLabel(objectName="syncSummary")
        self.summary.setWordWrap(True)
        self.result = QLabel(objectName="syncResult")
        self.result.setWordWrap(True)
        self.is_enrolled: bool | None = None  # not known until the first refresh
        self.enrolment_banner = QFrame(objectName="enrolmentBanner")
        self.enrolment_banner.setStyleSheet("#enrolmentBanner { background: #fff8e1; "
                                            "border: 1px solid #ffe082; border-radius: 4px; }")
        self.enrolment_text = QLabel(objectName="enrolmentHint")
        self.enrolment_text.setWordWrap(True)
        self.settings_button = QPushButton(self.tr("Enrol in Settings…"),
                                           objectName="openSettings")
        self.settings_button.clicked.connect(self.settings_requested)
        banner = QHBoxLayout(self.enrolment_banner)
        banner.addWidget(self.enrolment_text, 1)
        banner.addWidget(self.settings_button)
        # Only once it has a parent: a parentless widget made visible opens as its own window.
        self.settings_button.setVisible(ctx.can("manage accounts"))
        self.enrolment_banner.hide()
        self.sync_button = QPushButton(self.tr("Synchronise now"), objectName="syncButton")
        if not self.controller.is_available:
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
        layout.addWidget(self.enrolment_banner)
        layout.addWidget(QLabel(self.tr("Records on their way to the central system")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer)
        layout.addWidget(self.result)
        layout.addLayout(bar)
        self.bundle = UsbBundleWidget(ctx, self.controller, report_text=self.report_text,
                                      error_text=self.error_text, parent=self)
        self.bundle.running_changed.connect(self._bundle_running)
        self.bundle.imported.connect(self._bundle_imported)
        layout.addWidget(self.bundle)
        if self.controller.is_running:  # the page was made while a sync runs
            self._started(self.controller.is_automatic)

    def refresh(self) -> None:
        session = self._ctx.session

        def fetch(after: str | None) -> Page[QueueItem]:
            page = record_views.sync_queue_page(session, after=after)
            counts = record_views.queue_counts(session) if after is None else None
            return Page(page.items, page.after, counts.records if counts else None, counts)

        self.model.load(fetch)
        self._ctx.runner.run(lambda: enrolment.device_identity(session) is not None,
                             self._enrolment_known, self._failed)

    def not_enrolled_text(self) -> str:
        """Never "run hotich enroll": the window's way to enrol, or whom to ask."""
        return (self.tr("This device is not enrolled with the central server yet, so it "
                        "cannot send or receive. Enrol it in Settings (server address, "
                        "one-time code, the server's certificate).")
                if self._ctx.can("manage accounts") else
                self.tr("This device is not enrolled with the central server yet, so it "
                        "cannot send or receive: ask the administrator of this device to "
                        "enrol it. Your work is kept safely here meanwhile."))

    def error_text(self, error: BaseException) -> str:
        if isinstance(error, NotEnrolledError):
            return self.not_enrolled_text()
        return message_for(error, self._ctx.catalogue, self._ctx.lang)

    def _bundle_running(self, running: bool) -> None:
        # One exchange with the centre at a time: no sync while a bundle is written or read
        # (the link watcher's automatic one neither).
        self.controller.is_held = running
        self.sync_button.setEnabled(not running and self.controller.is_available
                                    and not self.controller.is_running)

    def _bundle_imported(self, _report: SyncReport) -> None:
        self.refresh()
        self.synced.emit()

    def _enrolment_known(self, enrolled: bool) -> None:
        self.is_enrolled = enrolled
        self.enrolment_text.setText("" if enrolled else self.not_enrolled_text())
        self.enrolment_banner.setVisible(not enrolled)
        self.bundle.set_enrolled(enrolled)

    def _loaded(self, first: bool) -> None:
        if not first:
            return
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        counts = self.model.extra
        if isinstance(counts, QueueCounts):
            self.summary.setText(self.tr("%1 waiting to send, %2 rejected").replace(
                "%1", count_text(counts.waiting, self._ctx.lang)).replace(
                "%2", count_text(counts.rejected, self._ctx.lang)))

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))

    def _activated(self, index) -> None:  # noqa: ANN001
        item = self.model.row_at(index.row())
        if item is not None:
            self.open_requested.emit(item.record.id)

    def sync_now(self) -> bool:
        """The button: start a sync, or say politely why not (one is already running)."""
        if self.bundle.is_running:
            return False
        if self.controller.is_running:
            self.result.setText(self.tr(
                "A synchronisation is already running (started automatically when the server "
                "became reachable); its progress is shown below.")
                if self.controller.is_automatic else
                self.tr("A synchronisation is already running; its progress is shown below."))
            return False
        return self.controller.start()

    def _started(self, automatic: bool) -> None:
        self.sync_button.setEnabled(False)
        self.sync_button.setToolTip(self.tr("A synchronisation is already running."))
        self.result.setText(self.tr("Automatic synchronisation: the central server is "
                                    "reachable, sending and receiving…") if automatic
                            else self.tr("Synchronising…"))
        if self.controller.handle is not None:
            self.progress.follow(self.controller.handle)

    def _done(self, outcome: SyncOutcome) -> None:
        self.last_outcome = outcome
        self.sync_button.setEnabled(self.controller.is_available)
        self.sync_button.setToolTip("")
        if outcome.is_cancelled:
            text = self.tr("Synchronisation cancelled; nothing is lost, it continues next "
                           "time.")
        elif outcome.error is not None:
            text = self.error_text(outcome.error)
        else:
            text = self.report_text(outcome.report)
        prefix = (self.tr("Automatic synchronisation at %1: ") if outcome.automatic
                  else self.tr("Synchronisation at %1: "))
        now = local_time(self._ctx.session.clock.now())
        self.result.setText(prefix.replace("%1", now) + text)
        self.refresh()
        if outcome.is_ok:
            self.synced.emit()

    def report_text(self, report: SyncReport | None) -> str:
        """What a sync did, in one line."""
        if report is None:
            return ""
        text = self.tr("sent: %1, rejected: %2, waiting: %3, changes received: %4, new number "
                       "blocks: %5")
        for n, value in enumerate((report.accepted, report.rejected, report.deferred,
                                   report.pulled, report.blocks_leased), start=1):
            text = text.replace(f"%{n}", str(value))
        if report.timestamped:
            text += self.tr(", extracts timestamped: %1").replace("%1", str(report.timestamped))
        if report.audit_rewritten is not None:
            text += self.tr(". WARNING: this device's audit log was rewritten (entry %1 is no "
                            "longer what the centre kept); this was recorded and reported to "
                            "the centre, work goes on. Tell the officer in charge."
                            ).replace("%1", str(report.audit_rewritten))
        return text

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.refresh()
