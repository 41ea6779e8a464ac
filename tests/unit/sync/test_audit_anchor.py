"""The audit chain's head anchored at the centre (issue 16 item 12), against the real server.

Someone holding an account's password can rewrite the device's audit log and its head
consistently (``audit verify`` then passes on the device). Each sync leaves the head with the
centre and checks the one kept from the sync before: a rewritten history is found once the
device is back online, said plainly, recorded on both sides, and never blocks registering.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FAST
from support import Pki, ServerThread

from desktop_app.audit import make_entry
from desktop_app.workflows import backup, records, sync_bundle
from desktop_app.workflows.audit import verify_audit
from desktop_app.workflows.audit_anchor import REWRITTEN_KEY, anchored, head_of
from desktop_app.workflows.enrolment import device_identity, enrol_device
from desktop_app.workflows.sync_run import run_sync
from sync.bundle import UsbBundleCodec
from sync.cli import report_text
from sync.device import HttpsSyncTransport
from sync.server.bundles import import_bundle
from sync.server.devices import Device
from sync.server.store import CentralStore
from tests.samples import build
from tests.unit.conftest import PW, Office


def _rewrite_history(office: Office, seq: int) -> None:
    """What a holder of the data key can do: change entry ``seq`` and re-chain everything
    after it, head included, so the device's own check finds nothing wrong."""
    store = office("admin").store
    conn = store.connection()
    with store.write() as uow:
        entries = list(uow.audit.entries())
        prev = entries[seq - 2] if seq > 1 else None
        for old in entries[seq - 1:]:
            reason = "đã sửa" if old.seq == seq else old.reason
            new = make_entry(prev, at=old.at, actor=old.actor, action=old.action,
                             target=old.target, reason=reason, details=old.details)
            conn.execute("UPDATE audit SET reason = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                         (new.reason, new.prev_hash, new.hash, new.seq))
            prev = new
        assert prev is not None
        uow.meta.put("audit_head", f"{prev.seq}:{prev.hash}")


def test_a_rewritten_history_is_found_at_the_next_sync(office: Office, pki: Pki,
                                                       tmp_path: Path) -> None:
    boss = office("chutich")
    central = CentralStore(f"sqlite:///{tmp_path / 'central.db'}", clock=office.clock)
    try:
        with ServerThread(central, pki) as server:
            transport = HttpsSyncTransport(boss.paths.root, config=FAST, clock=boss.clock)
            enrol_device(boss, transport, server.url, central.devices.issue_code("26740"),
                         ca_path=pki.ca)
            identity = device_identity(boss)
            assert identity is not None
            first = run_sync(boss, transport)
            assert first.audit_rewritten is None
            with boss.store.read() as uow:
                head = head_of(uow)
                assert head is not None and anchored(uow) == head
            assert central.anchors.head(identity.device_id) == (head.seq, head.hash)
            assert run_sync(boss, transport).audit_rewritten is None  # nothing changed

            _rewrite_history(office, 2)
            assert verify_audit(boss).entries > head.seq - 1  # the device alone cannot tell
            report = run_sync(boss, transport)
            assert report.audit_rewritten == head.seq
            assert "viết lại" in report_text(report) and str(head.seq) in report_text(report)
            with boss.store.read() as uow:
                found = [e for e in uow.audit.entries() if e.action == "audit.rewritten"]
                assert uow.meta.get(REWRITTEN_KEY)
            assert [e.target for e in found] == [f"audit/{head.seq}"]
            checked = verify_audit(boss)  # the chain verifies, and says what the sync found
            assert checked.rewritten_at == head.seq and checked.anchored
            assert [(m["kept_seq"], m["found_by"])
                    for m in central.anchors.mismatches(identity.device_id)] == [
                (head.seq, "device")]

            # Work goes on: a record is registered, the next sync is clean again.
            created = records.create_record(office("canbo"), "death", build("death"))
            assert created.record.status == "draft"
            assert run_sync(boss, transport).audit_rewritten is None
            assert len(central.anchors.mismatches(identity.device_id)) == 1
    finally:
        central.close()


def test_the_centre_answers_a_retry_alike_and_notices_a_shorter_chain(tmp_path: Path) -> None:
    central = CentralStore(f"sqlite:///{tmp_path / 'central.db'}")
    try:
        device = Device("d-1", "26740", "k", "b", None)
        a, b = "a" * 64, "b" * 64
        assert central.anchors.anchor(device, 10, a)["kept"] is None
        assert central.anchors.anchor(device, 20, b)["kept"] == {"seq": 10, "hash": a}
        # the same head again (its answer was lost): the same answer
        assert central.anchors.anchor(device, 20, b)["kept"] == {"seq": 10, "hash": a}
        assert central.anchors.mismatches("d-1") == []
        shorter = central.anchors.anchor(device, 15, "c" * 64)
        assert shorter["mismatch"] is True
        assert [(m["kept_seq"], m["head_seq"], m["found_by"])
                for m in central.anchors.mismatches("d-1")] == [(20, 15, "server")]
    finally:
        central.close()


def _restore(office: Office, source: Path) -> str:
    for session in office.sessions.values():
        session.close()
    office.sessions.clear()
    office.clock.advance(seconds=1)  # each restore keeps the data it replaces apart
    info = backup.restore_backup(office.paths, source, office.clock, username="admin",
                                 password=PW)
    return info.anchor_check


def test_backups_carry_the_head_and_a_restore_compares_it(office: Office, pki: Pki,
                                                          tmp_path: Path) -> None:
    boss = office("chutich")
    central = CentralStore(f"sqlite:///{tmp_path / 'central.db'}", clock=office.clock)
    try:
        with ServerThread(central, pki) as server:
            transport = HttpsSyncTransport(boss.paths.root, config=FAST, clock=boss.clock)
            enrol_device(boss, transport, server.url, central.devices.issue_code("26740"),
                         ca_path=pki.ca)
            backup.create_backup(office("admin"), tmp_path / "older.htbak")
            run_sync(boss, transport)
            with boss.store.read() as uow:
                head = head_of(uow)
            assert head is not None
            current = backup.create_backup(office("admin"), tmp_path / "current.htbak")
            seq, _, digest = current.audit_head.partition(":")
            assert int(seq) >= head.seq and len(digest) == 64  # printed by `hotich backup`
            _rewrite_history(office, 2)
            backup.create_backup(office("admin"), tmp_path / "forged.htbak")
    finally:
        central.close()
    assert _restore(office, tmp_path / "current.htbak") == "ok"
    assert _restore(office, tmp_path / "forged.htbak") == "rewritten"
    assert _restore(office, tmp_path / "current.htbak") == "ok"
    assert _restore(office, tmp_path / "older.htbak") == "behind"  # older than the anchor
    with office("admin").store.read() as uow:
        restored = [e for e in uow.audit.entries() if e.action == "store.restore"]
    assert json.loads(restored[-1].details)["anchor_check"] == "behind"


def test_usb_bundles_anchor_the_head_too(office: Office, pki: Pki, tmp_path: Path) -> None:
    boss = office("chutich")
    codec = UsbBundleCodec()
    central = CentralStore(f"sqlite:///{tmp_path / 'central.db'}", clock=office.clock)
    try:
        with ServerThread(central, pki) as server:
            transport = HttpsSyncTransport(boss.paths.root, config=FAST, clock=boss.clock)
            enrol_device(boss, transport, server.url, central.devices.issue_code("26740"),
                         ca_path=pki.ca)
        identity = device_identity(boss)
        assert identity is not None

        def carry() -> int | None:
            data, _count = sync_bundle.export_bundle(boss, codec)
            answer = import_bundle(central, data).answer
            return sync_bundle.import_answer(boss, codec, answer).audit_rewritten

        assert carry() is None
        assert carry() is None
        kept = central.anchors.head(identity.device_id)
        assert kept is not None
        _rewrite_history(office, 2)
        assert carry() == kept[0]  # found when the answer comes back
        assert central.anchors.mismatches(identity.device_id) == []
        assert carry() is None  # the next bundle tells the centre
        assert [m["found_by"] for m in central.anchors.mismatches(identity.device_id)] == [
            "device"]
    finally:
        central.close()
