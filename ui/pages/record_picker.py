"""Find a record to link to (the birth a recognition concerns, the entry a change corrects,
the guardianship that ends): the store's folded search by name, registration number or
personal ID, run on the database lane as the officer types.

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
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.record import StoredRecord
from desktop_app.workflows import records
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import type_label
from ui.models import RowsModel
from ui.pages.records_page import record_columns

SEARCH_DELAY_MS = 300
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
        self._generation = 0
        self.search = QLineEdit(objectName="pickerSearch")
        self.search.setPlaceholderText(self.tr(
            "Name, registration number or personal ID (diacritics optional)…"))
        self.search.setClearButtonEnabled(True)
        hint = ", ".join(type_label(t, ctx.lang) for t in self._types)
        self.scope = QLabel(self.tr("Only: %1").replace("%1", hint) if hint else "",
                            objectName="pickerScope")
        self.scope.setVisible(bool(hint))
        self.model: RowsModel[StoredRecord] = RowsModel(record_columns(ctx),
                                                        key=lambda r: r.id, parent=self)
        self.table = QTableView(objectName="pickerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.choose())
        self.count = QLabel(objectName="pickerCount")
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
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._enter)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _enter(self) -> None:
        if self.model.rowCount() == 1 and not self._timer.isActive():
            self.table.selectRow(0)
            self.choose()
        else:
            self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        query = self.search.text().strip()
        self._generation += 1
        generation, session, types = self._generation, self._ctx.session, self._types
        if not query:
            self._loaded(generation, [])
            return

        def load() -> list[StoredRecord]:
            return [r for r in records.search(session, query) if not types or r.type in types]

        self._ctx.runner.run(load, lambda rows: self._loaded(generation, rows), self._failed)

    def _loaded(self, generation: int, rows: list[StoredRecord]) -> None:
        if generation != self._generation:
            return  # a newer search is on its way
        self.model.set_rows(rows)
        self.choose_button.setEnabled(False)
        if rows:
            self.table.selectRow(0)
        self.count.setText(self.tr("%n record(s)", "", len(rows)) if self.search.text().strip()
                           else "")
        self.searched.emit(len(rows))

    def _failed(self, error: BaseException) -> None:
        self.count.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))

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
