"""The link watcher: a sync starts by itself when the central server becomes reachable (once),
never when the device is not enrolled, never two at once; cancel works; the status bar shows
the real state; logging out stops it. The probe and the sync are the hooks the composition
root injects (plain callables here), timings in milliseconds."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.session import Session
from desktop_app.workflows import records
from desktop_app.workflows.dashboard import ConnectionState
from desktop_app.workflows.sync_apply import SyncReport
from sync.errors import ServerUnreachableError
from tests.samples import build
from tests.ui.conftest import UiOffice, wait_idle
from ui.context import UiHooks
from ui.link_watcher import LinkTiming
from ui.main_window import MainWindow

FAST = LinkTiming(offline_interval_ms=30, online_interval_ms=60, first_probe_ms=0,
                  nudge_ms=30)
REPORT = SyncReport(accepted=1, pulled=2)


class Link:
    """A scripted server: answers to the probe in turn (the last one repeats), a sync that
    records its runs and can be held open or made to fail."""

    def __init__(self, *answers: bool | None) -> None:
        self.answers = list(answers)
        self.syncs: list[str] = []
        self.hold = threading.Event()
        self.hold.set()
        self.in_sync = threading.Event()
        self.fail_with: BaseException | None = None

    def probe(self, session: Session) -> bool | None:
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]

    def sync(self, session: Session, progress) -> str:  # noqa: ANN001
        self.syncs.append(session.account.username)
        self.in_sync.set()
        try:
            done = 0
            while not self.hold.wait(0.01):  # until released, or cancelled via progress
                progress("push", done % 10, 10)
                done += 1
            progress("push", 10, 10)
            if self.fail_with is not None:
                raise self.fail_with
            return REPORT
        finally:
            self.in_sync.clear()

    def hooks(self) -> UiHooks:
        return UiHooks(sync_now=self.sync, probe_server=self.probe)


@pytest.fixture
def link() -> Iterator[Link]:
    link = Link(True)
    yield link
    link.hold.set()  # never leave a worker waiting


def _window(qtbot: QtBot, office: UiOffice, link: Link, timing: LinkTiming = FAST,
            user: str = "canbo") -> MainWindow:
    window = MainWindow(office.ctx(user, link.hooks()), link_timing=timing)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_sync_starts_once_when_the_server_becomes_reachable(
        qtbot: QtBot, office: UiOffice, link: Link) -> None:
    link.answers = [False, False, True]
    link.hold.clear()
    window = _window(qtbot, office, link)
    qtbot.waitUntil(lambda: window.link.state == ConnectionState.OFFLINE, timeout=5000)
    assert window.connection_label.text() == "Ngoại tuyến"
    qtbot.waitUntil(lambda: link.in_sync.is_set(), timeout=5000)
    assert window.link.state == ConnectionState.SYNCING
    assert window.connection_label.text() == "Đang đồng bộ"
    page = window.sync
    assert not page.progress.isHidden() and not page.sync_button.isEnabled()

    # A manual sync while the automatic one runs is refused politely.
    started_text = page.result.text()
    assert page.sync_now() is False
    assert page.result.text() and page.result.text() != started_text
    link.hold.set()
    qtbot.waitUntil(lambda: not window.sync_control.is_running, timeout=5000)
    assert page.last_outcome is not None and page.last_outcome.automatic
    assert page.last_outcome.report is REPORT
    assert page.report_text(REPORT) in page.result.text()  # worded by the page
    assert page.report_text(SyncReport(accepted=3, rejected=1, timestamped=2)) == (
        "sent: 3, rejected: 1, waiting: 0, changes received: 0, new number blocks: 0, extracts "
        "timestamped: 2")  # the source text (tests run untranslated)
    assert window.link.state == ConnectionState.ONLINE
    qtbot.waitUntil(lambda: window.connection_label.text() == "Trực tuyến", timeout=5000)

    # Reachable from now on, nothing waiting: looking again starts nothing more.
    probes = window.link.probes
    qtbot.waitUntil(lambda: window.link.probes >= probes + 4, timeout=5000)
    assert link.syncs == ["canbo"] and window.sync_control.runs == 1
    assert page.sync_button.isEnabled()
    window.close()
    assert not window.link.is_active


def test_no_sync_starts_when_the_device_is_not_enrolled(
        qtbot: QtBot, office: UiOffice, link: Link) -> None:
    link.answers = [None]
    window = _window(qtbot, office, link)
    qtbot.waitUntil(lambda: window.link.probes >= 4, timeout=5000)
    assert link.syncs == [] and window.link.state == ConnectionState.NOT_CONFIGURED
    assert window.connection_label.text() == "Chưa kết nối máy chủ"
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: window.dashboard.cards["connection"].text()
                    == "Chưa kết nối máy chủ", timeout=5000)
    window.close()


def test_without_a_probe_the_watcher_stays_off(qtbot: QtBot, office: UiOffice) -> None:
    syncs: list[str] = []
    window = MainWindow(office.ctx("canbo", UiHooks(
        sync_now=lambda _s, _p: syncs.append("x") or SyncReport(),
        connection_probe=lambda: ConnectionState.OFFLINE)), link_timing=FAST)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.connection_label.text() == "Ngoại tuyến", timeout=5000)
    assert not window.link.is_active and window.link.state is None
    wait_idle(qtbot, office.runner)
    assert syncs == []
    window.close()


def test_items_waiting_start_a_sync_while_online(qtbot: QtBot, office: UiOffice,
                                                 link: Link) -> None:
    officer, supervisor = office.session("canbo"), office.session("chutich")
    birth = records.create_record(officer, "birth", build("birth")).record
    records.submit(officer, birth.id)
    records.approve(supervisor, birth.id, {})  # a birth leaves at approval: queued
    window = _window(qtbot, office, link)
    qtbot.waitUntil(lambda: len(link.syncs) >= 2, timeout=5000)  # came online, then waiting
    window.close()


def test_cancelling_an_automatic_sync(qtbot: QtBot, office: UiOffice, link: Link) -> None:
    link.hold.clear()
    slow_after = LinkTiming(offline_interval_ms=30, online_interval_ms=60_000,
                            first_probe_ms=0)
    window = _window(qtbot, office, link, slow_after)
    qtbot.waitUntil(lambda: link.in_sync.is_set(), timeout=5000)
    page = window.sync
    qtbot.waitUntil(lambda: page.progress.cancel_button.isEnabled(), timeout=5000)
    page.progress.cancel_button.click()
    qtbot.waitUntil(lambda: not window.sync_control.is_running, timeout=5000)
    assert page.last_outcome is not None and page.last_outcome.is_cancelled
    assert window.link.state == ConnectionState.ONLINE
    assert link.syncs == ["canbo"] and page.sync_button.isEnabled()
    window.close()


def test_a_failed_sync_is_one_line_and_the_state_is_looked_at_again(
        qtbot: QtBot, office: UiOffice, link: Link) -> None:
    link.fail_with = ServerUnreachableError("https://hotich.example.vn")
    link.answers = [True, False]
    window = _window(qtbot, office, link)
    qtbot.waitUntil(lambda: bool(link.syncs) and not window.sync_control.is_running, timeout=5000)
    outcome, text = window.sync.last_outcome, window.sync.result.text()
    assert outcome is not None and outcome.automatic and not outcome.is_ok
    assert "\n" not in text and "Traceback" not in text and "https://hotich" in text
    qtbot.waitUntil(lambda: window.link.state == ConnectionState.OFFLINE, timeout=5000)
    assert link.syncs == ["canbo"]
    window.close()


def test_logging_out_stops_the_watcher_and_the_running_sync(
        qtbot: QtBot, office: UiOffice, link: Link) -> None:
    link.hold.clear()
    window = _window(qtbot, office, link)
    qtbot.waitUntil(lambda: link.in_sync.is_set(), timeout=5000)
    with qtbot.waitSignal(window.logged_out, timeout=10000):
        assert window.log_out()
    assert not window.link.is_active and not window.isVisible()
    assert office.runner.wait_all(1000)  # the sync was cancelled: no thread left running
    assert link.syncs == ["canbo"]
