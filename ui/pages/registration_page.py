"""New registration (each procedure, and historical entries): the form, the warnings panel,
autosave and submit.

Drafts are saved as the officer types: a short pause after an edit saves through
``records.create_record`` then ``update_draft`` (ui.pages.draft_saving). The core refuses a
draft with errors, so until the errors are fixed the form keeps the state in memory and shows
each error under its field; the panel on the right lists errors and warnings (click one to go
to the field: ui.pages.issues_panel).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import Issue, prepare_record, validate
from desktop_app.errors import HotichError
from desktop_app.record import StoredRecord
from desktop_app.session import Session
from desktop_app.workflows import records
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import local_time, record_name
from ui.pages.draft_saving import DraftOutcome, save_draft, shared_details
from ui.pages.form_replacement import FormOnScreen, FormReplacement
from ui.pages.issues_panel import IssuesPanel
from ui.pages.procedure_bar import ProcedureBar
from ui.pages.record_links import convert_place, name_references
from ui.pages.record_picker import RecordPickerDialog, open_picker
from ui.widgets.record_form import RecordForm

AUTOSAVE_MS = 1200


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
        self._generation = 0  # which form a save belongs to (new/open replace the form)
        self._edits = 0  # edits made so far: a check of the form is of the form as it was
        self._replacement = FormReplacement(ctx, self, self._on_screen, self.save,
                                            form_has_errors)
        self._replacement.decided.connect(self.replace_decided)

        self.bar = ProcedureBar(ctx.lang)
        self.type_combo, self.historical = self.bar.type_combo, self.bar.historical
        self.new_button, self.copy_button = self.bar.new_button, self.bar.copy_button
        self._previous: dict[str, dict[str, object]] = {}  # procedure -> last submitted data
        self.save_button = QPushButton(self.tr("Save draft (Ctrl+S)"), objectName="saveButton")
        self.submit_button = QPushButton(self.tr("Submit for approval (Ctrl+Enter)"),
                                         objectName="submitButton")
        self.state_label = QLabel(objectName="saveState")
        self.issues_panel = IssuesPanel(ctx)
        self.issues_panel.field_chosen.connect(self.go_to_field)
        self.issues_list = self.issues_panel.list
        self.scroll = QScrollArea(objectName="formScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.scroll)
        split.addWidget(self.issues_panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state_label, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save)
        self.bar.choice_changed.connect(self._rebuild_asking)
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
        return self.bar.rtype

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
                    self.bar.show_choice(form.rtype, form.historical)

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

    def _replace_form(self, proceed: Callable[[], None],
                      kept: Callable[[], None] | None = None) -> None:
        """Before another record takes the screen (``proceed``): ui.pages.form_replacement."""
        self._replacement.request(proceed, kept)

    def _on_screen(self) -> FormOnScreen:
        return FormOnScreen(self.form, self._dirty, self._edits,
                            any(i.is_error for i in self._issues))

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
        self.bar.show_choice(rec.type, rec.is_historical)
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
        for path, value in shared_details(previous, list(self.form.editors)).items():
            self.form.editors[path].set_value(value)  # type: ignore[attr-defined]
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
        return self.issues_panel.describe(self.rtype, issue)

    def _name_candidates(self) -> None:
        self.issues_panel.name_candidates(self._issues, self._render_issues)

    def _render_issues(self) -> None:
        shown = [i for i in self._issues if i.is_error or i.is_warning]
        self.issues_panel.show_issues(shown, self._describe)
        if self.form is not None:
            self.form.show_issues(shown, self._describe)

    def issue_codes(self) -> list[str]:
        return [i.code for i in self._issues]

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
        form = self.form
        if form is not None:
            name_references(self._ctx, form, lambda: self.form is form)

    # -- legacy addresses -----------------------------------------------------------------
    def _convert(self, text: str, done, failed) -> None:  # noqa: ANN001 - callbacks(str)
        convert_place(self._ctx, text, done, failed)
