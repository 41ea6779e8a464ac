"""Bulk digitisation throughput (issue 13): `hotich import` of historical entries.

Generates N historical entries with bench/register.py (the register's own mix of types,
phases, partial dates and illegible fields), writes them as the project's JSON (a list of
{"type", "data"}) and N births (the first N the register gives from there: the births-only
book an officer types into a spreadsheet) as a CSV with a column mapping, and imports both
through workflows/bulk_import.run_import into an encrypted store: a fresh one, or with
--into N a copy of the cached register of N records (bench/.cache, made by bench/register.py;
never built here), the entries then being the ones that follow the register's first N.
Goal: >= 2,000 entries/s.

Prints entries/s (wall clock, the figure of the goal), the CPU time per entry of this process
(the writer) and of the preparing worker, the load average (the machine is shared: read the
CPU figures when it is high), and with --profile where the writer's and the worker's time
goes (cProfile, a separate untimed run).

    python bench/bench_import.py [--entries 10000] [--batch 2000] [--into 100000]
                                 [--worker auto|on|off] [--formats json,csv] [--repeat 3]
                                 [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import json
import os
import pstats
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from bench.register import (  # noqa: E402
    CACHE,
    GENERATOR_VERSION,
    NOW,
    OFFICER,
    PASSWORD,
    SEED,
    Register,
    initialise,
)


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


def write_files(folder: Path, n: int, skip: int = 0) -> tuple[Path, Path, Path, int]:
    """The JSON of n historical entries (after the register's first ``skip``), the CSV of
    the first n births among them and the entries that follow, and its column mapping."""
    stream = Register().entries()
    for _ in range(skip):  # the register in the store holds these
        next(stream)
    items: list[dict[str, Any]] = []
    births: list[dict[str, str]] = []
    while len(items) < n or len(births) < n:
        entry = next(stream)
        if entry.historical and entry.links_to is None:
            if len(items) < n:
                items.append({"type": entry.type, "data": entry.data})
            if entry.type == "birth" and len(births) < n:
                births.append(_flat(entry.data))
    json_path = folder / "entries.json"
    json_path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
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


def _cached_register(n: int) -> Path:
    source = CACHE / f"register-v{GENERATOR_VERSION}-s{SEED}-{n}"
    if not (source / "done").exists():
        raise SystemExit(f"no cached register of {n:,} records in {CACHE}: build it with "
                         f"`python bench/register.py --build {n}` (slow) or pick another size")
    return source


def _store(folder: Path, name: str, into: int) -> Path:
    root = folder / f"data-{name}"
    if into:
        shutil.copytree(_cached_register(into), root)
    else:
        initialise(root)
    return root


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _profile_lines(profile: cProfile.Profile, count: int) -> list[str]:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("tottime").print_stats(count)
    text = out.getvalue()
    start = text.find("ncalls")
    return [line for line in text[start:].splitlines() if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=0,
                        help="entries per transaction (default: the import's own)")
    parser.add_argument("--into", type=int, default=0, metavar="N",
                        help="import into a copy of the cached register of N records")
    parser.add_argument("--worker", choices=("auto", "on", "off"), default="auto")
    parser.add_argument("--formats", default="json,csv")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each format, alternating (the machine's speed varies "
                             "by a quarter from run to run: the median is printed)")
    parser.add_argument("--profile", action="store_true",
                        help="then profile the writer and the worker (untimed runs)")
    args = parser.parse_args()
    from desktop_app.clock import FixedClock
    from desktop_app.paths import DataPaths
    from desktop_app.workflows import accounts, bulk_import

    args.batch = args.batch or bulk_import.BATCH
    worker = {"auto": None, "on": True, "off": False}[args.worker]
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        json_path, csv_path, map_path, births = write_files(folder, args.entries,
                                                            skip=args.into)
        # Untimed warm-up of this process: the first address conversion loads the
        # administrative-unit tables (~1 s once per process). A worker process loads them
        # again for itself: that part is timed, as every import pays it.
        warm = folder / "warm.json"
        warm.write_text(json.dumps(json.loads(json_path.read_text(encoding="utf-8"))[:50],
                                   ensure_ascii=False), encoding="utf-8")
        initialise(folder / "data-warm")
        session = accounts.login(DataPaths(folder / "data-warm"), OFFICER, PASSWORD,
                                 FixedClock(NOW))
        try:
            bulk_import.run_import(session, warm, book="WARM", worker=False)
        finally:
            session.close()
        into = f" into a register of {args.into:,}" if args.into else " into a new store"
        print(f"bench_import: {args.entries:,} historical entries{into}, batch {args.batch}, "
              f"worker {args.worker}, {os.cpu_count()} cores, load "
              f"{os.getloadavg()[0]:.1f} (auto: a worker only below {os.cpu_count() or 1})")
        runs: dict[str, tuple[Path, str | None, dict[str, str] | None, int]] = {
            "json": (json_path, None, None, args.entries),
            "csv": (csv_path, "birth", bulk_import.load_mapping(map_path), births)}
        rates: dict[str, list[float]] = {name: [] for name in formats}
        for run in range(args.repeat):
            for name in formats:
                path, rtype, mapping, count = runs[name]
                root = _store(folder, f"{name}-{run}", args.into)
                rates[name].append(_timed(root, name, path, rtype, mapping, count, args, worker))
                if args.into:
                    shutil.rmtree(root)  # a copy of a big register: one at a time on disk
        for name, found in rates.items():
            if len(found) > 1:
                print(f"import {name}: median {statistics.median(found):,.0f} entries/s of "
                      f"{len(found)} runs ({', '.join(f'{r:,.0f}' for r in found)}; goal "
                      ">= 2,000)")
        if args.profile:
            for name in formats:
                path, rtype, mapping, _count = runs[name]
                _profile(folder, name, path, rtype, mapping, args, bulk_import.run_import)
    return 0


def _timed(root: Path, name: str, path: Path, rtype: str | None,
           mapping: dict[str, str] | None, count: int, args: argparse.Namespace,
           worker: bool | None) -> float:
    """One import into ``root``, its figures printed; returns its entries/s."""
    from desktop_app.clock import FixedClock
    from desktop_app.paths import DataPaths
    from desktop_app.workflows import accounts, bulk_import

    session = accounts.login(DataPaths(root), OFFICER, PASSWORD, FixedClock(NOW))
    try:
        children = _children_cpu()
        cpu = time.process_time()
        start = time.perf_counter()
        summary = bulk_import.run_import(session, path, book="BENCH-1", rtype=rtype,
                                         mapping=mapping, batch=args.batch, worker=worker)
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu
        children = _children_cpu() - children
    finally:
        session.close()
    done = summary.imported + len(summary.refused)
    print(f"import {name}: {count:,} entries in {seconds:.2f} s = "
          f"{done / seconds:,.0f} entries/s (goal >= 2,000); imported "
          f"{summary.imported:,}, with warnings {summary.with_warnings:,}, refused "
          f"{len(summary.refused):,}")
    print(f"  CPU per entry: writer {cpu / done * 1e6:,.0f} us, worker "
          f"{children / done * 1e6:,.0f} us; load now {os.getloadavg()[0]:.1f}")
    top = ", ".join(f"{k} {v}" for k, v in summary.rules.most_common(6))
    print(f"  rules: {top}")
    return done / seconds


def _profile(folder: Path, name: str, path: Path, rtype: str | None,
             mapping: dict[str, str] | None, args: argparse.Namespace,
             run_import: Callable[..., Any]) -> None:
    """The writer's time (the worker preparing) and the worker's (preparing alone)."""
    from datetime import date

    from desktop_app.clock import FixedClock
    from desktop_app.paths import DataPaths
    from desktop_app.workflows import accounts
    from desktop_app.workflows.bulk_import_prepare import Plan, prepare_rows
    from desktop_app.workflows.bulk_import_rows import read_rows

    root = _store(folder, f"{name}-profiled", args.into)
    session = accounts.login(DataPaths(root), OFFICER, PASSWORD, FixedClock(NOW))
    writer = cProfile.Profile()
    try:
        writer.enable()
        run_import(session, path, book="BENCH-1", rtype=rtype, mapping=mapping,
                   batch=args.batch, worker=True)
        writer.disable()
    finally:
        session.close()
    print(f"  profile of the writer ({name}, the worker preparing; by own time):")
    for line in _profile_lines(writer, 14):
        print(f"    {line}")
    rows, _ = read_rows(path, path.read_bytes(), mapping)
    plan = Plan(rtype, None, "BENCH-1", date(2026, 1, 15))
    preparer = cProfile.Profile()
    preparer.enable()
    prepare_rows(list(rows), plan)
    preparer.disable()
    print(f"  profile of preparing ({name}, what the worker does; by own time):")
    for line in _profile_lines(preparer, 14):
        print(f"    {line}")


if __name__ == "__main__":
    raise SystemExit(main())
