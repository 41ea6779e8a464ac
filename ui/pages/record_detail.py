"""One record: its data with labels, its history, the changes linked to it (notes) and its
audit trail. Loaded on the database lane. A record the central system rejected shows the
centre's reason on top and "Correct and send again": it goes back to draft as a new version
(keeping its registration number) and opens in the registration form."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.audit import AuditEntry
from desktop_app.domain import Issue, Status, field_label, issue_message
from desktop_app.errors import HotichError
from desktop_app.messages import Catalogue
from desktop_app.record import RecordEvent, StoredRecord
from desktop_app.workflows import record_views, records
from ui.context import UiContext
from ui.errors import message_for, rule_title
from ui.labels import (
    action_label,
    audit_details,
    local_time,
    record_heading,
    record_name,
    status_label,
)
from ui.models import RowsModel
from ui.pages.attachments_widget import AttachmentsWidget
from ui.pages.extracts_widget import IssuedExtractsWidget
from ui.widgets.record_tree import RecordTree
from ui.widgets.table_columns import fit_columns
from ui.widgets.typed_dates import from_iso


@dataclass(frozen=True)
class Rejection:
    """Why the record stands rejected: by the central system, or a supervisor's refusal."""

    by_centre: bool
    reason: str
    actor: str


@dataclass(frozen=True)
class RecordView:
    record: StoredRecord
    events: list[RecordEvent]
    audit: list[AuditEntry]
    can_reopen: bool = False  # rejected by the centre: "correct and send again"
    rejection: Rejection | None = None
    related: tuple[record_views.RelatedRecord, ...] = ()  # both ways (issue 15)
    named: dict[str, str] = field(default_factory=dict)  # id -> name, of records warned about


def _rejection(rec: StoredRecord, events: list[RecordEvent]) -> Rejection | None:
    if rec.status != Status.REJECTED.value:
        return None
    last = next((e for e in reversed(events) if e.to_status == Status.REJECTED.value), None)
    if last is None:
        return None
    return Rejection(by_centre=last.action != "reject", reason=last.reason, actor=last.actor)


_RULE_CODE = re.compile(r"\b([EW]-[A-Z][A-Z0-9-]*[A-Z0-9]):")


def _rule_texts(rec: StoredRecord, named: dict[str, str], lang: str, catalogue: Catalogue
                ) -> dict[tuple[str, str], str]:
    """(rule, field) -> the message of each issue the record carries, the records it names
    by their people."""
    texts: dict[tuple[str, str], str] = {}
    other = "hồ sơ khác" if lang == "vi" else "another record"
    for raw in rec.issues:
        params = dict(raw.get("params") or {})
        if isinstance(params.get("candidates"), list):
            params["candidates"] = [named.get(str(c), other) for c in params["candidates"]]
        issue = Issue.of(str(raw["rule"]), str(raw.get("field", "")),
                         **params)  # type: ignore[arg-type]
        texts[(issue.code, issue.field)] = issue_message(rec.type, issue, lang=lang,
                                                          catalogue=catalogue)
    return texts


def load_record_view(ctx: UiContext, record_id: str) -> RecordView:
    rec = records.get_record(ctx.session, record_id)
    events = records.history(ctx.session, record_id)
    rejected = rec.status == Status.REJECTED.value
    named: dict[str, str] = {}
    for raw in rec.issues:  # twins, duplicates: the other records, named as people name them
        candidates = (raw.get("params") or {}).get("candidates")
        for other in candidates if isinstance(candidates, list) else []:
            try:
                named[str(other)] = record_name(records.get_record(ctx.session, str(other)),
                                                ctx.lang)
            except HotichError:
                continue  # not on this device any more: named as "another record"
    return RecordView(rec, events, record_views.audit_trail(ctx.session, record_id),
                      can_reopen=rejected and records.can_reopen(ctx.session, rec.id),
                      rejection=_rejection(rec, events),
                      related=tuple(record_views.related_records(ctx.session, rec.id)),
                      named=named)


def _table(model: RowsModel, name: str, reason_column: int) -> QTableView:
    """The columns as wide as what they hold; the reason takes the rest and wraps."""
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setWordWrap(True)
    fit_columns(view, stretch=reason_column)
    return view


