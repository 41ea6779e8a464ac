"""Digitising old paper books (issue 17): a book being digitised, its pages (scans or phone
photos, kept encrypted in the store like every attachment, turned and cropped for reading
while the scan stays as captured), the historical entries keyed from each page at their
position on it, progress and accuracy from counters (never a read of every entry), and
double entry.

Double entry (a commune setting): two officers key the same entry independently. The first
keying is blind: it waits in blind_keyings, not as a record, so search, lists, a record's
detail and the CLI cannot show it to anyone; its keyer alone sees it again. The second
keying creates the entry (the first keyer's) and the two are compared field by field after
Unicode NFC normalisation. What agrees is accepted; only the disagreements go to a third
person (or the supervisor), who decides each one with the page in view. The entry is then
verified and submitted (a status change through change_status); both keyings stay in
entry_keyings, the comparison in entry_fields and the decision in the audit. Without it,
single entry plus the second officer's verification (four eyes) applies. The sample
re-check is in workflows/recheck.py.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop_app import diskspace
from desktop_app.accounts import Permission, require
from desktop_app.domain import Issue, Status, record_type
from desktop_app.domain.fields import SOURCE_PHASES
from desktop_app.domain.types import JSONObject, JSONValue
from desktop_app.errors import HotichError, NotFoundError, UsageError
from desktop_app.record import StoredRecord
from desktop_app.scans import ROTATIONS as ROTATIONS  # books.ROTATIONS to its users
from desktop_app.session import Session
from desktop_app.store.books_repo import (
    Accuracy,
    BookRow,
    Crop,
    EntryPlace,
    FieldComparison,
    PageRow,
    Progress,
)
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.workflows import attachments, records
from desktop_app.workflows.status import actor_of, change_status

DOUBLE_ENTRY_KEY = "digitisation.double_entry"
MIN_CROP = 0.02  # a crop narrower than 2 % of the page is a slip of the mouse
PAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".pdf")


@dataclass(frozen=True)
class Digitisation:
    books: list[tuple[BookRow, Progress]]
    communes: list[Progress]


@dataclass(frozen=True)
class Keyed:
    """What keying an entry did: ``stage`` is "single" (one keying, four eyes to follow),
    "first" (double entry, kept blind until the second keying), "agreed" (both keyings agree:
    verified and submitted) or "disagreed" (``disagreements`` wait for a decision)."""

    record: StoredRecord | None  # None for a blind first keying: no record exists yet
    stage: str
    disagreements: tuple[FieldComparison, ...] = ()
    issues: tuple[Issue, ...] = ()  # the keying's own warnings, for its keyer


@dataclass(frozen=True)
class AccuracyReport:
    officers: list[Accuracy]
    books: list[Accuracy]
    fields: list[tuple[str, int]]
    corrected_by_book: dict[str, int] = field(default_factory=dict)
    """Entries a registered correction concerns later, per book and per officer who entered
    them: the errors double entry and verification both missed."""
    corrected_by_officer: dict[str, int] = field(default_factory=dict)


# -- normalisation and comparison (pure) --------------------------------------------------
def normalised(value: JSONValue) -> JSONValue:
    """NFC, outer spaces dropped and runs of spaces made one: two keyings of the same text
    typed with another input method (composed or decomposed diacritics) are equal."""
    if isinstance(value, str):
        return " ".join(unicodedata.normalize("NFC", value).split())
    if isinstance(value, list):
        return [normalised(v) for v in value]
    if isinstance(value, dict):
        return {k: normalised(v) for k, v in value.items()}
    return value


def _flat(data: Mapping[str, JSONValue], prefix: str = "") -> dict[str, str]:
    """Dotted path -> canonical JSON of each filled leaf (lists are one leaf)."""
    out: dict[str, str] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flat(value, path + "."))
        elif value not in (None, "", []):
            out[path] = json.dumps(normalised(value), ensure_ascii=False, sort_keys=True)
    return out


def compare(first: JSONObject, second: JSONObject) -> list[FieldComparison]:
    """Field by field, every path either keying filled."""
    a, b = _flat(first), _flat(second)
    return [FieldComparison(path, a.get(path), b.get(path), a.get(path) == b.get(path))
            for path in sorted(a.keys() | b.keys())]


def _merged(fields: list[FieldComparison]) -> JSONObject:
    """The entry's data from the agreed values and the decided ones."""
    data: JSONObject = {}
    for f in fields:
        value = f.first if f.agreed else f.decided
        if value is None:
            continue
        *parents, leaf = f.path.split(".")
        node = data
        for part in parents:
            child = node.setdefault(part, {})
            assert isinstance(child, dict)
            node = child
        node[leaf] = json.loads(value)
    return data


