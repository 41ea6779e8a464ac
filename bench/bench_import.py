"""Bulk digitisation throughput (issue 13): `hotich import` of historical entries.

Generates N historical entries with bench/register.py (the register's own mix of types,
phases, partial dates and illegible fields), writes them as the project's JSON (a list of
{"type", "data"}) and the births among them as a CSV with a column mapping, imports both into
a fresh encrypted store through workflows/bulk_import.run_import and prints entries/s.
Goal: >= 2,000 entries/s at 10,000 entries.

    python bench/bench_import.py [--entries 10000] [--batch 500]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from bench.register import NOW, OFFICER, PASSWORD, Register, initialise  # noqa: E402


def _flat(data: dict[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flat(value, path + "."))
        elif isinstance(value, list):  # lists of text (illegible fields): ";" between
            if value and all(isinstance(v, str) for v in value):
                out[path] = ";".join(value)
        elif value is not None:
            out[path] = str(value)
    return out


def write_files(folder: Path, n: int) -> tuple[Path, Path, Path, int]:
    stream = Register().entries()
    items: list[dict[str, Any]] = []
    while len(items) < n:
        entry = next(stream)
        if entry.historical and entry.links_to is None:
            items.append({"type": entry.type, "data": entry.data})
    json_path = folder / "entries.json"
    json_path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    births = [_flat(i["data"]) for i in items if i["type"] == "birth"]
    columns = sorted({c for row in births for c in row})
    # Column titles as an officer's spreadsheet has them, mapped back to the field paths.
    mapping = {f"Cột {k + 1}": path for k, path in enumerate(columns)}
    titles = {path: title for title, path in mapping.items()}
    csv_path = folder / "births.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=[titles[c] for c in columns])
        writer.writeheader()
        for row in births:
            writer.writerow({titles[c]: v for c, v in row.items()})
    map_path = folder / "births.map.json"
    map_path.write_text(json.dumps(mapping, ensure_ascii=False), encoding="utf-8")
    return json_path, csv_path, map_path, len(births)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    from desktop_app.clock import FixedClock
    from desktop_app.paths import DataPaths
    from desktop_app.workflows import accounts, bulk_import

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        json_path, csv_path, map_path, births = write_files(folder, args.entries)
        # Untimed warm-up: the first address conversion loads the administrative-unit tables
        # (~0.8 s once per process), which would otherwise count against the first batch.
        warm = folder / "warm.json"
        warm.write_text(json.dumps(json.loads(json_path.read_text(encoding="utf-8"))[:50],
                                   ensure_ascii=False), encoding="utf-8")
        initialise(folder / "data-warm")
        session = accounts.login(DataPaths(folder / "data-warm"), OFFICER, PASSWORD,
                                 FixedClock(NOW))
        try:
            bulk_import.run_import(session, warm, book="WARM")
        finally:
            session.close()
        for name, path, rtype, mapping, count in (
                ("json", json_path, None, None, args.entries),
                ("csv", csv_path, "birth", bulk_import.load_mapping(map_path), births)):
            root = folder / f"data-{name}"
            initialise(root)
            session = accounts.login(DataPaths(root), OFFICER, PASSWORD, FixedClock(NOW))
            try:
                start = time.perf_counter()
                summary = bulk_import.run_import(session, path, book="BENCH-1", rtype=rtype,
                                                 mapping=mapping, batch=args.batch)
                seconds = time.perf_counter() - start
            finally:
                session.close()
            done = summary.imported + len(summary.refused)
            print(f"import {name}: {count:,} entries in {seconds:.2f} s = "
                  f"{done / seconds:,.0f} entries/s (goal >= 2,000); imported "
                  f"{summary.imported:,}, with warnings {summary.with_warnings:,}, refused "
                  f"{len(summary.refused):,}; batch {args.batch}")
            top = ", ".join(f"{k} {v}" for k, v in summary.rules.most_common(6))
            print(f"  rules: {top}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
