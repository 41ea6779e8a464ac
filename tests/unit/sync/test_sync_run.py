"""A whole sync as the core runs it through its gateway port, against the real server: number
blocks first, then the attachments, the push and the pull, each answer applied as it arrives."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import FAST
from support import Pki, ServerThread

from desktop_app.domain import RecordType, Status
from desktop_app.sync_types import Progress
from desktop_app.workflows import records
from desktop_app.workflows.dashboard import LAST_SYNC_KEY
from desktop_app.workflows.enrolment import enrol_device
from desktop_app.workflows.sync_apply import CURSOR_KEY, ItemOutcome
from desktop_app.workflows.sync_run import run_sync
from sync.device import HttpsSyncTransport
from sync.server.store import CentralStore
from tests.samples import build
from tests.unit.conftest import Office


def test_a_whole_sync_leases_uploads_pushes_and_pulls(office: Office, pki: Pki,
                                                       tmp_path: Path) -> None:
    officer, boss = office("canbo"), office("chutich")
    central = CentralStore(f"sqlite:///{tmp_path / 'central.db'}", clock=office.clock)
    try:
        with ServerThread(central, pki) as server:
            transport = HttpsSyncTransport(boss.paths.root, config=FAST, clock=boss.clock)
            enrol_device(boss, transport, server.url, central.devices.issue_code("26740"),
                         ca_path=pki.ca)
            with officer.store.read() as uow:  # enrolment leased every book's first block
                assert {b.record_type for b in uow.numbers.blocks(2026)
                        if b.source == "central"} == {t.value for t in RecordType}
            first = run_sync(officer, transport)
            assert first.blocks_leased == 0
            assert (first.accepted, first.items) == (0, [])

            created = records.create_record(officer, "birth", build("birth"))
            submitted = records.submit(officer, created.record.id)
            birth = records.approve(boss, created.record.id,
                                    {w.code: "đã kiểm tra" for w in submitted.warnings}).record
            scan = os.urandom(20_000)
            with officer.store.write() as uow:
                sha = uow.attachments.put(birth.id, scan, "image/jpeg", "scan",
                                          office.clock.now())
            seen: list[Progress] = []
            report = run_sync(officer, transport, progress=seen.append)
            assert report.items == [ItemOutcome(birth.id, birth.version, "accepted")]
            assert (report.accepted, report.rejected, report.deferred,
                    report.blocks_leased) == (1, 0, 0, 0)
            assert report.pulled >= 1  # at least the personal ID and the record itself
            assert {"attachment", "push", "pull"} <= {p.stage for p in seen}

            rec = records.get_record(officer, birth.id)
            assert rec.status == Status.APPROVED and rec.central_id  # ready to sign
            assert len(rec.data["child"]["personal_id"]) == 12
            assert central.attachments.content(sha) == scan
            with officer.store.read() as uow:
                assert uow.attachments.of_record(birth.id) == [(sha, "scan", 1)]
                assert uow.meta.get(CURSOR_KEY) and uow.meta.get(LAST_SYNC_KEY)

            again = run_sync(officer, transport)
            assert (again.accepted, again.items, again.blocks_leased) == (0, [], 0)
    finally:
        central.close()
