"""What the one-off search re-index (store/search_reindex.py: names with an apostrophe get
their parts indexed) costs at the first start of the new version, on a copy of a cached
register (the cache is never modified), and what it would cost at 1M. A cache built by a
program that already writes the new search_text is first put back as the previous version
left it (names with an apostrophe indexed by their joined form only; not timed). The re-index
is timed as the login runs it, telling its progress (a callback that counts the calls).

    PYTHONPATH=$PWD python bench/bench_reindex.py [--n 100000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import register  # noqa: E402

if TYPE_CHECKING:
    from desktop_app.store.database import Connection


def _as_the_previous_version_left_it(conn: Connection) -> None:
    """The joined words alone for every record with an apostrophe (search_text 1), and no
    search_text version: what a store of the previous version holds."""
    import json

    from desktop_app.domain.indexing import search_words
    from desktop_app.domain.text import APOSTROPHES, fold_for_search
    from desktop_app.store import search_reindex
    from desktop_app.store.meta_repo import MetaRepository

    conn.execute("BEGIN IMMEDIATE")
    for n, rtype, data, number, book in conn.execute(
            "SELECT n, type, data, registration_number, book_number FROM records").fetchall():
        if any(ch in str(data) for ch in APOSTROPHES):
            words = search_words(str(rtype), json.loads(str(data)), number, book)
            conn.execute("DELETE FROM record_text WHERE rowid = ?", (n,))
            conn.execute("INSERT INTO record_text (rowid, text) VALUES (?, ?)",
                         (n, fold_for_search(" ".join(words))))
    MetaRepository(conn).delete(search_reindex.VERSION_KEY)
    conn.execute("COMMIT")


def main() -> int:
    from desktop_app.paths import DataPaths
    from desktop_app.store import search_reindex
    from desktop_app.store.database import connect, migrate
    from desktop_app.store.keyfile import KeyFile

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    source = register.store_for(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(source, root)
        paths = DataPaths(root)
        key = KeyFile.load(paths.keyfile).open_with_password(register.ADMIN, register.PASSWORD)
        assert key is not None
        conn = connect(paths.database, key)
        start = time.perf_counter()
        migrate(conn, paths.database, paths.backups, backup=False)
        migrated = time.perf_counter() - start
        records = int(conn.execute("SELECT count(*) FROM records").fetchone()[0])
        if not search_reindex.needs_reindex(conn):
            _as_the_previous_version_left_it(conn)
        before = int(conn.execute(
            "SELECT count(*) FROM record_text WHERE record_text MATCH '\"hen\"'").fetchone()[0])
        assert search_reindex.needs_reindex(conn)
        told: list[tuple[str, int, int]] = []
        start = time.perf_counter()
        rewritten = search_reindex.reindex_search(
            conn, progress=lambda *progress: told.append(progress))
        seconds = time.perf_counter() - start
        assert told[-1] == ("reindex", records, records)
        start = time.perf_counter()
        search_reindex.record_counts(conn, 0)
        counting = time.perf_counter() - start
        after = int(conn.execute(
            "SELECT count(*) FROM record_text WHERE record_text MATCH '\"hen\"'").fetchone()[0])
        start = time.perf_counter()
        search_reindex.reindex_search(conn)
        again = time.perf_counter() - start
        conn.close()
    batches = -(-records // search_reindex.BATCH)
    print(f"register: {records:,} records ({args.n:,} entries; migrations first: "
          f"{migrated:.1f} s, not counted)")
    print(f"re-index: {seconds:.2f} s, {rewritten:,} rows rewritten "
          f"({rewritten / max(records, 1):.1%}), {batches:,} transactions, "
          f"{seconds / batches * 1000:.1f} ms per batch of {search_reindex.BATCH:,}")
    print(f"progress told {len(told):,} times; counting the records for it: "
          f"{counting * 1000:.0f} ms (counted in the re-index's time)")
    print(f"records found by the part 'hen': {before:,} before, {after:,} after")
    print(f"second start (already re-indexed): {again * 1000:.2f} ms")
    print(f"estimate at 1M records (linear: one walk of the table): "
          f"{seconds * 1_000_000 / max(records, 1):.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
