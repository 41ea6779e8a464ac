"""New registration (each procedure, and historical entries): the form, the warnings panel,
autosave and submit.

Drafts are saved as the officer types: a short pause after an edit saves through
``records.create_record`` then ``update_draft``. The core refuses a draft with errors, so until
the errors are fixed the form keeps the state in memory and shows each error under its field;
the panel on the right lists errors and warnings (click one to go to the field).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import (
    Issue,
    RecordType,
    issue_message,
    prepare_record,
    validate,
)
from desktop_app.domain.access import get
from desktop_app.domain.errors import RecordInvalidError
from desktop_app.errors import HotichError
from desktop_app.record import StoredRecord
from desktop_app.session import Session
from desktop_app.workflows import record_views, records
from ui.context import UiContext
from ui.errors import logged, message_for
from ui.labels import local_time, record_name, type_label
from ui.pages.record_picker import RecordPickerDialog, open_picker
from ui.place_words import place_description
from ui.widgets.inputs import QuietComboBox
from ui.widgets.record_form import RecordForm

AUTOSAVE_MS = 1200
# Never copied from the previous record: what is the new person's own, or the book's.
_OWN_TOPS = {"registered_on", "registration_number", "book_number", "source", "illegible"}
_OWN_FIELDS = {f"child.{name}" for name in (
    "full_name", "family_name", "middle_name", "given_name", "sex", "personal_id",
    "id_document.kind", "id_document.number", "id_document.issued_by",
    "id_document.issued_on")} | {"birth_evidence.number", "deceased.full_name"}


@dataclass(frozen=True)
class DraftOutcome:
    """What a save attempt gave: the stored draft (None when refused) and all the issues."""

    record: StoredRecord | None
    issues: list[Issue]


def save_draft(ctx: UiContext, record_id: str | None, rtype: str, data: dict[str, object],
               historical: bool) -> DraftOutcome:
    """Worker-thread part of autosave: create or update; errors -> the issues to show."""
    try:
        if record_id is None:
            saved = records.create_record(ctx.session, rtype, data, historical=historical)
        else:
            saved = records.update_draft(ctx.session, record_id, data)
    except RecordInvalidError:
        return DraftOutcome(None, record_views.check_draft(
            ctx.session, rtype, data, historical=historical, record_id=record_id or ""))
    return DraftOutcome(saved.record, list(saved.issues))


def form_has_errors(session: Session, rtype: str, data: dict[str, object],
                    historical: bool) -> bool:
    """Worker-thread part of "may another record take the screen": whether the form as it
    is cannot be stored (the core refuses errors)."""
    try:
        prepared = prepare_record(rtype, data)
        found = validate(rtype, prepared, historical=historical,
                         today=records.local_today(session))
    except (HotichError, ValueError, TypeError):
        return True
    return any(i.is_error for i in found)


class RegistrationPage(QWidget):
    record_saved = Signal(object)  # StoredRecord
    record_submitted = Signal(object)  # StoredRecord
    state_changed = Signal(str)  # "saved", "unsaved", "saving", "invalid"
    # Whether the record on screen gave way to the one asked for (a new one, a draft): False
    # when the officer kept it (it still has errors). Decided once the form is checked, off
    # the GUI thread.
    replace_decided = Signal(bool)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RegistrationPage")
        self._ctx = ctx
        self.record_id: str | None = None
        self._dirty = False
        self._saving = False
        self._save_again = False
        self._submit_after_save = False
        self._issues: list[Issue] = []
        self.form: RecordForm | None = None
        self.picker: RecordPickerDialog | None = None
        self._named: dict[str, str] = {}  # record id -> its name, for the issues' texts
        self._generation = 0  # which form a save belongs to (new/open replace the form)
        self._edits = 0  # edits made so far: a check of the form is of the form as it was
        # What is to take the screen once the form on screen is checked (the latest asked),
        # and what to do if the officer keeps the record on screen instead.
        self._replacement: tuple[Callable[[], None], Callable[[], None] | None] | None = None
        self._checking = False

        self.type_combo = QuietComboBox(objectName="typeCombo")
        for rtype in RecordType:
            self.type_combo.addItem(type_label(rtype.value, ctx.lang), rtype.value)
        self.historical = QCheckBox(self.tr("Historical entry (from an old register book)"),
                                    objectName="historicalCheck")
        self.new_button = QPushButton(self.tr("New (Ctrl+N)"), objectName="newButton")
        self.copy_button = QPushButton(self.tr("Copy from previous (Ctrl+Shift+C)"),
                                       objectName="copyPrevious")
        self.copy_button.setToolTip(self.tr(
            "Twins and siblings: the parents, addresses and declarant of the last record "
            "of this procedure submitted on this screen; the child's own details stay empty."))
        self.copy_button.setEnabled(False)
        self._previous: dict[str, dict[str, object]] = {}  # procedure -> last submitted data
        self.save_button = QPushButton(self.tr("Save draft (Ctrl+S)"), objectName="saveButton")
        self.submit_button = QPushButton(self.tr("Submit for approval (Ctrl+Enter)"),
                                         objectName="submitButton")
        self.state_label = QLabel(objectName="saveState")
        self.issues_list = QListWidget(objectName="warningsPanel")
        self.issues_list.itemActivated.connect(self._go_to_issue)
        self.issues_list.itemClicked.connect(self._go_to_issue)
        self.scroll = QScrollArea(objectName="formScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields
        self.issues_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.issues_list.setWordWrap(True)  # a long message wraps instead of being cut
        self.issues_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.issues_list.setResizeMode(QListWidget.ResizeMode.Adjust)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Procedure")))
        top.addWidget(self.type_combo, 1)
        top.addWidget(self.historical)
        top.addWidget(self.new_button)
        top.addWidget(self.copy_button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Errors and warnings")))
        side_layout.addWidget(self.issues_list, 1)
        side.setMinimumWidth(260)  # a message reads in two or three lines, not six
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.scroll)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state_label, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save)
        self.type_combo.activated.connect(lambda _i: self._rebuild_asking())
        self.historical.toggled.connect(lambda _c: self._rebuild_asking())
        self.new_button.clicked.connect(self.new_record)
        self.copy_button.clicked.connect(self.copy_previous)
        copy = QShortcut(QKeySequence("Ctrl+Shift+C"), self)
        copy.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy.activated.connect(self.copy_previous)
        self.save_button.clicked.connect(self.save)
        self.submit_button.clicked.connect(self.submit)
        for keys, slot in ((QKeySequence.StandardKey.Save, self.save),
                           ("Ctrl+Return", self.submit), ("Ctrl+Enter", self.submit)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.setTabOrder(self.type_combo, self.historical)
        self._rebuild()

    # -- keyboard order -------------------------------------------------------------------
    def tab_chain(self) -> list[QWidget]:
        """The page's Tab order: the procedure, then the form top to bottom, then the
        buttons; hidden widgets included (Tab skips them)."""
        form = self.form.tab_chain() if self.form is not None else []
        return [self.type_combo, self.historical, self.new_button, self.copy_button, *form,
                self.save_button, self.submit_button]

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt override
        """Tab and Shift+Tab go round the page's own chain and never leave it (the side
        menu is reached with the mouse or its shortcuts)."""
        chain = [w for w in self.tab_chain() if w.isVisibleTo(self) and w.isEnabled()]
        current = QApplication.focusWidget()
        while current is not None and current not in chain:
            current = current.parentWidget()
        if current is None or not chain:
            return super().focusNextPrevChild(next)
        step = 1 if next else -1
        target = chain[(chain.index(current) + step) % len(chain)]
        target.setFocus(Qt.FocusReason.TabFocusReason if next
                        else Qt.FocusReason.BacktabFocusReason)
        if self.form is not None and self.form.isAncestorOf(target):
            self.scroll.ensureWidgetVisible(target, 50, 80)
        return True

    # -- state ----------------------------------------------------------------------------
    @property
    def rtype(self) -> str:
        return str(self.type_combo.currentData())

    def has_unsaved_work(self) -> bool:
        return self._dirty or self._saving

    def _set_state(self, state: str, text: str) -> None:
        self.state_label.setText(text)
        self.state_changed.emit(state)

    def _rebuild_asking(self) -> None:
        if self.form is not None and (self.form.rtype, self.form.historical) == (
                self.rtype, self.historical.isChecked()):
            return
        if self.record_id is not None or self._dirty:
            form = self.form

            def kept() -> None:  # show the procedure of the form on screen again
                if form is not None:
                    self._show_choice(form.rtype, form.historical)

            self._replace_form(self._start_blank, kept)
        else:
            self._rebuild()

    def _rebuild(self, data: dict[str, object] | None = None) -> None:
        self._autosave.stop()
        self._generation += 1
        self.form = RecordForm(self.rtype, historical=self.historical.isChecked(),
                               lang=self._ctx.lang, convert=self._convert,
                               pick=self._pick_record)
        self.scroll.setWidget(self.form)
        if data:
            self.form.set_data(data)
        self.form.edited.connect(self._edited)
        chain = self.tab_chain()
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self._issues = []
        self._render_issues()
        self.copy_button.setEnabled(self.rtype in self._previous
                                    and not self.historical.isChecked())
        self._set_state("saved", self.tr("New record: nothing typed yet."))

    def _show_choice(self, rtype: str, historical: bool) -> None:
        self.type_combo.blockSignals(True)
        self.historical.blockSignals(True)
        self.type_combo.setCurrentIndex(self.type_combo.findData(rtype))
        self.historical.setChecked(historical)
        self.type_combo.blockSignals(False)
        self.historical.blockSignals(False)

    def _replace_form(self, proceed: Callable[[], None],
                      kept: Callable[[], None] | None = None) -> None:
        """Before another record takes the screen (``proceed``): the edits are saved when
        they can be; a record that still has errors cannot be stored yet, so the officer
        decides. The form is checked on the database lane (the GUI thread runs no
        validation); a second request meanwhile replaces the first."""
        self._replacement = (proceed, kept)
        if not self._checking:
            self._check_form()

    def _check_form(self) -> None:
        form = self.form
        if not self._dirty or form is None:
            self._decide(has_errors=False, save=False)
            return
        if any(i.is_error for i in self._issues):
            # The last save was refused for what only the store knows (a link to nothing,
            # a rule between records): checking the form alone would not see it.
            self._decide(has_errors=True)
            return
        ctx, edits = self._ctx, self._edits
        rtype, data, historical = form.rtype, form.data(), form.historical
        self._checking = True

        def checked(has_errors: bool) -> None:
            self._checking = False
            if form is not self.form or edits != self._edits:
                self._check_form()  # typed on (or replaced) meanwhile: the form as it is now
            else:
                self._decide(has_errors=has_errors)

        def failed(error: BaseException) -> None:
            logged("checking the form on screen")(error)  # kept as an incident
            checked(True)  # not known to be storable: the officer decides

        ctx.runner.run(lambda: form_has_errors(ctx.session, rtype, data, historical), checked,
                       failed)

    def _decide(self, *, has_errors: bool, save: bool = True) -> None:
        if self._replacement is None:
            return
        proceed, kept = self._replacement
        self._replacement = None
        if not has_errors:
            if save:
                self.save()
            proceed()
            self.replace_decided.emit(True)
            return
        answer = QMessageBox.question(
            self, self.tr("Unsaved work"),
            self.tr("The record on screen still has errors, so it cannot be saved yet. "
                    "Discard it and continue?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            proceed()
            self.replace_decided.emit(True)
        else:
            if kept is not None:
                kept()
            self.replace_decided.emit(False)

    def new_record(self) -> None:
        """Start a blank record of the chosen procedure (the current draft stays saved);
        ``replace_decided`` tells whether it did or the officer kept the record on screen."""
        self._replace_form(self._start_blank)

    def _start_blank(self) -> None:
        self.record_id = None
        self._dirty = False
        self._rebuild()
        assert self.form is not None
        self.form.focus_first()

    def open_draft(self, rec: StoredRecord) -> None:
        """Continue editing a saved draft (the record on screen is saved first)."""
        self._replace_form(lambda: self._open_now(rec))

    def _open_now(self, rec: StoredRecord) -> None:
        self._show_choice(rec.type, rec.is_historical)
        self.record_id = rec.id
        self._dirty = False
        self._rebuild(rec.data)
        self._name_references()
        self._issues = [Issue.of(str(i["rule"]), str(i.get("field", "")),
                                 **dict(i.get("params") or {}))  # type: ignore[arg-type]
                        for i in rec.issues]
        self._render_issues()
        self._name_candidates()
        self._set_state("saved", self.tr("Draft %1 opened.").replace(
            "%1", record_name(rec, self._ctx.lang)))

    def copy_previous(self) -> None:
        """The shared details of the previous record of this procedure into the form: for
        a twin or a sibling the parents, addresses and declarant, not the child's own."""
        previous = self._previous.get(self.rtype)
        if self.form is None or previous is None or self.form.historical:
            return
        for path, editor in self.form.editors.items():
            if path.split(".")[0] in _OWN_TOPS or path in _OWN_FIELDS:
                continue
            value = get(previous, path)
            if value is not None:
                editor.set_value(value)  # type: ignore[attr-defined]
                self.form._open_to(path)  # noqa: SLF001 - the form's own helper
        self._edited()

    # -- autosave and submit --------------------------------------------------------------
    def _edited(self) -> None:
        self._dirty = True
        self._edits += 1
        self._set_state("unsaved", self.tr("Changes not saved yet…"))
        self._autosave.start()

    def save(self) -> None:
        if self.form is None:
            return
        self._autosave.stop()
        if self._saving:
            self._save_again = True
            return
        if not self._dirty and self.record_id is not None:
            if self._submit_after_save:
                self._submit_now()
            return
        self._saving = True
        self._save_again = False
        self._dirty = False
        self._set_state("saving", self.tr("Saving…"))
        ctx, rid, rtype = self._ctx, self.record_id, self.form.rtype
        data, historical = self.form.data(), self.form.historical
        generation = self._generation
        ctx.runner.run(lambda: save_draft(ctx, rid, rtype, data, historical),
                       lambda outcome: self._saved(outcome, generation),
                       lambda error: self._save_failed(error, generation))

    def _saved(self, outcome: DraftOutcome, generation: int | None = None) -> None:
        self._saving = False
        if generation is not None and generation != self._generation:
            # The form was replaced meanwhile: this save was of the previous record.
            if outcome.record is not None:
                self.record_saved.emit(outcome.record)
            if self._save_again:
                self.save()
            return
        self._issues = outcome.issues
        self._render_issues()
        self._name_candidates()
        if outcome.record is None:
            self._dirty = True
            self._submit_after_save = False
            errors = sum(1 for i in outcome.issues if i.is_error)
            self._set_state("invalid", self.tr(
                "Not saved yet: %1 error(s) to fix (kept on screen).").replace(
                "%1", str(errors)))
        else:
            self.record_id = outcome.record.id
            self._set_state("saved", self.tr("Draft saved at %1.").replace(
                "%1", local_time(outcome.record.updated_at)[-5:]))
            self.record_saved.emit(outcome.record)
        if self._save_again:
            self.save()
        elif self._submit_after_save and outcome.record is not None and not self._dirty:
            self._submit_now()

    def _save_failed(self, error: BaseException, generation: int | None = None) -> None:
        self._saving = False
        if generation is not None and generation != self._generation:
            if self._save_again:
                self.save()
            return
        self._dirty = True
        self._submit_after_save = False
        self._set_state("invalid", message_for(error, self._ctx.catalogue, self._ctx.lang))

    def submit(self) -> None:
        """Save what is on screen, then submit it for approval."""
        self._submit_after_save = True
        if self._dirty or self.record_id is None or self._saving:
            self._dirty = self._dirty or self.record_id is None
            self.save()
        else:
            self._submit_now()

    def _submit_now(self) -> None:
        self._submit_after_save = False
        rid = self.record_id
        if rid is None:
            return
        ctx = self._ctx
        self.submit_button.setEnabled(False)
        ctx.runner.run(lambda: records.submit(ctx.session, rid), self._submitted,
                       self._submit_failed)

    def _submitted(self, result: records.SaveResult) -> None:
        self.submit_button.setEnabled(True)
        self.record_submitted.emit(result.record)
        self._previous[result.record.type] = dict(result.record.data)
        self.record_id = None
        self._dirty = False
        self._rebuild()
        self._set_state("saved", self.tr("Record %1 submitted for approval.").replace(
            "%1", record_name(result.record, self._ctx.lang)))

    def _submit_failed(self, error: BaseException) -> None:
        self.submit_button.setEnabled(True)
        self._set_state("invalid", message_for(error, self._ctx.catalogue, self._ctx.lang))

    # -- issues ---------------------------------------------------------------------------
    def _describe(self, issue: Issue) -> str:
        candidates = issue.params.get("candidates")
        if isinstance(candidates, list):  # twins, duplicates: the other records by name
            other = self.tr("another record")  # not looked up (yet): never its id
            named = [self._named.get(str(c), other) for c in candidates]
            issue = replace(issue, params={**issue.params, "candidates": named})
        return issue_message(self.rtype, issue, lang=self._ctx.lang,
                             catalogue=self._ctx.catalogue)

    def _name_candidates(self) -> None:
        """The records a warning points at (the first twin, a possible duplicate), looked
        up on the database lane, then the issues shown again with their names."""
        wanted = {str(c) for i in self._issues
                  for c in (i.params.get("candidates") or [])
                  if isinstance(i.params.get("candidates"), list)} - set(self._named)
        if not wanted:
            return
        ctx = self._ctx

        def names() -> dict[str, str]:
            found = {}
            for record_id in wanted:
                try:
                    found[record_id] = record_name(records.get_record(ctx.session, record_id),
                                                   ctx.lang)
                except HotichError:
                    continue  # not on this device: "another record"
            return found

        def show(found: dict[str, str]) -> None:
            self._named.update(found)
            if found:
                self._render_issues()

        ctx.runner.run(names, show, logged("naming the records a warning points at"))

    def _render_issues(self) -> None:
        self.issues_list.clear()
        shown = [i for i in self._issues if i.is_error or i.is_warning]
        listed: set[tuple[str, str]] = set()
        for issue in shown:
            text = self._describe(issue)
            if (issue.field, text) in listed:
                continue  # the same error, raised twice by the checks, is listed once
            listed.add((issue.field, text))
            # The style's own icons, not "⛔"/"⚠": the bundled font has no such glyphs and
            # Debian's fonts drew an empty box.
            icon = self.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxCritical if issue.is_error
                else QStyle.StandardPixmap.SP_MessageBoxWarning)
            item = QListWidgetItem(icon, text)
            item.setToolTip(issue.code)  # for support staff; the officer reads the words
            item.setData(Qt.ItemDataRole.UserRole, issue.field)
            item.setData(Qt.ItemDataRole.UserRole + 1, issue.code)
            item.setForeground(Qt.GlobalColor.darkRed if issue.is_error
                               else Qt.GlobalColor.darkYellow)
            self.issues_list.addItem(item)
        if self.form is not None:
            self.form.show_issues(shown, self._describe)

    def issue_codes(self) -> list[str]:
        return [i.code for i in self._issues]

    def _go_to_issue(self, item: QListWidgetItem) -> None:
        self.go_to_field(str(item.data(Qt.ItemDataRole.UserRole)))

    def go_to_field(self, path: str) -> None:
        """The field of an issue focused and scrolled into view."""
        if self.form is not None:
            self.form.focus_field(path)
            editor = self.form.editors.get(self.form.target_of(path))
            if editor is not None:
                self.scroll.ensureWidgetVisible(editor, 50, 120)

    # -- links to other records -----------------------------------------------------------
    def _pick_record(self, reference: str, fill) -> RecordPickerDialog:  # noqa: ANN001
        """The record picker for a reference field; the chosen record fills it."""
        self.picker = open_picker(self._ctx, self.rtype, reference, fill, self)
        self.picker.destroyed.connect(lambda _o=None: setattr(self, "picker", None))
        form = self.form
        self.picker.record_chosen.connect(  # after the fill: the id is in the field
            lambda rec: form is not None and form.name_reference(
                reference, rec.id, record_name(rec, self._ctx.lang)))
        return self.picker

    def _name_references(self) -> None:
        """A draft's links shown by the names of the records they point at, not their ids
        (looked up on the database lane; a link to nothing keeps the id as typed)."""
        form = self.form
        if form is None or not form.references():
            return
        ctx, links = self._ctx, form.references()

        def names() -> dict[str, tuple[str, str]]:
            found = {}
            for reference, record_id in links.items():
                try:
                    rec = records.get_record(ctx.session, record_id)
                except HotichError:
                    continue
                found[reference] = (record_id, record_name(rec, ctx.lang))
            return found

        def show(found: dict[str, tuple[str, str]]) -> None:
            if self.form is form:
                for reference, (record_id, name) in found.items():
                    form.name_reference(reference, record_id, name)

        ctx.runner.run(names, show, logged("naming a draft's links"))

    # -- legacy addresses -----------------------------------------------------------------
    def _convert(self, text: str, done, failed) -> None:  # noqa: ANN001 - callbacks(str)
        def convert() -> str:
            return place_description(text)  # a commune, or only a province (ocr's)

        ctx = self._ctx
        self._ctx.runner.run(convert, done, lambda error: failed(
            message_for(error, ctx.catalogue, ctx.lang, "address conversion")), lane="general")

