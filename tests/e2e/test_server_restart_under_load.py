"""Several devices pushing at once while the server is killed and started again (issue 16
item 9): the devices ride through the restart on their retries, and every record is on the
server exactly once, with the central id each device was first given."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from sync.client import PushItem, SyncClient, TransportConfig, enrol
from sync.protocol import ItemStatus
from sync.server.store import CentralStore
from tests.e2e.conftest import CentralProcess
from tests.unit.sync.support import push_item, wait_until

DEVICES = 4
PER_DEVICE = 60
# Retries wide enough to outlast a restart (a connection refused is retried like a dropped
# answer; every push is idempotent).
RIDE_THROUGH = TransportConfig(connect_timeout=2.0, read_timeout=20.0, attempts=200,
                               connect_retries=1, backoff_base=0.05, backoff_max=0.3,
                               batch_initial=5, batch_max=5)


def _counts(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db, timeout=30) as conn:
        versions, records = conn.execute(
            "SELECT count(*), count(DISTINCT record_id) FROM records").fetchone()
        keys = conn.execute("SELECT count(*) FROM idempotency").fetchone()[0]
    return int(versions), int(records), int(keys)


def test_a_restart_under_load_loses_and_doubles_nothing(central: CentralProcess) -> None:
    store = CentralStore(str(central.db))
    try:
        codes = [store.devices.issue_code("00070") for _ in range(DEVICES)]
    finally:
        store.close()
    clients = [SyncClient(enrol(central.url, code, ca_file=central.pki.ca, config=RIDE_THROUGH),
                          ca_file=central.pki.ca, config=RIDE_THROUGH) for code in codes]
    kinds = ("death", "marriage", "birth")
    work: list[list[PushItem]] = [[push_item(kinds[i % 3]) for i in range(PER_DEVICE)]
                                  for _ in range(DEVICES)]
    first: list[dict[str, str]] = [{} for _ in range(DEVICES)]
    failures: list[BaseException] = []
    start_line = threading.Barrier(DEVICES)

    def device(n: int) -> None:
        start_line.wait()
        try:
            for results in clients[n].push_batches(work[n]):
                first[n].update({r.idempotency_key: r.central_id or "" for r in results
                                 if r.is_synced})
        except BaseException as exc:  # noqa: BLE001 - the assertion below names it
            failures.append(exc)

    threads = [threading.Thread(target=device, args=(n,)) for n in range(DEVICES)]
    for thread in threads:
        thread.start()
    try:
        wait_until(lambda: _counts(central.db)[0] >= DEVICES * 5, timeout=120)
        central.kill()  # mid-push: batches in flight lose their answers
        mid_push = _counts(central.db)[0]
        central.start()  # same database, same port
    finally:
        for thread in threads:
            thread.join(timeout=300)
    assert failures == []
    total = DEVICES * PER_DEVICE
    assert mid_push < total  # the restart came in the middle
    assert [len(f) for f in first] == [PER_DEVICE] * DEVICES
    assert _counts(central.db) == (total, total, total)
    for client, items, given in zip(clients, work, first, strict=True):
        again = client.push(items)
        assert {r.status for r in again} == {ItemStatus.ALREADY_HAD}
        assert {r.idempotency_key: r.central_id for r in again} == given
        client.close()