# -- helpers --------------------------------------------------------------------------------
def book_in(uow: UnitOfWork, book_id: str) -> BookRow:
    """The book of this id, or of a unique id prefix of 4+ characters (NotFoundError)."""
    book = uow.books.get(book_id)
    if book is None and len(book_id) >= 4:
        found = uow.books.find_by_prefix(book_id)
        book = found[0] if len(found) == 1 else None
    if book is None:
        raise NotFoundError(what="book", key=book_id)
    return book


def _page(uow: UnitOfWork, book: BookRow, page_no: int) -> PageRow:
    page = uow.books.page(book.id, page_no)
    if page is None:
        raise NotFoundError(what="page", key=str(page_no))
    return page


def _change_page(session: Session, book_id: str, page_no: int, action: str,
                 details: JSONObject, change: Callable[[UnitOfWork, PageRow], None]) -> PageRow:
    """How a page is read (rotation, crop), changed and audited; the page as it is now."""
    now = session.clock.now()
    with session.store.write() as uow:
        book = book_in(uow, book_id)
        page = _page(uow, book, page_no)
        change(uow, page)
        uow.audit.append(at=now, actor=session.account.username, action=action,
                         target=book.id, details={"page": page_no, **details})
        return _page(uow, book, page_no)


def _check_rotation(rotation: int) -> int:
    if rotation % 360 not in ROTATIONS:
        raise HotichError("E-BOOK-ROTATION", rotation=rotation)
    return rotation % 360


def double_entry_required(session: Session) -> bool:
    with session.store.read() as uow:
        return uow.meta.get(DOUBLE_ENTRY_KEY) == "1"


def set_double_entry(session: Session, required: bool) -> None:
    """The commune's choice (supervisors): two independent keyings per entry, or one keying
    and a second officer's verification."""
    require(session.account, Permission.APPROVE_RECORD)
    with session.store.write() as uow:
        uow.meta.put(DOUBLE_ENTRY_KEY, "1" if required else "0")
        uow.audit.append(at=session.clock.now(), actor=session.account.username,
                         action="digitisation.double_entry", target=DOUBLE_ENTRY_KEY,
                         details={"required": required})


# -- books and pages ------------------------------------------------------------------------
def open_book(session: Session, rtype: str, year: int, book_number: str,
              office_as_written: str, phase: int) -> BookRow:
    """A paper book being digitised: its type, year, number and registering office as the
    cover gives them, and the legal phase it was kept under (domain.md)."""
    require(session.account, Permission.CREATE_RECORD)
    rtype = record_type(rtype).value
    if phase not in SOURCE_PHASES:
        raise UsageError(detail="phase: 1 to 5")
    if not book_number.strip() or not office_as_written.strip():
        raise UsageError(detail="the book number and the office are required")
    if not 1800 <= year <= 2100:
        raise UsageError(detail="year: 1800 to 2100")
    now = session.clock.now()
    with session.store.write() as uow:
        book = BookRow(str(uuid.uuid4()), uow.meta.get("commune_code") or "", rtype, year,
                       book_number.strip(), office_as_written.strip(), phase,
                       session.account.username, now.isoformat())
        uow.books.add(book)
        uow.audit.append(at=now, actor=session.account.username, action="book.open",
                         target=book.id, details={"type": rtype, "year": year,
                                                  "book_number": book.book_number,
                                                  "phase": phase})
    return book


