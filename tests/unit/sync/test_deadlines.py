"""Nothing hangs (issue 16 item 4): every request has a total deadline, every run a budget,
the pull a page limit. A real misbehaving server on 127.0.0.1 (tests/unit/sync/hostile.py)
trickles its answers or streams a feed that never ends; test-sized deadlines keep each case
to a few seconds, and the queue stays intact."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FAST
from hostile import HostileProxy
from support import Pki, ServerThread, push_item

from desktop_app.errors import Cancelled, HotichError, SyncBudgetError
from desktop_app.store.outbox_repo import PENDING
from desktop_app.workflows import records
from desktop_app.workflows.enrolment import enrol_device
from desktop_app.workflows.sync_run import run_sync
from sync.client import CancelToken, SyncClient, TransportConfig, enrol
from sync.device import HttpsSyncTransport
from sync.server.store import CentralStore
from tests.samples import build
from tests.unit.conftest import Office

# read_timeout (between bytes) is never reached by a byte every 50 ms; the deadline is.
TIGHT = replace(FAST, read_timeout=5.0, request_deadline=0.6, run_budget=20.0, attempts=2)


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


def _client(office: Office, pki: Pki, central: CentralStore, proxy: HostileProxy,
            config: TransportConfig) -> SyncClient:
    identity = enrol(proxy.url, central.devices.issue_code("00070"), ca_file=pki.ca,
                     config=FAST)
    return SyncClient(identity, ca_file=pki.ca, config=config, clock=office.clock)


def test_a_trickled_answer_is_cut_at_the_request_deadline(
        office: Office, pki: Pki, central: CentralStore, proxy: HostileProxy) -> None:
    client = _client(office, pki, central, proxy, TIGHT)
    proxy.trickle.add("/v1/capabilities")  # ~300 bytes at 20 bytes/s: 15 s per answer
    try:
        with pytest.raises(SyncBudgetError):
            client.capabilities()
        assert proxy.seen.count("/v1/capabilities") == TIGHT.attempts
        proxy.trickle.clear()
        assert client.capabilities().procedures  # the same client works again
    finally:
        client.close()


def test_a_cancel_ends_a_request_in_the_middle(
        office: Office, pki: Pki, central: CentralStore, proxy: HostileProxy) -> None:
    cancel = CancelToken()
    identity = enrol(proxy.url, central.devices.issue_code("00070"), ca_file=pki.ca,
                     config=FAST)
    patient = replace(TIGHT, request_deadline=600.0, run_budget=600.0)
    client = SyncClient(identity, ca_file=pki.ca, config=patient, clock=office.clock,
                        cancel=cancel)
    proxy.trickle.add("/v1/capabilities")
    proxy.on_trickle = cancel.cancel  # the user presses Cancel while the answer trickles in
    try:
        with pytest.raises(Cancelled):
            client.capabilities()
        assert proxy.seen.count("/v1/capabilities") == 1
    finally:
        client.close()


def test_trickled_headers_are_cut_at_the_request_deadline(
        office: Office, pki: Pki, central: CentralStore, proxy: HostileProxy) -> None:
    client = _client(office, pki, central, proxy, TIGHT)
    proxy.trickle_head.add("/v1/capabilities")  # not even the headers arrive in time
    try:
        with pytest.raises(SyncBudgetError):
            client.capabilities()
    finally:
        client.close()


def test_an_endless_feed_ends_with_a_clear_error(
        office: Office, pki: Pki, central: CentralStore, proxy: HostileProxy) -> None:
    client = _client(office, pki, central, proxy, replace(TIGHT, max_answer_bytes=256 * 1024))
    proxy.endless.add("/v1/changes")
    try:
        with pytest.raises(HotichError) as caught:
            list(client.pull_pages(None))
        assert caught.value.code in ("E-SYNC-BUDGET", "E-SYNC-PROTOCOL")
    finally:
        client.close()
    endless = _client(office, pki, central, proxy, replace(TIGHT, max_answer_bytes=1 << 40))
    try:  # no size limit to help: the deadline alone ends it
        with pytest.raises(SyncBudgetError):
            list(endless.pull_pages(None))
    finally:
        endless.close()


def test_the_pull_stops_at_its_page_limit(
        office: Office, pki: Pki, central: CentralStore, proxy: HostileProxy) -> None:
    client = _client(office, pki, central, proxy, replace(TIGHT, pull_max_pages=2))
    try:
        client.push([push_item("death") for _ in range(3)])  # three changes in the feed
        pages = list(client.pull_pages(None, limit=1))
        assert len(pages) == 2 and pages[-1].has_more  # the rest comes at the next sync
    finally:
        client.close()


def test_a_feed_that_does_not_advance_is_refused(
        office: Office, pki: Pki, central: CentralStore, proxy: HostileProxy) -> None:
    client = _client(office, pki, central, proxy, TIGHT)

    def always_more(page: dict[str, object]) -> dict[str, object]:
        return {**page, "has_more": True}

    proxy.rewrite["/v1/changes"] = always_more
    try:
        with pytest.raises(HotichError) as caught:
            list(client.pull_pages(None))
        assert caught.value.code == "E-SYNC-PROTOCOL"
    finally:
        client.close()


def test_a_stalled_sync_run_ends_within_its_budget_with_the_queue_intact(
        office: Office, pki: Pki, central: CentralStore, proxy: HostileProxy) -> None:
    officer, boss = office("canbo"), office("chutich")
    setup = HttpsSyncTransport(boss.paths.root, config=FAST, clock=boss.clock)
    enrol_device(boss, setup, proxy.url, central.devices.issue_code("26740"), ca_path=pki.ca)
    run_sync(officer, setup)
    created = records.create_record(officer, "birth", build("birth"))
    submitted = records.submit(officer, created.record.id)
    records.approve(boss, created.record.id, {w.code: "ok" for w in submitted.warnings})
    proxy.trickle.add("/v1/push")
    stalled = HttpsSyncTransport(boss.paths.root, clock=boss.clock,
                                 config=replace(TIGHT, attempts=50, run_budget=2.0))
    with pytest.raises(SyncBudgetError):  # 50 attempts would not end it: the budget does
        run_sync(officer, stalled)
    with officer.store.read() as uow:
        assert [i.state for i in uow.outbox.for_record(created.record.id)] == [PENDING]
    proxy.trickle.clear()
    report = run_sync(officer, setup)
    assert report.accepted == 1
