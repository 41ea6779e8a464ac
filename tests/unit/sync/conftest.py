"""Fixtures of the sync tests: a test CA, a central store, the real server over TLS."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from support import COMMUNE, Pki, ServerThread, make_pki  # noqa: E402

from sync.client import SyncClient, TransportConfig, enrol  # noqa: E402
from sync.identity import DeviceIdentity  # noqa: E402
from sync.server.store import CentralStore  # noqa: E402

FAST = TransportConfig(connect_timeout=2.0, read_timeout=5.0, attempts=3, backoff_base=0.01,
                       backoff_max=0.05)


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CentralStore]:
    central = CentralStore(f"sqlite:///{tmp_path / 'central.db'}")
    yield central
    central.close()


@pytest.fixture
def server(store: CentralStore, pki: Pki) -> Iterator[ServerThread]:
    with ServerThread(store, pki) as running:
        yield running


@pytest.fixture
def enrolled(server: ServerThread, store: CentralStore, pki: Pki
             ) -> Callable[..., DeviceIdentity]:
    def make(commune: str = COMMUNE) -> DeviceIdentity:
        code = store.devices.issue_code(commune)
        return enrol(server.url, code, ca_file=pki.ca, config=FAST)

    return make


@pytest.fixture
def client(enrolled: Callable[..., DeviceIdentity], pki: Pki) -> Iterator[SyncClient]:
    sync_client = SyncClient(enrolled(), ca_file=pki.ca, config=FAST)
    yield sync_client
    sync_client.close()
