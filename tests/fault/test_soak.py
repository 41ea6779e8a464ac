"""Soak (issue 16 item 10): an hour of syncing every minute through a link that drops.

The device is a process of its own (tests/fault/soak_device.py) running the loop of `hotich
sync` (sync.schedule.sync_periodically) on a simulated clock, its officers registering
records between two syncs (new births, book entries). The real central server runs in a
network namespace behind the simulated link (tests/netsim.py; root only, skipped otherwise).
For each of the 60 minutes a seeded schedule decides: the link is up, down for the whole
sync (a silent outage: every packet dropped), or cut in the middle of the sync after a
seeded delay. At the end, with the link up, the device drains its queue; then every record
is on the server exactly once, nothing waits on the device, and the device's resident memory
and open files, sampled each minute while it is idle, did not grow after the warm-up.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import pytest

from desktop_app.accounts import Role
from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.workflows import accounts
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.netsim import LinkProfile, RuralLink, rural_link_or_skip, start_central
from tests.unit.sync.support import make_pki

pytestmark = pytest.mark.slow

SEED = 2  # 6 outages and 6 cuts mid-sync in the hour
MINUTES = 60
WARM_UP = 10  # minutes: caches, pools and the first leases settle
MAX_DRAIN_ROUNDS = 4
P_DOWN, P_CUT = 0.12, 0.12
RSS_GROWTH_LIMIT_KB = 8 * 1024  # after the warm-up: a leak of 200 kB a minute fails it
# Each of the device's three stores (one per officer's session) opens its checkpoint
# connection (the database and its log: two files) once, the first time the log passes the
# checkpoint threshold, which may come after the warm-up: at most 6 files, once. A leak of one
# file per sync would be 50.
FD_GROWTH_LIMIT = 3 * 2
# A rural link's shape without its 300 ms per direction: the drops are the point here.
SOAK_LINK = LinkProfile(rate_kbit=1024, loss_percent=0, delay_ms=0)
PASSWORD = "soak-mat-khau-1"
STAFF = {"canbo": Role.OFFICER, "canbo2": Role.OFFICER, "chutich": Role.SUPERVISOR}
ROOT = Path(__file__).resolve().parents[2]


def schedule(rng: random.Random) -> list[tuple[str, float, int]]:
    """Per minute: (link: "up" | "down" | "cut", seconds into the sync of a cut, records to
    register before it). The first minute is up (the device's first lease)."""
    plan = []
    for minute in range(1, MINUTES + 1):
        roll = rng.random()
        link = "up" if minute == 1 or roll >= P_DOWN + P_CUT else (
            "down" if roll < P_DOWN else "cut")
        plan.append((link, round(rng.uniform(0.02, 0.4), 3), rng.choice((0, 1, 1, 2, 3))))
    return plan


def resources(pid: int) -> tuple[int, int]:
    """(resident set in kB, open file descriptors) of a live process, from /proc."""
    status = Path(f"/proc/{pid}/status").read_text()
    rss = next(int(line.split()[1]) for line in status.splitlines()
               if line.startswith("VmRSS:"))
    return rss, len(os.listdir(f"/proc/{pid}/fd"))


def _device_start() -> datetime:
    """The simulated hour ends before the real now. The server judges dates by its real clock,
    so a device clock running ahead of it past midnight in Vietnam dates the last records
    "tomorrow" there, and the server refuses them as future (the soak failed so between
    16:00 and 17:00 UTC). That skew is a bug of its own (the closing note of 2026-12-01), not
    what this soak is about: here both clocks agree."""
    return datetime.now(UTC) - timedelta(minutes=MINUTES + MAX_DRAIN_ROUNDS + 5)


class DeviceProcess:
    """The device's JSON lines and orders (see soak_device.py)."""

    def __init__(self, data_dir: Path, log: IO[str]) -> None:
        env = {**os.environ, "SOAK_PASSWORD": PASSWORD,
               "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        self.proc = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "tests.fault.soak_device", str(data_dir),
             _device_start().isoformat(), str(SEED)], cwd=ROOT, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
        self.events: list[dict[str, Any]] = []

    def until_idle(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        while True:
            line = self.proc.stdout.readline()
            assert line, f"the device ended early (exit {self.proc.poll()})"
            event = json.loads(line)
            self.events.append(event)
            if event["event"] in ("idle", "stopped"):
                return event

    def order(self, **order: object) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(order) + "\n")
        self.proc.stdin.flush()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=30)
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()


