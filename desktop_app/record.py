"""A civil-status record as kept on this device: canonical data plus the system fields."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from desktop_app.domain.indexing import PersonEntry
from desktop_app.domain.types import JSONObject

__all__ = ["JSONObject", "PersonEntry", "RecordEvent", "RecordVersion", "StoredRecord"]


@dataclass(frozen=True)
class StoredRecord:
    id: str
    type: str
    status: str
    data: JSONObject
    office: str
    officer: str
    created_at: datetime
    updated_at: datetime
    is_historical: bool = False
    registration_number: str | None = None
    book_number: str | None = None
    registered_on: str | None = None
    year: int | None = None
    number_int: int | None = None
    verified_by: str | None = None
    approved_by: str | None = None
    signed_by: str | None = None
    overrides: tuple[JSONObject, ...] = ()
    issues: tuple[JSONObject, ...] = ()
    links_to: str | None = None
    supersedes: str | None = None
    version: int = 1
    central_id: str | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)  # registered changes only
    pending_notes: tuple[str, ...] = field(default=(), compare=False)  # not registered yet

    def with_changes(self, **changes: object) -> StoredRecord:
        return replace(self, **changes)  # type: ignore[arg-type]

    def system_fields(self) -> JSONObject:
        """The fields set by the system (domain.md), for `record show --json`."""
        return {
            "id": self.id,
            "type": self.type,
            "status": self.status,
            "historical": self.is_historical,
            "office": self.office,
            "registration_number": self.registration_number,
            "book_number": self.book_number,
            "registered_on": self.registered_on,
            "officer": self.officer,
            "verified_by": self.verified_by,
            "approved_by": self.approved_by,
            "signed_by": self.signed_by,
            "overrides": list(self.overrides),
            "central_id": self.central_id,
            "links_to": self.links_to,
            "supersedes": self.supersedes,
            "version": self.version,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }


@dataclass(frozen=True)
class RecordEvent:
    record_id: str
    at: datetime
    actor: str
    action: str
    from_status: str | None
    to_status: str | None
    reason: str


@dataclass(frozen=True)
class RecordVersion:
    """An earlier version of a record's data, replaced by a later approved act (``cause``:
    the id of the recognition or change that replaced it)."""

    record_id: str
    version: int
    data: JSONObject
    replaced_at: datetime
    replaced_by: str
    cause: str | None


@dataclass(frozen=True)
class RecordPage:
    """One page of a list or a search, and where the next one starts (None: the last page).
    The cursor is opaque: pass it back as ``after`` to get the next page."""

    records: tuple[StoredRecord, ...]
    after: str | None
