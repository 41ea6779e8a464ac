"""The real central server in a subprocess, a real initialised device data folder, real TLS.

Kill -9 the server or the client in the middle of a push: after a retry every record is on the
server exactly once and every item is acknowledged. Replayed, tampered, unenrolled and revoked
requests are refused.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import pytest
import requests

from desktop_app.clock import SystemClock
from desktop_app.domain import RecordType
from desktop_app.paths import DataPaths
from desktop_app.session import Session
from desktop_app.workflows.accounts import login
from desktop_app.workflows.enrolment import require_identity
from sync.client import PushItem, SyncClient, TransportConfig
from sync.device import HttpsSyncTransport
from sync.errors import DeviceRevokedError, ServerUnreachableError, SyncError
from sync.protocol import ItemStatus
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.e2e.conftest import CentralProcess
from tests.unit.sync.support import push_item, wait_until

E2E = TransportConfig(connect_timeout=2.0, read_timeout=10.0, attempts=3, connect_retries=1,
                      backoff_base=0.02, backoff_max=0.1, batch_initial=5, batch_max=10)


def _enroll(cli: Callable[..., CliResult], data_dir: Path, central: CentralProcess) -> str:
    issued = cli("--json", "central", "issue-code", "--db", central.db, "--commune", "00070")
    assert issued.code == 0, issued.err
    code = json.loads(issued.out)["code"]
    result = cli("--data-dir", data_dir, "--user", "admin", "--json", "enroll", "--server",
                 central.url, "--code", code, "--ca-file", central.pki.ca,
                 password=ADMIN_PASSWORD)
    assert result.code == 0, result.err
    return str(json.loads(result.out)["device_id"])


@contextmanager
def _device(data_dir: Path, config: TransportConfig = E2E) -> Iterator[SyncClient]:
    session: Session = login(DataPaths(data_dir), "admin", ADMIN_PASSWORD, SystemClock())
    client = HttpsSyncTransport(session.paths.root, config=config).connect(
        require_identity(session))
    try:
        yield client
    finally:
        client.close()
        session.close()


def _server_counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db, timeout=30) as conn:
        row = conn.execute("SELECT count(*), count(DISTINCT record_id) FROM records").fetchone()
    return int(row[0]), int(row[1])


def _items(n: int) -> list[PushItem]:
    kinds = ("death", "marriage", "birth")
    return [push_item(kinds[i % 3]) for i in range(n)]


def test_server_killed_mid_batch_nothing_lost_nothing_duplicated(
        cli: Callable[..., CliResult], data_dir: Path, central: CentralProcess) -> None:
    _enroll(cli, data_dir, central)
    items = _items(240)
    acknowledged: dict[str, str] = {}  # what an outbox would have committed
    failure: list[BaseException] = []

    def push() -> None:
        with _device(data_dir) as client:
            try:
                for results in client.push_batches(items):
                    acknowledged.update({r.idempotency_key: r.central_id or "" for r in results})
            except SyncError as exc:
                failure.append(exc)

    worker = threading.Thread(target=push)
    worker.start()
    wait_until(lambda: _server_counts(central.db)[0] >= 40, timeout=60)
    central.kill()
    worker.join(timeout=60)
    assert failure and isinstance(failure[0], ServerUnreachableError)
    before, _ = _server_counts(central.db)
    assert 40 <= before < len(items)

    central.start()  # same database, same port
    with _device(data_dir) as client:
        results = client.push(items)
    assert all(r.is_synced for r in results)
    by_key = {r.idempotency_key: r for r in results}
    for key, central_id in acknowledged.items():
        assert by_key[key].status is ItemStatus.ALREADY_HAD
        assert by_key[key].central_id == central_id
    assert _server_counts(central.db) == (len(items), len(items))
    stats = cli("--json", "central", "stats", "--db", central.db)
    assert json.loads(stats.out)["total"] == len(items)


_CLIENT_SCRIPT = """
import json, os, sys
from pathlib import Path
from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.workflows.accounts import login
from desktop_app.workflows.enrolment import require_identity
from sync.client import PushItem, TransportConfig
from sync.device import HttpsSyncTransport

data_dir, items_file = sys.argv[1:3]
session = login(DataPaths(Path(data_dir)), "admin", os.environ["HOTICH_PASSWORD"], SystemClock())
client = HttpsSyncTransport(session.paths.root, config=TransportConfig(
    batch_initial=4, batch_max=4)).connect(require_identity(session))
items = [PushItem(**{**i, "attachments": tuple(i["attachments"])})
         for i in json.loads(Path(items_file).read_text())]
