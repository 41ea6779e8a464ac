"""OCR of book pages (schema 12): how each page is written (the officer says so when adding
it: only printed or typed pages are read) and how each OCR suggestion was treated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.store.database import Connection

WRITINGS = ("printed", "typed", "handwritten")
OUTCOMES = ("accepted", "edited", "rejected")


@dataclass(frozen=True)
class ReviewRow:
    path: str
    engine: str
    confidence: float
    outcome: str
    matched: bool


@dataclass(frozen=True)
class OutcomeCount:
    key: str  # an engine, a field path or an officer
    accepted: int
    edited: int
    rejected: int
    matched: int  # suggestions equal to the value saved, whatever the officer did

    @property
    def total(self) -> int:
        return self.accepted + self.edited + self.rejected


class OcrRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def set_writing(self, page_id: int, writing: str, by: str, at: datetime) -> None:
        self._conn.execute(
            "INSERT INTO page_writing (page_id, writing, set_by, set_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (page_id) DO UPDATE SET writing = excluded.writing, "
            "set_by = excluded.set_by, set_at = excluded.set_at",
            (page_id, writing, by, at.isoformat()))

    def writing(self, page_id: int) -> str | None:
        row = self._conn.execute("SELECT writing FROM page_writing WHERE page_id = ?",
                                 (page_id,)).fetchone()
        return None if row is None else str(row[0])

    def save_reviews(self, record_id: str, officer: str, at: datetime,
                     reviews: list[ReviewRow]) -> None:
        """The reviews of one keying (a keying again by the same officer replaces them)."""
        self._conn.execute("DELETE FROM ocr_reviews WHERE record_id = ? AND officer = ?",
                           (record_id, officer))
        self._conn.executemany(
            "INSERT INTO ocr_reviews (record_id, officer, path, engine, confidence, outcome, "
            "matched, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(record_id, officer, r.path, r.engine, r.confidence, r.outcome, int(r.matched),
              at.isoformat()) for r in reviews])

    def save_blind_reviews(self, page_id: int, position: int, officer: str, at: datetime,
                           reviews: list[ReviewRow]) -> None:
        """The reviews of a blind first keying (no record yet): by its page and position; a
        correction of that keying replaces them."""
        self.drop_blind_reviews(page_id, position, officer)
        self._conn.executemany(
            "INSERT INTO ocr_blind_reviews (page_id, position, officer, path, engine, "
            "confidence, outcome, matched, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(page_id, position, officer, r.path, r.engine, r.confidence, r.outcome,
              int(r.matched), at.isoformat()) for r in reviews])

    def drop_blind_reviews(self, page_id: int, position: int, officer: str) -> None:
        """A discarded blind keying's reviews go with it (the accepted share measures the
        keyings that stand)."""
        self._conn.execute("DELETE FROM ocr_blind_reviews WHERE page_id = ? AND position = ? "
                           "AND officer = ?", (page_id, position, officer))

    def _counts(self, column: str) -> list[OutcomeCount]:
        assert column in ("engine", "path", "officer")  # a column name, never user text
        # both keyers of a double entry: the first keying's reviews are kept by its place
        rows = self._conn.execute(
            f"SELECT {column}, sum(outcome = 'accepted'), sum(outcome = 'edited'), "
            f"sum(outcome = 'rejected'), sum(matched) FROM (SELECT {column}, outcome, "
            f"matched FROM ocr_reviews UNION ALL SELECT {column}, outcome, matched FROM "
            f"ocr_blind_reviews) GROUP BY {column} ORDER BY {column}").fetchall()
        return [OutcomeCount(str(k), int(a), int(e), int(r), int(m)) for k, a, e, r, m in rows]

    def counts_by_engine(self) -> list[OutcomeCount]:
        return self._counts("engine")

    def counts_by_field(self) -> list[OutcomeCount]:
        return self._counts("path")

    def counts_by_officer(self) -> list[OutcomeCount]:
        return self._counts("officer")
