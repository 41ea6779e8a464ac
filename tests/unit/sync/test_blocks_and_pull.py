"""Number blocks never overlap between devices; the pull feed by cursor."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from pathlib import Path

from conftest import FAST
from support import Pki, ServerThread, push_item, record

from sync.client import SyncClient, enrol
from sync.identity import DeviceIdentity
from sync.protocol import ChangeKind
from sync.server.store import CentralStore
from tests.unit.conftest import Office


def test_blocks_of_two_devices_never_overlap(enrolled: Callable[..., DeviceIdentity],
                                             pki: Pki) -> None:
    devices = [SyncClient(enrolled(), ca_file=pki.ca, config=FAST) for _ in range(2)]
    leases: list[tuple[int, int]] = []
    lock = threading.Lock()

    def lease(client: SyncClient) -> None:
        for _ in range(8):
            block = client.lease_number_block("birth", 2026, 7, request_id=uuid.uuid4().hex)
            with lock:
                leases.append((block.first, block.last))

    threads = [threading.Thread(target=lease, args=(c,)) for c in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    numbers = [n for first, last in leases for n in range(first, last + 1)]
    assert len(numbers) == len(set(numbers)) == 2 * 8 * 7
    assert sorted(numbers) == list(range(1, 113))  # dense: nothing skipped either


def test_block_request_is_idempotent_and_books_are_separate(client: SyncClient) -> None:
    request_id = uuid.uuid4().hex
    first = client.lease_number_block("death", 2026, 50, request_id=request_id)
    again = client.lease_number_block("death", 2026, 50, request_id=request_id)
    assert first == again and (first.first, first.last) == (1, 50)
    assert first.book_code == "KT" and first.office == "00070"
    other_year = client.lease_number_block("death", 2027, 10, request_id=uuid.uuid4().hex)
    assert other_year.first == 1
    block = first.as_number_block()
    assert block.remaining == 50


def test_pull_pages_bring_records_ids_rejections_and_reference_data(
        client: SyncClient, store: CentralStore, enrolled: Callable[..., DeviceIdentity],
        pki: Pki) -> None:
    birth = push_item("birth")
    results = client.push([birth, push_item("marriage", data=record("marriage",
                                                                    both_present=False))])
    client.lease_number_block("birth", 2026, 5, request_id="lease-1")
    store.feed.revoke_certificate("0A1B2C", "CA test")
    store.feed.publish_reference("administrative_units", "2025.10", {"communes": 3321})

    other = SyncClient(enrolled(), ca_file=pki.ca, config=FAST)  # same commune, other device
    elsewhere = SyncClient(enrolled("26740"), ca_file=pki.ca, config=FAST)
    elsewhere.push([push_item("death")])

    pages = list(other.pull_pages(None, limit=3))
    assert len(pages) > 1 and not pages[-1].has_more
    changes = [c for p in pages for c in p.changes]
    kinds = {c.kind for c in changes}
    assert {ChangeKind.RECORD, ChangeKind.PERSONAL_ID, ChangeKind.REJECTION,
            ChangeKind.NUMBER_BLOCK, ChangeKind.REVOKED_CERTIFICATE, ChangeKind.REFERENCE,
            ChangeKind.CAPABILITIES} <= kinds
    records = [c for c in changes if c.kind == ChangeKind.RECORD]
    assert [r.data["record_id"] for r in records] == [birth.record_id]  # not the other commune's
    pid = next(c for c in changes if c.kind == ChangeKind.PERSONAL_ID)
    assert pid.data["personal_id"] == results[0].personal_id
    seqs = [c.seq for c in changes]
    assert seqs == sorted(seqs)
    # A checkpointed cursor resumes exactly after the last applied change.
    assert other.pull(pages[0].cursor, limit=1000).changes[0].seq == pages[1].changes[0].seq
    assert other.pull(pages[-1].cursor).changes == []
    store.devices.revoke(elsewhere.identity.device_id)
    revoked = other.pull(pages[-1].cursor).changes
    assert [c.kind for c in revoked] == [ChangeKind.REVOKED_DEVICE]


def test_numbers_used_before_enrolment_are_never_leased_again(
        office: Office, pki: Pki, tmp_path: Path) -> None:
    """A commune continues its paper book from 38 before the device is enrolled; the centre's
    first block for that book starts after the device's own numbers."""
    from desktop_app.workflows import numbering, records
    from desktop_app.workflows.enrolment import enrol_device
    from desktop_app.workflows.sync_run import run_sync
    from sync.device import HttpsSyncTransport
    from tests.samples import build

    boss = office("chutich")
    numbering.add_local_block(boss, "death", 2026, 38, 100)

    def register() -> str:
        created = records.create_record(office("canbo"), "death", build("death"))
        records.submit(office("canbo"), created.record.id)
        approved = records.approve(boss, created.record.id,
                                   {w.code: "đã kiểm tra" for w in created.warnings})
        return str(approved.record.registration_number)

    assert [register(), register()] == ["38", "39"]
    store = CentralStore(f"sqlite:///{tmp_path / 'central.db'}", clock=office.clock)
    try:
        with ServerThread(store, pki) as server:
            transport = HttpsSyncTransport(boss.paths.root, config=FAST, clock=boss.clock)
            enrol_device(boss, transport, server.url, store.devices.issue_code("26740"),
                         ca_path=pki.ca)
            run_sync(boss, transport)
            assert register() == "40"  # the leased block starts after 39
            other = SyncClient(enrol(server.url, store.devices.issue_code("26740"), ca_file=pki.ca,
                                     config=FAST, clock=office.clock),
                               ca_file=pki.ca, config=FAST, clock=office.clock)
            assert other.lease_number_block("death", 2026, 5, request_id="x").first > 40
            other.close()
    finally:
        store.close()
