"""A commune on a rural link: 64 kbit/s each way, 5 % packet loss each way, 300 ms each way.

The real central server (TLS, the test CA) runs in a network namespace behind the simulated
link (tests/netsim.py; root only, skipped otherwise). The device engine that officers run
(``run_sync`` on a real enrolled data folder, default transport settings) sends 200 queued
records, each with a 2 KiB scanned page, until nothing waits: every record is then on the
server exactly once with its attachment, and accepted on the device.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import time
import uuid
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from desktop_app.clock import SystemClock
from desktop_app.domain import Status
from desktop_app.paths import DataPaths
from desktop_app.record import StoredRecord
from desktop_app.session import Session
from desktop_app.store.outbox_repo import ACCEPTED
from desktop_app.workflows.accounts import login
from desktop_app.workflows.records import enqueue_for_sync
from desktop_app.workflows.sync_apply import SyncReport
from desktop_app.workflows.sync_run import run_sync
from sync.device import HttpsSyncTransport
from sync.errors import SyncError
from sync.server.store import CentralStore
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.netsim import rural_link_or_skip, start_central
from tests.samples import build
from tests.unit.sync.support import Pki

pytestmark = pytest.mark.slow

RECORDS = 200
SCAN_BYTES = 2 * 1024  # a small, already-compressed scan (random bytes do not gzip)
MAX_ROUNDS = 3  # "sync until nothing waits", bounded
KINDS = ("birth", "death", "marriage")


def scan(rng: random.Random, size: int = SCAN_BYTES) -> bytes:
    """JPEG-like bytes: a header, then noise (as incompressible as a real photo)."""
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + rng.randbytes(size - 11)


def queue_records(session: Session, n: int, rng: random.Random) -> dict[str, str]:
    """``n`` records as approval leaves them (queued, with an outbox item) and a scan each.
    Returns record id -> the scan's SHA-256."""
    now = session.clock.now()
    scans = {}
    with session.store.write() as uow:
        office = uow.meta.get("commune_code") or ""
        for i in range(n):
            kind = KINDS[i % len(KINDS)]
            rec = StoredRecord(id=str(uuid.uuid4()), type=kind, status=Status.QUEUED.value,
                               data=build(kind), office=office, officer="admin",
                               created_at=now, updated_at=now)
            uow.records.insert(rec)  # re-indexed
            enqueue_for_sync(uow, rec, now)
            scans[rec.id] = uow.attachments.put(rec.id, scan(rng), "image/jpeg", "scan", now)
    return scans


def waiting(session: Session) -> tuple[int, int]:
    """(outbox items not accepted, attachments not uploaded)."""
    with session.store.read() as uow:
        states = uow.outbox.count_by_state()
        uploads = uow.attachments.count_not_uploaded()
    pending = sum(n for state, n in states.items() if state != ACCEPTED)
    return pending, int(uploads)


def sync_until_nothing_waits(session: Session) -> list[SyncReport | str]:
    rounds: list[SyncReport | str] = []
    for _ in range(MAX_ROUNDS):
        try:
            # the officer's defaults (TransportConfig())
            rounds.append(run_sync(session, HttpsSyncTransport(session.paths.root,
                                                               clock=session.clock)))
        except SyncError as exc:  # the link gave up for now: the next round resumes
            rounds.append(exc.code)
            continue
        if waiting(session) == (0, 0):
            break
    return rounds


def test_two_hundred_records_with_scans_over_a_rural_link(
        cli: Callable[..., CliResult], data_dir: Path, pki: Pki, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "central.db"
    with rural_link_or_skip() as link:
        url = start_central(link, db, cert=pki.cert, key=pki.key,
                            log_file=tmp_path / "server.log")
        issued = cli("--json", "central", "issue-code", "--db", db, "--commune", "00070")
        code = json.loads(issued.out)["code"]
        enrolled = cli("--data-dir", data_dir, "--user", "admin", "--json", "enroll",
                       "--server", url, "--code", code, "--ca-file", pki.ca,
                       password=ADMIN_PASSWORD)
        assert enrolled.code == 0, enrolled.err

        session = login(DataPaths(data_dir), "admin", ADMIN_PASSWORD, SystemClock())
        try:
            scans = queue_records(session, RECORDS, random.Random(7))
            start = time.monotonic()
            rounds = sync_until_nothing_waits(session)
            elapsed = time.monotonic() - start
            assert waiting(session) == (0, 0), rounds
            with session.store.read() as uow:
                for record_id in scans:
                    rec = uow.records.get(record_id)
                    assert rec is not None and rec.status == Status.SYNCED.value
                    assert rec.central_id
                    assert [i.state for i in uow.outbox.for_record(record_id)] == [ACCEPTED]
                contents = {sha: uow.attachments.get(sha) for sha in scans.values()}
        finally:
            session.close()
        loss = link.loss_counters()
        proxy = link.proxies[0]
        wire = (proxy.bytes_up, proxy.bytes_down, proxy.connections)

    with closing(sqlite3.connect(db, timeout=30)) as central_db:
        total, distinct = central_db.execute(
            "SELECT count(*), count(DISTINCT record_id) FROM records").fetchone()
        ids = {r[0] for r in central_db.execute("SELECT record_id FROM records")}
    assert (total, distinct) == (RECORDS, RECORDS)
    assert ids == set(scans)
    store = CentralStore(f"sqlite:///{db}")
    try:
        for sha, content in contents.items():
            state = store.attachments.state(sha)
            assert state is not None and state.complete
            assert content is not None and store.attachments.content(sha) == content
            assert hashlib.sha256(content).hexdigest() == sha
    finally:
        store.close()
    stats = cli("--json", "central", "stats", "--db", db)
    assert json.loads(stats.out)["total"] == RECORDS
    assert loss["up"][1] > 0 and loss["down"][1] > 0, f"the link lost nothing: {loss}"
    with capsys.disabled():
        print(f"\nrural link: {RECORDS} records + {RECORDS} scans of {SCAN_BYTES} B synced in "
              f"{elapsed:.1f} s over {len(rounds)} round(s); link bytes up {wire[0]}, "
              f"down {wire[1]}, {wire[2]} connections; packets (seen, dropped) {loss}")
