"""Registration numbers (Số) and book numbers (Quyển số), and the pure number allocator.

Số runs per book type, per calendar year, per office from 1, continues into the next book of
the same year and is never reused (TT04 Art 29). A device draws numbers from a block leased
for it; the store persists the block returned by allocate_number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.domain.errors import InvalidNumberBlockError, NumberBlockExhaustedError
from desktop_app.domain.record_types import BOOK_CODES, RecordType, record_type

_BOOK_NUMBER = re.compile(r"^(\d{2,})-TP/HT-(\d{4})-([A-ZĐ]+)$")


def book_code(rt: RecordType | str) -> str:
    return BOOK_CODES[record_type(rt)]


def format_book_number(seq: int, year: int, rt: RecordType | str) -> str:
    """01-TP/HT-2026-KS: the seq-th book of that type opened in that year."""
    if seq < 1:
        raise ValueError("seq")
    return f"{seq:02d}-TP/HT-{year:04d}-{book_code(rt)}"


@dataclass(frozen=True)
class BookNumber:
    seq: int
    year: int
    record_type: RecordType


def parse_book_number(text: str) -> BookNumber | None:
    """The parts of a book number of our pattern, or None (old books may differ)."""
    match = _BOOK_NUMBER.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        return None
    codes = {code: rt for rt, code in BOOK_CODES.items()}
    rt = codes.get(match.group(3))
    return BookNumber(int(match.group(1)), int(match.group(2)), rt) if rt else None


def format_registration_number(number: int, year: int | None = None) -> str:
    """ "05" or "386/2026": at least two digits, with the year where the document shows it."""
    if number < 1:
        raise ValueError("number")
    return f"{number:02d}/{year:04d}" if year is not None else f"{number:02d}"


@dataclass(frozen=True)
class NumberBlock:
    """Numbers start..end (inclusive) leased to this device; next is the next unused one."""

    start: int
    end: int
    next: int

    def __post_init__(self) -> None:
        if not (1 <= self.start <= self.end and self.start <= self.next <= self.end + 1):
            raise InvalidNumberBlockError(start=self.start, end=self.end, next=self.next)

    @property
    def remaining(self) -> int:
        return self.end + 1 - self.next

    @property
    def is_exhausted(self) -> bool:
        return self.next > self.end


def allocate_number(block: NumberBlock) -> tuple[int, NumberBlock]:
    """(the number to use, the block to persist). Raises NumberBlockExhaustedError."""
    if block.is_exhausted:
        raise NumberBlockExhaustedError(end=block.end)
    return block.next, NumberBlock(block.start, block.end, block.next + 1)