def add_page(session: Session, book_id: str, content: bytes, *, rotation: int = 0,
             file_name: str = "") -> PageRow:
    """The next page of the book (JPEG, PNG or PDF by its content). The same scan added again
    is the page it already is."""
    require(session.account, Permission.CREATE_RECORD)
    media_type = attachments.check_content(content)
    rotation = _check_rotation(rotation)
    diskspace.ensure_room(session.paths.database, 2 * len(content))
    now = session.clock.now()
    with session.store.write() as uow:
        book = book_in(uow, book_id)
        digest = uow.attachments.keep(content, media_type, now)
        known = next((p for p in uow.books.pages(book.id) if p.sha256 == digest), None)
        if known is not None:
            return known
        page_no = uow.books.last_page_no(book.id) + 1
        uow.books.add_page(book.id, page_no, digest, media_type, rotation, file_name,
                           session.account.username, now)
        uow.audit.append(at=now, actor=session.account.username, action="book.page",
                         target=book.id, details={"page": page_no, "sha256": digest,
                                                  "media_type": media_type,
                                                  "size": len(content), "rotation": rotation})
        return _page(uow, book, page_no)


def page_files(folder: Path) -> list[Path]:
    """The scans of a folder (or USB stick) in name order: IMG_0001.jpg before IMG_0002.jpg."""
    try:
        return sorted((p for p in folder.iterdir()
                       if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES),
                      key=lambda p: p.name.casefold())
    except OSError as exc:
        raise HotichError("E-FILE", path=folder.name) from exc


def import_pages(session: Session, book_id: str, folder: Path, *,
                 rotation: int = 0) -> list[PageRow]:
    """Every scan of a folder as the book's next pages, one unit of work per page (an import
    cut short keeps what it stored; importing the folder again skips those)."""
    require(session.account, Permission.CREATE_RECORD)
    _check_rotation(rotation)
    files = page_files(folder)
    if not files:
        raise HotichError("E-BOOK-NO-PAGES", path=folder.name)
    pages: list[PageRow] = []
    for path in files:
        content = attachments.read_file(path)
        try:
            attachments.media_type_of(content)
        except HotichError as exc:
            raise HotichError("E-BOOK-PAGE-TYPE", path=path.name) from exc
        pages.append(add_page(session, book_id, content, rotation=rotation,
                              file_name=path.name))
    return pages


def rotate_page(session: Session, book_id: str, page_no: int, rotation: int) -> PageRow:
    """How the page is turned for reading (the scan itself is kept as captured)."""
    require(session.account, Permission.CREATE_RECORD)
    rotation = _check_rotation(rotation)
    return _change_page(session, book_id, page_no, "book.rotate", {"rotation": rotation},
                        lambda uow, page: uow.books.set_rotation(page.id, rotation))


def _check_crop(crop: Crop | None) -> Crop | None:
    if crop is None:
        return None
    left, top, right, bottom = (float(v) for v in crop)
    if not (0 <= left < right <= 1 and 0 <= top < bottom <= 1) or \
            right - left < MIN_CROP or bottom - top < MIN_CROP:
        raise HotichError("E-BOOK-CROP")
    if (left, top, right, bottom) == (0, 0, 1, 1):
        return None  # the whole page is no crop
    return (round(left, 4), round(top, 4), round(right, 4), round(bottom, 4))


def crop_page(session: Session, book_id: str, page_no: int, crop: Crop | None) -> PageRow:
    """The part of the page to read (left, top, right, bottom in fractions of the scan as
    captured); None shows the whole page again. Like rotation, the scan is kept whole."""
    require(session.account, Permission.CREATE_RECORD)
    crop = _check_crop(crop)
    return _change_page(session, book_id, page_no, "book.crop",
                        {"crop": list(crop) if crop else None},
                        lambda uow, page: uow.books.set_crop(page.id, crop))


def pages_of(session: Session, book_id: str) -> list[PageRow]:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return uow.books.pages(book_in(uow, book_id).id)


def page_content(session: Session, book_id: str, page_no: int) -> bytes:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        page = _page(uow, book_in(uow, book_id), page_no)
        content = uow.attachments.get(page.sha256)
    if content is None:
        raise NotFoundError(what="page", key=str(page_no))
    return content


def books(session: Session) -> list[BookRow]:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return uow.books.all()


def get_book(session: Session, book_id: str) -> BookRow:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return book_in(uow, book_id)


