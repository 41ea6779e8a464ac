"""Re-index the full-text search of a store written by an older search_text (indexing.
SEARCH_TEXT_VERSION), once, at the first start after the migrations.

The index is contentless (its text cannot be read back) and the text is computed in Python,
so no SQL migration can do it: the records are walked in rowid order, one transaction per
batch, the cursor (last rowid done) kept in meta in the same transaction. A start killed
mid-way loses nothing, and the next start carries on from the cursor.

It runs inside the first login after the upgrade (about 20 s at 1M records), so it reports
``progress("reindex", records done, records in all)`` after each committed batch: the front
ends show it (and a callback that raises, as a cancelled job's does, stops it between two
batches, the cursor kept).
"""

from __future__ import annotations

import json
import logging

from desktop_app.domain.indexing import (
    SEARCH_TEXT_VERSION,
    apostrophe_parts,
    joined_text,
    search_words,
)
from desktop_app.domain.text import APOSTROPHES
from desktop_app.store.database import Connection, Progress
from desktop_app.store.meta_repo import MetaRepository

log = logging.getLogger(__name__)

VERSION_KEY = "search_text_version"  # the search_text the whole index was written with
CURSOR_KEY = "search_reindex_after"  # records.n of the last record re-indexed
BATCH = 1000
STAGE = "reindex"  # the stage the progress callback is told


def needs_reindex(conn: Connection) -> bool:
    stored = MetaRepository(conn).get(VERSION_KEY)
    return stored is None or int(stored) < SEARCH_TEXT_VERSION


def record_counts(conn: Connection, after: int) -> tuple[int, int]:
    """Records already walked (by an earlier, interrupted start; a range of records_n) and
    records in all (the counters the triggers keep: no count of the register)."""
    (done,) = conn.execute("SELECT count(*) FROM records WHERE n <= ?", (after,)).fetchone()
    (total,) = conn.execute("SELECT coalesce(sum(n), 0) FROM record_counts").fetchone()
    return int(done), int(total)


def reindex_search(conn: Connection, *, batch: int = BATCH, max_batches: int | None = None,
                   progress: Progress | None = None) -> int:
    """Rewrite the search row of every record whose text changed; returns how many.
    ``max_batches`` stops early (as a kill between two batches would). ``progress`` is told
    nothing when there is nothing to do, so an ordinary login shows no progress."""
    meta = MetaRepository(conn)
    if not needs_reindex(conn):
        return 0
    if conn.execute("SELECT 1 FROM records LIMIT 1").fetchone() is None:
        # A new store (or one with no record): its index is of this search_text already.
        # Kept at once, so its first login shows no re-index of nothing.
        meta.put(VERSION_KEY, str(SEARCH_TEXT_VERSION))
        return 0
    after = int(meta.get(CURSOR_KEY) or 0)
    done, total = record_counts(conn, after) if progress is not None else (0, 0)
    if progress is not None:
        progress(STAGE, done, total)
    rewritten = batches = 0
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            rows = conn.execute(
                "SELECT n, type, data, registration_number, book_number FROM records "
                "WHERE n > ? ORDER BY n LIMIT ?", (after, batch)).fetchall()
            for n, rtype, data_json, number, book in rows:
                # Version 1 wrote the joined words alone: only the parts can change it (a
                # later SEARCH_TEXT_VERSION must say here which records its change touches).
                if not any(ch in str(data_json) for ch in APOSTROPHES):
                    continue  # no apostrophe anywhere: no parts (skips decoding 99% rows)
                words = search_words(str(rtype), json.loads(str(data_json)), number, book)
                parts = apostrophe_parts(words)
                if not parts:
                    continue
                conn.execute("DELETE FROM record_text WHERE rowid = ?", (n,))
                conn.execute("INSERT INTO record_text (rowid, text) VALUES (?, ?)",
                             (n, joined_text(words, parts)))
                rewritten += 1
            if rows:
                after = int(rows[-1][0])
                meta.put(CURSOR_KEY, str(after))
            else:
                meta.put(VERSION_KEY, str(SEARCH_TEXT_VERSION))
                meta.delete(CURSOR_KEY)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        if progress is not None:  # after the commit: raising here loses no work
            done = min(done + len(rows), total) if rows else total
            if done < total or not rows:  # "all done" once only, when the version is kept
                progress(STAGE, done, total)
        if not rows:
            break
        batches += 1
        if max_batches is not None and batches >= max_batches:
            return rewritten
    if rewritten:
        log.info("search index rewritten for %d records", rewritten)
    return rewritten
