"""Bulk digitisation (issue 13): historical entries imported from a file into the store.

A file (CSV or XLSX with a column mapping, or the project's JSON: a list of records) is read
row by row; each row becomes record data (mapping: column -> dotted field path), is prepared
(NFC) and validated against the store like a hand-keyed entry. Errors refuse the row (listed
with its line and rules); warnings are kept on the entry and counted. Nothing is dropped
silently: every line is imported or refused.

Preparing (reading, typing, NFC, addresses, validation without the store, index entries)
is done 200 rows at a time, by a second process for a big file (bulk_import_worker); this
one builds each entry's context from the store, keeps or redoes its findings
(bulk_import_prepare) and writes.

Batches: one unit of work per batch (the entries, each with its creation event, one audit
entry naming the batch, and the checkpoint). The checkpoint (last line done and the running
summary) lives in the store's meta under a key derived from the file's content and options,
so an import killed mid-way continues after the last committed batch without duplicating.
Imported entries are historical drafts, like a hand-keyed book entry: submit and the second
officer's verification (four eyes) follow as for any historical entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.accounts import Permission, require
from desktop_app.domain import RecordType, record_type
from desktop_app.domain.indexing import LOOKED_UP_ROLES, MATCHED_ROLE, SPOUSE_ROLES
from desktop_app.domain.types import JSONObject
from desktop_app.domain.validation import validate_prepared
from desktop_app.errors import HotichError
from desktop_app.record import RecordEvent
from desktop_app.session import Session
from desktop_app.store.books_repo import BookRow
from desktop_app.store.records_repo import Indexed, SpouseLike
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.workflows import books, record_index, records
from desktop_app.workflows.bulk_import_prepare import (
    Item,
    Plan,
    Prepared,
    Refused,
    empty_context,
    findings_of,
)
from desktop_app.workflows.bulk_import_rows import (
    FORMATS,
    TABULAR,
    Row,
    format_of,
    load_mapping,
    read_rows,
    row_data,
    save_mapping,
    typed,
)
from desktop_app.workflows.bulk_import_worker import Flow, prepared_batches, worth_a_worker
from desktop_app.workflows.status import new_draft

__all__ = ["BATCH", "FORMATS", "TABULAR", "ImportSummary", "Refused", "Row", "checkpoint_key",
           "format_of", "load_mapping", "read_rows", "row_data", "run_import", "save_mapping",
           "typed"]

# Entries per transaction: an index page they share is written once, not per batch (paired
# against 5,000: into 100,000 records +4-15 % in 3 pairs, into 1,000,000 +2-32 % in 2). The bar
# and Cancel follow each chunk, not each commit.
BATCH = 10_000
CHUNK = 200  # rows prepared at a time (the worker's messages; smaller than a batch)
IMPORT_CACHE_KIB = 256 * 1024
CHECKPOINT_PREFIX = "import.checkpoint."
STAGE = "entries"  # the progress stage (ui/widgets/progress.py words it)


@dataclass
class ImportSummary:
    """What an import did (over every run of the same file: a resumed import counts the lines
    its earlier runs did)."""

    imported: int = 0
    with_warnings: int = 0
    refused: list[Refused] = field(default_factory=list)
    rules: Counter[str] = field(default_factory=Counter)
    last_line: int = 0
    resumed_from: int = 0
    book: str | None = None

    def to_json(self) -> dict[str, object]:
        return {"imported": self.imported, "with_warnings": self.with_warnings,
                "refused": [r.to_json() for r in self.refused],
                "refused_count": len(self.refused), "rules": dict(sorted(self.rules.items())),
                "last_line": self.last_line, "resumed_from": self.resumed_from,
                "book": self.book}

    def _checkpoint(self) -> str:
        return json.dumps({"line": self.last_line, "imported": self.imported,
                           "with_warnings": self.with_warnings,
                           "refused": [r.to_json() for r in self.refused],
                           "rules": dict(self.rules), "book": self.book},
                          ensure_ascii=False, sort_keys=True)

    @classmethod
    def _from_checkpoint(cls, text: str) -> ImportSummary:
        raw = json.loads(text)
        return cls(imported=raw["imported"], with_warnings=raw["with_warnings"],
                   refused=[Refused(r["line"], tuple(r["rules"]), tuple(r["fields"]))
                            for r in raw["refused"]],
                   rules=Counter(raw["rules"]), last_line=raw["line"],
                   resumed_from=raw["line"], book=raw.get("book"))


# -- import ---------------------------------------------------------------------------------
def checkpoint_key(content: bytes, rtype: str | None, book: str,
                   mapping: Mapping[str, str] | None) -> str:
    digest = hashlib.sha256(content)
    digest.update(json.dumps([rtype, book, dict(mapping or {})], sort_keys=True,
                             ensure_ascii=False).encode())
    return CHECKPOINT_PREFIX + digest.hexdigest()[:32]


def _paper_book(uow: UnitOfWork, book: str) -> BookRow | None:
    try:
        return books._book(uow, book)
    except HotichError:
        return None


def run_import(session: Session, path: Path, *, book: str, rtype: str | None = None,
               mapping: Mapping[str, str] | None = None, batch: int = BATCH,
               progress: Callable[[str, int, int], None] | None = None,
               worker: bool | None = None, wait_for_worker: bool = False) -> ImportSummary:
    """Import ``path`` as historical entries of ``book``; resumes after the last committed
    batch of an earlier run of the same file and options.

    ``progress(stage, line, last_line)`` is called after each chunk written and each
    committed batch; it may raise to stop the import there (the desktop's Cancel): what is
    written is committed and stays, with its checkpoint, and the same import started again
    continues after it. ``worker``: prepare the rows in a second process (None: when the
    file is big enough and there are two cores; the result is the same either way);
    ``wait_for_worker``: this process prepares none before the worker's first batch (tests:
    the worker's path taken)."""
    require(session.account, Permission.CREATE_RECORD)
    if rtype is not None:
        rtype = record_type(rtype).value
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise HotichError("E-FILE", path=str(path)) from exc
    format_of(path)  # a file of another kind is refused before anything starts
    with session.store.read() as uow:
        paper = _paper_book(uow, book)
        if rtype is None and paper is not None:
            rtype = paper.type
        # The book as resolved: its id given whole or as a prefix is the same import.
        key = checkpoint_key(content, rtype, paper.id if paper is not None else book, mapping)
        saved = uow.meta.get(key)
    summary = ImportSummary._from_checkpoint(saved) if saved else ImportSummary()
    summary.book = paper.id if paper is not None else book
    plan = Plan(rtype, paper, book, records.local_today(session))
    use_worker = worth_a_worker(path, content) if worker is None else worker
    flow = Flow()
    # An unreadable file is refused at the first batch (read_rows), before any is written.
    chunks = prepared_batches(lambda: read_rows(path, content, mapping), path, content,
                              dict(mapping) if mapping else None, plan,
                              after_line=summary.last_line, size=CHUNK, worker=use_worker,
                              ahead=batch // CHUNK + 1, wait_for_worker=wait_for_worker,
                              flow=flow)
    # Cancel stops the worker too; the log is checkpointed after the import (held).
    with contextlib.closing(chunks), _import_cache(session), \
            session.store.checkpointer.held(), \
            _Batches(session, plan, key, summary, batch, progress, flow) as batches:
        for chunk in chunks:
            batches.add(chunk)
    if progress is not None:
        progress(STAGE, summary.last_line, summary.last_line)
    return summary


@contextlib.contextmanager
def _import_cache(session: Session) -> Iterator[None]:
    """A bigger page cache for the import's connection: each entry adds keys all over the
    person and record indexes, which a large register holds in far more pages than the
    everyday cache (at 100,000 records, 16 MB: ~4x the time in SQLite)."""
    with session.store.read() as uow:
        before = uow.records.page_cache(IMPORT_CACHE_KIB)
    try:
        yield
    finally:
        with session.store.read() as uow:
            uow.records.page_cache(before)


class _Batches:
    """Entries written as they come into one open unit of work, committed with one audit
    entry naming its lines and the checkpoint once it holds ``size`` lines, and at the end;
    ``summary`` changes only when a batch has committed; ``progress`` is told then and after
    each chunk written (it may raise: the import stops there, the open batch committed as it
    is; any other error rolls the open batch back). A batch spans many of the worker's
    chunks: each commit writes every index page its entries touched, so committing the
    entries ready whenever none were coming wrote more pages an entry (into 100,000 records,
    6.5 an entry in commits of 1,000, 3.2 in commits of 3,400)."""

    def __init__(self, session: Session, plan: Plan, key: str, summary: ImportSummary,
                 size: int, progress: Callable[[str, int, int], None] | None,
                 flow: Flow) -> None:
        self._session, self._plan, self._key, self._summary = session, plan, key, summary
        self._size, self._progress, self._flow = size, progress, flow
        self._open: _OpenBatch | None = None

    def __enter__(self) -> _Batches:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: Any) -> None:
        if kind is None:
            self._commit(tell=False)  # the last: run_import tells the end
        elif self._open is not None:  # nothing of an unfinished batch is kept
            opened, self._open = self._open, None
            opened.abandon(kind, error, trace)

    def add(self, items: list[Item]) -> None:
        while items:
            if self._open is None:
                self._open = _OpenBatch(self._session, self._plan, self._summary)
            room = self._size - self._open.lines
            self._open.write(items[:room])
            items = items[room:]
            if self._open.lines >= self._size:
                self._commit()
        if self._open is not None and self._progress is not None:
            # The bar moves with each chunk, and a Cancel raised here stops at once: every
            # entry of the open batch is whole, so the batch is committed as it is (with
            # its checkpoint) and the same file continues after it.
            try:
                self._progress(STAGE, self._open.last_line,
                               max(self._flow.total, self._open.last_line))
            except BaseException:
                self._commit(tell=False)
                raise

    def _commit(self, *, tell: bool = True) -> None:
        if self._open is None:
            return
        opened, self._open = self._open, None
        done = opened.commit(self._key)
        summary = self._summary
        summary.imported, summary.with_warnings = done.imported, done.with_warnings
        summary.refused, summary.rules = done.refused, done.rules
        summary.last_line = done.last_line
        if tell and self._progress is not None:
            self._progress(STAGE, summary.last_line, max(self._flow.total, summary.last_line))


