"""Digitisation progress and accuracy: counters (schema 14) against the aggregates over every
book entry they replaced. Prints the figures; asserts nothing.

    PYTHONPATH=$PWD/tests/support:$PWD .venv/bin/python bench/bench_books.py [ENTRIES ...]

Each size keys that many entries into one book through the workflow (a fifth of them double
entered by two officers, one field in ten disagreeing), then times `books.digitisation` and
`books.accuracy` (what the screen and `hotich books digitisation|accuracy` run) and, on the
same store, the queries of schema 10-13 that read every entry.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image

from desktop_app.accounts import Role
from desktop_app.clock import FixedClock
from desktop_app.paths import DataPaths
from desktop_app.workflows import accounts, books

PW = "bench-password-1"
PER_PAGE = 20
OLD_PROGRESS = """
SELECT b.id, (SELECT count(*) FROM book_pages p WHERE p.book_id = b.id), count(e.record_id),
       coalesce(sum(r.verified_by IS NOT NULL), 0),
       coalesce(sum(EXISTS (SELECT 1 FROM json_each(r.issues)
                            WHERE json_extract(value, '$.severity') = 'warning')), 0)
FROM paper_books b LEFT JOIN book_entries e ON e.book_id = b.id
LEFT JOIN records r ON r.id = e.record_id GROUP BY b.id
"""
OLD_ACCURACY = """
SELECT k.officer, count(DISTINCT k.record_id), count(*), sum(f.agreed = 0),
       sum(f.agreed = 0 AND f.decided_by IS NOT NULL AND
           (CASE k.n WHEN 1 THEN f.first ELSE f.second END) IS NOT f.decided)
FROM entry_keyings k JOIN entry_fields f ON f.record_id = k.record_id GROUP BY k.officer
"""


def _page(n: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 60), (n % 256, (n // 256) % 256, 90)).save(out, "PNG")
    return out.getvalue()


def _entry(n: int, variant: int = 0) -> dict[str, object]:
    return {"registered_on": "1990-03-02", "registration_number": str(n + variant),
            "time_of_death": "1990-03-01T08:00",
            "deceased": {"full_name": f"Nguyễn Văn Số {n}", "sex": "male"}}


def _median_ms(run, times: int = 15) -> float:  # noqa: ANN001
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def measure(entries: int) -> None:
    clock = FixedClock(datetime(2026, 1, 15, 3, 0, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as tmp:
        paths = DataPaths(Path(tmp) / "data")
        accounts.initialise(paths, commune_code="26740", admin="admin", password=PW,
                            clock=clock)
        admin = accounts.login(paths, "admin", PW, clock)
        for name, role in (("canbo", Role.OFFICER), ("canbo2", Role.OFFICER),
                           ("chutich", Role.SUPERVISOR)):
            accounts.add_account(admin, username=name, role=role, password=PW)
        admin.close()
        first, second, boss = (accounts.login(paths, u, PW, clock)
                               for u in ("canbo", "canbo2", "chutich"))
        book = books.open_book(first, "death", 1990, "01/1990", "UBND xã Tân Lập", 3)
        for p in range(entries // PER_PAGE + 1):
            books.add_page(first, book.id, _page(p))
        start = time.perf_counter()
        double = entries // 5
        books.set_double_entry(boss, True)
        for n in range(double):
            page, position = n // PER_PAGE + 1, n % PER_PAGE + 1
            books.key_entry(first, book.id, page, position, _entry(n))
            books.key_entry(second, book.id, page, position, _entry(n, int(n % 10 == 0)))
        books.set_double_entry(boss, False)
        for n in range(double, entries):
            books.key_entry(first, book.id, n // PER_PAGE + 1, n % PER_PAGE + 1, _entry(n))
        keyed = time.perf_counter() - start
        conn = boss.store.connection()
        new_progress = _median_ms(lambda: books.digitisation(boss))
        new_accuracy = _median_ms(lambda: books.accuracy(boss))
        old_progress = _median_ms(lambda: conn.execute(OLD_PROGRESS).fetchall())
        old_accuracy = _median_ms(lambda: conn.execute(OLD_ACCURACY).fetchall())
        print(f"{entries:>6} entries ({double} double, keyed in {keyed:.1f} s = "
              f"{keyed * 1000 / (entries + double):.1f} ms a keying): "
              f"progress {new_progress:.2f} ms (aggregates {old_progress:.2f} ms), "
              f"accuracy {new_accuracy:.2f} ms (aggregates {old_accuracy:.2f} ms)")
        for session in (first, second, boss):
            session.close()


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [500, 2000]:
        measure(size)
