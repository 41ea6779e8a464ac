"""GUI benchmarks (figures, not timed tests).

1. Start to login window: a fresh interpreter, from its first line to the login dialog shown.
2. The longest GUI-thread stall while the database lane creates 1,000 births (each to its own
   mother; one task per save, submitted one per turn of the event loop as a form's saves
   arrive, results delivered to the GUI thread), then the records screen lists its first page
   and runs a folded search: a 2 ms QTimer heartbeat records the largest gap between beats,
   per phase.
3. The screens at register size (issue 13), per size in a fresh process on a copy of the cached
   register (bench/.cache, built by bench/register.py; never built here): the real main window,
   the supervisor logged in, and the time until each screen shows its first page (dashboard,
   records list, search "nguyen", approval: waiting and to sign, sync queue), the next pages
   as each list is scrolled to its end, the longest GUI-thread stall meanwhile, and the
   process's resident memory (RSS, and its peak) after every screen was visited and each list
   scrolled a few pages. Printed as a curve with ratios to the 1k figures.

Run: .venv/bin/python bench/bench_gui.py [--sizes 1k,10k,100k,1m] [--screens-only]
(offscreen unless QT_QPA_PLATFORM says otherwise, e.g. xcb under xvfb-run; BENCH_GUI_RECORDS=N
for another count in 2; --work DIR keeps the register copies there and reuses them)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HOTICH_KDF_LOG2_N", "14")

STARTUP = """
import time; t0 = time.perf_counter()
import sys; sys.path.insert(0, {root!r})
from pathlib import Path
from desktop_app.app import catalogue
from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.services import AppServices
from ui import i18n
from ui.run import application, make_login
from ui.tasks import TaskRunner
app = application()
lang = i18n.install("vi")
runner = TaskRunner()
login = make_login(AppServices(DataPaths(Path({data!r})), SystemClock(), catalogue()), runner,
                   lang)
login.show()
while not login.isVisible():
    app.processEvents()