class _OpenBatch:
    """One batch's unit of work while its entries are written."""

    def __init__(self, session: Session, plan: Plan, summary: ImportSummary) -> None:
        self._plan = plan
        self._now = session.clock.now()
        self._officer = session.account.username
        self._today = records.local_today(session)
        self._done = ImportSummary(
            imported=summary.imported, with_warnings=summary.with_warnings,
            refused=list(summary.refused), rules=Counter(summary.rules),
            last_line=summary.last_line, resumed_from=summary.resumed_from,
            book=summary.book)
        self._refused_before = len(summary.refused)
        self._first_line: int | None = None
        self._events: list[RecordEvent] = []
        self._stack = contextlib.ExitStack()
        self._uow = self._stack.enter_context(session.store.write())
        try:
            self._office = self._uow.meta.get("commune_code") or ""
        except BaseException:  # no batch to hand back: its transaction ends here
            self._stack.__exit__(*sys.exc_info())
            raise
        self._registered = record_index.Registered()  # the import registers nothing: kept
        self.lines = 0

    @property
    def last_line(self) -> int:
        """The last line written into the batch so far (committed or not)."""
        return self._done.last_line

    def write(self, items: list[Item]) -> None:
        """The entries of ``items`` (in file order), each validated with what the store and
        the entries before it hold; in the store when this returns."""
        if not items:
            return
        uow, done, officer, now = self._uow, self._done, self._officer, self._now
        if self._first_line is None:
            self._first_line = items[0].line
        # What the store (with the batch's entries written so far) holds that these look up.
        held = _Held(uow, [i for i in items if not isinstance(i, Refused)])
        written: list[Indexed] = []  # not yet in the store: written before any read of it
        unwritten = _Held(None, [])  # what those may relate to
        for item in items:
            if isinstance(item, Refused):
                done.refused.append(item)
                continue
            related = held.may_relate(item)
            if related:  # the store holds something it may relate to (twins, targets...)
                if unwritten.may_relate(item):  # perhaps one of those not written yet
                    uow.records.insert_many_indexed(written)
                    written, unwritten = [], _Held(None, [])
                context = record_index.validation_context(uow, item.type, item.data,
                                                          item.record_id, self._registered)
            else:
                context = empty_context(item.record_id)
            if context == empty_context(item.record_id) and self._today == self._plan.today:
                found = item.findings  # prepared against this very context
            else:  # judged with what the store holds
                found = findings_of(validate_prepared(
                    RecordType(item.type), item.data, historical=True, today=self._today,
                    context=context))
            if found.errors:
                done.refused.append(Refused(item.line, tuple(c for c, _ in found.errors),
                                            tuple(f for _, f in found.errors)))
                done.rules.update({c for c, _ in found.errors})
                continue
            prepared = item.data
            rec = new_draft(
                id=item.record_id, type=item.type, data=prepared, office=self._office,
                officer=officer, created_at=now, updated_at=now, is_historical=True,
                issues=found.kept,
                links_to=records._link_target(uow, prepared) if item.lookups.names_a_record
                else None,
                registration_number=records._as_found(prepared, "registration_number"),
                book_number=records._as_found(prepared, "book_number"),
                registered_on=records._as_found(prepared, "registered_on"))
            # The context of a later entry sees this one: in the index at once (held), in
            # the store before that context is read.
            written.append(Indexed(rec, item.persons, item.text, item.data_json,
                                   found.kept_json))
            held.add(item)
            unwritten.add(item)
            self._events.append(RecordEvent(rec.id, now, officer, "create", None, rec.status,
                                            ""))
            _count(done, found.kept)
        uow.records.insert_many_indexed(written)
        self.lines += len(items)
        done.last_line = items[-1].line

    def commit(self, key: str) -> ImportSummary:
        """The batch's events, its audit entry and the checkpoint, committed; what the
        import has done with it."""
        uow, done = self._uow, self._done
        with self._stack:
            uow.records.add_events(self._events)
            uow.audit.append(at=self._now, actor=self._officer, action="record.import",
                             target=done.book or self._plan.book,
                             details={"count": len(self._events),
                                      "first_line": self._first_line,
                                      "last_line": done.last_line,
                                      "refused": len(done.refused) - self._refused_before,
                                      "historical": True})
            uow.meta.put(key, done._checkpoint())
        return done

    def abandon(self, kind: type[BaseException], error: BaseException | None,
                trace: Any) -> None:
        """Rolled back: the import stopped (or failed) before the batch was whole."""
        self._stack.__exit__(kind, error, trace)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


