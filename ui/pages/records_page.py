"""Records list with folded search (typed without diacritics finds) and status/type filters,
page by page: the first page of the register or of a search on the database lane, the next
ones as the list scrolls to its end, "1–200 of 1.234.567" from the store's counters."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import RecordType, Status
from desktop_app.record import StoredRecord
from desktop_app.workflows import record_views
from desktop_app.workflows.record_views import RecordFilter
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import local_time, names_shown, status_label, type_label
from ui.models import Column, Page, PagedRowsModel
from ui.widgets.page_footer import PageFooter

SEARCH_DELAY_MS = 250


def record_columns(ctx: UiContext) -> list[Column]:
    """The columns of every list of records (records, approval, signing)."""
    lang = ctx.lang

    return [
        (QCoreApplication.translate("RecordColumns", "Procedure"),
         lambda r: type_label(r.type, lang) + (" *" if r.is_historical else "")),
        (QCoreApplication.translate("RecordColumns", "Names"),
         lambda r: names_shown(r, lang)),
        (QCoreApplication.translate("RecordColumns", "Status"),
         lambda r: status_label(r.status, lang)),
        (QCoreApplication.translate("RecordColumns", "No."),
         lambda r: r.registration_number or ""),
        (QCoreApplication.translate("RecordColumns", "Book"), lambda r: r.book_number or ""),
        (QCoreApplication.translate("RecordColumns", "Received"),
         lambda r: local_time(r.created_at)),
        (QCoreApplication.translate("RecordColumns", "Officer"), lambda r: r.officer),
    ]


class RecordsPage(QWidget):
    open_requested = Signal(str)  # record id

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RecordsPage")
        self._ctx = ctx
        self.search = QLineEdit(objectName="searchBox")
        self.search.setPlaceholderText(self.tr(
            "Search names, numbers, places (diacritics optional)… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(objectName="statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in Status:
            self.status_filter.addItem(status_label(status.value, ctx.lang), status.value)
        self.type_filter = QComboBox(objectName="typeFilter")
        self.type_filter.addItem(self.tr("All procedures"), None)
        for rtype in RecordType:
            self.type_filter.addItem(type_label(rtype.value, ctx.lang), rtype.value)
        self.model: PagedRowsModel[StoredRecord] = PagedRowsModel(
            record_columns(ctx), ctx.runner, key=lambda r: r.id, parent=self)
        self.model.failed.connect(self._failed)
        self.footer = PageFooter(self.model, ctx.lang, "recordsCount", self)
        self.table = QTableView(objectName="recordsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 120), (2, 150), (3, 60), (4, 150), (5, 130)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self._activated)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.status_filter, 1)
        bar.addWidget(self.type_filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer)
        self.setTabOrder(self.search, self.status_filter)
        self.setTabOrder(self.status_filter, self.type_filter)
        self.setTabOrder(self.type_filter, self.table)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.type_filter.currentIndexChanged.connect(lambda _i: self.refresh())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_filter(self) -> RecordFilter:
        status, rtype = self.status_filter.currentData(), self.type_filter.currentData()
        return RecordFilter(self.search.text().strip(), (status,) if status else (),
                            (rtype,) if rtype else ())

    def refresh(self) -> None:
        self._timer.stop()
        flt, session = self.current_filter(), self._ctx.session

        def fetch(after: str | None) -> Page[StoredRecord]:
            page = record_views.records_page(session, flt, after=after)
            total = record_views.count_records(session, flt) if after is None else None
            return Page(page.records, page.after, total)

        self.model.load(fetch)

    def _failed(self, error: BaseException) -> None:
        self.footer.show_message(message_for(error, self._ctx.catalogue, self._ctx.lang))

    def _activated(self, index) -> None:  # noqa: ANN001
        rec = self.model.row_at(index.row())
        if rec is not None:
            self.open_requested.emit(rec.id)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.refresh()
