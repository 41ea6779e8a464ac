"""A commune office against the real central server for window tests: the server over TLS on
127.0.0.1 in a subprocess, staff, the supervisor's certificate, the device enrolled (set-up
through the command line, as an admin does once), then windows driven like a user does."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop_app.app import build_ui_hooks, catalogue
from desktop_app.clock import SystemClock
from desktop_app.messages import VIETNAM_TZ
from desktop_app.paths import DataPaths
from desktop_app.services import AppServices
from desktop_app.workflows.accounts import login
from signing.devca import make_ca, make_leaf, p12
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.e2e.conftest import CentralProcess
from tests.ui.conftest import type_text
from tests.unit.sync.support import make_pki
from ui.context import UiContext
from ui.link_watcher import LinkTiming
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

STAFF_PW = "staff-password-1"
P12_PW = "p12-password-1"
SUPERVISOR_NAME = "Hoàng Văn Chủ"
# The watcher never looks by itself during a test: each sync is the user's click.
QUIET_LINK = LinkTiming(offline_interval_ms=3_600_000, online_interval_ms=3_600_000,
                        first_probe_ms=3_600_000, nudge_ms=3_600_000)


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralProcess]:
    pki = make_pki(tmp_path / "pki")
    process = CentralProcess(tmp_path / "central.db", pki, tmp_path / "server.log").start()
    yield process
    process.stop()


def enrolled_office(cli: Callable[..., CliResult], data_dir: Path, central: CentralProcess,
                    tmp_path: Path) -> DataPaths:
    """Officer canbo, supervisor chutich with an imported certificate, the device enrolled."""
    for name, role, full in (("canbo", "officer", "Lò Thị Cán"),
                             ("chutich", "supervisor", SUPERVISOR_NAME)):
        assert cli("--data-dir", data_dir, "--user", "admin", "user", "add", name, "--role",
                   role, "--full-name", full, "--password-stdin", stdin=STAFF_PW + "\n",
                   password=ADMIN_PASSWORD).code == 0
    root = make_ca("Day Root")
    (data_dir / "trust").mkdir()
    (data_dir / "trust" / "root.pem").write_bytes(root.pem)
    cert = tmp_path / "chutich.p12"
    cert.write_bytes(p12(make_leaf(SUPERVISOR_NAME, root), [root], P12_PW))
    paths = DataPaths(data_dir)
    supervisor = login(paths, "chutich", STAFF_PW, SystemClock())
    try:  # what Settings' certificate import runs
        hooks = build_ui_hooks(paths)
        assert hooks.import_certificate is not None
        assert SUPERVISOR_NAME in hooks.import_certificate(supervisor, cert, P12_PW)
    finally:
        supervisor.close()
    central.enroll(cli, data_dir)
    return paths


def days_ago(n: int) -> str:
    """An ISO day n days before today in Vietnam (records registered on time today)."""
    return (SystemClock().now().astimezone(VIETNAM_TZ).date() - timedelta(days=n)).isoformat()


@dataclass
class Desk:
    """One user's window over the office's real hooks (signing, sync), with its own task
    runner: closing a window shuts its runner down, as when the program quits."""

    window: MainWindow
    ctx: UiContext

    @classmethod
    def open(cls, qtbot: QtBot, paths: DataPaths, username: str) -> Desk:
        runner = TaskRunner()
        services = AppServices(paths, SystemClock(), catalogue())
        session = login(paths, username, STAFF_PW, services.clock)
        ctx = UiContext(services, runner, session, build_ui_hooks(paths))
        window = MainWindow(ctx, link_timing=QUIET_LINK)
        qtbot.addWidget(window)
        window.show()
        return cls(window, ctx)

    def sync(self, qtbot: QtBot) -> None:
        """Click "Synchronise now" on the sync page and wait for its outcome."""
        page = self.window.sync
        self.window.show_page("sync")
        before = page.last_outcome
        qtbot.waitUntil(lambda: page.sync_button.isEnabled(), timeout=15000)
        page.sync_button.click()
        qtbot.waitUntil(lambda: page.last_outcome is not before, timeout=60000)
        outcome = page.last_outcome
        assert outcome is not None and outcome.is_ok, page.result.text()

    def approve(self, qtbot: QtBot, record_id: str, reason: str = "Đã đối chiếu giấy tờ gốc"
                ) -> list[str]:
        """Select the record in the approval queue, give a reason for each warning the panel
        shows, approve; returns the override keys that were asked for."""
        page = self.window.approval
        assert page is not None
        self.window.show_page("approval")
        qtbot.waitUntil(lambda: record_id in [r.id for r in page.pending_model.rows()],
                        timeout=15000)
        page.pending_table.selectRow([r.id for r in page.pending_model.rows()].index(record_id))
        qtbot.waitUntil(lambda: page.current is not None and page.current.id == record_id
                        and page.warnings.state == "ready", timeout=15000)
        keys = sorted(page.reasons)
        for key in keys:
            box = page.findChild(QLineEdit, f"reason:{key}")
            assert box is not None
            type_text(box, reason)
        with qtbot.waitSignal(page.records_changed, timeout=15000):
            page.approve_button.click()
        return keys

    def to_sign(self, qtbot: QtBot) -> list[str]:
        """The ids in the "to sign" list once the page has loaded."""
        page = self.window.approval
        assert page is not None
        self.window.show_page("approval")
        qtbot.waitUntil(lambda: self.ctx.runner.pending == 0, timeout=15000)
        return [r.id for r in page.sign_model.rows()]

    def sign(self, qtbot: QtBot, record_ids: list[str]) -> None:
        """Tick the records in the signing list, sign with the certificate's password."""
        page = self.window.approval
        assert page is not None
        rows = [r.id for r in page.sign_model.rows()]
        for record_id in record_ids:
            page.sign_model.set_checked(rows.index(record_id), True)
        page.ask_p12_password = lambda: P12_PW  # the password dialog, answered
        with qtbot.waitSignal(page.records_changed, timeout=60000):
            page.sign_button.click()
        result = page.outcome.result
        assert result is not None and result.kind == "signed", page.outcome.summary.text()
        assert sorted(result.signed) == sorted(record_ids)

    def close(self, qtbot: QtBot) -> None:
        qtbot.waitUntil(lambda: self.ctx.runner.pending == 0, timeout=15000)
        self.window.close()  # stops the watcher, closes the session, waits for the workers


def central_stats(cli: Callable[..., CliResult], central: CentralProcess) -> dict[str, int]:
    """Accepted records on the server by type (each record counted once, whatever its
    versions)."""
    stats = json.loads(cli("--json", "central", "stats", "--db", central.db).out)
    counts: dict[str, int] = {}
    for row in stats["by_type_and_commune"]:
        counts[row["record_type"]] = counts.get(row["record_type"], 0) + int(row["records"])
    assert sum(counts.values()) == stats["total"]
    return counts