app.processEvents()
print(time.perf_counter() - t0)
runner.shutdown()
"""


def startup_seconds(data: Path, runs: int = 3) -> list[float]:
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", STARTUP.format(root=str(ROOT),
                                                                    data=str(data))],
                             capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return times


COUNT = int(os.environ.get("BENCH_GUI_RECORDS", "1000"))


def stalls() -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.accounts import Role
    from desktop_app.app import catalogue
    from desktop_app.clock import FixedClock
    from desktop_app.domain import fold_for_search
    from desktop_app.paths import DataPaths
    from desktop_app.services import AppServices
    from desktop_app.workflows import accounts, records
    from tests.many_records import person_name
    from tests.samples import build
    from ui.context import UiContext
    from ui.pages.records_page import RecordsPage
    from ui.run import settle_heap
    from ui.tasks import TaskRunner

    tmp = Path(tempfile.mkdtemp(prefix="bench-gui-"))
    paths = DataPaths(tmp / "data")
    clock = FixedClock(datetime(2026, 1, 15, 3, 0, tzinfo=UTC))
    accounts.initialise(paths, commune_code="26740", admin="admin", password="bench-pw-1",
                        clock=clock)
    admin = accounts.login(paths, "admin", "bench-pw-1", clock)
    accounts.add_account(admin, username="canbo", role=Role.OFFICER, password="bench-pw-1")
    admin.close()

    start = startup_seconds(paths.root)
    print(f"start to login window: median {sorted(start)[1] * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in start)} ms)")

    app = QApplication.instance() or QApplication(sys.argv)
    runner = TaskRunner()
    session = accounts.login(paths, "canbo", "bench-pw-1", clock)
    ctx = UiContext(AppServices(paths, clock, catalogue()), runner, session)
    page = RecordsPage(ctx)
    page.show()

    # Each birth to its own mother, as in a commune (one mother with 1,000 births would make
    # every twin/duplicate check compare against all of them), each name its own (names hold
    # no digits: E-NAME-DIGITS). Built before the heartbeat: typing them is the officer's
    # work, not the GUI's.
    batch = [build("birth", {"child.full_name": person_name(n),
                             "child.date_of_birth": f"2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                             "mother.full_name": person_name(n + 2600)})
             for n in range(COUNT)]
    settle_heap()  # as run_gui does once the main window is up
    gaps: list[float] = []
    beat = QElapsedTimer()
    beat.start()

    def tick() -> None:
        gaps.append(beat.restart())

    heartbeat = QTimer(interval=2)
    heartbeat.timeout.connect(tick)
    heartbeat.start()
    done: list[object] = []
    t0 = time.perf_counter()
    pending = list(batch)

    def submit() -> None:  # one save per turn of the event loop, as a form's saves arrive
        if pending:
            data = pending.pop()
            runner.run(lambda: records.create_record(session, "birth", data), done.append,
                       done.append)
            QTimer.singleShot(0, submit)

    submit()
    while len(done) < COUNT:
        app.processEvents()
    created = time.perf_counter() - t0
    during_creation = len(gaps)
    errors = [d for d in done if isinstance(d, BaseException)]
    page.refresh()
    while runner.pending:
        app.processEvents()
    listed = page.model.rowCount()
    wanted = fold_for_search(person_name(16))  # Đặng Thị An
    page.search.setText(wanted)
    page.refresh()
    while runner.pending:
        app.processEvents()
    found = page.model.rowCount()
    heartbeat.stop()
    creation_stall, listing_stall = max(gaps[:during_creation]), max(gaps[during_creation:])
    gaps.sort()
    print(f"{COUNT:,} records created on the db lane in {created:.1f} s "
          f"({len(errors)} errors); first page {listed} rows, search '{wanted}' found {found}")
    print(f"GUI heartbeat (2 ms timer) during that work: {len(gaps)} beats, "
          f"longest stall {gaps[-1]:.0f} ms (while creating {creation_stall:.0f} ms, listing and "
          f"searching {listing_stall:.0f} ms), 99th percentile "
          f"{gaps[int(len(gaps) * .99)]:.0f} ms")
    runner.shutdown()


# -- 3. the screens at register size ---------------------------------------------------------
SCROLLED_PAGES = 3  # pages loaded past the first in each list, by scrolling to its end


def _rss_mb() -> tuple[float, float]:
    fields = dict(line.split(":", 1) for line in
                  Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def screens(root: Path) -> dict[str, Any]:
    """One register: the measures of part 3 (run in a fresh process per size)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from bench import register
    from desktop_app.app import catalogue
    from desktop_app.clock import FixedClock
    from desktop_app.paths import DataPaths
    from desktop_app.services import AppServices
    from desktop_app.workflows import accounts
    from ui import i18n
    from ui.context import UiContext
    from ui.main_window import MainWindow
    from ui.models import PagedRowsModel
    from ui.run import application, settle_heap
    from ui.tasks import TaskRunner

    out: dict[str, Any] = {}
    app = application()
    lang = i18n.install("vi")
    clock = FixedClock(register.NOW)
    paths = DataPaths(root)
    accounts.login(paths, register.SUPERVISOR, register.PASSWORD, clock).close()  # migrations
    shutil.rmtree(root / "backups", ignore_errors=True)  # the pre-upgrade copy of a copy
    start = time.perf_counter()
    session = accounts.login(paths, register.SUPERVISOR, register.PASSWORD, clock)
    out["login"] = (time.perf_counter() - start) * 1000
    runner = TaskRunner()
    ctx = UiContext(AppServices(paths, clock, catalogue()), runner, session, lang=lang)
    gaps: list[float] = []
    beat = QElapsedTimer()
    heartbeat = QTimer(interval=2)
    heartbeat.timeout.connect(lambda: gaps.append(beat.restart()))

    def until(done: Callable[[], bool]) -> None:
        while not done():
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        app.processEvents()  # what arrived is painted

    stalls: dict[str, float] = {}
    growth: dict[str, float] = {}  # RSS after each phase (MB)

    def stall(phase: str) -> None:
        """The longest gap between heartbeats since the last phase ended."""
        stalls[phase] = max([*gaps, stalls.get(phase, 0.0)])
        gaps.clear()
        growth[phase] = _rss_mb()[0]

    def first_page(models: dict[str, PagedRowsModel], act: Callable[[], object]) -> None:
        """``act`` (show a screen, run a search), then the time until each list's first page
        is on screen."""
        until(lambda: runner.pending == 0)  # the screen before has finished its work
        gaps.clear()
        arrived: dict[str, float] = {}
        hooks = []
        for name, model in models.items():
            def record(first: bool, name: str = name) -> None:
                if first and name not in arrived:
                    arrived[name] = (time.perf_counter() - begin) * 1000
            model.loaded.connect(record)
            hooks.append((model, record))
        begin = time.perf_counter()
        act()
        until(lambda: len(arrived) == len(models))
        for model, record in hooks:
            model.loaded.disconnect(record)
        out.update(arrived)
        stall(next(iter(models)))

    def scroll(name: str, model: PagedRowsModel, view: Any) -> None:
        """Scrolled to the end a few times: the next pages, as the view asks for them."""
        times = out.setdefault("next page", [])
        until(lambda: runner.pending == 0)
        gaps.clear()
        for _ in range(SCROLLED_PAGES):
            if model.is_complete:
                break
            shown = model.rowCount()
            begin = time.perf_counter()
            view.scrollToBottom()
            until(lambda shown=shown: model.rowCount() > shown or model.is_complete)
            times.append((time.perf_counter() - begin) * 1000)
        out[f"{name} rows"] = model.rowCount()
        stall(f"scroll {name}")

    window = MainWindow(ctx)
    window.resize(1280, 800)
    beat.start()
    heartbeat.start()
    begin = time.perf_counter()
    window.show()
    until(lambda: window.dashboard.summary is not None)
    out["dashboard"] = (time.perf_counter() - begin) * 1000
    stall("window shown")
    settle_heap()  # as run_gui does once the window is up
    out["rss window"] = _rss_mb()[0]
    records = window.records
    first_page({"records list": records.model}, lambda: window.show_page("records"))
    scroll("records", records.model, records.table)

    def search() -> None:
        records.search.setText("nguyen")
        records.refresh()  # Enter, without the typing pause

    first_page({"search nguyen": records.model}, search)
    scroll("search", records.model, records.table)
    approval = window.approval
    assert approval is not None, "the supervisor has the approval screen"
    first_page({"approval waiting": approval.pending_model, "approval to sign":
                approval.sign_model}, lambda: window.show_page("approval"))
    until(lambda: runner.pending == 0)  # the selected record's review
    scroll("approval", approval.pending_model, approval.pending_table)
    scroll("to sign", approval.sign_model, approval.sign_table)
    first_page({"sync queue": window.sync.model}, lambda: window.show_page("sync"))
    scroll("sync", window.sync.model, window.sync.table)
    for key in window.pages:  # every other screen once
        window.show_page(key)
        until(lambda: runner.pending == 0)
        stall(f"screen {key}")
    # The same screens again (each reloads its first page): warm caches, as most visits are.
    first = {k: out[k] for k in ("records list", "search nguyen", "approval waiting",
                                 "approval to sign", "sync queue")}
    before = window.dashboard.summary
    begin = time.perf_counter()
    window.show_page("dashboard")
    until(lambda: window.dashboard.summary is not before)
    out["dashboard again"] = (time.perf_counter() - begin) * 1000
    until(lambda: runner.pending == 0)
    first_page({"records list": records.model}, lambda: window.show_page("records"))
    first_page({"search nguyen": records.model}, search)
    first_page({"approval waiting": approval.pending_model, "approval to sign":
                approval.sign_model}, lambda: window.show_page("approval"))
    first_page({"sync queue": window.sync.model}, lambda: window.show_page("sync"))
    until(lambda: runner.pending == 0)
    out["again"] = max(out[k] for k in first)
    out.update(first)
    heartbeat.stop()
    out["rss"], out["rss peak"] = _rss_mb()
    out["stall"] = max(v for k, v in stalls.items() if k != "window shown")
    out["stalls"], out["rss after"] = stalls, growth
    out["total"] = window.dashboard.summary.total if window.dashboard.summary else None
    window.close()
    runner.shutdown()
    return out


