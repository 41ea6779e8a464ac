"""The device of the soak (tests/fault/test_soak.py), a process of its own.

It runs the loop of `hotich sync` (sync.schedule.sync_periodically: a whole sync, then wait a
minute) with the officers' workflows around it, on a simulated clock: the loop's ``wait``
is where the minute passes. There the device says it is idle (one JSON line on stdout, with
what waits in its queue) and reads the driver's order from stdin: ``{"create": N}`` moves the
clock one minute on, has the officers register N records (new births approved by the
supervisor, and book entries: historical deaths checked by a second officer), then returns
to the loop for the next sync; ``{"stop": true}`` ends it. Sync outcomes are JSON lines too.

    python -m tests.fault.soak_device DATA_DIR START_ISO SEED   (passwords: env SOAK_PASSWORD)
"""

from __future__ import annotations

import ctypes
import json
import os
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from desktop_app.clock import FixedClock
from desktop_app.paths import DataPaths
from desktop_app.store.outbox_repo import ACCEPTED
from desktop_app.workflows import records
from desktop_app.workflows.accounts import login
from desktop_app.workflows.approval import evaluate_for_approval
from desktop_app.workflows.sync_apply import SyncReport
from sync.client import TransportConfig
from sync.device import HttpsSyncTransport
from sync.errors import SyncError
from sync.schedule import sync_periodically
from tests.samples import build

# A link that drops is noticed within seconds, not the officer's minutes: the same code,
# tighter numbers, so that an hour of simulated outages fits the suite's time.
SOAK_TRANSPORT = TransportConfig(connect_timeout=0.5, read_timeout=1.5, attempts=2,
                                 connect_retries=0, backoff_base=0.1, backoff_max=0.5,
                                 request_deadline=5.0, run_budget=12.0)
GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khôi", "Lan", "Minh", "Ngọc", "Phúc",
         "Quân", "Sơn", "Thảo", "Uyên", "Vy", "H’Hen", "Y Sơn")
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Niê", "Ksor")


def release_free_heap() -> None:
    """Hand freed heap back to the system before the driver samples the resident set: the
    KDF's 16 MiB per login and other freed blocks stay resident otherwise, and a leak would
    fill them unseen."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the resident set is read as it is
        pass


def say(event: str, **fields: Any) -> None:
    sys.stdout.write(json.dumps({"event": event, **fields}) + "\n")
    sys.stdout.flush()


class Device:
    def __init__(self, paths: DataPaths, start: datetime, seed: int, password: str) -> None:
        self.clock = FixedClock(start)
        self.rng = random.Random(seed)
        self.officer = login(paths, "canbo", password, self.clock)
        self.checker = login(paths, "canbo2", password, self.clock)
        self.supervisor = login(paths, "chutich", password, self.clock)
        self.transport = HttpsSyncTransport(paths.root, config=SOAK_TRANSPORT)
        self.created: list[str] = []
        self.minute = 0

    def close(self) -> None:
        for session in (self.officer, self.checker, self.supervisor):
            session.close()

    # -- the officers' minute ----------------------------------------------------------------
    def _name(self) -> str:
        return f"{self.rng.choice(SURNAMES)} {self.rng.choice(GIVEN)} {self.rng.choice(GIVEN)}"

    def _birth(self) -> dict[str, Any]:
        today = self.clock.now().date()
        data = build("birth")
        data["child"]["full_name"] = self._name()
        data["child"]["date_of_birth"] = (today - timedelta(days=self.rng.randint(1, 30))
                                          ).isoformat()
        data["child"]["sex"] = self.rng.choice(("male", "female"))
        data["mother"]["full_name"] = self._name()
        return data

    def _book_death(self) -> dict[str, Any]:
        data = build("death")
        data["deceased"]["full_name"] = self._name()
        data["deceased"]["date_of_birth"] = str(self.rng.randint(1900, 1950))
        data["time_of_death"] = f"{self.rng.randint(1990, 2010)}-0{self.rng.randint(1, 9)}-15"
        return data

    def _approve(self, record_id: str) -> None:
        session = self.supervisor
        with session.store.read() as uow:
            rec = uow.records.get(record_id)
            assert rec is not None
            issues = evaluate_for_approval(uow, rec, today=records.local_today(session))
        reasons = {f"{i.code}@{i.field}": "đã đối chiếu giấy tờ gốc" for i in issues
                   if i.is_warning}
        records.approve(session, record_id, reasons)

    def register(self, count: int) -> None:
        for _ in range(count):
            historical = self.rng.random() < 0.4
            if historical:
                rid = records.create_record(self.officer, "death", self._book_death(),
                                            historical=True).record.id
                records.submit(self.officer, rid)
                records.verify(self.checker, rid)
            else:
                rid = records.create_record(self.officer, "birth", self._birth()).record.id
                records.submit(self.officer, rid)
            self._approve(rid)
            self.created.append(rid)

    def waiting(self) -> int:
        with self.supervisor.store.read() as uow:
            states = uow.outbox.count_by_state()
        return sum(n for state, n in states.items() if state != ACCEPTED)

    # -- the loop's clock --------------------------------------------------------------------
    def wait(self, seconds: float) -> bool:
        release_free_heap()
        say("idle", minute=self.minute, waiting=self.waiting(), created=len(self.created))
        order = json.loads(sys.stdin.readline() or '{"stop": true}')
        if order.get("stop"):
            return False
        self.clock.advance(seconds=seconds)
        self.minute += 1
        self.register(int(order.get("create", 0)))
        return True

    def run(self) -> None:
        sync_periodically(self.supervisor, self.transport, wait=self.wait,
                          on_report=self.synced, on_link_failure=self.failed)
        say("stopped", created=self.created)

    def synced(self, report: SyncReport) -> None:
        say("synced", minute=self.minute, accepted=report.accepted, rejected=report.rejected,
            pulled=report.pulled)

    def failed(self, error: SyncError) -> None:
        say("failed", minute=self.minute, code=error.code)


def main(argv: list[str]) -> int:
    data_dir, start, seed = argv
    device = Device(DataPaths(Path(data_dir)), datetime.fromisoformat(start), int(seed),
                    os.environ["SOAK_PASSWORD"])
    try:
        device.run()
    finally:
        device.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
