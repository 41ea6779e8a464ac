"""Before another record takes the registration form's screen (a new one, a draft opened):
the edits on screen are saved when they can be; a record that still has errors cannot be
stored yet, so the officer decides. Whether it can be stored is checked on the database lane
(the GUI thread runs no validation); a second request meanwhile replaces the first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.session import Session
from ui.context import UiContext
from ui.errors import logged
from ui.widgets.record_form import RecordForm

FormCheck = Callable[[Session, str, dict[str, object], bool], bool]
"""(session, procedure, data, historical) -> whether the form cannot be stored."""


@dataclass(frozen=True)
class FormOnScreen:
    form: RecordForm | None
    is_dirty: bool  # edits not saved yet
    edits: int  # edits made so far: a check is of the form as it was then
    has_refused_errors: bool  # its last save was refused (errors only the store knows)


class FormReplacement(QObject):
    # Whether the record on screen gave way (False: the officer kept it, it has errors).
    decided = Signal(bool)

    def __init__(self, ctx: UiContext, page: QWidget, on_screen: Callable[[], FormOnScreen],
                 save: Callable[[], None], check: FormCheck) -> None:
        super().__init__(page)
        self._ctx = ctx
        self._page = page
        self._on_screen = on_screen
        self._save = save
        self._check = check
        # What is to take the screen (the latest asked), and what to do if the officer keeps
        # the record on screen instead.
        self._wanted: tuple[Callable[[], None], Callable[[], None] | None] | None = None
        self._checking = False

    def request(self, proceed: Callable[[], None],
                kept: Callable[[], None] | None = None) -> None:
        self._wanted = (proceed, kept)
        if not self._checking:
            self._check_form()

    def _check_form(self) -> None:
        shown = self._on_screen()
        form = shown.form
        if not shown.is_dirty or form is None:
            self._decide(has_errors=False, save=False)
            return
        if shown.has_refused_errors:
            # The last save was refused for what only the store knows (a link to nothing,
            # a rule between records): checking the form alone would not see it.
            self._decide(has_errors=True)
            return
        ctx, check = self._ctx, self._check
        rtype, data, historical = form.rtype, form.data(), form.historical
        self._checking = True

        def checked(has_errors: bool) -> None:
            self._checking = False
            now = self._on_screen()
            if now.form is not form or now.edits != shown.edits:
                self._check_form()  # typed on (or replaced) meanwhile: the form as it is now
            else:
                self._decide(has_errors=has_errors)

        def failed(error: BaseException) -> None:
            logged("checking the form on screen")(error)  # kept as an incident
            checked(True)  # not known to be storable: the officer decides

        ctx.runner.run(lambda: check(ctx.session, rtype, data, historical), checked, failed)

    def _decide(self, *, has_errors: bool, save: bool = True) -> None:
        if self._wanted is None:
            return
        proceed, kept = self._wanted
        self._wanted = None
        if not has_errors:
            if save:
                self._save()
            proceed()
            self.decided.emit(True)
            return
        answer = QMessageBox.question(
            self._page, self.tr("Unsaved work"),
            self.tr("The record on screen still has errors, so it cannot be saved yet. "
                    "Discard it and continue?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            proceed()
            self.decided.emit(True)
        else:
            if kept is not None:
                kept()
            self.decided.emit(False)
