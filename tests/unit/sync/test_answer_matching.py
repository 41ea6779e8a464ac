"""A push answer is matched to what was sent (issue 16 item 5): a result counts only for the
idempotency key, record and version it answers; an answer that does not match the batch is
refused whole and nothing lands on the wrong record."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from conftest import FAST
from hostile import HostileProxy
from support import Pki, ServerThread, push_item

from desktop_app.errors import AnswerMismatchError
from desktop_app.store.outbox_repo import PENDING
from desktop_app.sync_types import ItemResult, ItemStatus
from desktop_app.workflows import records
from desktop_app.workflows.enrolment import enrol_device
from desktop_app.workflows.sync_apply import apply_result
from desktop_app.workflows.sync_run import run_sync
from sync.client import SyncClient
from sync.device import HttpsSyncTransport
from sync.server.store import CentralStore
from tests.samples import build
from tests.unit.conftest import Office


@pytest.fixture
def central(tmp_path: Path, office: Office) -> Iterator[CentralStore]:
    store = CentralStore(f"sqlite:///{tmp_path / 'central.db'}", clock=office.clock)
    yield store
    store.close()


@pytest.fixture
def proxy(central: CentralStore, pki: Pki) -> Iterator[HostileProxy]:
    with ServerThread(central, pki) as server, \
            HostileProxy(server.url, pki.cert, pki.key, pki.ca) as hostile:
        yield hostile


def _swap_records(answer: dict[str, object]) -> dict[str, object]:
    """Keys in place, record ids and central ids swapped: what a mixed-up proxy returns."""
    results = answer["results"]
    assert isinstance(results, list) and len(results) >= 2
    first, second = results[0], results[1]
    for field in ("record_id", "central_id", "personal_id"):
        first[field], second[field] = second.get(field), first.get(field)
    return answer


def _queued_births(office: Office) -> list[str]:
    ids = []
    for child, mother in (("Nguyễn Văn An", "Trần Thị Bình"), ("Lê Thị Hoa", "Phạm Thị Mai")):
        data = build("birth", {"child.full_name": child, "mother.full_name": mother})
        created = records.create_record(office("canbo"), "birth", data)
        submitted = records.submit(office("canbo"), created.record.id)
        records.approve(office("chutich"), created.record.id,
                        {w.code: "đã kiểm tra" for w in submitted.warnings})
        ids.append(created.record.id)
    return ids


def test_an_answer_for_other_records_is_refused_whole(
        office: Office, pki: Pki, central: CentralStore, proxy: HostileProxy) -> None:
    officer, boss = office("canbo"), office("chutich")
    transport = HttpsSyncTransport(boss.paths.root, config=FAST, clock=boss.clock)
    enrol_device(boss, transport, proxy.url, central.devices.issue_code("26740"),
                 ca_path=pki.ca)
    run_sync(officer, transport)  # number blocks first
    ids = _queued_births(office)
    proxy.rewrite["/v1/push"] = _swap_records
    with pytest.raises(AnswerMismatchError):
        run_sync(officer, transport)
    for record_id in ids:  # nothing applied: still queued, no central id, no personal ID
        rec = records.get_record(officer, record_id)
        assert rec.central_id is None and not rec.data["child"].get("personal_id")
        with officer.store.read() as uow:
            assert [i.state for i in uow.outbox.for_record(record_id)] == [PENDING]
    del proxy.rewrite["/v1/push"]
    report = run_sync(officer, transport)  # the same keys again: the centre answers truly
    assert report.accepted == 2
    central_ids = {records.get_record(officer, r).central_id for r in ids}
    assert len(central_ids) == 2 and None not in central_ids


def test_the_client_refuses_results_for_other_items(
        office: Office, pki: Pki, central: CentralStore, proxy: HostileProxy) -> None:
    from sync.client import enrol

    identity = enrol(proxy.url, central.devices.issue_code("00070"), ca_file=pki.ca,
                     config=FAST)
    client = SyncClient(identity, ca_file=pki.ca, config=FAST, clock=office.clock)
    try:
        items = [push_item("death"), push_item("death")]
        proxy.rewrite["/v1/push"] = _swap_records
        with pytest.raises(AnswerMismatchError):
            client.push(items)

        def reversed_order(answer: dict[str, object]) -> dict[str, object]:
            answer["results"] = list(reversed(answer["results"]))  # type: ignore[call-overload]
            return answer

        proxy.rewrite["/v1/push"] = reversed_order  # each result still names its own item
        results = client.push(items)
        assert [(r.idempotency_key, r.record_id) for r in results] == \
            [(i.idempotency_key, i.record_id) for i in items]
    finally:
        client.close()


def test_a_result_for_another_record_is_not_applied(office: Office) -> None:
    first, second = _queued_births(office)
    officer = office("canbo")
    with officer.store.read() as uow:
        key = uow.outbox.for_record(first)[0].idempotency_key
    wrong = ItemResult(key, second, 1, ItemStatus.ACCEPTED, central_id="TW-1")
    with pytest.raises(AnswerMismatchError), officer.store.write() as uow:
        apply_result(uow, wrong, datetime.now().astimezone())
    assert records.get_record(officer, second).central_id is None
