"""The same server code on PostgreSQL: a private cluster in a temporary folder on 127.0.0.1.

Skipped (with the reason) when the PostgreSQL server binaries (initdb, pg_ctl) are not
installed; Debian: `apt-get install postgresql`.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Iterator

import pytest
from conftest import FAST
from support import Pki, ServerThread, push_item

from sync.client import SyncClient, enrol
from sync.protocol import ChangeKind, ItemStatus
from sync.server.store import CentralStore


def _pg_bin() -> str | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return os.path.dirname(os.path.realpath(found))
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(folder, "initdb")):
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    run_as: list[str] = []
    owner = None
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the cluster")
        run_as = ["runuser", "-u", "postgres", "--"]
    root = tempfile.mkdtemp(prefix="hotich-pg-")
    data = os.path.join(root, "data")
    if owner is not None:
        os.chown(root, owner.pw_uid, owner.pw_gid)
    port = _free_port()
    env = {**os.environ, "LC_ALL": "C"}
    subprocess.run([*run_as, f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "hotich",
                    "-E", "UTF8", "--no-sync"], check=True, capture_output=True, env=env,
                   timeout=120)
    subprocess.run([*run_as, f"{bindir}/pg_ctl", "-D", data, "-l", f"{root}/log", "-w",
                    "-t", "60", "-o", f"-h 127.0.0.1 -p {port} -k {root} -F", "start"],
                   check=True, capture_output=True, env=env, timeout=120)
    try:
        yield f"postgresql://hotich@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*run_as, f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w",
                        "stop"], capture_output=True, env=env, timeout=60, check=False)
        shutil.rmtree(root, ignore_errors=True)


def test_the_protocol_on_postgresql(pg_url: str, pki: Pki) -> None:
    store = CentralStore(pg_url)
    assert store.db.is_postgres
    try:
        with ServerThread(store, pki) as server:
            identity = enrol(server.url, store.devices.issue_code("00070"), ca_file=pki.ca,
                             config=FAST)
            client = SyncClient(identity, ca_file=pki.ca, config=FAST)
            scan = os.urandom(150_000)
            sha = hashlib.sha256(scan).hexdigest()
            items = [push_item("birth", attachments=(sha,)), push_item("death"),
                     push_item("marriage")]
            early = client.push(items)
            assert [r.status for r in early] == [ItemStatus.DEFERRED] + [ItemStatus.ACCEPTED] * 2
            client.upload_attachment(sha, scan)
            first = client.push(items)
            assert [r.status for r in first] == [ItemStatus.ACCEPTED] + \
                [ItemStatus.ALREADY_HAD] * 2
            assert first[0].personal_id and len(first[0].personal_id) == 12
            assert [r.status for r in client.push(items)] == [ItemStatus.ALREADY_HAD] * 3
            assert store.attachments.content(sha) == scan

            other = SyncClient(enrol(server.url, store.devices.issue_code("00070"), ca_file=pki.ca,
                                     config=FAST), ca_file=pki.ca, config=FAST)
            numbers: list[int] = []
            lock = threading.Lock()

            def lease(c: SyncClient) -> None:
                for _ in range(5):
                    b = c.lease_number_block("birth", 2026, 4, request_id=uuid.uuid4().hex)
                    with lock:
                        numbers.extend(range(b.first, b.last + 1))

            threads = [threading.Thread(target=lease, args=(c,)) for c in (client, other)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=30)
            assert sorted(numbers) == list(range(1, 41))

            kinds = {c.kind for p in other.pull_pages(None, limit=5) for c in p.changes}
            assert {ChangeKind.RECORD, ChangeKind.PERSONAL_ID, ChangeKind.NUMBER_BLOCK} <= kinds
            assert sum(int(s["records"]) for s in store.intake.stats()) == 3
            client.close()
            other.close()
    finally:
        store.close()


def test_first_audit_anchors_of_one_device_at_the_same_instant(pg_url: str, pki: Pki) -> None:
    """Two (here eight) first anchors of one device at once, on PostgreSQL: each request is
    answered, none with a 5xx (left from the previous session: an insert race gave a 500),
    and the centre keeps one head for the device."""
    from desktop_app.sync_types import AuditHead

    store = CentralStore(pg_url)
    try:
        with ServerThread(store, pki) as server:
            identity = enrol(server.url, store.devices.issue_code("00070"), ca_file=pki.ca,
                             config=FAST)
            clients = [SyncClient(identity, ca_file=pki.ca, config=FAST) for _ in range(8)]
            start = threading.Barrier(len(clients))
            answers: list[object] = []
            lock = threading.Lock()

            def anchor(c: SyncClient) -> None:
                start.wait(timeout=30)
                try:
                    # one attempt each: a 5xx is seen, not retried away
                    answer: object = c.send_once(
                        "POST", "/v1/audit-anchor",
                        body=json.dumps({"seq": 7, "hash": "ab" * 32}).encode(),
                        headers={"Content-Type": "application/json"}).status_code
                except Exception as exc:  # noqa: BLE001 - recorded and asserted below
                    answer = exc
                with lock:
                    answers.append(answer)

            threads = [threading.Thread(target=anchor, args=(c,)) for c in clients]
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=60)
            for c in clients:
                c.close()
            assert answers == [200] * len(clients), answers
            assert store.anchors.head(identity.device_id) == (7, "ab" * 32)
            assert clients[0].anchor_audit(AuditHead(8, "cd" * 32)) == AuditHead(7, "ab" * 32)
    finally:
        store.close()
