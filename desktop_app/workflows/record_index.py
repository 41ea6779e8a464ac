"""The validation context built back from the store's person index (duplicate, twin and
bigamy candidates). What is indexed is computed in desktop_app.domain.indexing, by the store
on every save."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from itertools import islice

from desktop_app.domain import (
    BirthCandidate,
    HeldRecord,
    MarriageCandidate,
    PartySummary,
    RecordType,
    ValidationContext,
    person_match_key,
)
from desktop_app.domain.access import get_str
from desktop_app.domain.context import same_person
from desktop_app.domain.dates import InvalidDateError, parse_partial_date
from desktop_app.domain.fields import reference_paths
from desktop_app.domain.indexing import mother_key_of, party, text_of
from desktop_app.domain.rulesets import RULE_SETS
from desktop_app.domain.text import fold_compact
from desktop_app.domain.workflow import REGISTERED_STATUSES
from desktop_app.record import JSONObject, StoredRecord
from desktop_app.store.unit_of_work import UnitOfWork


def validation_context(uow: UnitOfWork, record_type: str, data: JSONObject,
                       record_id: str) -> ValidationContext:
    if record_type == RecordType.BIRTH:
        context = _birth_context(uow, data, record_id)
    elif record_type == RecordType.MARRIAGE:
        context = _marriage_context(uow, data, record_id)
    elif record_type == RecordType.RECOGNITION:
        context = _target_context(uow, data.get("child"), "birth_record", record_id)
    elif record_type == RecordType.CHANGE:
        context = _target_context(uow, data, "original_record", record_id)
    elif record_type == RecordType.GUARDIANSHIP:
        context = _guardianship_context(uow, data, record_id)
    else:
        context = ValidationContext(record_id=record_id)
    unknown = _unknown_links(uow, record_type, data)
    return replace(context, unknown_links=unknown) if unknown else context


def _unknown_links(uow: UnitOfWork, record_type: str, data: JSONObject) -> tuple[str, ...]:
    """The reference fields whose typed record id names no record of this store."""
    missing = []
    for path in reference_paths(record_type):
        typed = get_str(data, f"{path}.record_id")
        if typed and uow.records.get(typed.strip()) is None:
            missing.append(f"{path}.record_id")
    return tuple(missing)


# -- records an act points at --------------------------------------------------------------
def referenced_id(holder: object, key: str) -> str | None:
    """The record id a reference names: "<id>" or {"record_id": "<id>"}."""
    value = holder.get(key) if isinstance(holder, dict) else None
    if isinstance(value, dict):
        value = value.get("record_id") or value.get("id")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _terminations_of(uow: UnitOfWork, rec: StoredRecord) -> tuple[str, ...]:
    """The registered terminations that end a guardianship: their numbers. (Two drafts may
    point at it; approval checks again, so the second is refused then.)"""
    if rec.type != RecordType.GUARDIANSHIP:
        return ()
    return tuple(r.registration_number or r.id for r in uow.records.linked_to(rec.id)
                 if r.type == RecordType.GUARDIANSHIP and r.status in REGISTERED_STATUSES
                 and r.data.get("kind") == "termination")


def held_record(uow: UnitOfWork, rec: StoredRecord) -> HeldRecord:
    return HeldRecord(rec.id, rec.type, rec.status, rec.data, rec.registration_number,
                      rec.registered_on, registered=rec.status in REGISTERED_STATUSES,
                      ended_by=_terminations_of(uow, rec),
                      earlier=tuple(v.data for v in uow.records.versions(rec.id)))


def find_target(uow: UnitOfWork, holder: object, key: str) -> StoredRecord | None:
    record_id = referenced_id(holder, key)
    return uow.records.get(record_id) if record_id else None


def _target_context(uow: UnitOfWork, holder: object, key: str, record_id: str
                    ) -> ValidationContext:
    found = find_target(uow, holder, key)
    if found is not None and found.id == record_id:
        found = None
    return ValidationContext(record_id=record_id,
                             target=held_record(uow, found) if found is not None else None)


def _guardianship_context(uow: UnitOfWork, data: JSONObject, record_id: str
                          ) -> ValidationContext:
    if data.get("kind") == "termination":
        return _target_context(uow, data, "original_record", record_id)
    ward = party(data, "ward")
    name = text_of(ward, "full_name")
    held: list[HeldRecord] = []
    if name:
        wanted = PartySummary.from_person(ward)
        ids = uow.records.ids_by_name_key([fold_compact(name)], record_id, roles=("ward",))
        for part in uow.records.parts(ids, ("ward", "kind"),
                                      record_type=RecordType.GUARDIANSHIP):
            if part.status not in REGISTERED_STATUSES or part.data.get("kind") == "termination":
                continue
            if not same_person(wanted, PartySummary.from_person(party(part.data, "ward"))):
                continue
            rec = uow.records.get(part.id)  # whole: the rule quotes what it holds
            summary = held_record(uow, rec) if rec is not None else None
            if summary is not None and not summary.ended_by:
                held.append(summary)
    return ValidationContext(record_id=record_id, ward_guardianships=tuple(held))


# The parts of another record that the rules between records compare.
_BIRTH_PARTS = ("child", "mother", "father", "birth_evidence")
_DEATH_PARTS = ("deceased",)
_MARRIAGE_PARTS = ("husband", "wife")


def _live(uow: UnitOfWork, ids: list[str], record_type: str, keys: tuple[str, ...], *,
          registered_only: bool = False) -> list[tuple[str, JSONObject]]:
    """Records of a type among ids, with the parts ``keys`` of their data; drafts count for
    births (twins are entered together)."""
    return [(r.id, r.data) for r in uow.records.parts(ids, keys, record_type=record_type)
            if r.status != "rejected"
            and (not registered_only or r.status in REGISTERED_STATUSES)]


def _birth_context(uow: UnitOfWork, data: JSONObject, record_id: str) -> ValidationContext:
    ids: list[str] = []
    key = mother_key_of(data)
    child = party(data, "child")
    window = _twins_window(text_of(child, "date_of_birth"))
    if key and window is not None:
        # Other births to the mother matter for twins only, born within the window.
        ids += uow.records.ids_by_mother_key(key, record_id, *window)
    name = text_of(child, "full_name")
    if name:
        ids += uow.records.ids_by_match_key(
            [person_match_key(name, text_of(child, "date_of_birth"))], record_id)
    births = tuple(BirthCandidate.from_record(rid, rdata)
                   for rid, rdata in _live(uow, ids, "birth", _BIRTH_PARTS))
    return ValidationContext(births=births, record_id=record_id)


_TWINS_DAYS = max(r.thresholds.twins_window_days for r in RULE_SETS)


def _twins_window(date_of_birth: str | None) -> tuple[str, str] | None:
    """ISO bounds of the days a twin may be born on; None if the day is not known (then no
    birth is a twin: the rule compares exact days)."""
    try:
        day = parse_partial_date(date_of_birth).exact if date_of_birth else None
    except InvalidDateError:
        return None
    if day is None:
        return None
    spread = timedelta(days=_TWINS_DAYS)
    return (day - spread).isoformat(), (day + spread).isoformat()


def _year(date_of_birth: str | None) -> str | None:
    try:
        return f"{parse_partial_date(date_of_birth).year:04d}" if date_of_birth else None
    except InvalidDateError:
        return None  # no narrowing: same_person compares such text as it is


def _own_birth(uow: UnitOfWork, person: JSONObject | None, record_id: str
               ) -> BirthCandidate | None:
    name = text_of(person, "full_name")
    if not name:
        return None
    key = person_match_key(name, text_of(person, "date_of_birth"))
    for rec in uow.records.parts(uow.records.ids_by_match_key([key], record_id),
                                 _BIRTH_PARTS, record_type="birth"):
        if rec.status == "rejected":
            continue
        child = party(rec.data, "child")
        if child and person_match_key(text_of(child, "full_name") or "",
                                      text_of(child, "date_of_birth")) == key:
            return BirthCandidate.from_record(rec.id, rec.data, rec.registration_number)
    return None


def _ended_by_death(uow: UnitOfWork, marriage: MarriageCandidate, record_id: str,
                    known: dict[PartySummary, bool]) -> bool:
    """A registered death of either spouse ends the marriage (HNGĐ Art 65). ``known``
    keeps the answer per spouse (the same person is often a party of several candidates)."""
    for spouse in (marriage.husband, marriage.wife):
        if not spouse.full_name:
            continue
        if spouse not in known:
            known[spouse] = _has_died(uow, spouse, record_id)
        if known[spouse]:
            return True
    return False


# One registered death is enough: the candidates are read a few at a time, from the index
# (lazily) and then from the records.
_DEATHS_AT_ONCE = 4


def _has_died(uow: UnitOfWork, spouse: PartySummary, record_id: str) -> bool:
    # Only deaths of whom may be this spouse (same_person), not everyone of the name.
    ids = uow.records.ids_of_person(fold_compact(spouse.full_name or ""), record_id,
                                    roles=("deceased",), born=_year(spouse.date_of_birth),
                                    personal_id=spouse.personal_id)
    while chunk := list(islice(ids, _DEATHS_AT_ONCE)):
        for _rid, rdata in _live(uow, chunk, "death", _DEATH_PARTS, registered_only=True):
            if same_person(spouse, PartySummary.from_person(party(rdata, "deceased"))):
                return True
    return False


def _marriage_context(uow: UnitOfWork, data: JSONObject, record_id: str) -> ValidationContext:
    husband, wife = party(data, "husband"), party(data, "wife")
    # A marriage is bigamy's only if one of its spouses is one of these two (rule_bigamy,
    # same_person): the person index holds each candidate party's birth date and personal
    # ID, so namesakes are dropped before any record is read.
    wanted = [PartySummary.from_person(p) for p in (husband, wife) if p is not None]
    wanted = [w for w in wanted if w.is_known]
    spouses: list[str] = []
    for person in wanted:
        if person.full_name:  # only the marriages the bigamy rule may match (same_person)
            spouses += [e.record_id for e in uow.records.parties_like(
                fold_compact(person.full_name), record_id, roles=("husband", "wife"),
                born=_year(person.date_of_birth), personal_id=person.personal_id)
                if same_person(person, PartySummary(person.full_name, e.date_of_birth,
                                                    e.personal_id))]
    marriages = []
    known: dict[PartySummary, bool] = {}
    for rec in uow.records.parts(spouses, _MARRIAGE_PARTS, record_type="marriage"):
        if rec.status not in REGISTERED_STATUSES:
            continue
        candidate = MarriageCandidate(
            rec.id, PartySummary.from_person(party(rec.data, "husband")),
            PartySummary.from_person(party(rec.data, "wife")), rec.registration_number)
        if not any(same_person(w, candidate.husband) or same_person(w, candidate.wife)
                   for w in wanted):
            continue
        if not _ended_by_death(uow, candidate, record_id, known):
            marriages.append(candidate)
    return ValidationContext(
        active_marriages=tuple(marriages),
        husband_birth=_own_birth(uow, husband, record_id),
        wife_birth=_own_birth(uow, wife, record_id),
        record_id=record_id,
    )