def entries_of(session: Session, book_id: str) -> list[EntryPlace]:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return uow.books.entries_of(book_in(uow, book_id).id)


def place_of(session: Session, record_id: str) -> EntryPlace | None:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return uow.books.place_of(records.find_record(uow, record_id).id)


def digitisation(session: Session) -> Digitisation:
    """Pages captured, entries keyed, verified and with warnings, per book and per commune."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        by_id = {b.id: b for b in uow.books.all()}
        return Digitisation([(by_id[p.book_id], p) for p in uow.books.progress_by_book()],
                            uow.books.progress_by_commune())


# -- entries --------------------------------------------------------------------------------
def with_source(book: BookRow, page_no: int, data: JSONObject) -> JSONObject:
    """The entry's `source` says which book and page it comes from; what the officer typed
    there (the entry number, a differently written book number) is kept."""
    source = data.get("source")
    typed = dict(source) if isinstance(source, dict) else {}
    filled: JSONObject = {**data, "source": {"office": book.office_as_written,
                                             "book_number": book.book_number,
                                             "year": book.year, "page": page_no,
                                             "phase": str(book.phase), **typed}}
    # The entry's Quyển số is the book's own (W-LEGACY-NO-NUMBER would say the book lacks
    # it); one typed otherwise, or marked illegible, is kept as it is.
    illegible = data.get("illegible")
    if data.get("book_number") in (None, "") and not (
            isinstance(illegible, list) and "book_number" in illegible):
        filled["book_number"] = book.book_number
    return filled


def _tie_scan(uow: UnitOfWork, session: Session, rec: StoredRecord, page: PageRow) -> None:
    """The page's scan joins the entry's attachments: it travels with the entry."""
    content = uow.attachments.get(page.sha256)
    if content is not None and not any(r.sha256 == page.sha256
                                       for r in uow.attachments.rows_of(rec.id)):
        attachments.attach_in(uow, rec, content, page.media_type, kind=attachments.SCAN,
                              at=session.clock.now(), actor=session.account.username)


def key_entry(session: Session, book_id: str, page_no: int, position: int,
              data: JSONObject) -> Keyed:
    """Key the entry at ``position`` (1 = first on the page) of a page. In double entry the
    first keying is kept blind (no record: search, lists and detail cannot show it) until a
    second officer keys the same position; then the entry is created and compared."""
    require(session.account, Permission.CREATE_RECORD)
    if not isinstance(data, dict):
        raise UsageError(detail="the record must be a JSON object")
    if position < 1:
        raise UsageError(detail="position: 1 or more")
    now = session.clock.now()
    officer = session.account.username
    with session.store.write() as uow:
        book = book_in(uow, book_id)
        page = _page(uow, book, page_no)
        data = with_source(book, page_no, data)
        double = uow.meta.get(DOUBLE_ENTRY_KEY) == "1"
        existing = uow.books.entry_at(page.id, position)
        blind = uow.books.blind(page.id, position)
        if existing is None and blind is None:
            if double:
                kept, issues = records.checked_new(uow, session, book.type, data,
                                                   historical=True)
                uow.books.add_blind(page.id, position, book.id, officer, kept, now)
                uow.audit.append(at=now, actor=officer, action="book.entry", target=book.id,
                                 details={"page": page_no, "position": position, "keying": 1})
                return Keyed(None, "first", issues=tuple(issues))
            result = records.create_in(uow, session, book.type, data, historical=True)
            rec = result.record
            uow.books.tie(rec.id, book.id, page.id, position)
            _tie_scan(uow, session, rec, page)
            uow.audit.append(at=now, actor=officer, action="book.entry", target=rec.id,
                             details={"book": book.id, "page": page_no, "position": position,
                                      "keying": 0})
            return Keyed(rec, "single", issues=result.issues)
        if blind is not None:
            if blind.officer == officer:
                raise HotichError("E-BOOK-SAME-KEYER")
            # both keyings are in: the entry is created from the first, the first keyer's
            rec = records.create_in(uow, session, book.type, blind.data, historical=True,
                                    officer=blind.officer).record
            uow.books.tie(rec.id, book.id, page.id, position)
            uow.books.drop_blind(page.id, position)
            _tie_scan(uow, session, rec, page)
            uow.books.add_keying(rec.id, 1, blind.officer, blind.data,
                                 datetime.fromisoformat(blind.keyed_at))
            first = blind
        else:
            assert existing is not None
            keyings = uow.books.keyings(existing)
            if not double or not keyings:
                raise HotichError("E-BOOK-POSITION-TAKEN", page=page_no, position=position)
            if len(keyings) > 1:
                raise HotichError("E-BOOK-KEYED-TWICE", page=page_no, position=position)
            if keyings[0].officer == officer:
                raise HotichError("E-BOOK-SAME-KEYER")
            # a first keying stored as a draft before schema 12
            rec = records.find_record(uow, existing)
            if rec.status != Status.DRAFT:
                raise HotichError("E-BOOK-KEYED-TWICE", page=page_no, position=position)
            first = keyings[0]
        second, _issues = records.checked_data(uow, session, rec, data)
        uow.books.add_keying(rec.id, 2, officer, second, now)
        fields = compare(first.data, second)
        uow.books.put_fields(rec.id, fields)
        disagreed = tuple(f for f in fields if not f.agreed)
        _count_comparison(uow, book.id, (first.officer, officer), fields)
        uow.audit.append(at=now, actor=officer, action="book.entry", target=rec.id,
                         details={"book": book.id, "page": page_no, "position": position,
                                  "keying": 2, "fields": len(fields),
                                  "disagreed": [f.path for f in disagreed]})
        if disagreed:
            return Keyed(rec, "disagreed", disagreed)
        rec = _settle(uow, session, rec, fields, first.officer, officer)
        return Keyed(rec, "agreed")


def _count_comparison(uow: UnitOfWork, book_id: str, keyers: tuple[str, str],
                      fields: list[FieldComparison]) -> None:
    """The accuracy counters of one compared entry (what accuracy() reads)."""
    disagreed = [f.path for f in fields if not f.agreed]
    for key in keyers:
        uow.books.count_keying("officer", key, entries=1, fields=len(fields),
                               disagreed=len(disagreed))
    uow.books.count_keying("book", book_id, entries=1, fields=len(fields),
                           disagreed=len(disagreed))
    uow.books.count_disagreements(disagreed)


def _count_decision(uow: UnitOfWork, book_id: str | None, keyers: tuple[str, str],
                    before: FieldComparison, decided: str | None) -> None:
    """A decision makes the keyings that differ from it wrong (a decision taken again first
    takes back what the earlier one counted)."""
    def wrongs(value: str | None, sign: int) -> None:
        first, second = int(before.first != value), int(before.second != value)
        uow.books.count_keying("officer", keyers[0], wrong=sign * first)
        uow.books.count_keying("officer", keyers[1], wrong=sign * second)
        if book_id is not None:
            uow.books.count_keying("book", book_id, wrong=sign * (first + second))

    if before.decided_by is not None:
        wrongs(before.decided, -1)
    wrongs(decided, 1)


def _settle(uow: UnitOfWork, session: Session, rec: StoredRecord,
            fields: list[FieldComparison], first: str, second: str) -> StoredRecord:
    """Both keyings reconciled: the entry takes the agreed and decided values, counts as
    verified by the one who made it so, and goes to the supervisor."""
    data, issues = records.checked_data(uow, session, rec, _merged(fields))
    decided = [{"path": f.path, "first": f.first, "second": f.second, "decided": f.decided,
                "by": f.decided_by} for f in fields if not f.agreed]
    return change_status(
        uow, rec, Status.SUBMITTED, actor=actor_of(session.account), at=session.clock.now(),
        action="double_entry.settle",
        details={"keyed_by": [first, second], "fields": len(fields), "decisions": decided},
        data=data, issues=issues, verified_by=session.account.username)


def disagreements(session: Session, record_id: str) -> list[FieldComparison]:
    """The fields of a double-entered entry whose two keyings differ (decided or not)."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        rec = records.find_record(uow, record_id)
        return [f for f in uow.books.fields(rec.id) if not f.agreed]