for results in client.push_batches(items):
    print(json.dumps([r.idempotency_key for r in results]), flush=True)
"""


def test_client_killed_mid_batch_then_synced_exactly_once(
        cli: Callable[..., CliResult], data_dir: Path, central: CentralProcess,
        tmp_path: Path) -> None:
    _enroll(cli, data_dir, central)
    items = _items(120)
    items_file = tmp_path / "items.json"
    items_file.write_text(json.dumps([asdict(i) for i in items], ensure_ascii=False))
    script = tmp_path / "client.py"
    script.write_text(_CLIENT_SCRIPT)
    proc = subprocess.Popen([sys.executable, str(script), str(data_dir), str(items_file)],
                            stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "HOTICH_PASSWORD": ADMIN_PASSWORD,
                                 "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert proc.stdout is not None
    acknowledged: list[str] = []
    for _ in range(3):
        line = proc.stdout.readline()
        assert line, "the client stopped early"
        acknowledged += json.loads(line)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    assert _server_counts(central.db)[0] < len(items)

    with _device(data_dir) as client:
        results = client.push(items)
    assert all(r.is_synced for r in results)
    statuses = {r.idempotency_key: r.status for r in results}
    assert all(statuses[k] is ItemStatus.ALREADY_HAD for k in acknowledged)
    assert _server_counts(central.db) == (len(items), len(items))


def test_replayed_tampered_unenrolled_and_revoked_requests_are_refused(
        cli: Callable[..., CliResult], data_dir: Path, central: CentralProcess,
        tmp_path: Path) -> None:
    device_id = _enroll(cli, data_dir, central)
    captured: list[requests.PreparedRequest] = []
    with _device(data_dir) as client:
        client.session.hooks["response"].append(lambda r, *a, **k: captured.append(r.request))
        assert client.push([push_item("death")])[0].status is ItemStatus.ACCEPTED
        original = next(r for r in captured if r.method == "POST")
        verify = str(central.pki.ca)
        replay = requests.post(central.url + "/v1/push", data=original.body,
                               headers=dict(original.headers), verify=verify, timeout=(2, 10))
        assert replay.status_code == 401
        assert replay.json()["error"]["code"] == "E-SYNC-AUTH-REPLAY"
        fresh = client._headers("POST", "/v1/push", original.body)  # a valid new signature
        tampered_body = bytearray(original.body)
        tampered_body[-5] ^= 0x01
        tampered = requests.post(central.url + "/v1/push", data=bytes(tampered_body),
                                 headers={**dict(original.headers), **fresh}, verify=verify,
                                 timeout=(2, 10))
        assert tampered.status_code == 401
        assert tampered.json()["error"]["code"] == "E-SYNC-AUTH-SIGNATURE"
        assert _server_counts(central.db) == (1, 1)

    unenrolled = tmp_path / "other-device"
    assert cli("--data-dir", unenrolled, "init", "--commune", "00070", "--admin", "admin",
               "--password-stdin", stdin=ADMIN_PASSWORD + "\n").code == 0
    with pytest.raises(SyncError) as info:
        with _device(unenrolled):
            pass
    assert info.value.code == "E-SYNC-NOT-ENROLLED"

    assert cli("central", "revoke-device", "--db", central.db, device_id).code == 0
    with _device(data_dir) as client, pytest.raises(DeviceRevokedError):
        client.push([push_item("death")])
    assert _server_counts(central.db) == (1, 1)


def test_personal_ids_and_number_blocks_come_back_by_pull(
        cli: Callable[..., CliResult], data_dir: Path, central: CentralProcess) -> None:
    _enroll(cli, data_dir, central)
    with _device(data_dir) as client:
        births = [push_item("birth") for _ in range(3)]
        results = client.push(births)
        block = client.lease_number_block("birth", 2026, 20, request_id=uuid.uuid4().hex)
        cursor, ids, blocks = None, {}, []
        for page in client.pull_pages(cursor, limit=2):
            for change in page.changes:
                if change.kind == "personal_id":
                    ids[change.data["record_id"]] = change.data["personal_id"]
                if change.kind == "number_block":
                    blocks.append(change.data["block_id"])
            cursor = page.cursor
        assert ids == {r.record_id: r.personal_id for r in results}
        # Enrolment leased one block per procedure; the one leased here comes last, each once.
        assert blocks[-1] == block.block_id
        assert len(blocks) == len(set(blocks)) == len(RecordType) + 1
        assert client.pull(cursor).changes == []