class _Held:
    """The person-index values that a batch's entries look up (record_index.lookups), as far
    as the store holds them: asked once for the batch, then kept up to date as its entries
    are written. An entry none of whose values is held (and that names no record) has the
    empty context, with no read: most old entries relate to nothing in the store."""

    def __init__(self, uow: UnitOfWork | None, items: list[Prepared]) -> None:
        """The values the store holds (None: none, only the entries then added)."""
        self.match: set[str] = set()
        self.name: set[str] = set()
        self.mothers: set[tuple[str, str, str]] = set()
        self.spouses: set[SpouseLike] = set()
        if uow is not None:
            self.match = uow.records.held_keys(
                "match_key", (k for i in items for k in i.lookups.match_keys))
            self.name = uow.records.held_keys(
                "name_key", (k for i in items for k in i.lookups.name_keys))
            self.mothers = uow.records.held_births(m for i in items for m in i.lookups.mothers)
            self.spouses = uow.records.held_spouses(w for i in items for w in i.lookups.spouses)
        self.born: dict[str, list[str]] = {}  # mother key -> children's births of the batch
        # name key -> (date of birth, personal ID) of the batch's husbands and wives
        self.wed: dict[str, list[tuple[str | None, str | None]]] = {}

    def may_relate(self, item: Prepared) -> bool:
        found = item.lookups
        return (found.names_a_record or any(k in self.match for k in found.match_keys)
                or any(k in self.name for k in found.name_keys)
                or any(w in self.spouses or any(w.matches(*p) for p in self.wed.get(w[0], ()))
                       for w in found.spouses)
                or any(m in self.mothers or any(m[1] <= born <= m[2]
                                                for born in self.born.get(m[0], ()))
                       for m in found.mothers))

    def add(self, item: Prepared) -> None:
        """The entry's own person rows (record_persons: role, match, name, mother, ...), as
        far as the lookups read them (held_keys)."""
        for row in item.persons:
            if row[0] == MATCHED_ROLE:
                self.match.add(str(row[1]))
            if row[0] in LOOKED_UP_ROLES:
                self.name.add(str(row[2]))
            if row[0] in SPOUSE_ROLES:
                self.wed.setdefault(str(row[2]), []).append(
                    (_text(row[4]), _text(row[6])))
            if row[3] is not None and row[4] is not None:  # a birth's child, with its day
                self.born.setdefault(str(row[3]), []).append(str(row[4]))


def _count(summary: ImportSummary, kept: tuple[JSONObject, ...]) -> None:
    summary.imported += 1
    if kept:
        summary.with_warnings += 1
    summary.rules.update({str(i["rule"]) for i in kept})
