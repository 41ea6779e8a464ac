"""Số hóa sổ cũ: the books being digitised, their progress, a book opened and its pages added
from a folder (a USB stick, a phone's photos), each page shown turned and cropped as it is
read (both kept by the book, the scan itself untouched), the keying page reached from here,
and the sample re-checks with their estimated error rates.

Everything that touches the store runs on the task runner; the progress is the workflow's SQL
aggregates (pages captured, entries keyed, verified, with warnings).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.fields import SOURCE_PHASES
from desktop_app.session import Session
from desktop_app.workflows import books, ocr
from desktop_app.workflows.books import BookRow, PageRow, Progress
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import type_label
from ui.models import RowsModel
from ui.pages.import_widget import EntriesImportWidget
from ui.pages.keying_page import KeyingPage
from ui.pages.recheck_widget import RecheckWidget
from ui.pages.reconciliation_widget import ReconciliationWidget
from ui.widgets.file_dialog import existing_folder
from ui.widgets.inputs import commune_display
from ui.widgets.page_scan import Crop, PageScanWidget, load_book_page

TYPES = ("birth", "death", "marriage", "recognition", "change", "guardianship")
Row = tuple[BookRow, Progress]


class BooksPage(QWidget):
    books_changed = Signal()
    page_shown = Signal(int)  # page number

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BooksPage")
        self._ctx = ctx
        self.current: BookRow | None = None
        self.pages: list[PageRow] = []
        lang = ctx.lang
        columns = [
            (self.tr("Book"), lambda r: r[0].book_number),
            (self.tr("Type"), lambda r: type_label(r[0].type, lang)),
            (self.tr("Year"), lambda r: str(r[0].year)),
            (self.tr("Office (as written)"), lambda r: r[0].office_as_written),
            (self.tr("Phase"), lambda r: str(r[0].phase)),
            (self.tr("Pages"), lambda r: str(r[1].pages)),
            (self.tr("Entries keyed"), lambda r: str(r[1].entries)),
            (self.tr("Verified"), lambda r: str(r[1].verified)),
            (self.tr("With warnings"), lambda r: str(r[1].with_warnings)),
        ]
        self.model: RowsModel[Row] = RowsModel(columns, key=lambda r: r[0].id, parent=self)
        self.table = QTableView(objectName="booksTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._select(current.row()))
        self.commune = QLabel(objectName="communeProgress")
        self.commune.setWordWrap(True)
        self.double_entry = QLabel(objectName="doubleEntryMode")
        self.double_entry.setWordWrap(True)
        # The commune's choice, made by a supervisor (the workflow refuses anyone else).
        self.double_entry_box = QCheckBox(self.tr("Require double entry (two officers key "
                                                  "each entry independently)"),
                                          self, objectName="requireDoubleEntry")
        # (parented at once: made visible without a parent it would open as its own window)
        self.double_entry_box.setVisible(ctx.can("approve records"))
        self.double_entry_box.clicked.connect(self.set_double_entry)

        # opening a book
        self.type_box = QComboBox(objectName="bookType")
        for t in TYPES:
            self.type_box.addItem(type_label(t, lang), t)
        self.year_box = QSpinBox(objectName="bookYear")
        self.year_box.setRange(1800, 2100)
        self.year_box.setValue(2010)
        self.number_edit = QLineEdit(objectName="bookNumber")
        self.number_edit.setPlaceholderText(self.tr("as on the cover, e.g. 01/2010"))
        self.office_edit = QLineEdit(objectName="bookOffice")
        self.office_edit.setPlaceholderText(self.tr("as written, e.g. UBND xã Tân Lập"))
        self.phase_box = QComboBox(objectName="bookPhase")
        for phase in SOURCE_PHASES:
            self.phase_box.addItem(str(phase), phase)
        self.open_button = QPushButton(self.tr("Open the book"), objectName="openBook")
        self.open_button.clicked.connect(self.open_book)
        opening = QGroupBox(self.tr("A book to digitise"))
        opening.setMaximumWidth(340)
        form = QFormLayout(opening)
        form.addRow(self.tr("Type"), self.type_box)
        form.addRow(self.tr("Year"), self.year_box)
        form.addRow(self.tr("Book number"), self.number_edit)
        form.addRow(self.tr("Registering office"), self.office_edit)
        form.addRow(self.tr("Legal phase"), self.phase_box)
        form.addRow(self.open_button)

        # the pages of the book selected
        self.book_label = QLabel(objectName="bookSelected")
        self.book_label.setStyleSheet("font-weight: bold")
        self.book_label.setWordWrap(True)  # a long office name never widens the window
        self.add_pages_button = QPushButton(self.tr("Add pages from a folder…"),
                                            objectName="addPages")
        self.add_pages_button.setToolTip(self.tr(
            "JPEG, PNG or PDF files of the folder, in name order, become the next pages."))
        self.add_pages_button.clicked.connect(self._choose_folder)
        self.page_choice = QComboBox(objectName="pageChoice")
        self.page_choice.activated.connect(self.show_page)
        # turning and cropping are the viewer's; the book keeps them for everyone
        self.scan = PageScanWidget(self, can_turn=True, can_crop=True)
        self.scan.rotated.connect(self._keep_rotation)
        self.scan.crop_drawn.connect(self._keep_crop)
        # how the page is written: only printed or typed pages get OCR suggestions
        self.writing_box = QComboBox(objectName="pageWriting")
        self.writing_box.addItem(self.tr("Writing: not said"), None)
        for writing, label in ((ocr.PageWriting.HANDWRITTEN, self.tr("Handwritten")),
                               (ocr.PageWriting.PRINTED, self.tr("Printed form")),
                               (ocr.PageWriting.TYPED, self.tr("Typed"))):
            self.writing_box.addItem(label, writing.value)
        self.writing_box.setToolTip(self.tr(
            "How the page is written, as you see it: printed or typed pages are read by OCR "
            "for suggestions, handwritten ones never."))
        self.writing_box.activated.connect(self._keep_writing)
        self.key_button = QPushButton(self.tr("Key the entries of this page…"),
                                      objectName="keyEntries")
        self.key_button.setToolTip(self.tr(
            "The page beside the form: key its entries one after the other."))
        self.key_button.clicked.connect(self.open_keying)
        page_bar = QHBoxLayout()
        page_bar.addWidget(self.page_choice, 1)
        page_bar.addWidget(self.writing_box)
        page_bar.addWidget(self.key_button)
        pages_box = QGroupBox(self.tr("Pages of the book"))
        pages_layout = QVBoxLayout(pages_box)
        book_bar = QHBoxLayout()
        book_bar.addWidget(self.book_label, 1)
        book_bar.addWidget(self.add_pages_button)
        pages_layout.addLayout(book_bar)
        self.page_choice.setMinimumWidth(180)  # "Trang 12 (IMG_0012.jpg)" reads whole
        pages_layout.addLayout(page_bar)
        pages_layout.addWidget(self.scan, 1)
        # Entries typed elsewhere (a spreadsheet, another tool's export) come in by file.
        self.entries_import = EntriesImportWidget(ctx, self)
        self.entries_import.finished.connect(lambda _summary: self.refresh())
        pages_layout.addWidget(self.entries_import)

        self.message = QLabel(objectName="booksMessage")
        self.message.setWordWrap(True)
        listing = QGroupBox(self.tr("Books being digitised"))
        listing_layout = QVBoxLayout(listing)
        listing_layout.addWidget(self.table, 1)
        listing_layout.addWidget(self.commune)
        listing_layout.addWidget(self.double_entry)
        listing_layout.addWidget(self.double_entry_box)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(listing)
        top.addWidget(opening)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 1)
        self.recheck = RecheckWidget(ctx, self)
        self.recheck.rekey_requested.connect(self.open_recheck)
        # the book checked: sample re-checks, and the centre's registry (soak's widget,
        # made for the first book selected: it shows one book's reconciliation)
        self.reconciliation: ReconciliationWidget | None = None
        self.checks = QTabWidget(self, objectName="bookChecks")
        self.checks.addTab(self.recheck, self.tr("Accuracy"))
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(pages_box)
        lower.addWidget(self.checks)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        overview = QWidget(self)
        overview_layout = QVBoxLayout(overview)
        overview_layout.setContentsMargins(0, 0, 0, 0)
        overview_layout.addWidget(split, 1)
        overview_layout.addWidget(self.message)
        # the keying page takes the whole screen: the page beside the form needs the room
        self.keying = KeyingPage(ctx, self)
        self.keying.closed.connect(self.close_keying)
        self.keying.entry_saved.connect(lambda: self.refresh())
        self.screens = QStackedWidget(self)
        self.screens.addWidget(overview)
        self.screens.addWidget(self.keying)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.screens, 1)
        can_create = ctx.can("create records")
        self.open_button.setEnabled(can_create)
        self._select(-1)

    # -- loading --------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        if self.screens.currentWidget() is not self.keying:
            self.refresh()

    def refresh(self) -> None:
        session = self._ctx.session
        self._ctx.runner.run(
            lambda: (books.digitisation(session), books.double_entry_required(session),
                     len(books.awaiting_decision(session))),
            self._loaded, self._failed)
        self.recheck.refresh()

    def _loaded(self, found: tuple[books.Digitisation, bool, int]) -> None:
        report, double, waiting = found
        keep = self.current.id if self.current else None
        self.model.set_rows(report.books)
        self.commune.setText("\n".join(
            # the commune by its name ("Phường …" or "Xã …"), its code after it
            self.tr("%1: %2 books, %3 pages, %4 entries keyed, %5 verified, %6 with warnings")
            .replace("%1", commune_display(p.commune) if p.commune else "—")
            .replace("%2", str(p.books))
            .replace("%3", str(p.pages)).replace("%4", str(p.entries))
            .replace("%5", str(p.verified)).replace("%6", str(p.with_warnings))
            for p in report.communes))
        self.double_entry.setText(
            self.tr("Double entry is required: two officers key each entry; %1 entries wait for "
                "a decision.").replace("%1", str(waiting)) if double else
            self.tr("Single entry: a second officer verifies each entry (four eyes)."))
        self.double_entry_box.setChecked(double)
        ids = [b.id for b, _p in report.books]
        if ids:
            self.table.setCurrentIndex(self.model.index(ids.index(keep) if keep in ids else 0,
                                                        0))
        else:
            self._select(-1)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))

    def _said(self, text: str) -> None:
        self.message.setStyleSheet("color: #1b5e20")
        self.message.setText(text)

    def set_double_entry(self, required: bool) -> None:
        session = self._ctx.session
        self.double_entry_box.setEnabled(False)

        def done(_result: object) -> None:
            self.double_entry_box.setEnabled(True)
            self.refresh()

        def failed(error: BaseException) -> None:
            self.double_entry_box.setEnabled(True)
            self._failed(error)
            self.refresh()

        self._ctx.runner.run(lambda: books.set_double_entry(session, required), done, failed)

    # -- opening a book -------------------------------------------------------------------
    def open_book(self) -> None:
        session = self._ctx.session
        args = (str(self.type_box.currentData()), self.year_box.value(),
                self.number_edit.text(), self.office_edit.text(),
                int(self.phase_box.currentData()))
        self.open_button.setEnabled(False)
        self._ctx.runner.run(lambda: books.open_book(session, *args), self._opened,
                             self._open_failed)

    def _opened(self, book: BookRow) -> None:
        self.open_button.setEnabled(True)
        self.current = book
        self.number_edit.clear()
        self._said(self.tr("Book %1 opened: add its pages.").replace("%1", book.book_number))
        self.books_changed.emit()
        self.refresh()

    def _open_failed(self, error: BaseException) -> None:
        self.open_button.setEnabled(True)
        self._failed(error)

    # -- the book selected and its pages --------------------------------------------------
    def _select(self, row: int) -> None:
        item = self.model.row_at(row)
        self.current = item[0] if item else None
        self.entries_import.set_book(self.current)
        self.pages = []
        self.page_choice.clear()
        has_book = self.current is not None
        self.add_pages_button.setEnabled(has_book and self._ctx.can("create records"))
        self.recheck.set_book(self.current)
        if self.current is not None:
            if self.reconciliation is None:
                self.reconciliation = ReconciliationWidget(self._ctx, self.current.id, self)
                self.checks.addTab(self.reconciliation,
                                   self.tr("Reconciliation with the registry"))
            elif self.reconciliation.book_id != self.current.id:
                self.reconciliation.set_book(self.current.id)
        for widget in (self.page_choice, self.key_button, self.writing_box):
            widget.setEnabled(False)
        if self.current is None:
            self.book_label.setText(self.tr("No book selected."))
            self.scan.show_message(QCoreApplication.translate("PageScanWidget", "No scan to show."),
                                   "none")
            return
        b = self.current
        self.book_label.setText(f"{type_label(b.type, self._ctx.lang)} · {b.book_number} · "
                                f"{b.year} · {b.office_as_written}")
        session, book_id = self._ctx.session, b.id
        self._ctx.runner.run(lambda: books.pages_of(session, book_id),
                             lambda pages: self._pages(book_id, pages), self._failed)

    def _pages(self, book_id: str, pages: list[PageRow], show: int = 0) -> None:
        if self.current is None or self.current.id != book_id:
            return
        self.pages = pages
        self.page_choice.clear()
        for p in pages:
            self.page_choice.addItem(self.tr("Page %1 (%2)").replace("%1", str(p.page_no))
                                     .replace("%2", p.file_name or p.media_type))
        self.page_choice.setEnabled(bool(pages))
        for widget in (self.key_button, self.writing_box):
            widget.setEnabled(bool(pages) and self._ctx.can("create records"))
        if not pages:
            self.scan.show_message(self.tr("No page yet: add the book's scans or photos."), "none")
            return
        self.page_choice.setCurrentIndex(min(show, len(pages) - 1))
        self.show_page(self.page_choice.currentIndex())

    def show_page(self, index: int) -> None:
        if self.current is None or not 0 <= index < len(self.pages):
            return
        session, book_id, page = self._ctx.session, self.current.id, self.pages[index]

        def load() -> tuple[PageRow, QImage | None, str | None]:
            shown, image = load_book_page(session, book_id, page.page_no)
            writing = ocr.page_writing(session, book_id, page.page_no)
            return shown, image, writing.value if writing else None

        self._ctx.runner.run(load, self._display, self._failed)

    def _display(self, shown: tuple[PageRow, QImage | None, str | None]) -> None:
        page, image, writing = shown
        self.scan.show_page(page, image)
        self.writing_box.setCurrentIndex(max(0, self.writing_box.findData(writing)))
        self.page_shown.emit(page.page_no)

    def _keep_writing(self, index: int) -> None:
        writing = self.writing_box.itemData(index)
        page = self._shown_page()
        if writing is None or page is None or self.current is None:
            return
        session, book_id = self._ctx.session, self.current.id
        self._ctx.runner.run(
            lambda: ocr.set_page_writing(session, book_id, page.page_no, str(writing)),
            lambda _w: None, self._failed)

    def _choose_folder(self) -> None:
        folder = existing_folder(self, self.tr("Folder of page scans or photos"))
        if folder:
            self.import_folder(Path(folder))

    def import_folder(self, folder: Path) -> None:
        if self.current is None:
            return
        session, book_id = self._ctx.session, self.current.id
        self.add_pages_button.setEnabled(False)
        self._ctx.runner.run(lambda: books.import_pages(session, book_id, folder),
                             self._imported, self._import_failed)

    def _imported(self, added: list[PageRow]) -> None:
        self.add_pages_button.setEnabled(True)
        self._said(self.tr("%1 pages in the book.").replace("%1", str(len(added))))
        self.books_changed.emit()
        self.refresh()

    def _import_failed(self, error: BaseException) -> None:
        self.add_pages_button.setEnabled(True)
        self._failed(error)

    def rotate(self, quarter: int) -> None:
        """Turn the page shown (the book keeps the rotation)."""
        self.scan.turn(quarter)

    def _shown_page(self) -> PageRow | None:
        index = self.page_choice.currentIndex()
        if self.current is None or not 0 <= index < len(self.pages):
            return None
        return self.pages[index]

    def _keep(self, change: Callable[[Session, str, int], object]) -> None:
        page = self._shown_page()
        if page is None or self.current is None:
            return
        session, book_id = self._ctx.session, self.current.id
        index = self.page_choice.currentIndex()

        def kept() -> list[PageRow]:
            change(session, book_id, page.page_no)
            return books.pages_of(session, book_id)

        self._ctx.runner.run(kept, lambda pages: self._pages(book_id, pages, index),
                             self._failed)

    def _keep_rotation(self, rotation: int) -> None:
        self._keep(lambda session, book_id, page_no:
                   books.rotate_page(session, book_id, page_no, rotation))

    def _keep_crop(self, crop: Crop | None) -> None:
        self._keep(lambda session, book_id, page_no:
                   books.crop_page(session, book_id, page_no, crop))

    # -- the keying page and the re-check --------------------------------------------------
    def open_keying(self) -> None:
        page = self._shown_page()
        if page is None or self.current is None:
            return
        self.keying.open_book(self.current, page.page_no)
        self.screens.setCurrentWidget(self.keying)

    def open_recheck(self, sample_id: str) -> None:
        self.keying.open_recheck(sample_id)
        self.screens.setCurrentWidget(self.keying)

    def close_keying(self) -> None:
        self.screens.setCurrentWidget(self.screens.widget(0))
        self.refresh()