def awaiting_decision(session: Session) -> list[StoredRecord]:
    """Double-entered entries with a disagreement nobody decided yet."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return [r for r in (uow.records.get(i) for i in uow.books.undecided()) if r]


@dataclass(frozen=True)
class Decision:
    """What the person deciding sees: the entry, where it is in the book, who keyed it, its
    disagreements, and why the acting account may not decide (the error decide raises)."""

    record: StoredRecord
    place: EntryPlace | None
    keyed_by: tuple[str, ...]
    disagreements: tuple[FieldComparison, ...]
    refusal: HotichError | None = None


def _refusal(session: Session, keyed_by: tuple[str, ...]) -> HotichError | None:
    try:
        require(session.account, Permission.VERIFY_HISTORICAL)
    except HotichError as error:
        return error
    return HotichError("E-BOOK-DECIDER-KEYED") if session.account.username in keyed_by \
        else None


def decisions(session: Session) -> list[Decision]:
    """The double-entered entries waiting for a decision, each with what deciding needs."""
    require(session.account, Permission.VIEW)
    found: list[Decision] = []
    with session.store.read() as uow:
        for record_id in uow.books.undecided():
            rec = uow.records.get(record_id)
            if rec is None:
                continue
            keyed_by = tuple(k.officer for k in uow.books.keyings(rec.id))
            found.append(Decision(
                rec, uow.books.place_of(rec.id), keyed_by,
                tuple(f for f in uow.books.fields(rec.id)
                      if not f.agreed and f.decided_by is None),
                _refusal(session, keyed_by)))
    return found


def decide(session: Session, record_id: str, values: Mapping[str, JSONValue]) -> Keyed:
    """A third person (never one of the two keyers) decides disagreements with the page in
    view: ``values`` maps a disagreeing path to its value (None: left empty, as when the
    book is silent). Once none is left, the entry is settled."""
    require(session.account, Permission.VERIFY_HISTORICAL)
    now = session.clock.now()
    with session.store.write() as uow:
        rec = records.find_record(uow, record_id)
        keyings = uow.books.keyings(rec.id)
        fields = uow.books.fields(rec.id)
        if len(keyings) < 2 or rec.status != Status.DRAFT:
            raise HotichError("E-BOOK-NOTHING-TO-DECIDE")
        if session.account.username in {k.officer for k in keyings}:
            raise HotichError("E-BOOK-DECIDER-KEYED")
        open_paths = {f.path for f in fields if not f.agreed}
        unknown = sorted(set(values) - open_paths)
        if unknown:
            raise HotichError("E-BOOK-NOT-DISAGREED", paths=", ".join(unknown))
        place = uow.books.place_of(rec.id)
        before = {f.path: f for f in fields}
        keyers = (keyings[0].officer, keyings[1].officer)
        for path, value in values.items():
            kept = None if value in (None, "", []) else json.dumps(
                normalised(value), ensure_ascii=False, sort_keys=True)
            uow.books.decide(rec.id, path, kept, session.account.username, now)
            _count_decision(uow, place.book_id if place else None, keyers, before[path], kept)
        uow.audit.append(at=now, actor=session.account.username,
                         action="double_entry.decide", target=rec.id,
                         details={"decided": sorted(values)})
        fields = uow.books.fields(rec.id)
        left = tuple(f for f in fields if not f.agreed and f.decided_by is None)
        if left:
            return Keyed(rec, "disagreed", left)
        return Keyed(_settle(uow, session, rec, fields, keyings[0].officer,
                             keyings[1].officer), "agreed")


def accuracy(session: Session, *, fields: int = 10) -> AccuracyReport:
    """Per officer and per book, the share of double-entered fields that disagreed, and the
    fields most often disagreed on."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return AccuracyReport(uow.books.accuracy_by_officer(), uow.books.accuracy_by_book(),
                              uow.books.most_disagreed_fields(fields),
                              uow.books.corrected_later("book"),
                              uow.books.corrected_later("officer"))


