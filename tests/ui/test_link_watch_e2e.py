"""End to end: the desktop's real hooks (desktop_app.app.build_ui_hooks) against the real
central server over TLS on 127.0.0.1. The window opens while the server is down (offline);
once it is back the watcher sees it and the waiting birth goes out by itself, once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.app import build_ui_hooks, catalogue
from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.services import AppServices
from desktop_app.workflows import records
from desktop_app.workflows.accounts import login
from desktop_app.workflows.dashboard import ConnectionState
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.e2e.conftest import CentralProcess
from tests.samples import build
from ui.context import UiContext
from ui.link_watcher import LinkTiming
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

STAFF_PW = "staff-password-1"


def _prepare(cli: Callable[..., CliResult], data_dir: Path, central: CentralProcess) -> str:
    """Staff, the device enrolled, numbers leased, a birth approved (it leaves at approval)."""
    for name, role in (("canbo", "officer"), ("chutich", "supervisor")):
        assert cli("--data-dir", data_dir, "--user", "admin", "user", "add", name, "--role",
                   role, "--password-stdin", stdin=STAFF_PW + "\n",
                   password=ADMIN_PASSWORD).code == 0
    central.enroll(cli, data_dir)
    assert cli("--data-dir", data_dir, "--user", "canbo", "sync", "--once",
               password=STAFF_PW).code == 0  # leases number blocks
    paths, clock = DataPaths(data_dir), SystemClock()
    officer = login(paths, "canbo", STAFF_PW, clock)
    supervisor = login(paths, "chutich", STAFF_PW, clock)
    try:
        created = records.create_record(officer, "birth", build("birth"))
        submitted = records.submit(officer, created.record.id)
        records.approve(supervisor, created.record.id,
                        {w.code: "đã kiểm tra" for w in submitted.warnings})
    finally:
        officer.close()
        supervisor.close()
    return created.record.id


def test_the_waiting_birth_leaves_by_itself_when_the_server_is_back(
        qtbot: QtBot, cli: Callable[..., CliResult], data_dir: Path,
        central: CentralProcess, runner: TaskRunner) -> None:
    record_id = _prepare(cli, data_dir, central)
    central.stop()  # the link is down when the officer logs in
    paths = DataPaths(data_dir)
    services = AppServices(paths, SystemClock(), catalogue())
    session = login(paths, "canbo", STAFF_PW, services.clock)
    ctx = UiContext(services, runner, session, build_ui_hooks(paths))
    window = MainWindow(ctx, link_timing=LinkTiming(offline_interval_ms=100,
                                                    online_interval_ms=60_000,
                                                    first_probe_ms=0))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.link.state == ConnectionState.OFFLINE, timeout=15000)
    assert window.sync_control.runs == 0
    assert ctx.hooks.connection_probe() == ConnectionState.OFFLINE

    central.start()  # same database, same port
    qtbot.waitUntil(lambda: window.sync.last_outcome is not None, timeout=60000)
    outcome = window.sync.last_outcome
    assert outcome.automatic and outcome.is_ok, window.sync.result.text()
    assert outcome.report is not None and outcome.report.accepted == 1
    assert window.sync.report_text(outcome.report) in window.sync.result.text()
    assert window.link.state == ConnectionState.ONLINE
    assert window.sync_control.runs == 1
    window.close()  # stops the watcher, closes the session, waits for the workers
    check = login(paths, "canbo", STAFF_PW, SystemClock())
    try:
        rec = records.get_record(check, record_id)
        assert rec.central_id and rec.data["child"].get("personal_id")
    finally:
        check.close()
    stats = json.loads(cli("--json", "central", "stats", "--db", central.db).out)
    assert stats["total"] == 1
