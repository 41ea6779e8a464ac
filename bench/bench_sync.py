"""Sync benchmarks (not a test): push throughput on loopback, bytes on the wire per record, and
the wall time of 1,000 records over a simulated rural link.

    .venv/bin/python bench/bench_sync.py [--records 10000] [--rural-records 1000]

Loopback: starts the real server (`python -m desktop_app serve`, TLS with a throw-away CA,
SQLite in a temporary folder), enrols a device directly against it and pushes births, deaths
and marriages (sample records with their own names and numbers) in batches of up to 200, then
pushes them all again (every answer: already_had).

Rural link (root only, tests/netsim.py): the same server in a network namespace behind
64 kbit/s, 5 % loss and 300 ms each way; a device with the default transport settings enrols
and pushes ``--rural-records`` records (no attachments: the rural-link test measures those).
Prints "skipped: ..." with the reason where the link cannot be made (not root, no nft).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sync.client import SyncClient, TransportConfig, enrol, make_session  # noqa: E402
from sync.server.store import CentralStore  # noqa: E402
from tests.netsim import (  # noqa: E402
    LinkUnavailableError,
    RuralLink,
    start_central,
    unavailable_reason,
)
from tests.samples import build  # noqa: E402
from tests.unit.sync.support import Pki, make_pki, push_item  # noqa: E402

KINDS = ("birth", "death", "marriage")
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lò", "Hà", "Đinh", "Triệu")
MIDDLE = {"male": ("Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Xuân", "Thành"),
          "female": ("Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Bích", "Hồng")}
GIVEN = {"male": ("An", "Bình", "Cường", "Dũng", "Hải", "Hiếu", "Hùng", "Khánh", "Long",
                  "Nam", "Phúc", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Toàn", "Lộc"),
         "female": ("Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga",
                    "Ngọc", "Phương", "Tâm", "Thảo", "Trang", "Vân", "Xuân", "Yến", "Huyền")}


def _name(rng: random.Random, sex: str) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"


def varied_item(kind: str, rng: random.Random):  # noqa: ANN201 - sync.client.PushItem
    """A valid sample record with its own names and numbers (one sample repeated would gzip
    to almost nothing and flatter the bytes per record)."""
    if kind == "birth":
        father = _name(rng, "male")
        edits = {"child.full_name": _name(rng, "male"), "mother.full_name": _name(rng, "female"),
                 "father.full_name": father, "declarant.full_name": father,
                 "birth_evidence.number": f"GCS-{rng.randint(1, 99_999):05d}"}
    elif kind == "death":
        edits = {"deceased.full_name": _name(rng, "male"),
                 "declarant.full_name": _name(rng, "female"),
                 "place_of_death.detail": f"{rng.randint(1, 300)} {rng.choice(GIVEN['male'])}"}
    else:
        edits = {"husband.full_name": _name(rng, "male"), "wife.full_name": _name(rng, "female")}
    return push_item(kind, data=build(kind, edits))


def _issue_code(db: Path) -> str:
    store = CentralStore(str(db))
    try:
        return store.devices.issue_code("00070")
    finally:
        store.close()


def _wire_counter(session: requests.Session) -> dict[str, int]:
    """HTTP headers + bodies as sent and received (TLS and TCP framing excluded)."""
    wire = {"sent": 0, "received": 0}

    def count(response, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
        wire["sent"] += len(response.request.body or b"") + sum(
            len(k) + len(v) + 4 for k, v in response.request.headers.items())
        wire["received"] += int(response.headers.get("Content-Length") or 0) + sum(
            len(k) + len(v) + 4 for k, v in response.headers.items())

    session.hooks["response"].append(count)
    return wire


def loopback(folder: Path, pki: Pki, n: int) -> None:
    db = folder / "central.db"
    code = _issue_code(db)
    server = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--json", "serve", "--db", str(db), "--port",
         "0", "--tls-cert", str(pki.cert), "--tls-key", str(pki.key)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ})
    try:
        assert server.stdout is not None
        url = json.loads(server.stdout.readline())["url"]
        config = TransportConfig(batch_initial=200, batch_max=200)
        identity = enrol(url, code, ca_file=pki.ca, config=config)
        session = make_session(config)
        wire = _wire_counter(session)
        client = SyncClient(identity, ca_file=pki.ca, config=config, session=session)
        rng = random.Random(1)
        items = [varied_item(KINDS[i % 3], rng) for i in range(n)]
        start = time.perf_counter()
        results = client.push(items)
        elapsed = time.perf_counter() - start
        assert all(r.is_synced for r in results)
        first_wire = dict(wire)
        start = time.perf_counter()
        again = client.push(items)
        replay = time.perf_counter() - start
        assert all(r.status == "already_had" for r in again)
        client.close()
        print(f"records pushed          : {n}")
        print(f"push, first time        : {n / elapsed:8.0f} records/s ({elapsed:.1f} s)")
        print(f"push again (already_had): {n / replay:8.0f} records/s ({replay:.1f} s)")
        print(f"bytes on the wire/record: {first_wire['sent'] / n:8.0f} sent, "
              f"{first_wire['received'] / n:.0f} received (HTTP headers + gzip bodies, "
              "TLS framing excluded)")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stdout is not None:
            server.stdout.close()


def rural(folder: Path, pki: Pki, n: int) -> None:
    label = f"rural link, {n} records (64 kbit/s, 5 % loss, 300 ms each way)"
    reason = unavailable_reason()
    if reason:
        print(f"{label}: skipped: {reason}")
        return
    db = folder / "rural.db"
    code = _issue_code(db)
    try:
        with RuralLink() as link:
            url = start_central(link, db, cert=pki.cert, key=pki.key,
                                log_file=folder / "rural-server.log")
            config = TransportConfig()  # what a device runs with
            start = time.perf_counter()
            identity = enrol(url, code, ca_file=pki.ca, config=config)
            enrolled = time.perf_counter() - start
            client = SyncClient(identity, ca_file=pki.ca, config=config)
            rng = random.Random(2)
            items = [varied_item(KINDS[i % 3], rng) for i in range(n)]
            sizes: list[int] = []
            start = time.perf_counter()
            results = []
            for batch in client.push_batches(items):
                results += batch
                sizes.append(len(batch))
            elapsed = time.perf_counter() - start
            client.close()
            assert len(results) == n and all(r.is_synced for r in results)
            proxy = link.proxies[0]
            loss = link.loss_counters()
    except LinkUnavailableError as exc:
        print(f"{label}: skipped: {exc.reason}")
        return
    print(f"{label}: {elapsed:.1f} s wall ({n / elapsed:.1f} records/s; enrolment "
          f"{enrolled:.1f} s)")
    print(f"  batches {sizes}; link bytes {proxy.bytes_up / n:.0f} up, "
          f"{proxy.bytes_down / n:.0f} down per record (TLS included); packets dropped "
          f"up {loss['up'][1]}/{loss['up'][0]}, down {loss['down'][1]}/{loss['down'][0]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--rural-records", type=int, default=1_000,
                        help="records over the simulated rural link (0: skip)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pki = make_pki(folder / "pki")
        if args.records:
            loopback(folder, pki, args.records)
        if args.rural_records:
            rural(folder, pki, args.rural_records)


if __name__ == "__main__":
    main()
