"""The reference server under load from many devices at once (not a test; issue 16 item 9).

    .venv/bin/python bench/bench_server_load.py [--devices 50] [--records 200] [--batch 50]
                                                [--postgres URL | --no-postgres]

Starts the real server (`python -m desktop_app serve`, TLS with a throw-away CA) on SQLite in a
temporary folder, enrols ``--devices`` devices, then releases them together (a barrier): each
device pushes ``--records`` varied sample records in batches of ``--batch`` from its own thread
and connection, as that many offices syncing at the same minute would. Then:
- every record is on the server exactly once (the records table and the per-device
  idempotency keys are counted), every answer was accepted;
- no answer was a 5xx (each HTTP attempt is seen, retries included);
- pushing everything again answers already_had for every item;
and the push latency (each HTTP request, p50 / p95 / max) and the throughput are printed.

The same again on PostgreSQL: ``--postgres URL``, else a private cluster in a temporary folder
when the server binaries (initdb, pg_ctl) are installed (as root: run as user postgres), else
"skipped: ..." with the reason.
"""

from __future__ import annotations

import argparse
import glob
import os
import pwd
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_sync import KINDS, varied_item  # noqa: E402
from sync.client import SyncClient, TransportConfig, enrol, make_session  # noqa: E402
from sync.protocol import ItemStatus  # noqa: E402
from sync.server.store import CentralStore  # noqa: E402
from tests.e2e.conftest import CentralProcess  # noqa: E402
from tests.unit.sync.support import Pki, make_pki  # noqa: E402


