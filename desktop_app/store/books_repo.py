"""Old paper books being digitised: books, their pages, the entries tied to a page, and the two
keyings of a double-entered entry with the comparison of their fields (schema 10)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from desktop_app.domain.types import JSONObject
from desktop_app.store.database import Connection


@dataclass(frozen=True)
class BookRow:
    id: str
    commune: str
    type: str
    year: int
    book_number: str
    office_as_written: str
    phase: int
    opened_by: str
    opened_at: str


Crop = tuple[float, float, float, float]
"""left, top, right, bottom in fractions (0..1) of the scan as captured (before rotation)."""


@dataclass(frozen=True)
class PageRow:
    id: int
    book_id: str
    page_no: int
    sha256: str
    media_type: str
    rotation: int
    file_name: str
    crop: Crop | None = None


@dataclass(frozen=True)
class EntryPlace:
    record_id: str
    book_id: str
    page_id: int
    page_no: int
    position: int


@dataclass(frozen=True)
class Keying:
    n: int  # 1 or 2, in the order keyed
    officer: str
    data: JSONObject
    keyed_at: str


@dataclass(frozen=True)
class FieldComparison:
    path: str
    first: str | None  # canonical JSON of each keying's value (None: left empty)
    second: str | None
    agreed: bool
    decided: str | None = None
    decided_by: str | None = None


@dataclass(frozen=True)
class Progress:
    """Counts of one book (or, with ``book_id`` empty, of a commune)."""

    book_id: str
    commune: str
    books: int
    pages: int
    entries: int
    verified: int
    with_warnings: int


@dataclass(frozen=True)
class Accuracy:
    """Double-entered fields of one officer (or book): compared, disagreed, keyed wrong (the
    officer's value was not the one decided)."""

    key: str
    entries: int
    fields: int
    disagreed: int
    wrong: int


@dataclass(frozen=True)
class RecheckSample:
    """A random draw of verified entries of a book (``book_id``) or of a commune, to re-key
    blind; ``seed`` makes the draw reproducible."""

    id: str
    book_id: str | None
    commune: str
    share: float
    population: int
    seed: int
    drawn_by: str
    drawn_at: str


@dataclass(frozen=True)
class RecheckItem:
    record_id: str
    rekeyed_by: str | None
    fields: int | None  # fields compared once re-keyed
    wrong: int | None
    differences: tuple[str, ...] = ()  # the paths where the re-keying differs


_SAMPLE = "id, book_id, commune, share, population, seed, drawn_by, drawn_at"


def _sample_row(r: tuple[object, ...]) -> RecheckSample:
    return RecheckSample(str(r[0]), None if r[1] is None else str(r[1]), str(r[2]),
                         float(str(r[3])), int(str(r[4])), int(str(r[5])), str(r[6]),
                         str(r[7]))


_BOOK = ("id, commune, type, year, book_number, office_as_written, phase, opened_by, "
         "opened_at")
_PAGE = ("id, book_id, page_no, sha256, media_type, rotation, file_name, crop_left, crop_top, "
         "crop_right, crop_bottom")



def _page_row(r: tuple[object, ...]) -> PageRow:
    edges = [None if e is None else float(str(e)) for e in r[7:11]]
    crop: Crop | None = None
    if all(e is not None for e in edges):
        left, top, right, bottom = (float(e or 0) for e in edges)
        crop = (left, top, right, bottom)
    return PageRow(int(str(r[0])), str(r[1]), int(str(r[2])), str(r[3]), str(r[4]),
                   int(str(r[5])), str(r[6]), crop)


class BooksRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # -- books and pages ----------------------------------------------------------------
    def add(self, book: BookRow) -> None:
        self._conn.execute(f"INSERT INTO paper_books ({_BOOK}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           (book.id, book.commune, book.type, book.year, book.book_number,
                            book.office_as_written, book.phase, book.opened_by,
                            book.opened_at))

    def get(self, book_id: str) -> BookRow | None:
        row = self._conn.execute(f"SELECT {_BOOK} FROM paper_books WHERE id = ?",
                                 (book_id,)).fetchone()
        return BookRow(*row) if row else None

    def find_by_prefix(self, prefix: str) -> list[BookRow]:
        """Books whose id starts with ``prefix`` (the CLI accepts a short id)."""
        rows = self._conn.execute(
            f"SELECT {_BOOK} FROM paper_books WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (prefix, prefix + "\uffff"))
        return [BookRow(*r) for r in rows]

    def all(self) -> list[BookRow]:
        return [BookRow(*r) for r in self._conn.execute(
            f"SELECT {_BOOK} FROM paper_books ORDER BY commune, year, book_number, id")]

    def add_page(self, book_id: str, page_no: int, sha256: str, media_type: str,
                 rotation: int, file_name: str, by: str, at: datetime) -> int:
        cur = self._conn.execute(
            "INSERT INTO book_pages (book_id, page_no, sha256, media_type, rotation, "
            "file_name, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (book_id, page_no, sha256, media_type, rotation, file_name, by, at.isoformat()))
        return int(cur.lastrowid or 0)

    def last_page_no(self, book_id: str) -> int:
        row = self._conn.execute("SELECT max(page_no) FROM book_pages WHERE book_id = ?",
                                 (book_id,)).fetchone()
        return int(row[0] or 0)

    def pages(self, book_id: str) -> list[PageRow]:
        return [_page_row(r) for r in self._conn.execute(
            f"SELECT {_PAGE} FROM book_pages WHERE book_id = ? ORDER BY page_no", (book_id,))]

    def page(self, book_id: str, page_no: int) -> PageRow | None:
        row = self._conn.execute(f"SELECT {_PAGE} FROM book_pages WHERE book_id = ? AND "
                                 "page_no = ?", (book_id, page_no)).fetchone()
        return _page_row(row) if row else None

    def set_rotation(self, page_id: int, rotation: int) -> None:
        self._conn.execute("UPDATE book_pages SET rotation = ? WHERE id = ?",
                           (rotation, page_id))

    def set_crop(self, page_id: int, crop: Crop | None) -> None:
        self._conn.execute("UPDATE book_pages SET crop_left = ?, crop_top = ?, crop_right = ?, "
                           "crop_bottom = ? WHERE id = ?",
                           (*(crop or (None, None, None, None)), page_id))

    # -- entries ---------------------------------------------------------------------------
    def tie(self, record_id: str, book_id: str, page_id: int, position: int) -> None:
        self._conn.execute("INSERT INTO book_entries (record_id, book_id, page_id, position) "
                           "VALUES (?, ?, ?, ?)", (record_id, book_id, page_id, position))

    def entry_at(self, page_id: int, position: int) -> str | None:
        row = self._conn.execute("SELECT record_id FROM book_entries WHERE page_id = ? AND "
                                 "position = ?", (page_id, position)).fetchone()
        return str(row[0]) if row else None

    def place_of(self, record_id: str) -> EntryPlace | None:
        row = self._conn.execute(
            "SELECT e.record_id, e.book_id, e.page_id, p.page_no, e.position FROM book_entries e "
            "JOIN book_pages p ON p.id = e.page_id WHERE e.record_id = ?",
            (record_id,)).fetchone()
        return EntryPlace(*row) if row else None

    def entries_of(self, book_id: str) -> list[EntryPlace]:
        return [EntryPlace(*r) for r in self._conn.execute(
            "SELECT e.record_id, e.book_id, e.page_id, p.page_no, e.position FROM book_entries e "
            "JOIN book_pages p ON p.id = e.page_id WHERE e.book_id = ? "
            "ORDER BY p.page_no, e.position", (book_id,))]

    # -- progress (counters kept by triggers: never a read of every entry) -------------
    def progress_by_book(self) -> list[Progress]:
        rows = self._conn.execute(
            "SELECT b.id, b.commune, 1, c.pages, c.entries, c.verified, c.with_warnings "
            "FROM paper_books b JOIN book_counts c ON c.book_id = b.id "
            "ORDER BY b.commune, b.year, b.book_number, b.id")
        return [Progress(str(r[0]), str(r[1]), *(int(v) for v in r[2:])) for r in rows]

    def progress_by_commune(self) -> list[Progress]:
        rows = self._conn.execute(
            "SELECT '', b.commune, count(*), sum(c.pages), sum(c.entries), sum(c.verified), "
            "sum(c.with_warnings) FROM paper_books b JOIN book_counts c ON c.book_id = b.id "
            "GROUP BY b.commune ORDER BY b.commune")
        return [Progress(str(r[0]), str(r[1]), *(int(v) for v in r[2:])) for r in rows]

    # -- blind first keyings (double entry) ------------------------------------------------
    def add_blind(self, page_id: int, position: int, book_id: str, officer: str,
                  data: JSONObject, at: datetime) -> None:
        self._conn.execute("INSERT INTO blind_keyings (page_id, position, book_id, officer, "
                           "data, keyed_at) VALUES (?, ?, ?, ?, ?, ?)",
                           (page_id, position, book_id, officer,
                            json.dumps(data, ensure_ascii=False), at.isoformat()))

    def blind(self, page_id: int, position: int) -> Keying | None:
        row = self._conn.execute("SELECT officer, data, keyed_at FROM blind_keyings WHERE "
                                 "page_id = ? AND position = ?", (page_id, position)).fetchone()
        return Keying(1, str(row[0]), json.loads(str(row[1])), str(row[2])) if row else None

    def blind_of_page(self, page_id: int) -> list[tuple[int, str]]:
        """(position, keyer) of the page's first keyings waiting for their second."""
        return [(int(r[0]), str(r[1])) for r in self._conn.execute(
            "SELECT position, officer FROM blind_keyings WHERE page_id = ? ORDER BY position",
            (page_id,))]

    def drop_blind(self, page_id: int, position: int) -> None:
        self._conn.execute("DELETE FROM blind_keyings WHERE page_id = ? AND position = ?",
                           (page_id, position))

    def keep_earlier_blind(self, page_id: int, position: int, outcome: str,
                           at: datetime) -> int:
        """Copy the position's blind keying, as it stands, to blind_keyings_earlier before
        it is corrected or discarded (outcome): the id of the kept copy."""
        cur = self._conn.execute(
            "INSERT INTO blind_keyings_earlier (page_id, position, book_id, officer, data, "
            "keyed_at, replaced_at, outcome) SELECT page_id, position, book_id, officer, data, "
            "keyed_at, ?, ? FROM blind_keyings WHERE page_id = ? AND position = ?",
            (at.isoformat(), outcome, page_id, position))
        return int(cur.lastrowid or 0)

    def replace_blind(self, page_id: int, position: int, data: JSONObject,
                      at: datetime) -> None:
        self._conn.execute("UPDATE blind_keyings SET data = ?, keyed_at = ? WHERE page_id = ? "
                           "AND position = ?",
                           (json.dumps(data, ensure_ascii=False), at.isoformat(), page_id,
                            position))

    def earlier_blind(self, page_id: int, position: int) -> list[tuple[Keying, str, str]]:
        """(keying, replaced at, outcome) of what a position's first keyer keyed before,
        oldest first."""
        return [(Keying(1, str(r[0]), json.loads(str(r[1])), str(r[2])), str(r[3]), str(r[4]))
                for r in self._conn.execute(
                    "SELECT officer, data, keyed_at, replaced_at, outcome FROM "
                    "blind_keyings_earlier WHERE page_id = ? AND position = ? ORDER BY id",
                    (page_id, position))]

    def entries_of_page(self, page_id: int) -> list[tuple[int, str]]:
        """(position, record id) of the entries tied to a page."""
        return [(int(r[0]), str(r[1])) for r in self._conn.execute(
            "SELECT position, record_id FROM book_entries WHERE page_id = ? ORDER BY position",
            (page_id,))]

    # -- double entry ------------------------------------------------------------------------
    def add_keying(self, record_id: str, n: int, officer: str, data: JSONObject,
                   at: datetime) -> None:
        self._conn.execute("INSERT INTO entry_keyings (record_id, n, officer, data, keyed_at) "
                           "VALUES (?, ?, ?, ?, ?)",
                           (record_id, n, officer, json.dumps(data, ensure_ascii=False),
                            at.isoformat()))

    def keyings(self, record_id: str) -> list[Keying]:
        return [Keying(int(r[0]), str(r[1]), json.loads(str(r[2])), str(r[3]))
                for r in self._conn.execute("SELECT n, officer, data, keyed_at FROM "
                                            "entry_keyings WHERE record_id = ? ORDER BY n",
                                            (record_id,))]

    def put_fields(self, record_id: str, fields: list[FieldComparison]) -> None:
        self._conn.executemany(
            "INSERT INTO entry_fields (record_id, path, first, second, agreed) "
            "VALUES (?, ?, ?, ?, ?)",
            [(record_id, f.path, f.first, f.second, int(f.agreed)) for f in fields])

    def fields(self, record_id: str) -> list[FieldComparison]:
        return [FieldComparison(str(r[0]), r[1], r[2], bool(r[3]), r[4], r[5])
                for r in self._conn.execute(
                    "SELECT path, first, second, agreed, decided, decided_by FROM entry_fields "
                    "WHERE record_id = ? ORDER BY path", (record_id,))]

    def decide(self, record_id: str, path: str, value: str | None, by: str,
               at: datetime) -> None:
        self._conn.execute("UPDATE entry_fields SET decided = ?, decided_by = ?, decided_at = ? "
                           "WHERE record_id = ? AND path = ?",
                           (value, by, at.isoformat(), record_id, path))

    def double_entry_pending(self, record_id: str) -> bool:
        """Keyed once in double entry, or keyed twice with a disagreement not decided: the
        entry is settled by the comparison, not edited or submitted by hand."""
        row = self._conn.execute(
            "SELECT count(*), EXISTS (SELECT 1 FROM entry_fields WHERE record_id = ? AND "
            "agreed = 0 AND decided_by IS NULL) FROM entry_keyings WHERE record_id = ?",
            (record_id, record_id)).fetchone()
        return int(row[0]) == 1 or bool(row[1])

    def undecided(self) -> list[str]:
        """Entries with a disagreement nobody has decided yet, oldest keying first."""
        return [str(r[0]) for r in self._conn.execute(
            "SELECT f.record_id FROM entry_fields f JOIN entry_keyings k ON "
            "k.record_id = f.record_id AND k.n = 2 WHERE f.agreed = 0 AND f.decided_by IS NULL "
            "GROUP BY f.record_id ORDER BY min(k.keyed_at), f.record_id")]

    # -- accuracy (counters the double-entry workflow keeps) -----------------------------
    def count_keying(self, kind: str, key: str, *, entries: int = 0, fields: int = 0,
                     disagreed: int = 0, wrong: int = 0) -> None:
        self._conn.execute(
            "INSERT INTO keying_stats (kind, key, entries, fields, disagreed, wrong) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET "
            "entries = entries + excluded.entries, fields = fields + excluded.fields, "
            "disagreed = disagreed + excluded.disagreed, wrong = wrong + excluded.wrong",
            (kind, key, entries, fields, disagreed, wrong))

    def count_disagreements(self, paths: list[str]) -> None:
        self._conn.executemany(
            "INSERT INTO field_disagreements (path, n) VALUES (?, 1) "
            "ON CONFLICT (path) DO UPDATE SET n = n + 1", [(p,) for p in paths])

    def _stats(self, kind: str) -> list[Accuracy]:
        return [Accuracy(str(r[0]), *(int(v or 0) for v in r[1:])) for r in self._conn.execute(
            "SELECT key, entries, fields, disagreed, wrong FROM keying_stats WHERE kind = ? "
            "ORDER BY key", (kind,))]

    def accuracy_by_officer(self) -> list[Accuracy]:
        """Per officer who keyed a compared entry: fields compared, fields disagreed, and
        fields the officer keyed otherwise than decided (undecided ones count as neither)."""
        return self._stats("officer")

    def accuracy_by_book(self) -> list[Accuracy]:
        """Per book: entries compared, fields compared, fields disagreed, and keyed values
        that were not the decided one (each disagreement counts each wrong keying)."""
        return self._stats("book")

    def corrected_later(self, by: str) -> dict[str, int]:
        """Book entries a registered correction (a linked change) concerns, per book ("book")
        or per officer who entered them ("officer")."""
        key = "e.book_id" if by == "book" else "r.officer"
        return {str(k): int(n) for k, n in self._conn.execute(
            f"SELECT {key}, count(DISTINCT e.record_id) FROM book_entries e "
            "JOIN records r ON r.id = e.record_id "
            "JOIN records c ON c.links_to = e.record_id "
            "WHERE c.type = 'change' AND c.approved_by IS NOT NULL "
            f"GROUP BY {key}")}

    def most_disagreed_fields(self, limit: int = 10) -> list[tuple[str, int]]:
        """The field paths double entries disagreed on most often."""
        return [(str(r[0]), int(r[1])) for r in self._conn.execute(
            "SELECT path, n FROM field_disagreements ORDER BY n DESC, path LIMIT ?", (limit,))]

    # -- sample re-check --------------------------------------------------------------------
    def verified_entries(self, *, book_id: str | None, commune: str,
                         not_by: str | None = None) -> list[str]:
        """Ids of the verified entries of a book (or of every book of a commune); with
        ``not_by``, only those that account had no hand in (neither keyed, verified nor
        decided a disagreement of)."""
        where, args = ("e.book_id = ?", [book_id]) if book_id else ("b.commune = ?", [commune])
        if not_by is not None:
            where += (" AND r.officer <> ? AND r.verified_by <> ? AND NOT EXISTS (SELECT 1 "
                      "FROM entry_keyings k WHERE k.record_id = e.record_id AND k.officer = ?) "
                      "AND NOT EXISTS (SELECT 1 FROM entry_fields f WHERE f.record_id = "
                      "e.record_id AND f.decided_by = ?)")
            args += [not_by] * 4
        return [str(r[0]) for r in self._conn.execute(
            "SELECT e.record_id FROM book_entries e JOIN paper_books b ON b.id = e.book_id "
            f"JOIN records r ON r.id = e.record_id WHERE {where} AND r.verified_by IS NOT NULL "
            "ORDER BY e.record_id", args)]

    def add_sample(self, sample: RecheckSample, record_ids: list[str]) -> None:
        self._conn.execute(
            "INSERT INTO recheck_samples (id, book_id, commune, share, population, seed, "
            "drawn_by, drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (sample.id, sample.book_id, sample.commune, sample.share, sample.population,
             sample.seed, sample.drawn_by, sample.drawn_at))
        self._conn.executemany("INSERT INTO recheck_items (sample_id, record_id) VALUES (?, ?)",
                               [(sample.id, r) for r in record_ids])

    def sample(self, sample_id: str) -> RecheckSample | None:
        row = self._conn.execute(f"SELECT {_SAMPLE} FROM recheck_samples WHERE id = ?",
                                 (sample_id,)).fetchone()
        return _sample_row(row) if row else None

    def samples(self) -> list[RecheckSample]:
        return [_sample_row(r) for r in self._conn.execute(
            f"SELECT {_SAMPLE} FROM recheck_samples ORDER BY drawn_at, rowid")]  # drawn order

    def sample_items(self, sample_id: str) -> list[RecheckItem]:
        return [RecheckItem(str(r[0]), r[1], None if r[2] is None else int(r[2]),
                            None if r[3] is None else int(r[3]),
                            tuple(json.loads(str(r[4]))) if r[4] else ())
                for r in self._conn.execute(
                    "SELECT record_id, rekeyed_by, fields, wrong, differences FROM "
                    "recheck_items WHERE sample_id = ? ORDER BY record_id", (sample_id,))]

    def rekeyed(self, sample_id: str, record_id: str, by: str, at: datetime, fields: int,
                differences: list[str]) -> None:
        self._conn.execute(
            "UPDATE recheck_items SET rekeyed_by = ?, rekeyed_at = ?, fields = ?, wrong = ?, "
            "differences = ? WHERE sample_id = ? AND record_id = ?",
            (by, at.isoformat(), fields, len(differences), json.dumps(differences),
             sample_id, record_id))
