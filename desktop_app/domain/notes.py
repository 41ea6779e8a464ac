"""The notes of a record (Ghi chú): what later registered acts changed in it.

Registered entries are append-only: a correction, a recognition or the end of a guardianship
is a new record linked to the original, and the original then shows it in its notes (TT04
Arts 31.9, 35). The screens, the command line and the extracts all take the notes from here,
so they list the same acts: only registered ones. A draft, submitted or refused correction is
no note; :func:`pending_changes` lists the ones still on their way, for a screen that shows
them apart, marked as not registered yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Protocol

from desktop_app.domain.dates import InvalidDateError, as_partial_date
from desktop_app.domain.fields import field_label
from desktop_app.domain.vocabulary import Vocabulary, label_or_code
from desktop_app.domain.workflow import REGISTERED_STATUSES, Status

_PENDING_STATUSES = frozenset({Status.DRAFT, Status.SUBMITTED})
_KIND_VOCABULARIES = (
    Vocabulary.CHANGE_KIND,
    Vocabulary.RECOGNITION_KIND,
    Vocabulary.GUARDIANSHIP_KIND,
)


class LinkedRecord(Protocol):
    """What the notes read of a record linked to the original (a StoredRecord is one)."""

    @property
    def id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def data(self) -> Mapping[str, object]: ...
    @property
    def registration_number(self) -> str | None: ...
    @property
    def registered_on(self) -> str | None: ...


@dataclass(frozen=True)
class Note:
    """One line: a changed field ("child.full_name" from -> to) or, with no field, a whole act
    (a recognition, the end of a guardianship). The extracts print it as it is (it crosses
    the extract port and is signing's ChangeNote).

    ``kind`` is the linked act's kind ("correction", "father_recognises_child",
    "termination"); ``registration_number`` / ``registered_on`` (ISO) / ``office_name`` those
    of the act; ``record_id`` / ``record_type`` the linked record, when it is held here.
    """

    kind: str
    field: str = ""
    from_value: str | None = None
    to_value: str | None = None
    registration_number: str | None = None
    registered_on: str | None = None
    office_name: str | None = None
    record_id: str = ""
    record_type: str = ""


def _text(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def _notes_of(linked: LinkedRecord) -> list[Note]:
    kind = str(linked.data.get("kind") or ("change" if linked.type == "change" else ""))
    base = Note(kind, registration_number=linked.registration_number,
                registered_on=linked.registered_on, record_id=linked.id,
                record_type=linked.type)
    changes = linked.data.get("changes")
    items = [c for c in changes if isinstance(c, Mapping)] if isinstance(changes, list) else []
    if not items:
        return [base]
    return [
        replace(base, field=str(item.get("field") or ""), from_value=_text(item.get("from")),
                to_value=_text(item.get("to")))
        for item in items
    ]


def record_notes(linked: Iterable[LinkedRecord]) -> tuple[Note, ...]:
    """The notes of a record from the records linked to it: registered acts only, in order."""
    return tuple(n for rec in linked if rec.status in REGISTERED_STATUSES for n in _notes_of(rec))


def pending_changes(linked: Iterable[LinkedRecord]) -> tuple[Note, ...]:
    """Linked acts not registered yet (draft or submitted): never notes, shown apart."""
    return tuple(n for rec in linked if rec.status in _PENDING_STATUSES for n in _notes_of(rec))


def _kind_label(kind: str) -> str:
    for vocabulary in _KIND_VOCABULARIES:
        found = label_or_code(vocabulary, kind)
        if found != kind:
            return found
    return kind


def _figures(value: str) -> str:
    try:
        return as_partial_date(value).figures()
    except InvalidDateError:
        return value


def note_text(note: Note, record_type: str) -> str:
    """The line the screens and the command line show (Vietnamese, like the register):
    "Cải chính hộ tịch số 12/2026 ngày 05/03/2026: Họ, chữ đệm, tên: A -> B"."""
    head = _kind_label(note.kind) or note.record_type
    if note.registration_number:
        head += f" số {note.registration_number}"
    if note.registered_on:
        head += f" ngày {_figures(note.registered_on)}"
    if not note.field:
        return head
    name = field_label(record_type, note.field)
    return f"{head}: {name}: {note.from_value or ''} -> {note.to_value or ''}"