ROWS = (("login", "ms"), ("dashboard", "ms"), ("dashboard again", "ms"), ("records list", "ms"),
        ("search nguyen", "ms"),
        ("approval waiting", "ms"), ("approval to sign", "ms"), ("sync queue", "ms"),
        ("again", "ms"), ("next page", "ms"), ("stall", "ms"), ("stall window shown", "ms"),
        ("rss window", "MB"), ("rss", "MB"),
        ("rss peak", "MB"))


def _size(text: str) -> int:
    text = text.strip().lower()
    return int(float(text[:-1]) * (1_000_000 if text[-1] == "m" else 1000)) \
        if text[-1] in "km" else int(text)


def _label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


def _cell(value: Any, base: Any, unit: str) -> str:
    if isinstance(value, list):  # per next page: the median
        value = statistics.median(value) if value else None
        base = statistics.median(base) if base else None
    if value is None:
        return "-"
    ratio = f" x{value / base:.1f}" if base else ""
    return f"{value:.0f} {unit}{ratio}"


def screens_curve(sizes: list[int], work: Path | None) -> None:
    from bench import register

    results: list[tuple[int, dict[str, Any]]] = []
    keep = work is not None
    work = work or Path(tempfile.mkdtemp(prefix="bench-gui-screens-"))
    try:
        for n in sizes:
            source = register.CACHE / f"register-v{register.GENERATOR_VERSION}-s{register.SEED}-{n}"
            if not (source / "done").exists():
                print(f"{_label(n)}: no cached register at {source} (bench/register.py "
                      f"--build {n} makes it); skipped", file=sys.stderr)
                continue
            copy = work / _label(n)
            if not (copy / "done").exists():  # a copy: the cache itself is never opened
                shutil.rmtree(copy, ignore_errors=True)
                print(f"copying the {_label(n)} register ...", file=sys.stderr, flush=True)
                shutil.copytree(source, copy, ignore=shutil.ignore_patterns("backups"))
            print(f"measuring {_label(n)} ...", file=sys.stderr, flush=True)
            done = subprocess.run([sys.executable, __file__, "--child", str(copy)],
                                  capture_output=True, text=True, check=False)
            if done.returncode != 0:
                sys.stderr.write(done.stderr)
                raise SystemExit(f"measuring {_label(n)} failed")
            result = json.loads(done.stdout.strip().splitlines()[-1])
            result["stall window shown"] = result["stalls"].pop("window shown")
            results.append((n, result))
            if not keep:
                shutil.rmtree(copy, ignore_errors=True)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    if not results:
        return
    print("\nscreens at register size: time to the first page on screen (the supervisor's "
          "window), the median next page\nwhen a list is scrolled to its end, the longest "
          "GUI stall, resident memory after every screen\nand a few pages of each list "
          "(ratio to the smallest size); 'again': the slowest of those lists shown a second "
          "time")
    width = 22
    print("".ljust(width) + "".join(f"{_label(n):>18}" for n, _r in results))
    base = results[0][1]
    for key, unit in ROWS:
        print(key.ljust(width) + "".join(f"{_cell(r.get(key), base.get(key), unit):>18}"
                                         for _n, r in results))
    print("records in the store".ljust(width)
          + "".join(f"{r.get('total') or 0:>18,}" for _n, r in results))
    worst = {n: max(r["stalls"], key=r["stalls"].get) for n, r in results}
    print("longest stall in".ljust(width) + "".join(f"{worst[n]:>18}" for n, _r in results))
    print("rows after scrolling".ljust(width) + "".join(
        f"{r.get('records rows', 0)}/{r.get('approval rows', 0)}/{r.get('sync rows', 0)}"
        .rjust(18) for _n, r in results) + "   (records/approval/sync)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1k,10k",
                        help="register sizes for part 3 (1k,10k,100k,1m; cached registers)")
    parser.add_argument("--screens-only", action="store_true", help="part 3 only")
    parser.add_argument("--work", type=Path, help="keep and reuse the register copies here")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(screens(args.child)))
        return 0
    if not args.screens_only:
        stalls()
    screens_curve(sorted({_size(s) for s in args.sizes.split(",") if s.strip()}), args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