@pytest.fixture
def device_dir(data_dir: Path) -> Path:
    admin = accounts.login(DataPaths(data_dir), "admin", ADMIN_PASSWORD, SystemClock())
    try:
        for name, role in STAFF.items():
            accounts.add_account(admin, username=name, role=role, password=PASSWORD,
                                 full_name=f"Cán bộ {name}")
    finally:
        admin.close()
    return data_dir


@pytest.fixture
def link() -> Iterator[RuralLink]:
    with rural_link_or_skip(SOAK_LINK) as made:
        yield made


def test_an_hour_of_syncing_every_minute_through_a_link_that_drops(
        link: RuralLink, device_dir: Path, cli: Callable[..., CliResult], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    pki = make_pki(tmp_path / "pki", hosts=(link.server_host,))
    db = tmp_path / "central.db"
    url = start_central(link, db, cert=pki.cert, key=pki.key,
                        log_file=tmp_path / "server.log", direct=True)
    code = json.loads(cli("--json", "central", "issue-code", "--db", db, "--commune",
                          "00070").out)["code"]
    enrolled = cli("--data-dir", device_dir, "--user", "admin", "enroll", "--server", url,
                   "--code", code, "--ca-file", pki.ca, password=ADMIN_PASSWORD)
    assert enrolled.code == 0, enrolled.err

    plan = schedule(random.Random(SEED))
    began = time.monotonic()
    samples: list[tuple[int, int, int]] = []  # (minute, rss kB, fds)
    with (tmp_path / "device.log").open("w") as log:
        device = DeviceProcess(device_dir, log)
        try:
            idle = device.until_idle()  # the first sync has run
            for minute, (state, cut_after, create) in enumerate(plan, start=1):
                samples.append((minute - 1, *resources(device.proc.pid)))
                link.set_down(state == "down")
                cut = threading.Timer(cut_after, link.set_down, (True,))
                if state == "cut":
                    cut.start()
                device.order(create=create)
                idle = device.until_idle()
                cut.cancel()
                if cut.is_alive():
                    cut.join()
                link.set_down(False)
            samples.append((MINUTES, *resources(device.proc.pid)))
            for _ in range(MAX_DRAIN_ROUNDS):  # the link is up: what waits goes out
                if idle["waiting"] == 0:
                    break
                device.order(create=0)
                idle = device.until_idle()
            device.order(stop=True)
            stopped = device.until_idle()
            assert device.proc.wait(timeout=60) == 0
        finally:
            device.close()
    wall = time.monotonic() - began
    created = stopped["created"]
    outcomes = [e for e in device.events if e["event"] in ("synced", "failed")]
    failed = [e for e in outcomes if e["event"] == "failed"]

    assert idle["waiting"] == 0, (idle, failed)  # the device's queue is empty
    with closing(sqlite3.connect(db, timeout=30)) as central:
        total, distinct = central.execute(
            "SELECT count(*), count(DISTINCT record_id) FROM records").fetchone()
        on_server = {r[0] for r in central.execute("SELECT record_id FROM records")}
    assert (total, distinct) == (len(created), len(created))  # each exactly once
    assert on_server == set(created)

    settled = [s for s in samples if s[0] >= WARM_UP]
    rss_growth = max(s[1] for s in settled) - settled[0][1]
    fd_growth = max(s[2] for s in settled) - settled[0][2]
    with capsys.disabled():
        print(f"\nsoak: {MINUTES} simulated minutes, {len(created)} records, "
              f"{len(outcomes)} syncs of which {len(failed)} failed "
              f"({', '.join(sorted({e['code'] for e in failed}))}); plan "
              f"{sum(p[0] == 'down' for p in plan)} down, {sum(p[0] == 'cut' for p in plan)} cut; "
              f"{wall:.1f} s of wall time")
        result = {e["minute"]: e.get("code", "ok") for e in outcomes}
        print("minute link  sync                rss_kB  fds")
        for minute, rss, fds in samples:
            state = plan[minute - 1][0] if minute else "up"
            print(f"{minute:6d} {state:5s} {result.get(minute, '-'):18s} {rss:7d} {fds:4d}")
        print(f"after minute {WARM_UP}: RSS grew {rss_growth} kB (limit "
              f"{RSS_GROWTH_LIMIT_KB}), open files grew {fd_growth} (limit {FD_GROWTH_LIMIT})")
    assert len(created) >= 40  # the officers did register
    downs = {m for m, p in enumerate(plan, start=1) if p[0] == "down"}
    assert downs and downs <= {e["minute"] for e in failed}  # the link did drop
    assert rss_growth <= RSS_GROWTH_LIMIT_KB, samples
    assert fd_growth <= FD_GROWTH_LIMIT, samples
