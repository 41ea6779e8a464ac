"""A civil-status record as kept on this device: canonical data plus the system fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

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


# A stored field's text and how to decode it, put where a record read from the store would
# hold the field's value (_DecodedOnRead).
Undecoded = tuple[str, Callable[[str], Any]]


def undecoded_key(name: str) -> str:
    """Where a record read from the store keeps a field not decoded yet."""
    return f"_undecoded_{name}"


class _DecodedOnRead:
    """A field of a record read from the store, decoded the first time it is read: a search
    page reads 200 records and a screen shows ~25 (decoding the JSON of all 200 was a third
    of a search at 1,000,000 records). The store leaves the text under undecoded_key instead
    of the value; a record built by __init__ holds its value, and Python never calls this
    non-data descriptor for it."""

    def __init__(self, name: str) -> None:
        self._name, self._key = name, undecoded_key(name)

    def __get__(self, rec: object, owner: type | None = None) -> Any:
        if rec is None:
            return self
        values = rec.__dict__
        pending: Undecoded | None = values.get(self._key)
        if pending is None:  # another thread decoded it meanwhile
            return values[self._name]
        value = values[self._name] = pending[1](pending[0])
        values.pop(self._key, None)  # after the value is there: see above
        return value


DECODED_ON_READ = ("data", "overrides", "issues")
for _name in DECODED_ON_READ:  # after the dataclass is made: these fields keep no default
    setattr(StoredRecord, _name, _DecodedOnRead(_name))


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
