"""Assigning Số and Quyển số at approval, and closing the books at year end.

Numbers come from blocks kept in the store. Until the device leases blocks from the central
system (sync), it makes its own local block when none is left; once enrolled
(meta ``numbering.source`` = ``central``) only leased blocks are used, so two devices of one
commune never issue the same number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.accounts import Permission, require
from desktop_app.domain import NumberBlock, allocate_number, format_book_number
from desktop_app.domain.errors import NumberBlockExhaustedError
from desktop_app.errors import HotichError
from desktop_app.session import Session
from desktop_app.store import audit_repo, meta_repo, numbers_repo
from desktop_app.store.database import Connection
from desktop_app.store.numbers_repo import Book

SOURCE_KEY = "numbering.source"
BLOCK_SIZE_KEY = "numbering.local_block_size"
DEFAULT_LOCAL_BLOCK = 100


class BookClosedError(HotichError):
    """params: book_number."""

    code = "E-BOOK-CLOSED"


@dataclass(frozen=True)
class AssignedNumber:
    number: int
    book_number: str


def _block_size(conn: Connection) -> int:
    value = meta_repo.get(conn, BLOCK_SIZE_KEY)
    return int(value) if value and value.isdigit() and int(value) > 0 else DEFAULT_LOCAL_BLOCK


def _current_book(conn: Connection, record_type: str, year: int, office: str,
                  now: datetime) -> Book:
    book = numbers_repo.open_book(conn, record_type, year, office)
    if book is not None:
        return book
    seq = numbers_repo.last_seq(conn, record_type, year, office)
    if seq and any(b.closed_at for b in numbers_repo.books_of_year(conn, year)
                   if b.record_type == record_type and b.office == office and b.seq == seq
                   and b.totals and b.totals.get("year_end")):
        raise BookClosedError(book_number=format_book_number(seq, year, record_type))
    book = Book(record_type, year, office, seq + 1, format_book_number(seq + 1, year, record_type),
                now.isoformat(), None, None)
    numbers_repo.add_book(conn, book)
    return book


def assign_number(conn: Connection, record_type: str, year: int, office: str,
                  now: datetime) -> AssignedNumber:
    """The next number of that book; runs inside the approval's transaction."""
    book = _current_book(conn, record_type, year, office, now)
    stored = numbers_repo.active_block(conn, record_type, year, office)
    if stored is None:
        if meta_repo.get(conn, SOURCE_KEY) == "central":
            raise NumberBlockExhaustedError(end=numbers_repo.highest_end(
                conn, record_type, year, office))
        start = numbers_repo.highest_end(conn, record_type, year, office) + 1
        block = NumberBlock(start, start + _block_size(conn) - 1, start)
        block_id = numbers_repo.add_block(conn, record_type, year, office, block, "local", now)
    else:
        block_id, block = stored.id, stored.block
    number, after = allocate_number(block)
    numbers_repo.save_next(conn, block_id, after)
    return AssignedNumber(number, book.book_number)


@dataclass(frozen=True)
class BookStatus:
    record_type: str
    year: int
    book_number: str | None
    numbers_left: int
    closed: bool


def numbers_left(session: Session, year: int) -> list[BookStatus]:
    """For the dashboard: what is left in each book's leased blocks."""
    require(session.account, Permission.VIEW)
    conn = session.db.connection()
    office = meta_repo.get(conn, "commune_code") or ""
    from desktop_app.domain import RecordType

    result = []
    for rtype in RecordType:
        book = numbers_repo.open_book(conn, rtype.value, year, office)
        result.append(BookStatus(rtype.value, year, book.book_number if book else None,
                                 numbers_repo.remaining(conn, rtype.value, year, office),
                                 book is None and numbers_repo.last_seq(
                                     conn, rtype.value, year, office) > 0))
    return result


def close_year(session: Session, year: int) -> list[Book]:
    """Close every open book of ``year`` with its totals (done on 31/12); audited."""
    require(session.account, Permission.APPROVE_RECORD)
    now = session.clock.now()
    closed = []
    with session.db.transaction() as conn:
        for book in numbers_repo.books_of_year(conn, year):
            if book.closed_at:
                continue
            totals = {**numbers_repo.book_totals(conn, book.record_type, year, book.office,
                                                 book.book_number), "year_end": True}
            numbers_repo.close_book(conn, book, now, totals)
            audit_repo.append(conn, at=now, actor=session.account.username,
                              action="book.close", target=book.book_number, details=totals)
            closed.append(Book(book.record_type, year, book.office, book.seq, book.book_number,
                               book.opened_at, now.isoformat(), totals))
    return closed


class NumberBlockOverlapError(HotichError):
    """params: start, end."""

    code = "E-NUMBER-BLOCK-OVERLAP"


def add_local_block(session: Session, record_type: str, year: int, start: int,
                    end: int) -> NumberBlock:
    """A block typed in by the office, e.g. to continue a paper book from number 386.

    Refused when it overlaps a block this device already has (numbers are never reused).
    """
    require(session.account, Permission.APPROVE_RECORD)
    from desktop_app.domain import record_type as parse_type

    rtype = parse_type(record_type).value
    block = NumberBlock(start, end, start)
    now = session.clock.now()
    with session.db.transaction() as conn:
        office = meta_repo.get(conn, "commune_code") or ""
        for existing in numbers_repo.blocks(conn, year):
            if existing.record_type == rtype and existing.office == office and \
                    start <= existing.block.end and existing.block.start <= end:
                raise NumberBlockOverlapError(start=start, end=end)
        numbers_repo.add_block(conn, rtype, year, office, block, "local", now)
        audit_repo.append(conn, at=now, actor=session.account.username, action="numbers.block",
                          target=f"{rtype}/{year}", details={"start": start, "end": end})
    return block


def switch_to_leased_numbers(conn: Connection) -> None:
    """Once enrolled, numbers come only from blocks leased by the centre: unused local numbers
    are given up so that no two devices of the commune can issue the same one. The numbers
    already used are told to the centre with each lease (numbers_repo.highest_issued)."""
    if meta_repo.get(conn, SOURCE_KEY) == "central":
        return
    meta_repo.put(conn, SOURCE_KEY, "central")
    conn.execute("UPDATE number_blocks SET next = end + 1 WHERE source = 'local'")
