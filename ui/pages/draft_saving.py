"""The registration form's work off the GUI thread and its copying rule: saving a draft
(the core refuses one with errors: then the issues to show instead), and what "Copy from
previous" takes from the last record of a procedure."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain import Issue
from desktop_app.domain.access import get
from desktop_app.domain.errors import RecordInvalidError
from desktop_app.record import StoredRecord
from desktop_app.workflows import record_views, records
from ui.context import UiContext

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


def shared_details(previous: dict[str, object], paths: list[str]) -> dict[str, object]:
    """Of the form's fields (``paths``), those a twin or a sibling shares with the previous
    record, with its values: the parents, addresses and declarant, not the child's own."""
    shared = {}
    for path in paths:
        if path.split(".")[0] in _OWN_TOPS or path in _OWN_FIELDS:
            continue
        value = get(previous, path)
        if value is not None:
            shared[path] = value
    return shared
