"""What the store indexes about a record: its parties (for duplicate, twin and bigamy checks)
and its folded search text; and the validation context built back from that index."""

from __future__ import annotations

from desktop_app.domain import (
    BirthCandidate,
    MarriageCandidate,
    PartySummary,
    RecordType,
    ValidationContext,
    fold_for_search,
    mother_key,
    person_match_key,
)
from desktop_app.domain.integrity import PARTY_PATHS
from desktop_app.domain.text import fold_compact
from desktop_app.domain.workflow import REGISTERED_STATUSES
from desktop_app.record import JSONObject, PersonEntry, StoredRecord
from desktop_app.store import records_repo
from desktop_app.store.database import Connection

_EVENT_DATE = {"birth": "child.date_of_birth", "death": "time_of_death",
               "marriage": "effective_date"}


def _party(data: JSONObject, path: str) -> JSONObject | None:
    value = data.get(path)
    return value if isinstance(value, dict) else None


def _text(obj: JSONObject | None, key: str) -> str | None:
    value = obj.get(key) if obj else None
    return value if isinstance(value, str) and value.strip() else None


def _mother_key(data: JSONObject) -> str | None:
    mother = _party(data, "mother")
    name = _text(mother, "full_name")
    pid = _text(mother, "personal_id")
    return mother_key(name or "", pid) if (name or pid) else None


def persons(record_type: str, data: JSONObject) -> list[PersonEntry]:
    entries = []
    for path in PARTY_PATHS:
        party = _party(data, path)
        name = _text(party, "full_name")
        if not name:
            continue
        dob = _text(party, "date_of_birth")
        entries.append(PersonEntry(
            role=path,
            match_key=person_match_key(name, dob),
            name_key=fold_compact(name),
            mother_key=_mother_key(data) if record_type == "birth" and path == "child" else None,
            date_of_birth=dob,
            event_date=None,
        ))
    return entries


def search_text(record_type: str, data: JSONObject, registration_number: str | None,
                book_number: str | None) -> str:
    words = [record_type]
    for path in PARTY_PATHS:
        name = _text(_party(data, path), "full_name")
        if name:
            words.append(name)
        pid = _text(_party(data, path), "personal_id")
        if pid:
            words.append(pid)
    words += [w for w in (registration_number, book_number) if w]
    return fold_for_search(" ".join(words))


def reindex(conn: Connection, rec: StoredRecord) -> None:
    """Refresh a record's person index and search text after its data changed."""
    records_repo.replace_index(conn, rec.id, persons(rec.type, rec.data),
                               search_text(rec.type, rec.data, rec.registration_number,
                                           rec.book_number))


def validation_context(conn: Connection, record_type: str, data: JSONObject,
                       record_id: str) -> ValidationContext:
    if record_type == RecordType.BIRTH:
        return _birth_context(conn, data, record_id)
    if record_type == RecordType.MARRIAGE:
        return _marriage_context(conn, data, record_id)
    return ValidationContext(record_id=record_id)


def _live(conn: Connection, ids: list[str], record_type: str, *, registered_only: bool = False
          ) -> list[tuple[str, JSONObject]]:
    """Records of a type among ids; drafts count for births (twins are entered together)."""
    return [(r.id, r.data) for r in records_repo.by_ids(conn, ids)
            if r.type == record_type and r.status != "rejected"
            and (not registered_only or r.status in REGISTERED_STATUSES)]


def _birth_context(conn: Connection, data: JSONObject, record_id: str) -> ValidationContext:
    ids: list[str] = []
    key = _mother_key(data)
    if key:
        ids += records_repo.ids_by_mother_key(conn, key, record_id)
    child = _party(data, "child")
    name = _text(child, "full_name")
    if name:
        ids += records_repo.ids_by_match_key(
            conn, [person_match_key(name, _text(child, "date_of_birth"))], record_id)
    births = tuple(BirthCandidate.from_record(rid, rdata)
                   for rid, rdata in _live(conn, ids, "birth"))
    return ValidationContext(births=births, record_id=record_id)


def _own_birth(conn: Connection, person: JSONObject | None, record_id: str
               ) -> BirthCandidate | None:
    name = _text(person, "full_name")
    if not name:
        return None
    key = person_match_key(name, _text(person, "date_of_birth"))
    for rid, rdata in _live(conn, records_repo.ids_by_match_key(conn, [key], record_id), "birth"):
        child = _party(rdata, "child")
        if child and person_match_key(_text(child, "full_name") or "",
                                      _text(child, "date_of_birth")) == key:
            return BirthCandidate.from_record(rid, rdata)
    return None


def _marriage_context(conn: Connection, data: JSONObject, record_id: str) -> ValidationContext:
    husband, wife = _party(data, "husband"), _party(data, "wife")
    keys = [fold_compact(n) for n in (_text(husband, "full_name"), _text(wife, "full_name")) if n]
    marriages = []
    for rid, rdata in _live(conn, records_repo.ids_by_name_key(conn, keys, record_id),
                            "marriage", registered_only=True):
        marriages.append(MarriageCandidate(
            rid, PartySummary.from_person(_party(rdata, "husband")),
            PartySummary.from_person(_party(rdata, "wife"))))
    return ValidationContext(
        active_marriages=tuple(marriages),
        husband_birth=_own_birth(conn, husband, record_id),
        wife_birth=_own_birth(conn, wife, record_id),
        record_id=record_id,
    )
