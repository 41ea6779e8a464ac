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
from desktop_app.domain import NumberBlock, RecordType, allocate_number, format_book_number
from desktop_app.domain import record_type as parse_type
from desktop_app.domain.errors import NoNumberBlockError, NumberBlockExhaustedError
from desktop_app.errors import HotichError
from desktop_app.session import Session
from desktop_app.store.numbers_repo import Book
from desktop_app.store.unit_of_work import UnitOfWork

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


def _block_size(uow: UnitOfWork) -> int:
    value = uow.meta.get(BLOCK_SIZE_KEY)
    return int(value) if value and value.isdigit() and int(value) > 0 else DEFAULT_LOCAL_BLOCK


def _current_book(uow: UnitOfWork, record_type: str, year: int, office: str,
                  now: datetime) -> Book:
    book = uow.numbers.open_book(record_type, year, office)
    if book is not None:
        return book
    seq = uow.numbers.last_seq(record_type, year, office)
    if seq and any(b.closed_at for b in uow.numbers.books_of_year(year)
                   if b.record_type == record_type and b.office == office and b.seq == seq
                   and b.totals and b.totals.get("year_end")):
        raise BookClosedError(book_number=format_book_number(seq, year, record_type))
    book = Book(record_type, year, office, seq + 1, format_book_number(seq + 1, year, record_type),
                now.isoformat(), None, None)
    uow.numbers.add_book(book)
    return book


def assign_number(uow: UnitOfWork, record_type: str, year: int, office: str,
                  now: datetime) -> AssignedNumber:
    """The next number of that book; runs inside the approval's unit of work."""
    book = _current_book(uow, record_type, year, office, now)
    stored = uow.numbers.active_block(record_type, year, office)
    if stored is None:
        if uow.meta.get(SOURCE_KEY) == "central":
            if not any(b.source == "central" and b.record_type == record_type
                       and b.office == office for b in uow.numbers.blocks(year)):
                raise NoNumberBlockError()  # enrolled, never leased: "used up" would mislead
            raise NumberBlockExhaustedError(end=uow.numbers.highest_end(
                record_type, year, office))
        start = uow.numbers.highest_end(record_type, year, office) + 1
        block = NumberBlock(start, start + _block_size(uow) - 1, start)
        block_id = uow.numbers.add_block(record_type, year, office, block, "local", now)
    else:
        block_id, block = stored.id, stored.block
    number, after = allocate_number(block)
    uow.numbers.save_next(block_id, after)
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
    with session.store.read() as uow:
        office = uow.meta.get("commune_code") or ""
        result = []
        for rtype in RecordType:
            book = uow.numbers.open_book(rtype.value, year, office)
            result.append(BookStatus(rtype.value, year, book.book_number if book else None,
                                     uow.numbers.remaining(rtype.value, year, office),
                                     book is None and uow.numbers.last_seq(
                                         rtype.value, year, office) > 0))
    return result


def close_year(session: Session, year: int) -> list[Book]:
    """Close every open book of ``year`` with its totals (done on 31/12); audited."""
    require(session.account, Permission.APPROVE_RECORD)
    now = session.clock.now()
    closed = []
    with session.store.write() as uow:
        for book in uow.numbers.books_of_year(year):
            if book.closed_at:
                continue
            totals = {**uow.numbers.book_totals(book.record_type, year, book.office,
                                                book.book_number), "year_end": True}
            uow.numbers.close_book(book, now, totals)
            uow.audit.append(at=now, actor=session.account.username, action="book.close",
                             target=book.book_number, details=totals)
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
    rtype = parse_type(record_type).value
    block = NumberBlock(start, end, start)
    now = session.clock.now()
    with session.store.write() as uow:
        office = uow.meta.get("commune_code") or ""
        for existing in uow.numbers.blocks(year):
            if existing.record_type == rtype and existing.office == office and \
                    start <= existing.block.end and existing.block.start <= end:
                raise NumberBlockOverlapError(start=start, end=end)
        uow.numbers.add_block(rtype, year, office, block, "local", now)
        uow.audit.append(at=now, actor=session.account.username, action="numbers.block",
                         target=f"{rtype}/{year}", details={"start": start, "end": end})
    return block


def switch_to_leased_numbers(uow: UnitOfWork) -> None:
    """Once enrolled, numbers come only from blocks leased by the centre: unused local numbers
    are given up so that no two devices of the commune can issue the same one. The numbers
    already used are told to the centre with each lease (uow.numbers.highest_issued)."""
    if uow.meta.get(SOURCE_KEY) == "central":
        return
    uow.meta.put(SOURCE_KEY, "central")
    uow.numbers.give_up_local_blocks()
