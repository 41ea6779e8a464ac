"""The validation context built back from the store's person index (duplicate, twin and
bigamy candidates). What is indexed is computed in desktop_app.domain.indexing, by the store
on every save."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import NamedTuple

from desktop_app.domain import (
    BirthCandidate,
    HeldRecord,
    MarriageCandidate,
    PartySummary,
    RecordType,
    ValidationContext,
    person_match_key,
)
from desktop_app.domain.access import get, get_str
from desktop_app.domain.context import same_person
from desktop_app.domain.dates import InvalidDateError, parse_partial_date
from desktop_app.domain.fields import reference_paths
from desktop_app.domain.indexing import SPOUSE_ROLES, mother_key_of, party, text_of
from desktop_app.domain.rulesets import RULE_SETS
from desktop_app.domain.text import fold_compact
from desktop_app.domain.workflow import REGISTERED_STATUSES
from desktop_app.record import JSONObject, StoredRecord
from desktop_app.store.records_repo import PartyEntry, year_range
from desktop_app.store.unit_of_work import UnitOfWork


@dataclass
class Registered:
    """What the contexts of one unit of work have read about registered marriages and deaths,
    for its next entries: a bulk import writes drafts only, so within its batch these answers
    cannot change (at a million records a marriage's namesakes in force are ~30, each spouse
    looked up in the deaths: the same common names, again and again)."""

    died: dict[PartySummary, bool] = field(default_factory=dict)
    # by (folded name, birth year): whether a spouse without a personal ID has died; a
    # marriage's ~15 namesake husbands of one year share the answer (see _died)
    died_unnamed: dict[tuple[str, str | None], bool] = field(default_factory=dict)
    marriages: dict[int, MarriageCandidate | None] = field(default_factory=dict)  # by n
    # by n: a marriage's husband and wife as the person index holds them (_indexed_spouses)
    spouses: dict[int, tuple[PartySummary, PartySummary]] = field(default_factory=dict)


def validation_context(uow: UnitOfWork, record_type: str, data: JSONObject,
                       record_id: str, registered: Registered | None = None
                       ) -> ValidationContext:
    """What the rules between records compare an entry with. ``registered``: kept across
    the contexts of one unit of work that registers nothing (a bulk import's batch)."""
    if record_type == RecordType.BIRTH:
        context = _birth_context(uow, data, record_id)
    elif record_type == RecordType.MARRIAGE:
        context = _marriage_context(uow, data, record_id, registered or Registered())
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
    name = _ward_key(data)
    held: list[HeldRecord] = []
    if name:
        wanted = PartySummary.from_person(ward)
        ns = uow.records.ns_by_name_key([name], record_id, roles=("ward",))
        for part in uow.records.parts_by_n(ns, ("ward", "kind"),
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


def _ward_key(data: JSONObject) -> str | None:
    name = text_of(party(data, "ward"), "full_name")
    return fold_compact(name) if name else None


# The parts of another record that the rules between records compare.
_BIRTH_PARTS = ("child", "mother", "father", "birth_evidence")
_MARRIAGE_PARTS = ("husband", "wife")


def _live(uow: UnitOfWork, ns: list[int], record_type: str, keys: tuple[str, ...]
          ) -> list[tuple[str, JSONObject]]:
    """Records of a type among those with these n, with the parts ``keys`` of their data;
    drafts count for births (twins are entered together)."""
    return [(r.id, r.data) for r in uow.records.parts_by_n(ns, keys, record_type=record_type)
            if r.status != "rejected"]


class _BirthKeys(NamedTuple):
    mother: str | None  # the mother's key, when the child's day is known
    window: tuple[str, str] | None
    child: str | None  # the child's match key, when named


def _birth_keys(data: JSONObject) -> _BirthKeys:
    key = mother_key_of(data)
    child = party(data, "child")
    window = _twins_window(text_of(child, "date_of_birth"))
    name = text_of(child, "full_name")
    return _BirthKeys(key if key and window is not None else None, window,
                      person_match_key(name, text_of(child, "date_of_birth")) if name else None)


def _birth_context(uow: UnitOfWork, data: JSONObject, record_id: str) -> ValidationContext:
    ns: list[int] = []
    keys = _birth_keys(data)
    if keys.mother and keys.window is not None:
        # Other births to the mother matter for twins only, born within the window.
        ns += uow.records.ns_by_mother_key(keys.mother, record_id, *keys.window)
    if keys.child:
        ns += uow.records.ns_by_match_key([keys.child], record_id)
    births = tuple(BirthCandidate.from_record(rid, rdata)
                   for rid, rdata in _live(uow, ns, "birth", _BIRTH_PARTS))
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


def _own_key(person: JSONObject | None) -> str | None:
    """The match key _own_birth looks a party's own birth up by."""
    name = text_of(person, "full_name")
    return person_match_key(name, text_of(person, "date_of_birth")) if name else None


def _own_birth(uow: UnitOfWork, person: JSONObject | None, record_id: str
               ) -> BirthCandidate | None:
    key = _own_key(person)
    if key is None:
        return None
    for rec in uow.records.parts_by_n(uow.records.ns_by_match_key([key], record_id),
                                      _BIRTH_PARTS, record_type="birth"):
        if rec.status == "rejected":
            continue
        child = party(rec.data, "child")
        if child and person_match_key(text_of(child, "full_name") or "",
                                      text_of(child, "date_of_birth")) == key:
            return BirthCandidate.from_record(rec.id, rec.data, rec.registration_number)
    return None


def _died(uow: UnitOfWork, spouse: PartySummary, record_id: str,
          registered: Registered) -> bool:
    """Whether a spouse has a registered death (which ends a marriage, HNGĐ Art 65), kept in
    ``registered`` (the same person is often a spouse in several candidates)."""
    known = registered.died.get(spouse)
    if known is not None:
        return known
    if not spouse.full_name:
        return False
    if spouse.personal_id:
        known = _has_died(uow, spouse, record_id)
    else:
        # Without an ID, same_person with a namesake's death depends on the folded name and
        # the birth year alone (a death without a date counts; one whose date is not a date
        # never equals a real one), or on the date's own text when it is not a date.
        key = (fold_compact(spouse.full_name), _year(spouse.date_of_birth) or spouse.date_of_birth)
        by_year = registered.died_unnamed
        if key not in by_year:
            by_year[key] = _has_died(uow, spouse, record_id)
        known = by_year[key]
    registered.died[spouse] = known
    return known


def _has_died(uow: UnitOfWork, spouse: PartySummary, record_id: str) -> bool:
    """Most spouses of a common name have many namesake deaths, one of which counts: read
    lazily, to the first (one query a spouse: at a million records, one query for all the
    spouses took 6x longer, and reading every death of the name and year 30 % longer)."""
    return any(_registered_as(uow, spouse, record_id, ("deceased",), RecordType.DEATH))


def _registered_as(uow: UnitOfWork, person: PartySummary, record_id: str,
                   roles: Sequence[str], kind: RecordType) -> Iterator[PartyEntry]:
    """The parties in ``roles`` of registered records of ``kind`` who are that person, from
    the person index alone, lazily: it holds each party's folded name, date of birth and
    personal ID as the record does (same_person is decided on them) and its record's state."""
    for entry in uow.records.parties_like(
            fold_compact(person.full_name or ""), record_id, roles=roles,
            born=_year(person.date_of_birth), personal_id=person.personal_id):
        if entry.record_type == kind and entry.status in REGISTERED_STATUSES and same_person(
                person, PartySummary(person.full_name, entry.date_of_birth, entry.personal_id)):
            yield entry


def _registered_marriages(uow: UnitOfWork, ns: list[int], registered: Registered
                          ) -> list[MarriageCandidate]:
    """The registered marriages among the records with these n, in their order (read once
    per unit of work: see Registered)."""
    unread = [n for n in ns if n not in registered.marriages]
    read = {n: None for n in unread} | {
        rec.n: MarriageCandidate(rec.id, PartySummary(*rec.parties[0]),
                                 PartySummary(*rec.parties[1]), rec.registration_number)
        for rec in uow.records.parties_by_n(unread, _MARRIAGE_PARTS,
                                            record_type=RecordType.MARRIAGE)
        if rec.status in REGISTERED_STATUSES}
    registered.marriages.update(read)
    return [m for n in ns if (m := registered.marriages[n]) is not None]


def _indexed_spouses(uow: UnitOfWork, ns: list[int], registered: Registered
                     ) -> list[tuple[int, PartySummary, PartySummary]]:
    """The husband and wife of the marriages with these n, in their order, as the person
    index holds them: the folded name stands for the name (same_person and the death check
    fold it again, to the same key), with the date of birth and personal ID as written; no
    record is read (at a million records a marriage has ~30 registered namesake marriages,
    most of them ended by a death)."""
    unread = [n for n in ns if n not in registered.spouses]
    for n, parties in uow.records.indexed_parties(unread, _MARRIAGE_PARTS).items():
        registered.spouses[n] = (PartySummary(*parties.get("husband", (None, None, None))),
                                 PartySummary(*parties.get("wife", (None, None, None))))
    nobody = (PartySummary(None), PartySummary(None))  # no party with a name
    return [(n, *registered.spouses.get(n, nobody)) for n in ns]


def _spouses_wanted(data: JSONObject) -> list[PartySummary]:
    """The parties of a new marriage whose marriages in force bigamy looks for."""
    wanted = [PartySummary.from_person(p) for p in (party(data, "husband"),
                                                    party(data, "wife")) if p is not None]
    return [w for w in wanted if w.is_known]


def _marriage_context(uow: UnitOfWork, data: JSONObject, record_id: str,
                      registered: Registered) -> ValidationContext:
    husband, wife = party(data, "husband"), party(data, "wife")
    # A marriage is bigamy's only if one of its spouses is one of these two (rule_bigamy,
    # same_person): the person index holds each candidate party's birth date and personal
    # ID, so namesakes are dropped before any record is read (oldest first).
    matched: dict[int, list[PartySummary]] = {}  # by n: its spouses who are one of the two
    for person in _spouses_wanted(data):
        name = fold_compact(person.full_name or "")
        if not name:
            continue
        for entry in _registered_as(uow, person, record_id, SPOUSE_ROLES, RecordType.MARRIAGE):
            matched.setdefault(entry.record_n, []).append(
                PartySummary(name, entry.date_of_birth, entry.personal_id))
    # Each of these has a spouse who is one of the two (same_person on the index's values
    # is same_person on the record's). In force unless a spouse has died: first the spouse
    # found, as the index holds them (at a million records most namesakes have a namesake's
    # death), then the other spouse of those still standing; then only the marriages in
    # force are read (the warning quotes their names and numbers).
    standing = [n for n in sorted(matched)
                if not any(_died(uow, p, record_id, registered) for p in matched[n])]
    in_force = [n for n, *pair in _indexed_spouses(uow, standing, registered)
                if not any(_died(uow, p, record_id, registered) for p in pair)]
    marriages = _registered_marriages(uow, in_force, registered)
    return ValidationContext(
        active_marriages=tuple(marriages),
        husband_birth=_own_birth(uow, husband, record_id),
        wife_birth=_own_birth(uow, wife, record_id),
        record_id=record_id,
    )


# -- what a context reads first (a bulk import skips the reads that cannot find anything) ---
# Where a record points at the record it affects (change, recognition, guardianship end).
LINK_PATHS = ("original_record", "child.birth_record")


class Lookups(NamedTuple):
    """The first reads validation_context makes about an entry: the values it looks up in
    the person index (by column), and whether it reads a record the entry names by id. Every
    other read starts from a record these find, so when no value is in the index and no
    record is named, the context is the empty one. (Roles are left out: a superset.)"""

    match_keys: tuple[str, ...]
    name_keys: tuple[str, ...]  # a ward's
    mothers: tuple[tuple[str, str, str], ...]  # (mother_key, born from, born to): twins
    names_a_record: bool
    spouses: tuple[SpouseWanted, ...] = ()  # bigamy's: the spouses of a new marriage


class SpouseWanted(NamedTuple):
    """A spouse of a new marriage as parties_like looks for namesakes married before: the
    folded name, the birth dates of the same year (``lo``..``hi`` as ISO text; any when the
    year is unknown; a party without a date also counts) or the same personal ID."""

    name_key: str
    lo: str
    hi: str
    personal_id: str  # "" when unknown (a stored ID is never empty)

    def matches(self, date_of_birth: str | None, personal_id: str | None) -> bool:
        """Whether a party with this name may be found (the SQL of held_spouses)."""
        return (date_of_birth is None or self.lo <= date_of_birth <= self.hi
                or (bool(self.personal_id) and personal_id == self.personal_id))


def _spouse_wanted(person: PartySummary) -> SpouseWanted:
    born = _year(person.date_of_birth)
    lo, hi = year_range(born) if born else ("", "\U0010ffff")
    return SpouseWanted(fold_compact(person.full_name or ""), lo, hi, person.personal_id or "")


def lookups(record_type: str, data: JSONObject) -> Lookups:
    match: list[str | None] = []
    names: list[str | None] = []
    mothers: list[tuple[str, str, str]] = []
    spouses: list[SpouseWanted] = []
    if record_type == RecordType.BIRTH:
        keys = _birth_keys(data)
        if keys.mother and keys.window is not None:
            mothers.append((keys.mother, *keys.window))
        match.append(keys.child)
    elif record_type == RecordType.MARRIAGE:
        spouses = [_spouse_wanted(w) for w in _spouses_wanted(data) if w.full_name]
        match += [_own_key(party(data, "husband")), _own_key(party(data, "wife"))]
    elif record_type == RecordType.GUARDIANSHIP and data.get("kind") != "termination":
        names.append(_ward_key(data))
    return Lookups(tuple(k for k in match if k), tuple(k for k in names if k),
                   tuple(mothers), _names_a_record(record_type, data), tuple(spouses))


def _names_a_record(record_type: str, data: JSONObject) -> bool:
    """Any record id in a reference field (the target, unknown links, the link kept)."""
    for path in (*reference_paths(record_type), *LINK_PATHS):
        value = get(data, path)
        if isinstance(value, dict):
            value = value.get("record_id") or value.get("id")
        if isinstance(value, str) and value.strip():
            return True
    return False
