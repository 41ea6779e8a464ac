"""Sync benchmarks (not a test): push throughput on loopback and bytes on the wire per record.

    .venv/bin/python bench/bench_sync.py [--records 10000]

Starts the real server (`python -m desktop_app serve`, TLS with a throw-away CA, SQLite in a
temporary folder), enrols a device directly against it and pushes births, deaths and marriages
in batches of up to 200, then pushes them all again (every answer: already_had).
The rural-link figure (1,000 records at 64 kbit/s, 5 % loss, 300 ms) needs root and network
namespaces; it is measured by the rural-link test, not here.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sync.client import SyncClient, TransportConfig, enrol, make_session  # noqa: E402
from sync.server.store import CentralStore  # noqa: E402
from tests.unit.sync.support import make_pki, push_item  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pki = make_pki(folder / "pki")
        db = folder / "central.db"
        store = CentralStore(str(db))
        code = store.issue_code("00070")
        store.close()
        server = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "--json", "serve", "--db", str(db), "--port",
             "0", "--tls-cert", str(pki.cert), "--tls-key", str(pki.key)],
            stdout=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ})
        try:
            assert server.stdout is not None
            url = json.loads(server.stdout.readline())["url"]
            config = TransportConfig(batch_initial=200, batch_max=200)
            identity = enrol(url, code, ca_file=pki.ca, config=config)
            wire = {"sent": 0, "received": 0}
            session = make_session(config)

            def count(response, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
                wire["sent"] += len(response.request.body or b"") + sum(
                    len(k) + len(v) + 4 for k, v in response.request.headers.items())
                wire["received"] += int(response.headers.get("Content-Length") or 0) + sum(
                    len(k) + len(v) + 4 for k, v in response.headers.items())

            session.hooks["response"].append(count)
            client = SyncClient(identity, ca_file=pki.ca, config=config, session=session)
            kinds = ("birth", "death", "marriage")
            items = [push_item(kinds[i % 3]) for i in range(args.records)]
            start = time.perf_counter()
            results = client.push(items)
            elapsed = time.perf_counter() - start
            assert all(r.is_synced for r in results)
            first_wire = dict(wire)
            start = time.perf_counter()
            again = client.push(items)
            replay = time.perf_counter() - start
            assert all(r.status == "already_had" for r in again)
            n = args.records
            print(f"records pushed          : {n}")
            print(f"push, first time        : {n / elapsed:8.0f} records/s ({elapsed:.1f} s)")
            print(f"push again (already_had): {n / replay:8.0f} records/s ({replay:.1f} s)")
            print(f"bytes on the wire/record: {first_wire['sent'] / n:8.0f} sent, "
                  f"{first_wire['received'] / n:.0f} received (HTTP headers + gzip bodies, "
                  "TLS framing excluded)")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