class _Seen:
    """Every HTTP attempt of every device: status codes and the push latencies."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: list[int] = []
        self.push_seconds: list[float] = []

    def hook(self, response: requests.Response, *args: object, **kwargs: object) -> None:
        with self.lock:
            self.statuses.append(response.status_code)
            if response.request.path_url.startswith("/v1/push"):
                self.push_seconds.append(response.elapsed.total_seconds())


def _server_counts(url: str) -> tuple[int, int, int]:
    """(record versions, distinct records, idempotency keys) on the server."""
    from sqlalchemy import distinct, func, select

    from sync.server import schema as t

    store = CentralStore(url)
    try:
        with store.db.tx() as conn:
            versions = conn.execute(select(func.count()).select_from(t.records)).scalar_one()
            records = conn.execute(select(func.count(distinct(t.records.c.record_id)))
                                   ).scalar_one()
            keys = conn.execute(select(func.count()).select_from(t.idempotency)).scalar_one()
        return int(versions), int(records), int(keys)
    finally:
        store.close()


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def run_load(label: str, db_url: str, pki: Pki, folder: Path, devices: int, per_device: int,
             batch: int) -> None:
    codes = []
    store = CentralStore(db_url)
    try:
        codes = [store.devices.issue_code("00070") for _ in range(devices)]
    finally:
        store.close()
    server = CentralProcess(db_url, pki, folder / f"{label}-server.log")  # type: ignore[arg-type]
    server.start()
    try:
        config = TransportConfig(batch_initial=batch, batch_max=batch, read_timeout=120.0)
        seen = _Seen()
        clients = []
        for code in codes:
            session = make_session(config)
            session.hooks["response"].append(seen.hook)
            identity = enrol(server.url, code, ca_file=pki.ca, config=config)
            clients.append(SyncClient(identity, ca_file=pki.ca, config=config,
                                      session=session))
        rng = random.Random(7)
        work = [[varied_item(KINDS[(d + i) % 3], rng) for i in range(per_device)]
                for d in range(devices)]
        start_line = threading.Barrier(devices + 1)
        outcomes: list[list[ItemStatus]] = [[] for _ in range(devices)]
        failures: list[BaseException] = []

        def device(n: int) -> None:
            start_line.wait()
            try:
                for results in clients[n].push_batches(work[n]):
                    outcomes[n].extend(r.status for r in results)
            except BaseException as exc:  # noqa: BLE001 - reported below, the bench goes on
                failures.append(exc)

        threads = [threading.Thread(target=device, args=(n,)) for n in range(devices)]
        for thread in threads:
            thread.start()
        start_line.wait()
        began = time.perf_counter()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
        pushes = list(seen.push_seconds)

        again = [c.push(items) for c, items in zip(clients, work, strict=True)]
        for client in clients:
            client.close()
        versions, records, keys = _server_counts(db_url)
    finally:
        server.stop()
    total = devices * per_device
    accepted = sum(s is ItemStatus.ACCEPTED for o in outcomes for s in o)
    replayed = sum(r.status is ItemStatus.ALREADY_HAD for results in again for r in results)
    errors = sum(code >= 500 for code in seen.statuses)
    print(f"{label}: {devices} devices x {per_device} records, batches of {batch}")
    print(f"  pushed at once    : {total} records in {elapsed:.1f} s "
          f"({total / elapsed:.0f} records/s)")
    print(f"  push latency      : p50 {statistics.median(pushes) * 1000:.0f} ms, "
          f"p95 {_percentile(pushes, 0.95) * 1000:.0f} ms, max {max(pushes) * 1000:.0f} ms "
          f"over {len(pushes)} requests")
    print(f"  accepted          : {accepted} of {total}; pushed again: {replayed} already_had")
    print(f"  on the server     : {records} records, {versions} versions, {keys} keys "
          f"(exactly once: {'yes' if records == versions == keys == total else 'NO'})")
    print(f"  5xx answers       : {errors} of {len(seen.statuses)} HTTP answers; "
          f"device failures: {len(failures)}"
          + (f" ({type(failures[0]).__name__})" if failures else ""))


def _pg_bin() -> str | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return os.path.dirname(os.path.realpath(found))
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(folder, "initdb")):
            return folder
    return None


@contextmanager
def private_postgres() -> Iterator[str]:
    """A throw-away cluster on 127.0.0.1; RuntimeError with the reason when impossible."""
    bindir = _pg_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    run_as: list[str] = []
    owner = None
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise RuntimeError("running as root and there is no 'postgres' user") from exc
        run_as = ["runuser", "-u", "postgres", "--"]
    root = tempfile.mkdtemp(prefix="hotich-pg-bench-")
    data = os.path.join(root, "data")
    if owner is not None:
        os.chown(root, owner.pw_uid, owner.pw_gid)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    env = {**os.environ, "LC_ALL": "C"}
    subprocess.run([*run_as, f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "hotich",
                    "-E", "UTF8", "--no-sync"], check=True, capture_output=True, env=env,
                   timeout=120)
    subprocess.run([*run_as, f"{bindir}/pg_ctl", "-D", data, "-l", f"{root}/log", "-w",
                    "-t", "60", "-o", f"-h 127.0.0.1 -p {port} -k {root} -c max_connections=200",
                    "start"], check=True, capture_output=True, env=env, timeout=120)
    try:
        yield f"postgresql://hotich@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*run_as, f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w",
                        "stop"], capture_output=True, env=env, timeout=60, check=False)
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--records", type=int, default=200, help="records per device")
    parser.add_argument("--batch", type=int, default=50, help="records per push request")
    parser.add_argument("--postgres", default=os.environ.get("HOTICH_BENCH_PG"),
                        help="a PostgreSQL URL (default: a private cluster if installed)")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pki = make_pki(folder / "pki")
        run_load("SQLite", f"sqlite:///{folder / 'central.db'}", pki, folder, args.devices,
                 args.records, args.batch)
        if args.no_postgres:
            return
        if args.postgres:
            run_load("PostgreSQL", args.postgres, pki, folder, args.devices, args.records,
                     args.batch)
            return
        try:
            with private_postgres() as url:
                run_load("PostgreSQL", url, pki, folder, args.devices, args.records,
                         args.batch)
        except (RuntimeError, subprocess.CalledProcessError) as exc:
            print(f"PostgreSQL: skipped: {exc}")


if __name__ == "__main__":
    main()