class RecordDetailDialog(QDialog):
    edit_requested = Signal(object)  # StoredRecord (a draft)
    preview_requested = Signal(str)  # record id
    changed = Signal()

    def __init__(self, ctx: UiContext, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RecordDetailDialog")
        self._ctx = ctx
        self.record_id = record_id
        self.view: RecordView | None = None
        self._rule_texts: dict[tuple[str, str], str] = {}
        self.setWindowTitle(self.tr("Record"))
        self.resize(860, 620)
        lang = ctx.lang
        self.title = QLabel(objectName="recordTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold")
        self.summary = QLabel(objectName="recordSummary")
        self.summary.setWordWrap(True)
        self.rejection = QFrame(objectName="rejectionBanner")
        self.rejection.setStyleSheet("#rejectionBanner { background: #fdecea; "
                                     "border: 1px solid #f5c2c0; border-radius: 4px; }")
        self.rejection_text = QLabel(objectName="rejectionReason")
        self.rejection_text.setWordWrap(True)
        self.rejection_text.setStyleSheet("color: #8a1c13; font-weight: bold")
        self.reopen_button = QPushButton(self.tr("Correct and send again"),
                                         objectName="reopenRecord")
        self.reopen_button.setToolTip(self.tr(
            "Back to a draft (a new version with the same registration number): correct it, "
            "then submit, approve, sign and send it again."))
        self.reopen_button.clicked.connect(self.reopen)
        banner = QHBoxLayout(self.rejection)
        banner.addWidget(self.rejection_text, 1)
        banner.addWidget(self.reopen_button)
        self.rejection.hide()
        self.tree = RecordTree(lang)
        self.attachments = AttachmentsWidget(ctx)
        self.attachments.changed.connect(self._record_changed)
        self.extracts = IssuedExtractsWidget(ctx)
        # A copy issued or a document handed out: the history and the audit trail show it.
        self.extracts.changed.connect(self._record_changed)
        self.events_model: RowsModel[RecordEvent] = RowsModel([
            (self.tr("When"), lambda e: local_time(e.at)),
            (self.tr("Who"), lambda e: self._actor(e.actor)),
            (self.tr("Action"), lambda e: action_label(e.action, lang)),
            (self.tr("Status"), lambda e: status_label(e.to_status or "", lang)),
            (self.tr("Reason"), lambda e: self._worded_rules(e.reason))], parent=self)
        self.audit_model: RowsModel[AuditEntry] = RowsModel([
            (self.tr("No."), lambda a: str(a.seq)),
            (self.tr("When"), lambda a: local_time(a.at)),
            (self.tr("Who"), lambda a: self._actor(a.actor)),
            (self.tr("Action"), lambda a: action_label(a.action, lang)),
            (self.tr("Reason"), lambda a: self._worded_rules(a.reason)),
            (self.tr("Details"), lambda a: audit_details(a.details, lang))],
            parent=self)
        self.notes = QListWidget(objectName="recordNotes")
        # The record this one concerns and the acts that concern it; double-click opens one.
        self.related = QListWidget(objectName="relatedRecords")
        self.related.itemActivated.connect(self._open_related)
        tabs = QTabWidget(objectName="recordTabs")
        tabs.addTab(self.tree, self.tr("Details"))
        tabs.addTab(_table(self.events_model, "historyTable", 4), self.tr("History"))
        tabs.addTab(self.notes, self.tr("Linked changes"))
        tabs.addTab(self.related, self.tr("Related records"))
        tabs.addTab(_table(self.audit_model, "auditTable", 4), self.tr("Audit trail"))
        tabs.addTab(self.attachments, self.tr("Scans and attachments"))
        tabs.addTab(self.extracts, self.tr("Signed extracts"))
        self.tabs = tabs
        self.edit_button = QPushButton(self.tr("Edit draft"), objectName="editDraft")
        self.submit_button = QPushButton(self.tr("Submit for approval"),
                                         objectName="submitRecord")
        self.preview_button = QPushButton(self.tr("Extract preview"),
                                          objectName="previewExtract")
        close = QPushButton(self.tr("Close"), objectName="closeRecord")
        for button in (self.edit_button, self.submit_button, self.preview_button):
            button.setEnabled(False)
        if ctx.hooks.render_extract is None:
            self.preview_button.setToolTip(self.tr(
                "Available once extract rendering is installed on this device."))
        self.edit_button.clicked.connect(self._edit)
        self.submit_button.clicked.connect(self._submit)
        self.preview_button.clicked.connect(self._preview)
        close.clicked.connect(self.close)
        self.error = QLabel(objectName="recordError")
        self.error.setStyleSheet("color: #b00020")
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        for button in (self.edit_button, self.submit_button, self.preview_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.rejection)
        layout.addWidget(tabs, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        ctx, rid = self._ctx, self.record_id
        ctx.runner.run(lambda: load_record_view(ctx, rid), self._loaded, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.error.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))

    def _loaded(self, view: RecordView) -> None:
        self.view = view
        rec, lang = view.record, self._ctx.lang
        self.record_id = rec.id
        self.setWindowTitle(record_heading(rec, lang, sep=" — "))
        self.title.setText(record_heading(rec, lang, short=False))
        parts = [status_label(rec.status, lang)]
        if rec.registration_number:
            parts.append(self.tr("No. %1, book %2").replace("%1", rec.registration_number)
                         .replace("%2", rec.book_number or ""))
        if rec.registered_on:
            parts.append(self.tr("registered on %1").replace("%1", from_iso(rec.registered_on)))
        parts.append(self.tr("officer %1").replace("%1", rec.officer))
        if rec.verified_by:  # the second officer of a historical entry
            parts.append(self.tr("checked by %1").replace("%1", rec.verified_by))
        if rec.approved_by:
            parts.append(self.tr("approved by %1").replace("%1", rec.approved_by))
        self._rule_texts = _rule_texts(rec, view.named, lang, self._ctx.catalogue)
        for override in rec.overrides:  # one per warning: its words say which party
            rule, where = str(override.get("rule") or ""), str(override.get("field") or "")
            parts.append(self._rule_words(rule, where) + f": {override.get('reason')}")
        self.summary.setText(" · ".join(parts))
        # Each accepted warning whole, and its code for support staff.
        self.summary.setToolTip("\n".join(
            f"{self._rule_texts.get((str(o.get('rule')), str(o.get('field') or '')), '')}"
            f" [{o.get('rule')}]" for o in rec.overrides))
        self.tree.show_data(rec.type, rec.data, historical=rec.is_historical)
        self.attachments.set_record(rec.id, editable=rec.status == Status.DRAFT.value)
        self.extracts.set_record(rec.id, rec.status)
        self.events_model.set_rows(view.events)
        self.audit_model.set_rows(view.audit)
        self.notes.clear()
        # Corrections still on their way are no notes: listed after them, marked as such.
        pending = [self.tr("Not registered yet: %1").replace("%1", line)
                   for line in rec.pending_notes]
        self.notes.addItems([*rec.notes, *pending] or [self.tr("No linked changes.")])
        self._show_related(view)
        is_draft = rec.status == "draft"
        can_create = self._ctx.can("create records")
        self.edit_button.setEnabled(is_draft and can_create)
        self.submit_button.setEnabled(is_draft and can_create)
        self.preview_button.setEnabled(self._ctx.hooks.render_extract is not None)
        self._show_rejection(view)

    def _actor(self, actor: str) -> str:
        """Who did it: an account's user name, or the program itself in words."""
        return self.tr("The system") if actor == "system" else actor

    def _rule_words(self, rule: str, field: str = "") -> str:
        """A warning the record raised, in a few words (its whole message and its code are
        in the summary's tooltip); the party named when the rule concerns two."""
        title = rule_title(rule, self._ctx.catalogue, self._ctx.lang)
        rec = self.view.record if self.view is not None else None
        twice = rec is not None and sum(o.get("rule") == rule for o in rec.overrides) > 1
        if twice and field:
            title += f" ({field_label(rec.type, field, self._ctx.lang)})"
        return title

    def _worded_rules(self, reason: str) -> str:
        """An approval's reasons ("W-TWINS: đã kiểm tra; ...") with each warning's words."""
        return _RULE_CODE.sub(lambda m: self._rule_words(m.group(1)) + ":", reason or "")

    def _show_related(self, view: RecordView) -> None:
        self.related.clear()
        lang = self._ctx.lang
        for link in view.related:
            other = link.record
            line = (self.tr("Concerns: %1") if link.concerns else self.tr("Concerned by: %1"))
            text = f"{record_heading(other, lang, short=False)} · " \
                   f"{status_label(other.status, lang)}"
            if other.registration_number:
                text += " · " + self.tr("No. %1").replace("%1", other.registration_number)
            item = QListWidgetItem(line.replace("%1", text))
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            self.related.addItem(item)
        if not view.related:
            self.related.addItem(self.tr("No related records."))

    def _open_related(self, item: QListWidgetItem) -> None:
        other = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(other, str):
            self.record_id = other
            self.reload()

    def _show_rejection(self, view: RecordView) -> None:
        rejection = view.rejection
        if rejection is None:
            self.rejection.hide()
            return
        reason = rejection.reason or self.tr("no reason given")
        self.rejection_text.setText(
            self.tr("Rejected by the central system: %1").replace("%1", reason)
            if rejection.by_centre else
            self.tr("Refused by %1: %2").replace("%1", rejection.actor).replace("%2", reason))
        self.reopen_button.setVisible(view.can_reopen)
        self.reopen_button.setEnabled(view.can_reopen)
        self.rejection.show()

    def _preview(self) -> None:
        # Once signed, the extract is the stored signed PDF (saving and printing it audited).
        if self.extracts.model.rowCount():
            self.extracts.open_selected()
        else:
            self.preview_requested.emit(self.record_id)

    def _record_changed(self) -> None:
        self.changed.emit()
        self.reload()  # the history and the audit trail show what was done

    def _edit(self) -> None:
        if self.view is not None:
            self.edit_requested.emit(self.view.record)
            self.close()

    def reopen(self) -> None:
        """Correct and send again: back to draft on the database lane, then the form."""
        ctx, rid = self._ctx, self.record_id
        self.reopen_button.setEnabled(False)
        self.error.clear()
        ctx.runner.run(lambda: records.reopen_rejected(ctx.session, rid), self._reopened,
                       self._reopen_failed)

    def _reopened(self, rec: StoredRecord) -> None:
        self.changed.emit()
        self.edit_requested.emit(rec)
        self.close()

    def _reopen_failed(self, error: BaseException) -> None:
        self._failed(error)
        self.reload()

    def _submit(self) -> None:
        ctx, rid = self._ctx, self.record_id
        self.submit_button.setEnabled(False)
        ctx.runner.run(lambda: records.submit(ctx.session, rid),
                       lambda _r: (self.changed.emit(), self.reload()), self._failed)
