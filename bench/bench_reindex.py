"""What the one-off search re-index (store/search_reindex.py: names with an apostrophe get
their parts indexed) costs at the first start of the new version, on a copy of a cached
register (the cache is never modified), and what it would cost at 1M.

    PYTHONPATH=$PWD python bench/bench_reindex.py [--n 100000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import register  # noqa: E402


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
        before = int(conn.execute(
            "SELECT count(*) FROM record_text WHERE record_text MATCH '\"hen\"'").fetchone()[0])
        assert search_reindex.needs_reindex(conn)
        start = time.perf_counter()
        rewritten = search_reindex.reindex_search(conn)
        seconds = time.perf_counter() - start
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
    print(f"records found by the part 'hen': {before:,} before, {after:,} after")
    print(f"second start (already re-indexed): {again * 1000:.2f} ms")
    print(f"estimate at 1M records (linear: one walk of the table): "
          f"{seconds * 1_000_000 / max(records, 1):.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