# -- the entries of one page (the keying page) ----------------------------------------------
@dataclass(frozen=True)
class Slot:
    """A position of a page already keyed: ``record_id`` once the entry exists, None while
    a blind first keying waits (``mine``: the acting officer keyed it). Never its data."""

    position: int
    record_id: str | None
    mine: bool


def page_slots(session: Session, book_id: str, page_no: int) -> list[Slot]:
    require(session.account, Permission.VIEW)
    me = session.account.username
    with session.store.read() as uow:
        page = _page(uow, book_in(uow, book_id), page_no)
        slots = [Slot(pos, rid, False) for pos, rid in uow.books.entries_of_page(page.id)]
        slots += [Slot(pos, None, by == me) for pos, by in uow.books.blind_of_page(page.id)]
    return sorted(slots, key=lambda s: s.position)


def entry_to_rekey(session: Session, record_id: str) -> tuple[JSONObject, bool]:
    """A keyed entry of the page as the keying page shows it again, and whether the acting
    officer may still correct it there: their own draft of one keying (single entry), not
    submitted yet. A double-entered entry is settled by the comparison, never edited."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        rec = records.find_record(uow, record_id)
        editable = (rec.status == Status.DRAFT and rec.officer == session.account.username
                    and not uow.books.keyings(rec.id))
        return dict(rec.data), editable


def own_keying(session: Session, book_id: str, page_no: int, position: int
               ) -> JSONObject | None:
    """The acting officer's own blind first keying of a position (None for anyone else's:
    the second keyer never sees the first)."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        page = _page(uow, book_in(uow, book_id), page_no)
        blind = uow.books.blind(page.id, position)
    return blind.data if blind is not None and blind.officer == session.account.username \
        else None


