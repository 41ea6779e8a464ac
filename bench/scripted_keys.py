"""A scripted keyboard for the form benchmarks (bench_keyboard_birth, bench_keying): key
events sent to the real widgets as an officer would press them, counted by kind, and the
Tab walk through a RecordForm's chain that fills the fields it reaches; and the desk they
type at (officer_desk: a new office, its officer logged in).

Counts: ``tab``, ``space`` (a closed section opened), ``chars`` (characters typed, a
drop-down's first letters included) and ``telex`` (the extra keys a Telex input method
needs for the Vietnamese marks). Ctrl+A before typing is not counted here: a benchmark that
counts it does so itself.
"""

from __future__ import annotations

import tempfile
import unicodedata
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QToolButton, QWidget

if TYPE_CHECKING:
    from ui.context import UiContext


def officer_desk(prefix: str, password: str) -> UiContext:
    """A new office in a temporary folder (commune 26740, a fixed clock), its officer
    "canbo" logged in: the UI context a form is built with (its runner and session are the
    caller's to shut down and close)."""
    from desktop_app.accounts import Role
    from desktop_app.app import catalogue
    from desktop_app.clock import FixedClock
    from desktop_app.paths import DataPaths
    from desktop_app.services import AppServices
    from desktop_app.store import keyfile
    from desktop_app.workflows import accounts
    from ui.context import UiContext, UiHooks
    from ui.tasks import TaskRunner

    keyfile.set_kdf_log2_n(14)  # the accounts' cost is not what the benchmarks measure
    clock = FixedClock(datetime(2026, 1, 15, 3, 0, tzinfo=UTC))
    paths = DataPaths(Path(tempfile.mkdtemp(prefix=prefix)) / "data")
    accounts.initialise(paths, commune_code="26740", admin="admin", password=password,
                        clock=clock)
    admin = accounts.login(paths, "admin", password, clock)
    accounts.add_account(admin, username="canbo", role=Role.OFFICER, password=password,
                         full_name="Lò Thị Cán")
    admin.close()
    session = accounts.login(paths, "canbo", password, clock)
    return UiContext(AppServices(paths, clock, catalogue()), TaskRunner(), session,
                     UiHooks(), "vi")


def telex_extra(text: str) -> int:
    """Keys a Telex input method adds: one per diacritic mark (ễ = e e x), đ = d d."""
    extra = 0
    for char in text:
        if char in "đĐ":
            extra += 1
        else:
            extra += sum(1 for c in unicodedata.normalize("NFD", char)
                         if unicodedata.combining(c))
    return extra


class ScriptedKeyboard:
    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.counts: Counter[str] = Counter()

    def key(self, widget: QWidget, k: int, text: str = "",
            mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """One key pressed and released on the widget (not counted)."""
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, k, mods, text))
        self.app.processEvents()

    def type_into(self, widget: QWidget, text: str) -> None:
        for char in text:
            self.key(widget, 0, char)
        self.counts["chars"] += len(text)
        self.counts["telex"] += telex_extra(text)

    def choose(self, combo: QComboBox, label: str) -> None:
        """The first letters of the label until the drop-down shows it."""
        for n in range(1, len(label) + 1):
            self.key(combo, 0, label[n - 1])
            self.counts["chars"] += 1
            self.counts["telex"] += telex_extra(label[n - 1])
            if combo.currentText() == label:
                return
        raise SystemExit(f"the drop-down never showed {label!r}")

    def tab_fill(self, form: Any, todo: dict[str, str], *, select_all: bool = False,  # noqa: ANN401 - a RecordForm
                 limit: int = 1000) -> None:
        """From the focused widget, Tab through the form's chain, opening a closed section
        with Space when a field to fill lies inside, typing each value of ``todo`` (path ->
        the words typed; emptied as they are typed). ``select_all``: Ctrl+A before typing
        into a text field (it may hold a value already)."""
        from ui.widgets.record_form import _Section

        sections = {s: p.removeprefix("section:") for s in form.findChildren(_Section)
                    if (p := s.objectName())}
        trail: list[str] = []
        for _ in range(limit):
            if not todo:
                return
            focused = QApplication.focusWidget()
            path = next((p for p, e in form.editors.items()
                         if e is focused or e.focusProxy() is focused), None)
            trail.append(path or type(focused).__name__)
            if path in todo:
                text = todo.pop(path)
                if isinstance(focused, QComboBox):
                    self.choose(focused, text)
                else:
                    if select_all:
                        self.key(focused, Qt.Key.Key_A, "", Qt.KeyboardModifier.ControlModifier)
                    self.type_into(focused, text)
            elif isinstance(focused, QToolButton) and not focused.isChecked():
                section = sections.get(focused.parentWidget())
                if section and any(p.startswith(f"{section}.") for p in todo):
                    self.key(focused, Qt.Key.Key_Space, " ")
                    self.counts["space"] += 1
            if todo:
                self.key(QApplication.focusWidget(), Qt.Key.Key_Tab)
                self.counts["tab"] += 1
        if todo:
            raise SystemExit(f"Tab never reached: {sorted(todo)} (focus went {trail[:60]})")
