"""An enrolment code of another commune is refused before it is used (issue 16 item 11):
the code stays valid for the commune it was issued to and no orphan device is left."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FAST
from sqlalchemy import func, select
from support import Pki, ServerThread

from desktop_app.errors import OfficeMismatchError
from desktop_app.workflows.enrolment import device_identity, enrol_device
from sync.device import HttpsSyncTransport
from sync.server import schema as t
from sync.server.store import CentralStore
from tests.unit.conftest import Office


def _devices(central: CentralStore) -> int:
    with central.db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(t.devices)).scalar_one())


def test_a_code_of_another_commune_is_not_used_up(office: Office, pki: Pki,
                                                  tmp_path: Path) -> None:
    boss = office("chutich")  # this store belongs to commune 26740
    central = CentralStore(f"sqlite:///{tmp_path / 'central.db'}", clock=office.clock)
    try:
        with ServerThread(central, pki) as server:
            transport = HttpsSyncTransport(boss.paths.root, config=FAST, clock=boss.clock)
            other = central.devices.issue_code("00070")
            with pytest.raises(OfficeMismatchError):
                enrol_device(boss, transport, server.url, other, ca_path=pki.ca)
            assert device_identity(boss) is None
            assert _devices(central) == 0  # no orphan device on the server
            # the code still works for its own commune's device
            identity = transport.enrol(server.url, other, ca_path=pki.ca, commune="00070")
            assert identity.commune == "00070" and _devices(central) == 1
            mine = central.devices.issue_code("26740")
            assert enrol_device(boss, transport, server.url, mine,
                                ca_path=pki.ca).commune == "26740"
    finally:
        central.close()
