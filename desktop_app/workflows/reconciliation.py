"""Reconciling a digitised book with the centre's population registry (issue 17 item 7).

The births (or deaths) of a book are compared with the registry's events of the commune
registered in the book's year, read through the SyncGateway port page by page. An entry is
matched with a registry person by personal ID when the book has one, otherwise by the name,
the date of birth and, for births, the mother's name (folded: no case, no diacritics, so
that "Ân" and "An" meet, and then differ as a field). What is left is listed for the officer:

- ``missing_at_centre``: an entry of the book that the registry does not hold;
- ``missing_in_book``: a registry event of that year and commune the book does not hold;
- ``field_differs``: a matched pair that differs on a field both sides give.

Each is resolved by the officer: ``accept_book`` (the book's value stands; the centre is to
be told), ``correction`` (a correction of the entry opens as a draft, from the book's value
to the registry's) or ``checked`` (seen and explained). The last reconciliation of a book
and its resolutions are kept in the store; each resolution is an audit entry.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace

from desktop_app.accounts import Permission, require
from desktop_app.domain.access import get
from desktop_app.domain.text import fold_compact
from desktop_app.domain.types import JSONObject
from desktop_app.errors import HotichError
from desktop_app.ports import SyncTransport
from desktop_app.record import StoredRecord
from desktop_app.session import Session
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.sync_types import CancelToken, ProgressCallback, RegistryPerson
from desktop_app.workflows import records
from desktop_app.workflows.books import book_in
from desktop_app.workflows.enrolment import require_identity
from desktop_app.workflows.reconciliation_kinds import MismatchKind as MismatchKind
from desktop_app.workflows.reconciliation_kinds import Resolution as Resolution

KEY_PREFIX = "reconciliation."  # + book id: the last reconciliation, as JSON, in meta


ALLOWED: dict[MismatchKind, tuple[Resolution, ...]] = {
    MismatchKind.MISSING_AT_CENTRE: (Resolution.ACCEPT_BOOK, Resolution.CHECKED),
    MismatchKind.MISSING_IN_BOOK: (Resolution.CHECKED,),
    MismatchKind.FIELD_DIFFERS: (Resolution.ACCEPT_BOOK, Resolution.CORRECTION,
                                 Resolution.CHECKED),
}


@dataclass(frozen=True)
class Subject:
    """Where a book's entry keeps the person and what is compared: (record path, registry
    field). The first three identify the person."""

    role: str
    name: str
    date_of_birth: str
    compared: tuple[tuple[str, str], ...]


SUBJECTS: dict[str, Subject] = {
    "birth": Subject("child", "child.full_name", "child.date_of_birth", (
        ("child.full_name", "full_name"), ("child.sex", "sex"),
        ("child.date_of_birth", "date_of_birth"), ("mother.full_name", "mother_name"),
        ("father.full_name", "father_name"))),
    "death": Subject("deceased", "deceased.full_name", "deceased.date_of_birth", (
        ("deceased.full_name", "full_name"), ("deceased.sex", "sex"),
        ("deceased.date_of_birth", "date_of_birth"), ("time_of_death", "date_of_death"))),
}


@dataclass(frozen=True)
class Mismatch:
    key: str
    kind: MismatchKind
    name: str  # whom it concerns, as the book (or else the registry) writes it
    record_id: str | None = None
    personal_id: str | None = None
    field: str | None = None  # the record's path
    book_value: str | None = None
    centre_value: str | None = None


@dataclass(frozen=True)
class Resolved:
    resolution: Resolution
    by: str
    at: str
    correction_id: str | None = None


@dataclass(frozen=True)
class Reconciliation:
    book_id: str
    event: str
    year: int
    checked_at: str
    entries: int
    registry: int
    matched: int
    mismatches: tuple[Mismatch, ...]
    resolved: dict[str, Resolved] = field(default_factory=dict)

    @property
    def open(self) -> tuple[Mismatch, ...]:
        return tuple(m for m in self.mismatches if m.key not in self.resolved)

    def count(self, kind: MismatchKind) -> int:
        return sum(1 for m in self.mismatches if m.kind == kind)


# -- comparison (pure) ----------------------------------------------------------------------
def _text(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    return text or None


def _book_value(data: JSONObject, path: str) -> str | None:
    value = _text(get(data, path))
    if value is not None and path == "time_of_death":
        return value[:10]  # the registry keeps the day
    return value


def _identity(name: str | None, born: str | None, mother: str | None) -> tuple[str, ...] | None:
    if not name or not born:
        return None
    return (fold_compact(name), born, fold_compact(mother) if mother else "")


def compare(event: str, entries: Sequence[StoredRecord], persons: Iterable[RegistryPerson]
            ) -> tuple[int, int, list[Mismatch]]:
    """(registry persons, matched pairs, mismatches) of a book's entries against the
    registry's events of its year."""
    subject = SUBJECTS[event]
    people = list(persons)
    by_id = {p.personal_id: p for p in people}
    by_identity: dict[tuple[str, ...], list[RegistryPerson]] = {}
    for p in people:
        key = _identity(p.full_name, p.date_of_birth, p.mother_name if event == "birth"
                        else None)
        if key is not None:
            by_identity.setdefault(key, []).append(p)
    taken: set[str] = set()
    mismatches: list[Mismatch] = []
    matched = 0
    for rec in sorted(entries, key=lambda r: r.id):
        name = _book_value(rec.data, subject.name) or ""
        pid = _text(get(rec.data, f"{subject.role}.personal_id"))
        found = by_id.get(pid) if pid else None
        if found is None:
            mother = _book_value(rec.data, "mother.full_name") if event == "birth" else None
            key = _identity(name, _book_value(rec.data, subject.date_of_birth), mother)
            found = next((p for p in by_identity.get(key, []) if p.personal_id not in taken),
                         None) if key else None
        if found is None or found.personal_id in taken:
            mismatches.append(Mismatch(f"centre:{rec.id}", MismatchKind.MISSING_AT_CENTRE,
                                       name, record_id=rec.id, personal_id=pid))
            continue
        taken.add(found.personal_id)
        matched += 1
        for path, attr in subject.compared:
            ours, theirs = _book_value(rec.data, path), _text(getattr(found, attr))
            if ours is not None and theirs is not None and ours != theirs:
                mismatches.append(Mismatch(
                    f"field:{rec.id}:{path}", MismatchKind.FIELD_DIFFERS, name,
                    record_id=rec.id, personal_id=found.personal_id, field=path,
                    book_value=ours, centre_value=theirs))
    for p in people:
        if p.personal_id not in taken:
            mismatches.append(Mismatch(f"book:{p.personal_id}", MismatchKind.MISSING_IN_BOOK,
                                       p.full_name, personal_id=p.personal_id))
    return len(people), matched, mismatches


