"""The warnings of a record as approval will evaluate them, one reason box per warning.

A rule raised on two parties (two under-age spouses) is two warnings, each with the field it
concerns and its own box, keyed by ``override_key`` (rule@field), the key approval takes.
What the supervisor typed survives a reload of the same record.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QStyle, QWidget

from desktop_app.domain import Issue, field_label, issue_message, override_key
from desktop_app.messages import Catalogue


class WarningReasonsWidget(QWidget):
    """``state`` is "empty", "loading", "ready" (warnings shown, may approve) or "blocked"
    (the record has errors now: it cannot be approved)."""

    changed = Signal()

    def __init__(self, lang: str, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warningReasons")
        self._lang = lang
        self._catalogue = catalogue
        self.state = "empty"
        self.reasons: dict[str, QLineEdit] = {}
        self.issues: dict[str, Issue] = {}
        self._typed: dict[tuple[str, str], str] = {}  # (record id, key) -> text typed
        self._record_id = ""
        self._related: dict[str, str] = {}
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)

    def _clear(self) -> None:
        for key, box in self.reasons.items():
            if box.text():
                self._typed[(self._record_id, key)] = box.text()
            else:
                self._typed.pop((self._record_id, key), None)
        while self._form.rowCount():
            row = self._form.takeRow(0)
            for item in (row.labelItem, row.fieldItem):
                widget = item.widget() if item is not None else None
                if widget is not None:  # out of the tree now: no stale box is found by name
                    widget.setParent(None)
                    widget.deleteLater()
        self.reasons.clear()
        self.issues.clear()

    def clear(self) -> None:
        self._clear()
        self.state = "empty"
        self.changed.emit()

    def set_loading(self, record_id: str) -> None:
        self._clear()
        self._record_id = record_id
        self.state = "loading"
        note = QLabel(self.tr("Checking the warnings against the register…"),
                      objectName="warningsLoading")
        self._form.addRow(note)
        self.changed.emit()

    def show_issues(self, record_id: str, rtype: str, warnings: Sequence[Issue],
                    errors: Sequence[Issue], related: Mapping[str, str] | None = None) -> None:
        """``related``: how to name the other records a warning points at (by id)."""
        self._clear()
        self._related = dict(related or {})
        self._record_id = record_id
        shown_errors: set[str] = set()
        for issue in errors:
            if self._text(rtype, issue) in shown_errors:
                continue  # the same error, raised twice by the checks, is listed once
            shown_errors.add(self._text(rtype, issue))
            label = QLabel(self._text(rtype, issue), objectName=f"error:{issue.code}")
            label.setWordWrap(True)
            label.setStyleSheet("color: #b00020")
            label.setToolTip(issue.code)  # for support staff
            self._form.addRow(self._icon(QStyle.StandardPixmap.SP_MessageBoxCritical), label)
        if not warnings and not errors:
            self._form.addRow(QLabel(self.tr("No warnings."), objectName="noWarnings"))
        repeated = {i.code for i in warnings if sum(w.code == i.code for w in warnings) > 1}
        for issue in warnings:
            key = override_key(issue)
            where = field_label(rtype, issue.field, self._lang) if issue.field else ""
            text = self._text(rtype, issue)
            if issue.code in repeated and where and where not in text:
                text = f"{where}: {text}"  # one rule on two parties: say which one this is
            label = QLabel(text, objectName=f"warning:{key}")
            label.setWordWrap(True)
            label.setToolTip(issue.code)
            reason = QLineEdit(objectName=f"reason:{key}")
            reason.setPlaceholderText(
                self.tr("Reason for accepting this warning (%1)").replace("%1", where) if where
                else self.tr("Reason for accepting this warning"))
            reason.setToolTip(where)
            reason.setText(self._typed.get((record_id, key), ""))
            reason.textChanged.connect(self.changed)
            self.reasons[key] = reason
            self.issues[key] = issue
            self._form.addRow(self._icon(QStyle.StandardPixmap.SP_MessageBoxWarning), label)
            self._form.addRow(reason)
        self.state = "blocked" if errors else "ready"
        self.changed.emit()

    def _icon(self, which: QStyle.StandardPixmap) -> QLabel:
        """The style's icon, as the registration panel shows it: no "⛔"/"⚠" glyphs, which
        the bundled font lacks (an empty box)."""
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = QLabel(objectName="issueIcon")
        icon.setPixmap(self.style().standardIcon(which).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        return icon

    def overrides(self) -> dict[str, str]:
        """rule@field -> reason, for the boxes filled in."""
        return {key: box.text().strip() for key, box in self.reasons.items()
                if box.text().strip()}

    def forget(self, record_id: str) -> None:
        """The record was decided: what was typed for it is not needed any more."""
        for key in [k for k in self._typed if k[0] == record_id]:
            del self._typed[key]

    def _text(self, rtype: str, issue: Issue) -> str:
        candidates = issue.params.get("candidates")
        if isinstance(candidates, list):  # names, not ids, for the supervisor
            other = self.tr("another record")  # no longer on this device: never its id
            named = [self._related.get(str(c), other) for c in candidates]
            issue = replace(issue, params={**issue.params, "candidates": named})
        return issue_message(rtype, issue, lang=self._lang, catalogue=self._catalogue)
