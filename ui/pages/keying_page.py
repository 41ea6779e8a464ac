"""Nhập từ trang sổ: the page of the book on one side, the historical form on the other, and the
keyboard to go through the page's entries (reached from the books page).

Each entry is keyed at its position on its page. Under double entry the first keying stays
blind: whoever keys the position second sees an empty form, never the first keying; its own
keyer may still correct or discard it until then (the earlier version kept). In
re-check mode a supervisor goes through the entries a sample drew and re-keys each blind;
the workflow compares it with the verified entry.

Under the page, OCR suggestions (ui/widgets/ocr_suggestions.py) for a page marked printed or
typed: a value goes into the form only when the officer accepts it; none in re-check mode,
where the supervisor keys from the page alone.

Keys: Ctrl+S or Ctrl+Enter saves; Ctrl+Down / Ctrl+Up the next / previous entry; Ctrl+N a new
entry at the next free position; Page Down / Page Up the next / previous page; Ctrl+I marks
the field with the focus illegible (again: unmarks it); on the page: + - 0 1 and the arrows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import Issue, issue_message
from desktop_app.domain.errors import RecordInvalidError
from desktop_app.domain.types import JSONObject
from desktop_app.workflows import books, recheck, records
from desktop_app.workflows.books import BookRow, PageRow, Slot
from desktop_app.workflows.recheck import RecheckEntry
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import type_label
from ui.place_words import place_description
from ui.widgets.entry_slots import EntrySlots
from ui.widgets.illegible_marks import IllegibleMarks
from ui.widgets.ocr_suggestions import OcrSuggestions
from ui.widgets.page_scan import PageScanWidget, load_book_page
from ui.widgets.record_form import RecordForm
from ui.widgets.remembered_splitter import remember_splitter

Loaded = tuple[tuple[PageRow, QImage | None], list[Slot], int]


class KeyingPage(QWidget):
    closed = Signal()
    entry_saved = Signal(str)  # single, first, agreed, disagreed, rechecked, corrected,
    # discarded
    page_shown = Signal(int)
    position_shown = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KeyingPage")
        self._ctx = ctx
        self.book: BookRow | None = None
        self.page_no = 1
        self.page_count = 0
        self.position = 1
        self.slots: list[Slot] = []
        self.sample_id: str | None = None
        self.sample: list[RecheckEntry] = []
        self._sample_books: dict[str, BookRow] = {}
        self.form: RecordForm | None = None
        self.marks: IllegibleMarks | None = None
        self.is_editable = True
        self._keyed_data: JSONObject = {}
        self._read_page: tuple[str, int] | None = None  # the page the suggestions are of
        self._silenced: list[QShortcut] = []  # the window's shortcuts ours would clash with
        self.editing: str | None = None  # the draft being corrected, not a new keying
        self.own_blind = False  # the officer's own blind first keying is shown (read-only)
        self.editing_blind = False  # ... and reopened to be corrected

        self.title = QLabel(objectName="keyingTitle")
        self.title.setStyleSheet("font-weight: bold")
        self.title.setWordWrap(True)
        self.page_box = QSpinBox(objectName="keyingPageNo")
        self.page_box.setPrefix(self.tr("Page "))
        self.page_box.setMinimum(1)
        self.page_box.editingFinished.connect(lambda: self.go_to_page(self.page_box.value()))
        self.where = QLabel(objectName="keyingPosition")
        self.slot_list = EntrySlots(self)
        self.slot_list.chosen.connect(self._chosen)
        self.back_button = QPushButton(self.tr("Back to the books"), objectName="keyingBack")
        self.back_button.clicked.connect(self.closed)
        buttons: list[QPushButton] = []
        for name, text, keys, slot in (
            ("keyingPrevious", self.tr("Previous entry"), ("Ctrl+Up",), self.previous_entry),
            ("keyingNext", self.tr("Next entry"), ("Ctrl+Down",), self.next_entry),
            ("keyingNew", self.tr("New entry"), ("Ctrl+N",), self.new_entry),
            ("keyingIllegible", self.tr("Illegible"), ("Ctrl+I",), self.toggle_illegible),
            ("keyingSave", self.tr("Save the entry"), ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"),
             self.save),
        ):
            button = QPushButton(text, objectName=name)
            button.setToolTip(f"{text} ({keys[0]})")
            button.clicked.connect(slot)
            buttons.append(button)
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        self.save_button = buttons[-1]
        # (parented at once: shown or hidden without a parent, a button opens as a window)
        self.discard_button = QPushButton(self.tr("Discard my keying"), self,
                                          objectName="keyingDiscard")
        self.discard_button.setToolTip(self.tr(
            "Take back your first keying of this entry before anyone keys it again: the "
            "position is free again; what you keyed is kept in the audit"))
        self.discard_button.clicked.connect(self.discard)
        self.discard_button.hide()
        self.reopen_button = QPushButton(self.tr("Correct my keying"), self,
                                         objectName="keyingReopen")
        self.reopen_button.setToolTip(self.tr(
            "Reopen your first keying of this entry to correct it, before anyone keys it "
            "again: it stays blind; what you keyed before is kept in the audit"))
        self.reopen_button.clicked.connect(self.reopen)
        self.reopen_button.hide()
        self.illegible_button = buttons[-2]
        self.illegible_button.setToolTip(self.tr(
            "Mark the field with the focus as illegible in the book (Ctrl+I): it is kept "
            "empty and flagged, never guessed"))
        for key, step in (("PgDown", 1), ("PgUp", -1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.go_to_page(self.page_no + step))

        self.scan = PageScanWidget(self, can_turn=True, can_crop=False)
        self.ocr = OcrSuggestions(ctx, self)
        self.ocr.accepted.connect(self.fill)
        self.note = QLabel(objectName="keyingNote")
        self.note.setWordWrap(True)
        self.marked = QLabel(objectName="keyingIllegible")
        self.marked.setWordWrap(True)
        self.marked.setStyleSheet("color: #6b4f00")
        self.message = QLabel(objectName="keyingMessage")
        self.message.setWordWrap(True)
        self.scroll = QScrollArea(objectName="keyingForm")
        self.scroll.setWidgetResizable(True)
        form_side = QWidget(self)
        form_layout = QVBoxLayout(form_side)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.note)
        form_layout.addWidget(self.scroll, 1)
        form_layout.addWidget(self.marked)
        form_layout.addWidget(self.message)
        self.page_side = QSplitter(Qt.Orientation.Vertical)
        self.page_side.addWidget(self.scan)
        self.page_side.addWidget(self.ocr)
        self.page_side.setStretchFactor(0, 1)
        self.page_side.setStretchFactor(1, 1)
        # about half each: at 768 px high the suggestions had two rows, now six or seven;
        # the division the officer drags is kept (window.ini)
        self.page_side.setSizes([460, 540])
        remember_splitter(self.page_side, ctx, "keying/page_and_suggestions")
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.page_side)
        self.split.addWidget(form_side)
        self.split.setStretchFactor(0, 5)
        self.split.setStretchFactor(1, 6)  # the form's labels and inputs read whole
        self.split.setSizes([500, 600])

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.page_box)
        top.addWidget(self.where)
        actions = QHBoxLayout()
        for button in buttons:
            actions.addWidget(button)
        actions.insertStretch(4, 1)
        actions.insertWidget(5, self.reopen_button)
        actions.insertWidget(6, self.discard_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.slot_list)
        layout.addWidget(self.split, 1)
        layout.addLayout(actions)

    # -- the window's shortcuts -------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        # The window's own Ctrl+N (a new registration) and ours would be ambiguous: Qt then
        # fires neither. While the page is on screen, its keys are the page's.
        ours = {s.key().toString() for s in self.findChildren(QShortcut)}
        self._silenced = [s for s in self.window().findChildren(QShortcut)
                          if s.isEnabled() and s.key().toString() in ours
                          and s.context() == Qt.ShortcutContext.WindowShortcut
                          and not (isinstance(s.parent(), QWidget)
                                   and (s.parent() is self or self.isAncestorOf(s.parent())))]
        for shortcut in self._silenced:
            shortcut.setEnabled(False)

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().hideEvent(event)
        for shortcut in self._silenced:
            shortcut.setEnabled(True)
        self._silenced = []

    # -- opening ------------------------------------------------------------------------------
    def open_book(self, book: BookRow, page_no: int = 1) -> None:
        """Key the entries of a book, from a page."""
        self.sample_id, self.sample = None, []
        self.ocr.show()
        self._read_page = None  # read afresh: the page may have been turned or cropped
        self._set_book(book)
        self.go_to_page(page_no, position=None)

    def open_recheck(self, sample_id: str) -> None:
        """Re-key, blind, the entries a sample drew (supervisors)."""
        session = self._ctx.session
        self.sample_id = sample_id
        self.ocr.hide()  # the re-check keys from the page alone

        def load() -> tuple[list[RecheckEntry], dict[str, BookRow]]:
            entries = [e for e in recheck.recheck_entries(session, sample_id) if e.place]
            ids = {e.place.book_id for e in entries if e.place}
            return entries, {i: books.get_book(session, i) for i in ids}

        self._ctx.runner.run(load, self._recheck_loaded, self._failed)

    def _recheck_loaded(self, found: tuple[list[RecheckEntry], dict[str, BookRow]]) -> None:
        self.sample, self._sample_books = found
        if not self.sample:
            self._say(self.tr("The sample holds no entry to re-key."), error=True)
            return
        todo = next((n for n, e in enumerate(self.sample) if e.rekeyed_by is None), 0)
        self._go_to_drawn(todo)

    def _set_book(self, book: BookRow) -> None:
        if self.book is None or self.book.type != book.type or self.form is None:
            self._build_form(book.type)
        self.book = book
        mode = self.tr("Re-check (blind)") if self.sample_id else self.tr("Keying")
        self.title.setText(f"{mode}: {type_label(book.type, self._ctx.lang)} · "
                           f"{book.book_number} · {book.year} · {book.office_as_written}")

    def _build_form(self, rtype: str) -> None:
        self.form = RecordForm(rtype, historical=True, lang=self._ctx.lang,
                               convert=self._convert, parent=self)
        self.marks = IllegibleMarks(self.form, self._ctx.lang)
        # the marks are set field by field (Ctrl+I) and listed in words under the form: the
        # list of field paths itself is not for the officer to type here
        flags = self.form._rows.get("illegible")  # noqa: SLF001
        if flags is not None:
            self.form._forms[""].setRowVisible(flags, False)  # noqa: SLF001
        self.marks.changed.connect(lambda: self.marked.setText(
            self.marks.summary() if self.marks else ""))
        self.scroll.setWidget(self.form)

    # -- moving about -------------------------------------------------------------------------
    def go_to_page(self, page_no: int, position: int | None = None) -> None:
        """A page of the book with its keyed positions; ``position`` None: the next free."""
        if self.book is None or self.sample_id is not None:
            return
        if self.page_count and not 1 <= page_no <= self.page_count:
            return
        session, book_id = self._ctx.session, self.book.id

        def load() -> Loaded:
            count = len(books.pages_of(session, book_id))
            shown = load_book_page(session, book_id, page_no)
            return shown, books.page_slots(session, book_id, page_no), count

        self.scan.show_loading()
        self._ctx.runner.run(load, lambda found: self._page_loaded(found, position),
                             self._failed)

    def _page_loaded(self, found: Loaded, position: int | None) -> None:
        (page, image), self.slots, self.page_count = found
        self.page_no = page.page_no
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(1, self.page_count))
        self.page_box.setValue(page.page_no)
        self.page_box.blockSignals(False)
        self.scan.show_page(page, image)
        if self.book is not None and self._read_page != (self.book.id, page.page_no):
            # once per page shown: saving an entry comes back to the same page, whose
            # reading (0.2-3 s) and accepted suggestions stay as they are
            self._read_page = (self.book.id, page.page_no)
            self.ocr.load_page(self.book.id, page.page_no, self.book.type)
        self._list_slots()
        self.go_to_position(self.next_to_key() if position is None else position)
        self.page_shown.emit(page.page_no)

    def _list_slots(self) -> None:
        self.slot_list.show_slots(self.slots)
        self.slot_list.setVisible(bool(self.slots))  # no empty box over a fresh page

    def _chosen(self, key: int) -> None:
        if self.sample_id is not None:
            self._go_to_drawn(key)
        else:
            self.go_to_position(key)

    def next_to_key(self) -> int:
        """Where the officer goes on a page: the first entry another officer keyed once
        (waiting for this one's blind keying), else the next free position."""
        waiting = [s.position for s in self.slots if s.record_id is None and not s.mine]
        return min(waiting) if waiting else self.next_free()

    def next_free(self) -> int:
        return max((s.position for s in self.slots), default=0) + 1

    def next_entry(self) -> None:
        if self.sample_id is not None:
            self._go_to_drawn(self._drawn_index() + 1)
        else:
            self.go_to_position(min(self.position + 1, self.next_free()))

    def previous_entry(self) -> None:
        if self.sample_id is not None:
            self._go_to_drawn(self._drawn_index() - 1)
        else:
            self.go_to_position(max(1, self.position - 1))

    def new_entry(self) -> None:
        if self.sample_id is None:
            self.go_to_position(self.next_free())

    def go_to_position(self, position: int) -> None:
        """Show what the position holds, as the acting officer may see it."""
        if self.book is None or self.form is None:
            return
        self.position = position
        self.where.setText(self.tr("Entry %1 of page %2").replace("%1", str(position))
                           .replace("%2", str(self.page_no)))
        slot = next((s for s in self.slots if s.position == position), None)
        self._show_data({}, editable=True)
        self.ocr.show_position(position if slot is None or
                               (slot.record_id is None and not slot.mine) else None)
        if slot is None:
            self.note.setText(self.tr("A new entry: key it as the book gives it."))
        elif slot.record_id is None and not slot.mine:
            self.note.setText(self.tr("Another officer keyed this entry once. Key it again "
                                      "yourself, from the page: the two keyings are compared."))
        else:
            session, book_id, page_no = self._ctx.session, self.book.id, self.page_no
            rid = slot.record_id

            def load() -> tuple[JSONObject | None, bool]:
                if rid is None:  # their own blind keying: reopened on demand
                    return books.own_keying(session, book_id, page_no, position), False
                return books.entry_to_rekey(session, rid)

            self.note.setText(self.tr("Already keyed: shown as saved."))
            self._show_data({}, editable=False)
            self._ctx.runner.run(load, lambda found: self._keyed_shown(position, rid, *found),
                                 self._failed)
        self.position_shown.emit(position)

    def _keyed_shown(self, position: int, record_id: str | None, data: JSONObject | None,
                     editable: bool) -> None:
        if position != self.position or data is None:
            return
        self._show_data(data, editable=editable)
        self.editing = record_id if editable else None
        self.own_blind = record_id is None
        self.reopen_button.setVisible(self.own_blind)
        self.discard_button.setVisible(self.own_blind)
        if self.own_blind:
            self.note.setText(self.tr("Your first keying, still blind to everyone else: you "
                                      "may correct it or discard it until another officer "
                                      "keys the entry."))
        elif editable:
            self.note.setText(self.tr("Your entry, not submitted yet: correct it and save."))

    def _show_data(self, data: JSONObject, *, editable: bool) -> None:
        assert self.form is not None and self.marks is not None
        self.editing = None
        self.own_blind = self.editing_blind = False
        self.reopen_button.hide()
        self.discard_button.hide()
        self.form.set_data(data)
        self.marks.load(data)
        self.form.show_issues([], self._describe)
        self.form.setEnabled(editable)
        self.is_editable = editable
        self.save_button.setEnabled(editable)
        if editable:
            self.form.focus_first()
        elif self.isVisible():
            # the disabled form drops the focus to nowhere: the page's keys (Ctrl+Down,
            # Ctrl+N, Page Down) would no longer work; the page image takes it
            self.scan.view.setFocus()

    # -- re-check ---------------------------------------------------------------------------
    def _drawn_index(self) -> int:
        book_id = self.book.id if self.book else ""
        return next((n for n, e in enumerate(self.sample)
                     if e.place and e.place.book_id == book_id
                     and e.place.page_no == self.page_no
                     and e.place.position == self.position), 0)

    def _go_to_drawn(self, index: int) -> None:
        if not self.sample or not 0 <= index < len(self.sample):
            return
        entry = self.sample[index]
        assert entry.place is not None
        book = self._sample_books.get(entry.place.book_id)
        if book is None:
            return
        self._set_book(book)  # a commune's sample spans its books
        session, book_id, page_no = self._ctx.session, entry.place.book_id, entry.place.page_no
        self.page_no, self.position = page_no, entry.place.position
        self.slots = []
        self.slot_list.show_sample(self.sample, index)
        self.slot_list.setVisible(True)
        self.where.setText(self.tr("Drawn entry %1 of %2: page %3, entry %4")
                           .replace("%1", str(index + 1)).replace("%2", str(len(self.sample)))
                           .replace("%3", str(page_no)).replace("%4", str(self.position)))
        self.note.setText(self.tr("Re-key this entry from the page, without looking at the "
                                  "entry: the two are compared field by field."))
        self._show_data({}, editable=entry.rekeyed_by is None)
        self.scan.show_loading()
        self._ctx.runner.run(lambda: load_book_page(session, book_id, page_no),
                             lambda shown: self.scan.show_page(*shown), self._failed)
        self.position_shown.emit(self.position)

    # -- illegible fields and saving -----------------------------------------------------------
    def toggle_illegible(self) -> None:
        if self.marks is None or not self.is_editable:
            return
        if self.marks.toggle_focused() is None:
            self._say(self.tr("Put the cursor in the field the book does not let you read, "
                              "then mark it."), error=True)

    def fill(self, path: str, value: object) -> None:
        """An OCR suggestion the officer accepted goes into its field."""
        if self.form is None or not self.is_editable or path not in self.form.editors:
            return
        if self.marks is not None and path in self.marks.paths:
            self.marks.set_marked(path, False)  # read after all
        self.form.editors[path].set_value(value)  # type: ignore[attr-defined]
        self.form._open_to(path)  # noqa: SLF001 - the section holding it opens

    def entry_data(self) -> JSONObject:
        assert self.marks is not None
        return self.marks.data()

    def save(self) -> None:
        if self.book is None or self.form is None or not self.is_editable:
            return
        session, book_id, data = self._ctx.session, self.book.id, self.entry_data()
        page_no, position, sample_id = self.page_no, self.position, self.sample_id
        self.save_button.setEnabled(False)
        if sample_id is not None:
            rid = self.sample[self._drawn_index()].record_id
            self._ctx.runner.run(lambda: recheck.recheck_key(session, sample_id, rid, data),
                                 self._rechecked, self._save_failed)
            return
        if self.editing_blind:
            self._keyed_data = data

            def corrected(keyed: books.Keyed) -> None:
                self._blind_reviews(book_id, page_no, position)
                self._corrected(keyed)

            self._ctx.runner.run(lambda: books.correct_own_keying(session, book_id, page_no,
                                                                  position, data),
                                 corrected, self._save_failed)
            return
        if self.editing is not None:
            rid = self.editing
            self._ctx.runner.run(lambda: records.update_draft(session, rid, data),
                                 self._corrected, self._save_failed)
            return
        self._keyed_data = data

        def saved(keyed: books.Keyed) -> None:
            if keyed.record is None:  # a blind first keying: its reviews kept by its place
                self._blind_reviews(book_id, page_no, position)
            self._saved(keyed)

        self._ctx.runner.run(lambda: books.key_entry(session, book_id, page_no, position, data),
                             saved, self._save_failed)

    def _blind_reviews(self, book_id: str, page_no: int, position: int) -> None:
        """How the first keyer treated the OCR suggestions, though no record exists yet: the
        accepted share counts both keyers of a double entry."""
        self.ocr.save_blind_reviews(book_id, page_no, position, dict(self._keyed_data))

    def reopen(self) -> None:
        """The officer's own blind first keying, shown read-only, opened to be corrected."""
        if self.form is None or not self.own_blind:
            return
        self.editing_blind = True
        self.reopen_button.hide()
        self.form.setEnabled(True)
        self.is_editable = True
        self.save_button.setEnabled(True)
        self.form.focus_first()
        self.note.setText(self.tr("Correct your first keying and save it (it stays blind), "
                                  "or discard it."))

    def discard(self) -> None:
        """Take back the officer's own blind first keying of the position shown."""
        if self.book is None or not self.own_blind:
            return
        session, book_id, page_no, position = (self._ctx.session, self.book.id, self.page_no,
                                               self.position)
        self.discard_button.setEnabled(False)

        def discarded(_none: object) -> None:
            self.discard_button.setEnabled(True)
            self._say(self.tr("Your first keying was discarded (kept in the audit): the "
                              "entry is free to key again."))
            self.entry_saved.emit("discarded")
            self.go_to_page(page_no, position=position)

        def failed(error: BaseException) -> None:
            self.discard_button.setEnabled(True)
            self._failed(error)

        self._ctx.runner.run(lambda: books.discard_own_keying(session, book_id, page_no,
                                                              position), discarded, failed)

    def _corrected(self, _saved: object) -> None:
        self._say(self.tr("Corrected."))
        self.entry_saved.emit("corrected")
        self.go_to_page(self.page_no, position=None)

    def _saved(self, keyed: books.Keyed) -> None:
        if keyed.record is not None:  # a blind first keying has no record to tie them to
            self.ocr.save_reviews(keyed.record.id, dict(self._keyed_data))
        texts = {"single": self.tr("Saved: a second officer verifies it (four eyes)."),
                 "first": self.tr("Saved as the first keying: it stays blind until another "
                                  "officer keys the entry."),
                 "agreed": self.tr("Both keyings agree: the entry is verified."),
                 "disagreed": self.tr("The keyings differ on %1 fields: a third person "
                                      "decides.").replace("%1", str(len(keyed.disagreements)))}
        self._say(texts.get(keyed.stage, ""))
        self.entry_saved.emit(keyed.stage)
        self.go_to_page(self.page_no, position=None)  # on to the next free position

    def _rechecked(self, item: object) -> None:
        index = self._drawn_index()
        self._say(self.tr("Re-keyed and compared."))
        self.entry_saved.emit("rechecked")
        self.open_recheck_at(index + 1)

    def open_recheck_at(self, index: int) -> None:
        session, sample_id = self._ctx.session, self.sample_id
        if sample_id is None:
            return

        def load() -> list[RecheckEntry]:
            return [e for e in recheck.recheck_entries(session, sample_id) if e.place]

        def loaded(entries: list[RecheckEntry]) -> None:
            self.sample = entries
            self._go_to_drawn(min(index, len(entries) - 1))

        self._ctx.runner.run(load, loaded, self._failed)

    def _save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        issues = error.params.get("issues") if isinstance(error, RecordInvalidError) else None
        if self.form is not None and isinstance(issues, list):
            self.form.show_issues([i for i in issues if isinstance(i, Issue)], self._describe)
        self._say(message_for(error, self._ctx.catalogue, self._ctx.lang), error=True)

    # -- helpers ----------------------------------------------------------------------------------
    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
        self.message.setText(text)

    def _failed(self, error: BaseException) -> None:
        self._say(message_for(error, self._ctx.catalogue, self._ctx.lang), error=True)

    def _describe(self, issue: Issue) -> str:
        rtype = self.book.type if self.book else ""
        return issue_message(rtype, issue, lang=self._ctx.lang, catalogue=self._ctx.catalogue)

    def _convert(self, text: str, done, failed) -> None:  # noqa: ANN001 - callbacks(str)
        def convert() -> str:
            return place_description(text)  # a commune, or only a province (ocr's)

        ctx = self._ctx
        ctx.runner.run(convert, done, lambda error: failed(message_for(
            error, ctx.catalogue, ctx.lang, "address conversion")), lane="general")