# -- keeping it -----------------------------------------------------------------------------
def _dump(result: Reconciliation) -> str:
    return json.dumps(asdict(result), ensure_ascii=False, sort_keys=True)


def _load(text: str) -> Reconciliation:
    raw = json.loads(text)
    mismatches = tuple(Mismatch(**{**m, "kind": MismatchKind(m["kind"])})
                       for m in raw.pop("mismatches"))
    resolved = {k: Resolved(**{**v, "resolution": Resolution(v["resolution"])})
                for k, v in raw.pop("resolved").items()}
    return Reconciliation(**raw, mismatches=mismatches, resolved=resolved)


def _kept(uow: UnitOfWork, book_id: str) -> Reconciliation | None:
    text = uow.meta.get(KEY_PREFIX + book_id)
    return _load(text) if text else None


def _event_of(book_type: str) -> str:
    if book_type not in SUBJECTS:
        raise HotichError("E-RECONCILE-TYPE", type=book_type)
    return book_type


# -- use cases ------------------------------------------------------------------------------
def reconcile_book(session: Session, transport: SyncTransport, book_id: str, *,
                   progress: ProgressCallback | None = None,
                   cancel: CancelToken | None = None) -> Reconciliation:
    """Compare the book's entries with the registry now; resolutions of mismatches that are
    still found are kept."""
    require(session.account, Permission.VIEW)
    require(session.account, Permission.SYNC)
    with session.store.read() as uow:
        book = book_in(uow, book_id)
        event = _event_of(book.type)
        entries = [rec for place in uow.books.entries_of(book.id)
                   if (rec := uow.records.get(place.record_id)) is not None]
    identity = require_identity(session)
    gateway = transport.connect(identity, cancel=cancel)
    try:  # no unit of work is open across the network
        persons = list(gateway.registry_persons(event, book.year, progress=progress))
    finally:
        gateway.close()
    registry, matched, mismatches = compare(event, entries, persons)
    with session.store.write() as uow:
        before = _kept(uow, book.id)
        keys = {m.key for m in mismatches}
        resolved = {k: v for k, v in (before.resolved if before else {}).items() if k in keys}
        result = Reconciliation(book.id, event, book.year, session.clock.now().isoformat(),
                                len(entries), registry, matched, tuple(mismatches), resolved)
        uow.meta.put(KEY_PREFIX + book.id, _dump(result))
        uow.audit.append(at=session.clock.now(), actor=session.account.username,
                         action="book.reconcile", target=book.id,
                         details={"entries": len(entries), "registry": registry,
                                  "matched": matched, "mismatches": len(mismatches)})
    return result