def _own_blind(uow: UnitOfWork, session: Session, book_id: str, page_no: int,
               position: int) -> tuple[BookRow, PageRow]:
    """The book and page of the acting officer's own blind keying of a position. Anyone
    else's is refused as if there were none: it is not even said to exist."""
    book = book_in(uow, book_id)
    page = _page(uow, book, page_no)
    if uow.books.entry_at(page.id, position) is not None:
        raise HotichError("E-BOOK-SECOND-IN", page=page_no, position=position)
    blind = uow.books.blind(page.id, position)
    if blind is None or blind.officer != session.account.username:
        raise HotichError("E-BOOK-NO-OWN-KEYING", page=page_no, position=position)
    return book, page


def correct_own_keying(session: Session, book_id: str, page_no: int, position: int,
                       data: JSONObject) -> Keyed:
    """The first keyer corrects their blind keying before any second keying: it stays blind,
    and what they keyed before is kept (blind_keyings_earlier, named by the audit)."""
    require(session.account, Permission.CREATE_RECORD)
    if not isinstance(data, dict):
        raise UsageError(detail="the record must be a JSON object")
    now = session.clock.now()
    with session.store.write() as uow:
        book, page = _own_blind(uow, session, book_id, page_no, position)
        kept, issues = records.checked_new(uow, session, book.type,
                                           with_source(book, page_no, data), historical=True)
        earlier = uow.books.keep_earlier_blind(page.id, position, "corrected", now)
        uow.books.replace_blind(page.id, position, kept, now)
        uow.audit.append(at=now, actor=session.account.username, action="book.entry.correct",
                         target=book.id, details={"page": page_no, "position": position,
                                                  "keying": 1, "earlier": earlier})
    return Keyed(None, "first", issues=tuple(issues))


def discard_own_keying(session: Session, book_id: str, page_no: int, position: int) -> None:
    """The first keyer takes back their blind keying before any second keying: the position
    is free again; what they keyed is kept (blind_keyings_earlier, named by the audit)."""
    require(session.account, Permission.CREATE_RECORD)
    now = session.clock.now()
    with session.store.write() as uow:
        book, page = _own_blind(uow, session, book_id, page_no, position)
        earlier = uow.books.keep_earlier_blind(page.id, position, "discarded", now)
        uow.books.drop_blind(page.id, position)
        uow.ocr.drop_blind_reviews(page.id, position, session.account.username)
        uow.audit.append(at=now, actor=session.account.username, action="book.entry.discard",
                         target=book.id, details={"page": page_no, "position": position,
                                                  "keying": 1, "earlier": earlier})


# The import's files (workflows/bulk_import*.py) still call these by their former names.
_book = book_in
_with_source = with_source
