"""Nhập hai lần: the third person (or the supervisor) decides where two independent keyings
of a book entry disagree, with the page of the book in view. Only the disagreements are shown;
what agreed was accepted already. Someone who keyed the entry sees why they may not decide
(the button disabled); the workflow refuses them all the same.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.fields import FieldKind, field_label, find_field
from desktop_app.domain.types import JSONValue
from desktop_app.ocr.rows import Band, entry_band
from desktop_app.workflows import accounts, books
from desktop_app.workflows.books import Decision, PageRow
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import record_heading
from ui.models import Index, RowsModel
from ui.record_words import value_words
from ui.widgets.page_scan import PageScanWidget, load_book_page
from ui.widgets.table_columns import fit_columns
from ui.widgets.typed_dates import to_iso, to_iso_time


def _value(kept: str | None) -> JSONValue:
    return None if kept is None else json.loads(kept)


def _text(kept: str | None, rtype: str = "", path: str = "", lang: str = "vi") -> str:
    """A keyed value as the officer reads it: in words (Nữ, 05/1990), never its code."""
    value = _value(kept)
    return "—" if value is None else value_words(rtype, path, value, lang)


READ = 3  # the choice "as read on the page": neither keying, the value the decider types


def read_value(rtype: str, path: str, text: str) -> JSONValue:
    """What the decider typed from the page, as the field keeps it (a date typed dd/mm/yyyy
    becomes ISO); empty: the book is silent."""
    text = text.strip()
    if not text:
        return None
    definition = find_field(rtype, path)
    kind = definition.kind if definition is not None else FieldKind.TEXT
    if kind is FieldKind.DATE:
        return to_iso(text)
    if kind is FieldKind.DATE_TIME:
        return to_iso_time(text)
    if kind is FieldKind.INTEGER and text.isdigit():
        return int(text)
    return text


class _Choice(QWidget):
    """The first keying, the second, or the value read on the page (typed in the line that
    opens for it)."""

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QComboBox(self, objectName=f"choice:{path}")
        self.box.addItem(QCoreApplication.translate("DecisionsPage", "First keying"), 1)
        self.box.addItem(QCoreApplication.translate("DecisionsPage", "Second keying"), 2)
        self.box.addItem(QCoreApplication.translate("DecisionsPage", "As read on the page…"),
                         READ)
        self.read = QLineEdit(self, objectName=f"read:{path}")
        self.read.setPlaceholderText(QCoreApplication.translate(
            "DecisionsPage", "the value the page gives (empty: the book is silent)"))
        self.read.hide()
        self.box.currentIndexChanged.connect(
            lambda _i: self.read.setVisible(self.box.currentData() == READ))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.read, 1)


class _Keyers(RowsModel[Decision]):
    """The keyers are named by their full names; their usernames in the tooltip."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == KEYED_BY:
            row = self.row_at(index.row())
            return ", ".join(row.keyed_by) if row else None
        return super().data(index, role)


KEYED_BY = 3  # the column of the keyers


