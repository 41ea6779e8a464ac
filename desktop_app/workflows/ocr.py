"""OCR suggestions for the pages of a book being digitised (issue 17 item 6).

The officer says how a page is written when adding it: printed or typed pages are read by a
recogniser whose model ships with it (no network), handwritten ones never are. Suggestions
are values proposed per field; nothing is written to a record here. When the entry is
saved, how the officer treated each suggestion (accepted, edited, rejected) is kept, and
``ocr_stats`` gives the accepted share by engine, field and officer.

Reading a page takes ~0.2-3 s: call ``suggest_page`` off the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.accounts import Permission, require
from desktop_app.errors import HotichError, NotFoundError
from desktop_app.ocr import NoTableError, PageImageError, PageReading
from desktop_app.ocr.engines import DEFAULT_ENGINE, EngineUnavailableError, load_engine
from desktop_app.ocr.review import FieldReview
from desktop_app.ports import TextRecogniser
from desktop_app.scans import PageWriting as PageWriting  # ocr.PageWriting to its users
from desktop_app.session import Session
from desktop_app.store.books_repo import BookRow, Crop, PageRow
from desktop_app.store.ocr_repo import OutcomeCount, ReviewRow
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.workflows import records

log = logging.getLogger(__name__)


READABLE = frozenset({PageWriting.PRINTED, PageWriting.TYPED})


@dataclass(frozen=True)
class OcrPage:
    """What a recogniser needs of a page, read in one short unit of work."""

    content: bytes
    rotation: int
    record_type: str
    media_type: str
    sha256: str = ""  # the scan's digest: a page read once is not read again
    crop: Crop | None = None  # as the viewer cuts it (fractions of the scan as captured)


@dataclass(frozen=True)
class OcrStats:
    engines: list[OutcomeCount]
    fields: list[OutcomeCount]
    officers: list[OutcomeCount]


def _page(uow: UnitOfWork, book_id: str, page_no: int) -> tuple[BookRow, PageRow]:
    book = uow.books.get(book_id)
    if book is None and len(book_id) >= 4:  # a unique prefix, as the books commands take
        found = uow.books.find_by_prefix(book_id)
        book = found[0] if len(found) == 1 else None
    if book is None:
        raise NotFoundError(what="book", key=book_id)
    page = uow.books.page(book.id, page_no)
    if page is None:
        raise NotFoundError(what="page", key=str(page_no))
    return book, page


def set_page_writing(session: Session, book_id: str, page_no: int,
                     writing: PageWriting | str) -> PageWriting:
    """How the page is written, as the officer sees it (printed, typed or handwritten)."""
    require(session.account, Permission.CREATE_RECORD)
    try:
        kind = PageWriting(writing)
    except ValueError as exc:
        raise HotichError("E-OCR-WRITING", writing=str(writing)) from exc
    now = session.clock.now()
    with session.store.write() as uow:
        book, page = _page(uow, book_id, page_no)
        uow.ocr.set_writing(page.id, kind.value, session.account.username, now)
        uow.audit.append(at=now, actor=session.account.username, action="book.page_writing",
                         target=book.id, details={"page": page.page_no, "writing": kind.value})
    return kind


def page_writing(session: Session, book_id: str, page_no: int) -> PageWriting | None:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        _, page = _page(uow, book_id, page_no)
        found = uow.ocr.writing(page.id)
    return None if found is None else PageWriting(found)


def page_for_ocr(session: Session, book_id: str, page_no: int) -> OcrPage:
    """The page's picture if it may be read: E-OCR-HANDWRITTEN for a handwritten page,
    E-OCR-WRITING-UNSET when nobody said how it is written. A photo (JPEG, PNG) or a PDF
    scan (rendered by desktop_app/ocr/pdf_pages), turned and cut as the viewer shows it."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        book, page = _page(uow, book_id, page_no)
        writing = uow.ocr.writing(page.id)
        if writing is None:
            raise HotichError("E-OCR-WRITING-UNSET", page=page_no)
        if PageWriting(writing) not in READABLE:
            raise HotichError("E-OCR-HANDWRITTEN", page=page_no)
        content = uow.attachments.get(page.sha256)
    if content is None:
        raise NotFoundError(what="page", key=str(page_no))
    return OcrPage(content, page.rotation, book.type, page.media_type, page.sha256, page.crop)


