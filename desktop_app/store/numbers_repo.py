"""Number blocks (Số) leased to this device and the books (Quyển số) they are written in."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from desktop_app.domain.numbering import NumberBlock
from desktop_app.store.database import Connection


@dataclass(frozen=True)
class StoredBlock:
    id: int
    record_type: str
    year: int
    office: str
    source: str
    block: NumberBlock


@dataclass(frozen=True)
class Book:
    record_type: str
    year: int
    office: str
    seq: int
    book_number: str
    opened_at: str
    closed_at: str | None
    totals: dict[str, object] | None


_BLOCK_COLUMNS = "id, type, year, office, source, start, end, next"
_BOOK_COLUMNS = "type, year, office, seq, book_number, opened_at, closed_at, totals"


def _block(row: tuple[int, str, int, str, str, int, int, int]) -> StoredBlock:
    return StoredBlock(row[0], row[1], row[2], row[3], row[4], NumberBlock(row[5], row[6], row[7]))


def _book(row: tuple[str, int, str, int, str, str, str | None, str | None]) -> Book:
    return Book(row[0], row[1], row[2], row[3], row[4], row[5], row[6],
                json.loads(row[7]) if row[7] else None)


class NumbersRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # -- blocks ---------------------------------------------------------------------------
    def active_block(self, record_type: str, year: int, office: str) -> StoredBlock | None:
        row = self._conn.execute(
            f"SELECT {_BLOCK_COLUMNS} FROM number_blocks WHERE type = ? AND year = ? "
            "AND office = ? AND next <= end ORDER BY start LIMIT 1",
            (record_type, year, office)).fetchone()
        return _block(row) if row else None

    def blocks(self, year: int | None = None) -> list[StoredBlock]:
        if year is None:
            rows = self._conn.execute(
                f"SELECT {_BLOCK_COLUMNS} FROM number_blocks ORDER BY type, start")
        else:
            rows = self._conn.execute(f"SELECT {_BLOCK_COLUMNS} FROM number_blocks WHERE "
                                      "year = ? ORDER BY type, start", (year,))
        return [_block(r) for r in rows]

    def highest_end(self, record_type: str, year: int, office: str) -> int:
        row = self._conn.execute("SELECT max(end) FROM number_blocks WHERE type = ? AND "
                                 "year = ? AND office = ?", (record_type, year, office)).fetchone()
        return int(row[0] or 0)

    def highest_issued(self, record_type: str, year: int, office: str) -> int:
        """The highest number this device used in the book, or skipped as already used on
        paper (a local block continuing a paper book starts after the paper's last number)."""
        # "number_int IS NOT NULL" lets the partial index records_number answer.
        used = self._conn.execute("SELECT max(number_int) FROM records WHERE office = ? AND "
                                  "type = ? AND year = ? AND number_int IS NOT NULL",
                                  (office, record_type, year)).fetchone()[0]
        paper = self._conn.execute("SELECT max(start - 1) FROM number_blocks WHERE type = ? "
                                   "AND year = ? AND office = ? AND source = 'local'",
                                   (record_type, year, office)).fetchone()[0]
        return max(int(used or 0), int(paper or 0))

    def add_block(self, record_type: str, year: int, office: str, block: NumberBlock,
                  source: str, at: datetime) -> int:
        cursor = self._conn.execute(
            "INSERT INTO number_blocks (type, year, office, start, end, next, source, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (record_type, year, office, block.start, block.end, block.next, source,
             at.isoformat()))
        return int(cursor.lastrowid or 0)

    def save_next(self, block_id: int, block: NumberBlock) -> None:
        self._conn.execute("UPDATE number_blocks SET next = ? WHERE id = ?",
                           (block.next, block_id))

    def give_up_local_blocks(self) -> None:
        """The unused numbers of local blocks are never issued (leased numbers only)."""
        self._conn.execute("UPDATE number_blocks SET next = end + 1 WHERE source = 'local'")

    def remaining(self, record_type: str, year: int, office: str) -> int:
        row = self._conn.execute("SELECT coalesce(sum(end + 1 - next), 0) FROM number_blocks "
                                 "WHERE type = ? AND year = ? AND office = ?",
                                 (record_type, year, office)).fetchone()
        return int(row[0])

    # -- books ----------------------------------------------------------------------------
    def open_book(self, record_type: str, year: int, office: str) -> Book | None:
        row = self._conn.execute(
            f"SELECT {_BOOK_COLUMNS} FROM books WHERE type = ? AND year = ? AND office = ? "
            "AND closed_at IS NULL ORDER BY seq DESC LIMIT 1",
            (record_type, year, office)).fetchone()
        return _book(row) if row else None

    def last_seq(self, record_type: str, year: int, office: str) -> int:
        row = self._conn.execute("SELECT max(seq) FROM books WHERE type = ? AND year = ? AND "
                                 "office = ?", (record_type, year, office)).fetchone()
        return int(row[0] or 0)

    def add_book(self, book: Book) -> None:
        self._conn.execute(
            f"INSERT INTO books ({_BOOK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (book.record_type, book.year, book.office, book.seq, book.book_number,
             book.opened_at, book.closed_at, None))

    def books_of_year(self, year: int) -> list[Book]:
        rows = self._conn.execute(f"SELECT {_BOOK_COLUMNS} FROM books WHERE year = ? "
                                  "ORDER BY type, seq", (year,))
        return [_book(r) for r in rows]

    def close_book(self, book: Book, at: datetime, totals: dict[str, object]) -> None:
        self._conn.execute(
            "UPDATE books SET closed_at = ?, totals = ? WHERE type = ? AND year = ? AND "
            "office = ? AND seq = ?",
            (at.isoformat(), json.dumps(totals, ensure_ascii=False), book.record_type,
             book.year, book.office, book.seq))

    def book_totals(self, record_type: str, year: int, office: str,
                    book_number: str) -> dict[str, object]:
        row = self._conn.execute(
            "SELECT count(*), min(number_int), max(number_int) FROM records WHERE type = ? AND "
            "year = ? AND office = ? AND book_number = ? AND number_int IS NOT NULL",
            (record_type, year, office, book_number)).fetchone()
        return {"entries": int(row[0]), "first_number": row[1], "last_number": row[2]}
