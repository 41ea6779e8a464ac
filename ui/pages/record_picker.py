"""Find a record to link to (the birth a recognition concerns, the entry a change corrects,
the guardianship that ends): the store's folded search by name, registration number or
personal ID, run on the database lane as the officer types, page by page. Only registered
records are offered (a draft or a record still waiting for approval is not an entry of the
register an act can concern).

The chosen record fills the reference (id, number, book, office, date); the core checks at
save that a typed id names a record held here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.workflow import REGISTERED_STATUSES
from desktop_app.record import StoredRecord
from desktop_app.workflows import record_views
from desktop_app.workflows.record_views import RecordFilter
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import type_label
from ui.models import Page, PagedRowsModel
from ui.pages.records_page import record_columns
from ui.widgets.page_footer import PageFooter
from ui.widgets.table_columns import fit_columns

SEARCH_DELAY_MS = 300
OFFERED_STATUSES = tuple(sorted(s.value for s in REGISTERED_STATUSES))
# What each reference may point at (no entry: any record, e.g. the entry a change corrects).
LINKED_TYPES: dict[tuple[str, str], tuple[str, ...]] = {
    ("recognition", "child.birth_record"): ("birth",),
    ("guardianship", "original_record"): ("guardianship",),
}


def reference_of(rec: StoredRecord) -> dict[str, object]:
    """The reference fields a chosen record fills in."""
    values = {"record_id": rec.id, "registration_number": rec.registration_number,
              "book_number": rec.book_number, "office": rec.office,
              "registered_on": rec.registered_on}
    return {key: value for key, value in values.items() if value}


class RecordPickerDialog(QDialog):
    record_chosen = Signal(object)  # StoredRecord
    searched = Signal(int)  # rows shown

    def __init__(self, ctx: UiContext, types: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RecordPickerDialog")
        self.setWindowTitle(self.tr("Find the record to link"))
        self.resize(820, 480)
        self._ctx = ctx
        self._types = tuple(types)
        self.search = QLineEdit(objectName="pickerSearch")
        self.search.setPlaceholderText(self.tr(
            "Name, registration number or personal ID (diacritics optional)…"))
        self.search.setClearButtonEnabled(True)
        hint = ", ".join(type_label(t, ctx.lang) for t in self._types)
        self.scope = QLabel(self.tr("Only: %1").replace("%1", hint) if hint else "",
                            objectName="pickerScope")
        self.scope.setVisible(bool(hint))
        self.model: PagedRowsModel[StoredRecord] = PagedRowsModel(
            record_columns(ctx), ctx.runner, key=lambda r: r.id, parent=self)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)
        self.table = QTableView(objectName="pickerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_columns(self.table, stretch=1)
        self.table.activated.connect(lambda _index: self.choose())
        self.footer = PageFooter(self.model, ctx.lang, "pickerCount", self)
        self.choose_button = QPushButton(self.tr("Link this record"), objectName="pickerChoose")
        self.choose_button.setEnabled(False)
        self.choose_button.clicked.connect(self.choose)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.choose_button.setEnabled(current.isValid()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # Qt ships no Vietnamese for its standard buttons: worded here.
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.scope)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._enter)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _enter(self) -> None:
        if self.model.rowCount() == 1 and self.model.is_complete and \
                not self._timer.isActive() and not self.model.is_loading:
            self.table.selectRow(0)
            self.choose()
        else:
            self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        query = self.search.text().strip()
        flt = RecordFilter(query, OFFERED_STATUSES, self._types)
        session = self._ctx.session

        def fetch(after: str | None) -> Page[StoredRecord]:
            if not query:
                return Page((), None)
            page = record_views.records_page(session, flt, after=after)
            return Page(page.records, page.after)

        self.model.load(fetch)

    def _loaded(self, first: bool) -> None:
        if not first:
            return
        self.choose_button.setEnabled(False)
        if self.model.rowCount():
            self.table.selectRow(0)
        if not self.search.text().strip():
            self.footer.show_message("")
            self.footer.more_button.hide()
        self.searched.emit(self.model.rowCount())

    def _failed(self, error: BaseException) -> None:
        self.footer.show_message(message_for(error, self._ctx.catalogue, self._ctx.lang))

    def choose(self) -> None:
        index = self.table.currentIndex()
        rec = self.model.row_at(index.row()) if index.isValid() else None
        if rec is None:
            return
        self.record_chosen.emit(rec)
        self.accept()


def open_picker(ctx: UiContext, rtype: str, reference: str,
                fill: Callable[[dict[str, object]], None],
                parent: QWidget | None = None) -> RecordPickerDialog:
    """The picker for the reference field ``reference`` of a ``rtype`` form, shown; the
    chosen record's values go to ``fill``."""
    dialog = RecordPickerDialog(ctx, LINKED_TYPES.get((rtype, reference), ()), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.record_chosen.connect(lambda rec: fill(reference_of(rec)))
    dialog.open()
    return dialog