_READ: OrderedDict[tuple[str, str, int, Crop | None, str], PageReading] = OrderedDict()
_READ_LOCK = threading.Lock()
_KEEP = 24  # pages: going back and forth between the pages of a book reads each once


def read_ocr_page(recogniser: TextRecogniser, page: OcrPage) -> PageReading:
    """Recognise a page got from ``page_for_ocr`` (CPU work, no store: any worker thread).
    The last pages read are kept in memory, by engine and scan."""
    from desktop_app.ocr.reader import read_page  # OpenCV and numpy: only when reading

    key = (recogniser.name, page.sha256, page.rotation, page.crop, page.record_type)
    if page.sha256:
        with _READ_LOCK:
            if key in _READ:
                _READ.move_to_end(key)
                return _READ[key]
    try:
        reading = read_page(recogniser, page.content, page.record_type,
                            rotation=page.rotation, crop=page.crop)
    except NoTableError as exc:
        raise HotichError("E-OCR-NO-TABLE") from exc
    except PageImageError as exc:
        raise HotichError("E-OCR-IMAGE") from exc
    log.info("ocr page read: engine=%s entries=%d lines=%d ms=%.0f", reading.engine,
             len(reading.entries), reading.lines_read, reading.elapsed_ms)
    if page.sha256:
        with _READ_LOCK:
            _READ[key] = reading
            while len(_READ) > _KEEP:
                _READ.popitem(last=False)
    return reading


def suggest_page(session: Session, book_id: str, page_no: int,
                 recogniser: TextRecogniser) -> PageReading:
    """Suggestions for every entry of a printed or typed page (never writes a value)."""
    return read_ocr_page(recogniser, page_for_ocr(session, book_id, page_no))


def record_reviews(session: Session, record_id: str, reviews: Sequence[FieldReview]) -> None:
    """How the officer treated the suggestions of the entry just saved (one per field)."""
    require(session.account, Permission.CREATE_RECORD)
    now = session.clock.now()
    with session.store.write() as uow:
        rec = records.find_record(uow, record_id)
        uow.ocr.save_reviews(rec.id, session.account.username, now,
                             [ReviewRow(r.path, r.engine, r.confidence, r.outcome.value,
                                        r.matched) for r in reviews])


def record_blind_reviews(session: Session, book_id: str, page_no: int, position: int,
                         reviews: Sequence[FieldReview]) -> None:
    """The same for the acting officer's blind first keying of a position (no record yet:
    kept by its page and position, so the accepted share counts both keyers)."""
    require(session.account, Permission.CREATE_RECORD)
    now = session.clock.now()
    me = session.account.username
    with session.store.write() as uow:
        _book, page = _page(uow, book_id, page_no)
        blind = uow.books.blind(page.id, position)
        if blind is None or blind.officer != me:
            raise HotichError("E-BOOK-NO-OWN-KEYING", page=page_no, position=position)
        uow.ocr.save_blind_reviews(page.id, position, me, now,
                                   [ReviewRow(r.path, r.engine, r.confidence, r.outcome.value,
                                              r.matched) for r in reviews])


def ocr_stats(session: Session) -> OcrStats:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return OcrStats(uow.ocr.counts_by_engine(), uow.ocr.counts_by_field(),
                        uow.ocr.counts_by_officer())


def load_recogniser(name: str = DEFAULT_ENGINE) -> TextRecogniser:
    """An engine by name (loaded once per process); E-OCR-ENGINE when not installed."""
    try:
        return load_engine(name)
    except EngineUnavailableError as exc:
        raise HotichError("E-OCR-ENGINE", engine=name) from exc
    except ValueError as exc:
        raise HotichError("E-OCR-ENGINE", engine=name) from exc
