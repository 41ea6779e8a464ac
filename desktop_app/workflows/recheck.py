"""The sample re-check of digitised entries (issue 17 item 4): a supervisor draws at random 2 %
(at least a few) of the verified entries of a book or of the commune, re-keys each blind from
its page, and gets the field error rate the sample estimates with its Wilson 95 % interval
(desktop_app/domain/sampling.py). The entries themselves never change: a difference found
is corrected through the usual procedure.
"""

from __future__ import annotations

import random
import secrets
import uuid
from dataclasses import dataclass

from desktop_app.accounts import Permission, require
from desktop_app.domain import prepare_record
from desktop_app.domain.sampling import (
    RECHECK_MINIMUM,
    RECHECK_SHARE,
    Estimate,
    sample_size,
    wilson,
)
from desktop_app.domain.types import JSONObject
from desktop_app.errors import HotichError, NotFoundError, UsageError
from desktop_app.session import Session
from desktop_app.store.books_repo import EntryPlace, RecheckItem, RecheckSample
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.workflows import records
from desktop_app.workflows.books import book_in, compare, with_source

# Filled from the book by with_source, not keyed: they would agree by construction.
_FROM_THE_BOOK = frozenset({"book_number", "source.office", "source.book_number",
                            "source.year", "source.page", "source.phase"})


@dataclass(frozen=True)
class RecheckEntry:
    """An entry drawn for re-checking, as the re-keyer sees it: where it is, not its data."""

    record_id: str
    type: str
    place: EntryPlace | None
    rekeyed_by: str | None


@dataclass(frozen=True)
class RecheckReport:
    sample: RecheckSample
    drawn: int
    rekeyed: int
    fields: Estimate  # wrong fields among the fields re-keyed, with its 95 % interval
    entries: Estimate  # entries with at least one wrong field
    by_field: list[tuple[str, int]]


def draw_recheck(session: Session, *, book_id: str | None = None,
                 share: float = RECHECK_SHARE, minimum: int = RECHECK_MINIMUM,
                 seed: int | None = None) -> RecheckSample:
    """A supervisor draws at random ``share`` (at least ``minimum``) of the verified entries
    of a book, or of every book of the commune, that they had no hand in, to re-key them
    blind (the sample's population is that frame)."""
    require(session.account, Permission.APPROVE_RECORD)
    if not 0 < share <= 1 or minimum < 1:
        raise UsageError(detail="share: above 0, up to 1; minimum: 1 or more")
    now = session.clock.now()
    seed = secrets.randbits(32) if seed is None else seed
    with session.store.write() as uow:
        book = book_in(uow, book_id) if book_id else None
        commune = book.commune if book else uow.meta.get("commune_code") or ""
        # The sampling frame: the verified entries the re-checker had no hand in (keyed,
        # verified or decided), so every drawn entry can be re-keyed blind and none is
        # skipped afterwards, which would bias the rate. The drawer is the re-checker.
        book_of = book.id if book else None
        verified = len(uow.books.verified_entries(book_id=book_of, commune=commune))
        population = uow.books.verified_entries(book_id=book_of, commune=commune,
                                                not_by=session.account.username)
        if not population:
            raise HotichError("E-RECHECK-ALL-OWN" if verified else "E-RECHECK-EMPTY")
        excluded = verified - len(population)
        drawn = random.Random(seed).sample(population, sample_size(len(population), share,
                                                                   minimum))
        sample = RecheckSample(str(uuid.uuid4()), book.id if book else None, commune, share,
                               len(population), seed, session.account.username,
                               now.isoformat())
        uow.books.add_sample(sample, sorted(drawn))
        uow.audit.append(at=now, actor=session.account.username, action="recheck.draw",
                         target=sample.id, details={"book": sample.book_id,
                                                    "commune": commune, "share": share,
                                                    "population": len(population),
                                                    "frame": "not_by_rechecker",
                                                    "excluded": excluded,
                                                    "drawn": len(drawn), "seed": seed})
    return sample


