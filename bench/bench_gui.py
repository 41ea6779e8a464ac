"""GUI benchmarks (figures, not timed tests).

1. Start to login window: a fresh interpreter, from its first line to the login dialog shown.
2. The longest GUI-thread stall while the database lane creates 1,000 births (each to its own
   mother; one task per save, submitted one per turn of the event loop as a form's saves
   arrive, results delivered to the GUI thread), then the records screen lists all of them and
   runs a folded search: a 2 ms QTimer heartbeat records the largest gap between beats, per
   phase.

Run: .venv/bin/python bench/bench_gui.py   (offscreen; HOTICH_KDF_LOG2_N=14 for the accounts;
BENCH_GUI_RECORDS=N for another count)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

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


def main() -> int:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.accounts import Role
    from desktop_app.app import catalogue
    from desktop_app.clock import FixedClock
    from desktop_app.paths import DataPaths
    from desktop_app.services import AppServices
    from desktop_app.workflows import accounts, records
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

    names = ["Nguyễn Văn An", "Trần Thị Bình", "H’Hen Niê", "Lò Văn Sáng", "Đặng Thị Nhung"]
    # Each birth to its own mother, as in a commune (one mother with 1,000 births would make
    # every twin/duplicate check compare against all of them). Built before the heartbeat:
    # typing them is the officer's work, not the GUI's.
    batch = [build("birth", {"child.full_name": f"{names[n % 5]} {n}",
                             "child.date_of_birth": f"2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                             "mother.full_name": f"{names[(n + 2) % 5]} Mẹ {n}"})
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
    page.search.setText("dang thi nhung")
    page.refresh()
    while runner.pending:
        app.processEvents()
    found = page.model.rowCount()
    heartbeat.stop()
    creation_stall, listing_stall = max(gaps[:during_creation]), max(gaps[during_creation:])
    gaps.sort()
    print(f"{COUNT:,} records created on the db lane in {created:.1f} s "
          f"({len(errors)} errors); listed {listed}, search 'dang thi nhung' found {found}")
    print(f"GUI heartbeat (2 ms timer) during that work: {len(gaps)} beats, "
          f"longest stall {gaps[-1]:.0f} ms (while creating {creation_stall:.0f} ms, listing and "
          f"searching {listing_stall:.0f} ms), 99th percentile "
          f"{gaps[int(len(gaps) * .99)]:.0f} ms")
    runner.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
