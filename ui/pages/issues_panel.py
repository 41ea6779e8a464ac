"""The registration form's panel of errors and warnings: each issue once, with the style's
icon, in words that name the records a warning points at (looked up on the database lane,
never their ids); clicking one asks for its field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import Issue, issue_message
from desktop_app.errors import HotichError
from desktop_app.workflows import records
from ui.context import UiContext
from ui.errors import logged
from ui.labels import record_name


class IssuesPanel(QWidget):
    field_chosen = Signal(str)  # the field of the issue clicked or activated

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._named: dict[str, str] = {}  # record id -> its name, for the issues' texts
        self.list = QListWidget(objectName="warningsPanel")
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.list.setWordWrap(True)  # a long message wraps instead of being cut
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Errors and warnings")))
        layout.addWidget(self.list, 1)
        self.setMinimumWidth(260)  # a message reads in two or three lines, not six

    def describe(self, rtype: str, issue: Issue) -> str:
        candidates = issue.params.get("candidates")
        if isinstance(candidates, list):  # twins, duplicates: the other records by name
            other = self.tr("another record")  # not looked up (yet): never its id
            named = [self._named.get(str(c), other) for c in candidates]
            issue = replace(issue, params={**issue.params, "candidates": named})
        return issue_message(rtype, issue, lang=self._ctx.lang, catalogue=self._ctx.catalogue)

    def name_candidates(self, issues: Sequence[Issue], named: Callable[[], None]) -> None:
        """The records a warning points at (the first twin, a possible duplicate), looked
        up on the database lane; ``named`` is called once some were found (to show the
        issues again with their names)."""
        wanted = {str(c) for i in issues
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
                named()

        ctx.runner.run(names, show, logged("naming the records a warning points at"))

    def show_issues(self, issues: Sequence[Issue], describe: Callable[[Issue], str]) -> None:
        self.list.clear()
        listed: set[tuple[str, str]] = set()
        for issue in issues:
            text = describe(issue)
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
            self.list.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.field_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