def last_reconciliation(session: Session, book_id: str) -> Reconciliation | None:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return _kept(uow, book_in(uow, book_id).id)


def _correction(uow: UnitOfWork, session: Session, mismatch: Mismatch) -> str:
    """A correction of the entry as a draft: from the book's value to the registry's."""
    assert mismatch.record_id is not None and mismatch.field is not None
    rec = records.find_record(uow, mismatch.record_id)
    role = SUBJECTS[rec.type].role
    field_name = mismatch.field.removeprefix(f"{role}.")
    data: JSONObject = {
        "kind": "correction",
        "subject": {k: v for k, v in {
            "full_name": get(rec.data, f"{role}.full_name"),
            "date_of_birth": get(rec.data, f"{role}.date_of_birth")}.items() if v},
        "original_record": {k: v for k, v in {
            "record_id": rec.id, "registration_number": rec.registration_number,
            "book_number": rec.book_number}.items() if v},
        "changes": [{"field": field_name, "from": mismatch.book_value,
                     "to": mismatch.centre_value}],
        "basis": {"kind": "Đối chiếu với Cơ sở dữ liệu quốc gia về dân cư"},
    }
    return records.create_in(uow, session, "change", data).record.id


def resolve(session: Session, book_id: str, key: str, resolution: Resolution | str
            ) -> Reconciliation:
    """Record the officer's resolution of one mismatch (audited); a correction opens its
    draft in the same transaction."""
    require(session.account, Permission.CREATE_RECORD)
    try:
        chosen = Resolution(resolution)
    except ValueError as exc:
        raise HotichError("E-RECONCILE-RESOLUTION", resolution=str(resolution)) from exc
    with session.store.write() as uow:
        book = book_in(uow, book_id)
        kept = _kept(uow, book.id)
        if kept is None:
            raise HotichError("E-RECONCILE-NOT-RUN", book=book.book_number)
        mismatch = next((m for m in kept.mismatches if m.key == key), None)
        if mismatch is None:
            raise HotichError("E-RECONCILE-UNKNOWN", key=key)
        if chosen not in ALLOWED[mismatch.kind]:
            raise HotichError("E-RECONCILE-RESOLUTION", resolution=chosen.value)
        if key in kept.resolved:
            raise HotichError("E-RECONCILE-RESOLVED", key=key)
        correction = _correction(uow, session, mismatch) \
            if chosen is Resolution.CORRECTION else None
        now = session.clock.now()
        done = Resolved(chosen, session.account.username, now.isoformat(), correction)
        result = replace(kept, resolved={**kept.resolved, key: done})
        uow.meta.put(KEY_PREFIX + book.id, _dump(result))
        uow.audit.append(at=now, actor=session.account.username,
                         action="book.reconcile.resolve",
                         target=mismatch.record_id or book.id,
                         details={"book": book.id, "kind": mismatch.kind.value,
                                  "field": mismatch.field, "resolution": chosen.value,
                                  "correction": correction})
    return result
