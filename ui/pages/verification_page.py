"""Kiểm tra lần hai: a second officer checks historical entries against the old book.

The list holds the entries submitted and not verified yet (page by page as it scrolls); the
one selected is shown next to
its page scan (the record's attachments). Verify is disabled, with the reason, for whoever
may not verify it (the officer who entered it); the workflow refuses them all the same.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.workflows import attachments, books, records, verification
from desktop_app.workflows.attachments import Attachment
from desktop_app.workflows.verification import AwaitingVerification
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import record_heading
from ui.models import Page, PagedRowsModel
from ui.pages.attachments_widget import load_shown
from ui.pages.records_page import record_columns
from ui.widgets.page_footer import PageFooter
from ui.widgets.page_scan import Crop, PageScanWidget
from ui.widgets.record_tree import RecordTree
from ui.widgets.table_columns import fit_columns

Shown = tuple[Attachment, bytes, QImage | None]


Reading = dict[str, tuple[int, Crop | None]]  # sha256 -> how its book page is read


def load_scans(ctx: UiContext, record_id: str
               ) -> tuple[list[Attachment], Shown | None, Reading]:
    """Worker thread: the entry's scans, the first one read and decoded, and the rotation
    and crop kept for the one that is its page of a book being digitised."""
    scans = [a for a in attachments.attachments_of(ctx.session, record_id)
             if a.kind == attachments.SCAN]
    reading: Reading = {}
    place = books.place_of(ctx.session, record_id)
    if place is not None:
        reading = {p.sha256: (p.rotation, p.crop) for p in books.pages_of(ctx.session,
                                                                          place.book_id)
                   if p.page_no == place.page_no}
    return scans, load_shown(ctx, record_id, scans[0]) if scans else None, reading


class VerificationPage(QWidget):
    records_changed = Signal()
    scan_shown = Signal(str)  # sha256

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VerificationPage")
        self._ctx = ctx
        self.current: AwaitingVerification | None = None
        self.scans: list[Attachment] = []
        self._reading: Reading = {}
        columns = [(header, lambda item, get=get: get(item.record))
                   for header, get in record_columns(ctx)]
        columns.append((QCoreApplication.translate("VerificationPage", "Scans"),
                        lambda item: str(item.scans) if item.scans else "—"))
        self.model: PagedRowsModel[AwaitingVerification] = PagedRowsModel(
            columns, ctx.runner, key=lambda item: item.record.id, parent=self)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)
        self.footer = PageFooter(self.model, ctx.lang, "verificationCount", self)
        self.table = QTableView(objectName="verificationTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_columns(self.table, stretch=1)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._select(current.row()))

        self.entry_label = QLabel(objectName="verificationEntry")
        self.entry_label.setWordWrap(True)
        self.entry_label.setStyleSheet("font-weight: bold")
        self.tree = RecordTree(ctx.lang)
        self.scan_choice = QComboBox(objectName="scanChoice")
        self.scan_choice.activated.connect(self._show_scan)
        self.scan = PageScanWidget(self)
        self.refusal = QLabel(objectName="verifyRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #8a5a00")
        self.verify_button = QPushButton(self.tr("Verified against the book"),
                                         objectName="verifyEntry")
        self.verify_button.setToolTip(self.tr(
            "Confirm that the entry matches the old register book, field by field."))
        self.verify_button.clicked.connect(self.verify)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # as submitting a registration
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._verify_shortcut)
        self.refresh_button = QPushButton(self.tr("Refresh"), objectName="refreshVerification")
        self.refresh_button.clicked.connect(self.refresh)
        self.message = QLabel(objectName="verificationMessage")
        self.message.setWordWrap(True)

        waiting = QGroupBox(self.tr("Historical entries waiting for a second check"))
        waiting_box = QVBoxLayout(waiting)
        waiting_box.addWidget(self.table)
        waiting_box.addWidget(self.footer)
        entry = QGroupBox(self.tr("The entry as typed"))
        entry_box = QVBoxLayout(entry)
        entry_box.addWidget(self.entry_label)
        entry_box.addWidget(self.tree, 1)
        page_scan = QGroupBox(self.tr("The page of the book"))
        scan_box = QVBoxLayout(page_scan)
        scan_box.addWidget(self.scan_choice)
        scan_box.addWidget(self.scan, 1)
        side_by_side = QSplitter(Qt.Orientation.Horizontal)
        side_by_side.addWidget(entry)
        side_by_side.addWidget(page_scan)
        side_by_side.setStretchFactor(0, 1)
        side_by_side.setStretchFactor(1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.refusal, 1)
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.verify_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(waiting)
        split.addWidget(side_by_side)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self._select(-1)

    # -- loading --------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        session = self._ctx.session

        def fetch(after: str | None) -> Page[AwaitingVerification]:
            page = verification.awaiting_verification_page(session, after=after)
            return Page(page.items, page.after)

        self.model.load(fetch)

    def _loaded(self, first: bool) -> None:
        if not first:
            return  # one more page: the selection stays where it is
        keep = self.current.record.id if self.current else None
        ids = [i.record.id for i in self.model.rows()]
        if not ids:
            self._select(-1)
            return
        self.table.setCurrentIndex(self.model.index(ids.index(keep) if keep in ids else 0, 0))

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))

    # -- the entry selected ---------------------------------------------------------------
    def _select(self, row: int) -> None:
        item = self.model.row_at(row)
        self.current = item
        self.scans = []
        self.scan_choice.clear()
        self.scan_choice.setEnabled(False)
        self.scan_choice.hide()
        if item is None:
            self.entry_label.setText(self.tr("No historical entry waits for a second check."))
            self.tree.clear()
            self.scan.show_message(QCoreApplication.translate("PageScanWidget", "No scan to show."),
                                   "none")
            self.verify_button.setEnabled(False)
            self.refusal.clear()
            return
        rec, lang = item.record, self._ctx.lang
        book = " · ".join(p for p in (
            self.tr("No. %1").replace("%1", rec.registration_number or "?"),
            self.tr("book %1").replace("%1", rec.book_number or "?"),
            self.tr("entered by %1").replace("%1", rec.officer)) if p)
        self.entry_label.setText(f"{record_heading(rec, lang, identify=False)} — {book}")
        self.tree.show_data(rec.type, rec.data, historical=rec.is_historical)
        self.verify_button.setEnabled(item.can_verify)
        reason = "" if item.refusal is None else message_for(
            item.refusal, self._ctx.catalogue, lang)
        self.refusal.setText(reason)
        self.verify_button.setToolTip(reason or self.tr(
            "Confirm that the entry matches the old register book, field by field."))
        self.scan.show_loading()
        ctx, rid = self._ctx, rec.id
        ctx.runner.run(lambda: load_scans(ctx, rid), lambda found: self._scans(rid, found),
                       self._failed)

    def _scans(self, record_id: str,
               found: tuple[list[Attachment], Shown | None, Reading]) -> None:
        if self.current is None or self.current.record.id != record_id:
            return  # another entry was chosen meanwhile
        self.scans, first, self._reading = found
        for n, _scan in enumerate(self.scans, 1):
            self.scan_choice.addItem(self.tr("Scan %1 of %2").replace("%1", str(n))
                                     .replace("%2", str(len(self.scans))))
        self.scan_choice.setVisible(len(self.scans) > 1)  # a choice only among several
        self.scan_choice.setEnabled(len(self.scans) > 1)
        if first is None:
            self.scan.show_message(self.tr(
                "No page scan is attached to this entry: compare it with the book itself "
                "(a scan can be attached from the record's detail)."), "none")
            return
        self._display(first)

    def _show_scan(self, index: int) -> None:
        if self.current is None or not 0 <= index < len(self.scans):
            return
        ctx, rid, scan = self._ctx, self.current.record.id, self.scans[index]
        ctx.runner.run(lambda: load_shown(ctx, rid, scan), self._display, self._failed)

    def _display(self, shown: Shown) -> None:
        item, _data, image = shown
        rotation, crop = self._reading.get(item.sha256, (0, None))
        self.scan.show_content(item.media_type, image, rotation=rotation, crop=crop)
        self.scan_shown.emit(item.sha256)

    # -- verifying ------------------------------------------------------------------------
    def _verify_shortcut(self) -> None:
        if self.verify_button.isEnabled():
            self.verify()

    def verify(self) -> None:
        item = self.current
        if item is None:
            return
        self.verify_button.setEnabled(False)
        session, rid = self._ctx.session, item.record.id
        self._ctx.runner.run(lambda: records.verify(session, rid), self._verified,
                             self._verify_failed)

    def _verified(self, rec: object) -> None:
        self.message.setStyleSheet("color: #1b5e20")
        self.message.setText(self.tr("Verified: the entry now waits for the supervisor's "
                                     "approval."))
        self.current = None
        self.records_changed.emit()
        self.refresh()

    def _verify_failed(self, error: BaseException) -> None:
        self._failed(error)
        self.refresh()
