"""OCR suggestions beside the historical form (the keying page embeds it): the values read
on a printed or typed page for the entry being keyed, field by field, with how sure the
engine is. Nothing goes into the form unless the officer accepts it ("Accept" on a row, or
"Accept all"): each acceptance is the signal ``accepted(path, value)``, which the keying
page turns into the field's value. Handwritten pages are never read.

Reading runs in the background: the page is fetched on the database lane and recognised on
the general lane (0.2-3 s a page), never on the GUI thread. After the entry is saved,
``save_reviews(record_id, data)`` keeps how each suggestion was treated (accepted, edited,
rejected) for the accepted share (``hotich books ocr-stats``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import field_label
from desktop_app.domain.fields import FieldKind, find_field
from desktop_app.ocr import EntrySuggestions, FieldSuggestion, PageReading
from desktop_app.ocr.engines import DEFAULT_ENGINE, ENGINES
from desktop_app.ocr.review import FieldReview, reviews_of
from desktop_app.workflows import ocr
from ui.context import UiContext
from ui.errors import logged, message_for
from ui.numbers import percent_text, seconds_text
from ui.record_words import leaf_words

ACCEPT_ALL_KEYS = "Ctrl+Shift+A"
LOW_CONFIDENCE = 0.8  # below this a suggestion is shown in amber: look twice
_LOW = QColor("#8a5a00")


class OcrSuggestions(QWidget):
    """See the module. Object names: ocrEngine, ocrRead, ocrStatus, ocrSuggestions,
    ocrAcceptAll, accept:<field path>."""

    accepted = Signal(str, object)  # field path, value as the form's field takes it
    reading_loaded = Signal()  # a page was read (or refused): the status says which

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ocrSuggestionsWidget")
        self._ctx = context
        self._page: tuple[str, int, str] | None = None  # book, page, record type
        self._reading: PageReading | None = None
        self._read_status = ""  # what the status says of the reading shown
        self._position: int | None = None
        self._accepted: dict[int, set[str]] = {}  # position -> paths taken
        self.buttons: dict[str, QPushButton] = {}  # field path -> its Accept button
        self.engine = QComboBox(self)
        self.engine.setObjectName("ocrEngine")
        for name in ENGINES:
            self.engine.addItem(self.engine_words(name), name)
        self.engine.setCurrentIndex(self.engine.findData(DEFAULT_ENGINE))
        self.engine.setToolTip(self.tr("Text recogniser (its model is on this computer; "
                                       "nothing is sent anywhere)"))
        self.read_button = QPushButton(self.tr("Read the page"), self)
        self.read_button.setObjectName("ocrRead")
        self.read_button.clicked.connect(self.read_again)
        self.read_button.setEnabled(False)
        self.status = QLabel(self.tr("No page."), self)
        self.status.setObjectName("ocrStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("ocrSuggestions")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Read on the page"),
                                              self.tr("Sure"), ""])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 190)  # labels wrap: the value read keeps the room
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        # Room for about five fields: a squeezed table hides what is being accepted.
        self.table.setMinimumHeight(5 * self.fontMetrics().lineSpacing() * 2 + 24)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.accept_all_button = QPushButton(self.tr("Accept all"), self)
        self.accept_all_button.setObjectName("ocrAcceptAll")
        self.accept_all_button.setToolTip(self.tr("Accept every suggestion of this entry "
                                                  "(Ctrl+Shift+A)"))
        self.accept_all_button.clicked.connect(self.accept_all)
        self.accept_all_button.setEnabled(False)
        # From the form too (the officer's hands stay on the keyboard); only while shown.
        accept_all = QShortcut(QKeySequence(ACCEPT_ALL_KEYS), self)
        accept_all.setContext(Qt.ShortcutContext.WindowShortcut)
        accept_all.activated.connect(self.accept_all)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("OCR suggestions"), self))
        top.addStretch(1)
        top.addWidget(self.engine)
        top.addWidget(self.read_button)
        top.addWidget(self.accept_all_button)  # up here: the rows below get its line
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

    # -- reading ------------------------------------------------------------------------
    def load_page(self, book_id: str, page_no: int, record_type: str) -> None:
        """Read a page in the background (a handwritten one is refused, with the reason)."""
        self._page = (book_id, page_no, record_type)
        self._reading = None
        self._accepted = {}
        self.read_button.setEnabled(True)
        self._show_rows()
        self.read_again()

    def engine_words(self, name: str) -> str:
        """What an engine does, in words, its product name in brackets."""
        words = {"trueocr": self.tr("Printed text recognition"),
                 "tesseract": self.tr("Printed text recognition, second engine")}
        return f"{words[name]} ({name})" if name in words else name

    def read_again(self) -> None:
        if self._page is None:
            return
        book_id, page_no, _ = self._page
        engine = str(self.engine.currentData())
        session = self._ctx.session
        self.status.setText(self.tr("Reading the page…"))
        self.read_button.setEnabled(False)
        wanted = self._page

        def recognise(page: ocr.OcrPage) -> None:
            if self._page != wanted:
                return  # another page was opened meanwhile
            self._ctx.runner.run(
                lambda: ocr.read_ocr_page(ocr.load_recogniser(engine), page),
                lambda reading: self._read(wanted, reading), self._failed, lane="general")

        self._ctx.runner.run(lambda: ocr.page_for_ocr(session, book_id, page_no), recognise,
                             self._failed)

    def set_reading(self, reading: PageReading) -> None:
        """Show a page already read (the keying page may run the reading itself). What was
        accepted from an earlier reading is forgotten: these are new suggestions."""
        self._reading = reading
        self._accepted = {}
        self.read_button.setEnabled(self._page is not None)
        found = len(reading.entries)
        self._read_status = (
            self.tr("%2: %1 entries read in %3 s. Accept what the page shows.")
            .replace("%1", str(found)).replace("%2", self.engine_words(reading.engine))
            .replace("%3", seconds_text(reading.elapsed_ms, self._ctx.lang)))
        self.status.setText(self._read_status)
        self._show_rows()
        self.reading_loaded.emit()

    def _read(self, wanted: tuple[str, int, str], reading: PageReading) -> None:
        if self._page == wanted:
            self.set_reading(reading)

    def _failed(self, error: BaseException) -> None:
        self.read_button.setEnabled(self._page is not None)
        self.status.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))
        self._reading = None
        self._show_rows()
        self.reading_loaded.emit()

    # -- the entry being keyed ----------------------------------------------------------
    def show_position(self, position: int | None) -> None:
        """The entry at this position of the page (1 = first row) is being keyed."""
        self._position = position
        self._show_rows()

    def entry(self) -> EntrySuggestions | None:
        if self._reading is None or self._position is None:
            return None
        return self._reading.entry(self._position)

    def _record_type(self) -> str:
        return self._page[2] if self._page is not None else "birth"

    def _show_rows(self) -> None:
        entry = self.entry()
        fields = entry.fields if entry is not None else ()
        self.buttons = {}
        self.table.setRowCount(0)  # the old rows' buttons go with them
        self.table.setRowCount(len(fields))
        taken = self._accepted.get(self._position or 0, set())
        for row, suggestion in enumerate(fields):
            self._fill_row(row, suggestion, suggestion.path in taken)
        self.accept_all_button.setEnabled(bool(fields))
        if self._reading is not None and entry is None and self._position is not None:
            self.status.setText(self.tr("Nothing was read at this position of the page."))
        elif self._reading is not None and entry is not None:
            self.status.setText(self._read_status)  # not what an empty position said

    def _fill_row(self, row: int, suggestion: FieldSuggestion, taken: bool) -> None:
        rtype = self._record_type()
        lang = self._ctx.lang
        definition = find_field(rtype, suggestion.path)
        kind = definition.kind if definition is not None else FieldKind.TEXT
        label = QTableWidgetItem(field_label(rtype, suggestion.path, lang) or suggestion.path)
        words = QTableWidgetItem(leaf_words(rtype, kind, suggestion.path, suggestion.value,
                                            lang))
        words.setToolTip(suggestion.read)
        sure = QTableWidgetItem(percent_text(suggestion.confidence, self._ctx.lang, 0))
        sure.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if suggestion.confidence < LOW_CONFIDENCE:
            for item in (words, sure):
                item.setForeground(_LOW)
            sure.setToolTip(self.tr("The recogniser is unsure: compare with the page."))
        for column, item in enumerate((label, words, sure)):
            self.table.setItem(row, column, item)
        button = QPushButton(self.table)
        button.setObjectName(f"accept:{suggestion.path}")
        button.clicked.connect(lambda _c=False, s=suggestion: self._accept(s))
        self.table.setCellWidget(row, 3, button)
        self.buttons[suggestion.path] = button
        self._mark(suggestion.path, taken)

    def _mark(self, path: str, taken: bool) -> None:
        button = self.buttons.get(path)
        if button is not None:
            button.setText(self.tr("Accepted") if taken else self.tr("Accept"))
            button.setEnabled(not taken)

    def _accept(self, suggestion: FieldSuggestion) -> None:
        if self._position is None:
            return
        self._accepted.setdefault(self._position, set()).add(suggestion.path)
        self._mark(suggestion.path, True)  # the clicked button stays: never deleted under it
        self.accepted.emit(suggestion.path, suggestion.value)

    def accept_field(self, path: str) -> bool:
        """Accept the suggestion for one field (the one with the focus in the form, say);
        False when there is none for it."""
        entry = self.entry()
        found = entry.get(path) if entry is not None else None
        if found is None or path in self.accepted_paths():
            return False
        self._accept(found)
        return True

    def accept_all(self) -> None:
        entry = self.entry()
        if entry is None:
            return
        taken = self._accepted.get(self._position or 0, set())
        for suggestion in entry.fields:
            if suggestion.path not in taken:
                self._accept(suggestion)

    def accepted_paths(self) -> frozenset[str]:
        return frozenset(self._accepted.get(self._position or 0, set()))

    # -- after the entry is saved -------------------------------------------------------
    def save_reviews(self, record_id: str, data: dict[str, object]) -> None:
        """Keep how each suggestion of the entry was treated (in the background)."""
        reviews = self._reviews(data)
        if reviews is not None:
            session = self._ctx.session
            self._ctx.runner.run(lambda: ocr.record_reviews(session, record_id, reviews),
                                 lambda _r: None, logged("ocr reviews"))

    def save_blind_reviews(self, book_id: str, page_no: int, position: int,
                           data: dict[str, object]) -> None:
        """The same for a blind first keying, which is no record yet (kept by its place)."""
        reviews = self._reviews(data)
        if reviews is not None:
            session = self._ctx.session
            self._ctx.runner.run(lambda: ocr.record_blind_reviews(session, book_id, page_no,
                                                                  position, reviews),
                                 lambda _r: None, logged("ocr reviews"))

    def _reviews(self, data: dict[str, object]) -> list[FieldReview] | None:
        entry = self.entry()
        if entry is None:
            return None
        return reviews_of([(f.path, f.value, f.confidence, f.engine) for f in entry.fields],
                          self.accepted_paths(), data)