def _sample(uow: UnitOfWork, sample_id: str) -> RecheckSample:
    sample = uow.books.sample(sample_id)
    if sample is None:
        found = [s for s in uow.books.samples() if s.id.startswith(sample_id)] \
            if len(sample_id) >= 4 else []
        sample = found[0] if len(found) == 1 else None
    if sample is None:
        raise NotFoundError(what="re-check sample", key=sample_id)
    return sample


def recheck_samples(session: Session) -> list[RecheckSample]:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return uow.books.samples()


def recheck_entries(session: Session, sample_id: str) -> list[RecheckEntry]:
    """The entries of a sample with their place in the book, never their data."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        sample = _sample(uow, sample_id)
        found: list[RecheckEntry] = []
        for item in uow.books.sample_items(sample.id):
            rec = uow.records.get(item.record_id)
            found.append(RecheckEntry(item.record_id, rec.type if rec else "",
                                      uow.books.place_of(item.record_id), item.rekeyed_by))
    return found


def recheck_key(session: Session, sample_id: str, record_id: str,
                data: JSONObject) -> RecheckItem:
    """The supervisor's blind re-keying of a drawn entry from its page, compared field by
    field with the verified entry. Nothing in the entry changes: a difference found is
    corrected through the usual procedure."""
    require(session.account, Permission.APPROVE_RECORD)
    if not isinstance(data, dict):
        raise UsageError(detail="the record must be a JSON object")
    now = session.clock.now()
    me = session.account.username
    with session.store.write() as uow:
        sample = _sample(uow, sample_id)
        rec = records.find_record(uow, record_id)
        item = next((i for i in uow.books.sample_items(sample.id) if i.record_id == rec.id),
                    None)
        if item is None:
            raise HotichError("E-RECHECK-NOT-IN-SAMPLE", sample=sample.id[:8])
        if item.rekeyed_by is not None:
            raise HotichError("E-RECHECK-DONE")
        if me in {rec.officer, rec.verified_by} | {k.officer
                                                  for k in uow.books.keyings(rec.id)}:
            raise HotichError("E-RECHECK-OWN-ENTRY")
        place = uow.books.place_of(rec.id)
        if place is not None:
            data = with_source(book_in(uow, place.book_id), place.page_no, data)
        rekeyed = prepare_record(rec.type, data)
        fields = [f for f in compare(rec.data, rekeyed) if f.path not in _FROM_THE_BOOK]
        differences = [f.path for f in fields if not f.agreed]
        uow.books.rekeyed(sample.id, rec.id, me, now, len(fields), differences)
        uow.audit.append(at=now, actor=me, action="recheck.key", target=rec.id,
                         details={"sample": sample.id, "fields": len(fields),
                                  "differences": differences})
        return next(i for i in uow.books.sample_items(sample.id) if i.record_id == rec.id)


def _report(uow: UnitOfWork, sample: RecheckSample) -> RecheckReport:
    items = uow.books.sample_items(sample.id)
    done = [i for i in items if i.rekeyed_by is not None]
    by_field: dict[str, int] = {}
    for i in done:
        for path in i.differences:
            by_field[path] = by_field.get(path, 0) + 1
    return RecheckReport(
        sample, len(items), len(done),
        wilson(sum(i.wrong or 0 for i in done), sum(i.fields or 0 for i in done)),
        wilson(sum(1 for i in done if i.wrong), len(done)),
        sorted(by_field.items(), key=lambda kv: (-kv[1], kv[0])))


def recheck_report(session: Session, sample_id: str) -> RecheckReport:
    """The estimated field error rate of the verified entries the sample stands for."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return _report(uow, _sample(uow, sample_id))


def recheck_reports(session: Session) -> list[RecheckReport]:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return [_report(uow, s) for s in uow.books.samples()]