class DecisionsPage(QWidget):
    decided = Signal(str)  # record id
    page_shown = Signal(int)
    row_shown = Signal(bool)  # the entry's row found on its page (and marked) or not

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DecisionsPage")
        self._ctx = ctx
        self.current: Decision | None = None
        self.names: dict[str, str] = {}  # username -> full name (the accounts')
        lang = ctx.lang
        columns = [
            (self.tr("Entry"), lambda d: record_heading(d.record, lang)),
            (self.tr("Page"), lambda d: str(d.place.page_no) if d.place else "—"),
            (self.tr("Position"), lambda d: str(d.place.position) if d.place else "—"),
            (self.tr("Keyed by"), lambda d: ", ".join(self.names.get(k, k)
                                                      for k in d.keyed_by)),
            (self.tr("Disagreements"), lambda d: str(len(d.disagreements))),
        ]
        self.model: RowsModel[Decision] = _Keyers(columns, key=lambda d: d.record.id,
                                                  parent=self)
        self.table = QTableView(objectName="decisionsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_columns(self.table, stretch=0)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._select(current.row()))

        self.fields = QTableWidget(0, 4, objectName="disagreementsTable")
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("First keying"),
                                               self.tr("Second keying"),
                                               self.tr("As in the book")])
        self.fields.verticalHeader().hide()
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.scan = PageScanWidget(self)
        self.refusal = QLabel(objectName="decideRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #8a5a00")
        self.decide_button = QPushButton(self.tr("Decide"), objectName="decideEntry")
        self.decide_button.setToolTip(self.tr(
            "Keep, for each field, the value the page of the book shows."))
        self.decide_button.clicked.connect(self.decide)
        self.refresh_button = QPushButton(self.tr("Refresh"), objectName="refreshDecisions")
        self.refresh_button.clicked.connect(self.refresh)
        self.message = QLabel(objectName="decisionsMessage")
        self.message.setWordWrap(True)

        waiting = QGroupBox(self.tr("Double-entered entries whose keyings disagree"))
        QVBoxLayout(waiting).addWidget(self.table)
        fields_box = QGroupBox(self.tr("Only the fields that differ"))
        QVBoxLayout(fields_box).addWidget(self.fields)
        page_box = QGroupBox(self.tr("The page of the book"))
        QVBoxLayout(page_box).addWidget(self.scan)
        side_by_side = QSplitter(Qt.Orientation.Horizontal)
        side_by_side.addWidget(fields_box)
        side_by_side.addWidget(page_box)
        side_by_side.setSizes([620, 480])  # the choices read in full, the page beside
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(waiting)
        split.addWidget(side_by_side)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        actions = QHBoxLayout()
        actions.addWidget(self.refusal, 1)
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.decide_button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self._select(-1)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        session = self._ctx.session
        self._ctx.runner.run(lambda: (books.decisions(session), accounts.full_names(session)),
                             self._loaded, self._failed)

    def _loaded(self, loaded: tuple[list[Decision], dict[str, str]]) -> None:
        found, self.names = loaded
        keep = self.current.record.id if self.current else None
        self.model.set_rows(found)
        ids = [d.record.id for d in found]
        if ids:
            self.table.setCurrentIndex(self.model.index(ids.index(keep) if keep in ids else 0,
                                                        0))
        else:
            self._select(-1)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))

    def _select(self, row: int) -> None:
        item = self.model.row_at(row)
        self.current = item
        self.fields.setRowCount(0)
        if item is None:
            self.decide_button.setEnabled(False)
            self.refusal.setText(self.tr("No double-entered entry waits for a decision."))
            self.scan.show_message(QCoreApplication.translate("PageScanWidget", "No scan to show."),
                                   "none")
            return
        for f in item.disagreements:
            n = self.fields.rowCount()
            self.fields.insertRow(n)
            label = field_label(item.record.type, f.path, self._ctx.lang) or f.path
            self.fields.setItem(n, 0, QTableWidgetItem(label))
            lang = self._ctx.lang
            for column, kept in ((1, f.first), (2, f.second)):
                self.fields.setItem(n, column, QTableWidgetItem(
                    _text(kept, item.record.type, f.path, lang)))
            # the two values are in the columns beside: the choice names the keying
            self.fields.setCellWidget(n, 3, _Choice(f.path, self.fields))
        reason = "" if item.refusal is None else message_for(
            item.refusal, self._ctx.catalogue, self._ctx.lang)
        self.refusal.setText(reason)
        self.decide_button.setEnabled(item.refusal is None)
        if item.place is None:
            self.scan.show_message(QCoreApplication.translate("PageScanWidget", "No scan to show."),
                                   "none")
            return
        session, place = self._ctx.session, item.place
        self.scan.show_loading()
        self._ctx.runner.run(lambda: load_book_page(session, place.book_id, place.page_no),
                             self._display, self._failed)

    def _display(self, shown: tuple[PageRow, QImage | None]) -> None:
        page, image = shown
        self.scan.show_page(page, image)
        self.page_shown.emit(page.page_no)
        place = self.current.place if self.current else None
        if place is None or place.page_no != page.page_no or self.scan.shown != "image":
            return
        session, wanted = self._ctx.session, self.current

        def shown_band(found: Band | None) -> None:
            if found is not None and self.current is wanted:
                self.scan.show_band(*found)
            self.row_shown.emit(found is not None)

        def find_row(content: bytes) -> None:  # the page's rules, off the GUI thread
            self._ctx.runner.run(
                lambda: entry_band(content, place.position, page.rotation, page.crop),
                shown_band, self._failed, lane="general")

        self._ctx.runner.run(lambda: books.page_content(session, place.book_id, place.page_no),
                             find_row, self._failed)

    def choose(self, path: str, keying: int, read: str = "") -> None:
        """Pick the first (1) or second (2) keying's value for a field, or (READ) the value
        ``read`` on the page."""
        box = self.fields.findChild(QComboBox, f"choice:{path}")
        if box is not None:
            box.setCurrentIndex(box.findData(keying))
        line = self.fields.findChild(QLineEdit, f"read:{path}")
        if line is not None and keying == READ:
            line.setText(read)

    def decide(self) -> None:
        item = self.current
        if item is None:
            return
        values: dict[str, JSONValue] = {}
        for n, f in enumerate(item.disagreements):
            cell = self.fields.cellWidget(n, 3)
            assert isinstance(cell, _Choice)
            taken = cell.box.currentData()
            values[f.path] = read_value(item.record.type, f.path, cell.read.text()) \
                if taken == READ else _value(f.first if taken == 1 else f.second)
        self.decide_button.setEnabled(False)
        session, rid = self._ctx.session, item.record.id
        self._ctx.runner.run(lambda: books.decide(session, rid, values), self._decided,
                             self._decide_failed)

    def _decided(self, keyed: books.Keyed) -> None:
        self.message.setStyleSheet("color: #1b5e20")
        self.message.setText(self.tr("Decided: the entry is verified and waits for the "
                                     "supervisor's approval."))
        self.decided.emit(keyed.record.id)
        self.refresh()

    def _decide_failed(self, error: BaseException) -> None:
        self.decide_button.setEnabled(self.current is not None and self.current.refusal is None)
        self._failed(error)
