"""Store benchmark (prints figures; not a test).

1. Key derivation and a full offline login at the production scrypt cost (N=2^17).
2. Insert throughput: 100,000 rows of ~1 KB into SQLCipher (raw key, WAL, synchronous=FULL)
   versus plain sqlite3 with the same schema, pragmas and transactions (1,000 rows each).

Run: .venv/bin/python bench/bench_store.py [--rows N]
"""

from __future__ import annotations

import argparse
import os
import secrets
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.store.keyfile import DEFAULT_SCRYPT_LOG2_N, KdfParams

SCHEMA = ("CREATE TABLE records (id TEXT PRIMARY KEY, kind TEXT NOT NULL, created_at TEXT "
          "NOT NULL, body TEXT NOT NULL)")
BATCH = 1000


def bench_kdf(runs: int = 5) -> None:
    times = []
    for _ in range(runs):
        params = KdfParams(salt=secrets.token_bytes(16), log2_n=DEFAULT_SCRYPT_LOG2_N)
        start = time.perf_counter()
        params.derive("a correct horse battery staple")
        times.append(time.perf_counter() - start)
    print(f"scrypt N=2^{DEFAULT_SCRYPT_LOG2_N} r=8 p=1 (128 MiB): "
          f"median {statistics.median(times) * 1000:.0f} ms over {runs}")

    os.environ["HOTICH_KDF_LOG2_N"] = str(DEFAULT_SCRYPT_LOG2_N)
    from desktop_app.workflows import accounts

    with tempfile.TemporaryDirectory() as tmp:
        paths = DataPaths(Path(tmp) / "d")
        clock = SystemClock()
        accounts.initialise(paths, commune_code="00070", admin="admin",
                            password="bench-password", clock=clock)
        logins = []
        for _ in range(runs):
            start = time.perf_counter()
            session = accounts.login(paths, "admin", "bench-password", clock)
            logins.append(time.perf_counter() - start)
            session.close()
        print(f"full login (KDF + unwrap + open + checks): "
              f"median {statistics.median(logins) * 1000:.0f} ms")


def _fill(conn: object, rows: int) -> float:
    body = "x" * 1000
    start = time.perf_counter()
    for offset in range(0, rows, BATCH):
        conn.execute("BEGIN")  # type: ignore[attr-defined]
        conn.executemany(  # type: ignore[attr-defined]
            "INSERT INTO records VALUES (?, ?, ?, ?)",
            ((secrets.token_hex(16), "birth", datetime.now(UTC).isoformat(), body)
             for _ in range(min(BATCH, rows - offset))),
        )
        conn.execute("COMMIT")  # type: ignore[attr-defined]
    return time.perf_counter() - start


def _prepare(conn: object) -> None:
    conn.execute("PRAGMA journal_mode = WAL")  # type: ignore[attr-defined]
    conn.execute("PRAGMA synchronous = FULL")  # type: ignore[attr-defined]
    conn.execute(SCHEMA)  # type: ignore[attr-defined]


def bench_inserts(rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        enc = sqlcipher3.connect(str(Path(tmp) / "enc.db"), isolation_level=None)
        enc.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
        _prepare(enc)
        t_enc = _fill(enc, rows)
        enc.close()
        plain = sqlite3.connect(str(Path(tmp) / "plain.db"), isolation_level=None)
        _prepare(plain)
        t_plain = _fill(plain, rows)
        plain.close()
    print(f"inserts of {rows} rows x ~1 KB in transactions of {BATCH} (WAL, synchronous=FULL):")
    print(f"  SQLCipher: {rows / t_enc:,.0f} rows/s ({t_enc:.2f} s)")
    print(f"  sqlite3:   {rows / t_plain:,.0f} rows/s ({t_plain:.2f} s)")
    print(f"  ratio encrypted/plain time: {t_enc / t_plain:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    bench_kdf()
    bench_inserts(args.rows)


if __name__ == "__main__":
    main()
