"""Right after enrolment, before any sync, the device can still approve (issue 16 item 11):
enrolment leases the first number blocks while the link is up; a device without any leased
block says plainly what to do instead of "used up (up to 0)"."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FAST
from support import Pki, ServerThread

from desktop_app.domain.errors import DomainError
from desktop_app.workflows import records
from desktop_app.workflows.enrolment import enrol_device
from desktop_app.workflows.numbering import switch_to_leased_numbers
from sync.device import HttpsSyncTransport
from sync.server.store import CentralStore
from tests.samples import build
from tests.unit.conftest import Office


def _approve_death(office: Office) -> records.SaveResult:
    created = records.create_record(office("canbo"), "death", build("death"))
    submitted = records.submit(office("canbo"), created.record.id)
    return records.approve(office("chutich"), created.record.id,
                           {w.code: "đã kiểm tra" for w in submitted.warnings})


def test_approval_works_right_after_enrolment(office: Office, pki: Pki, tmp_path: Path) -> None:
    boss = office("chutich")
    central = CentralStore(f"sqlite:///{tmp_path / 'central.db'}", clock=office.clock)
    try:
        with ServerThread(central, pki) as server:
            transport = HttpsSyncTransport(boss.paths.root, config=FAST, clock=boss.clock)
            enrol_device(boss, transport, server.url, central.devices.issue_code("26740"),
                         ca_path=pki.ca)
        # offline from here on: no sync has run
        approved = _approve_death(office).record
        assert approved.registration_number
    finally:
        central.close()


def test_without_a_leased_block_the_message_says_to_sync(office: Office) -> None:
    with office("chutich").store.write() as uow:  # enrolled, but the first lease failed
        switch_to_leased_numbers(uow)
    with pytest.raises(DomainError) as caught:
        _approve_death(office)
    assert caught.value.code == "E-NUMBER-BLOCK-NONE"
