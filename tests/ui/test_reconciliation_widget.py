"""The reconciliation widget (issue 17 item 7) with the desktop's real hooks against the real
central server in a subprocess: a digitised birth book is compared with the seeded registry,
the mismatches are listed, and the officer resolves them from the widget."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.app import build_ui_hooks, catalogue
from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.services import AppServices
from desktop_app.workflows import reconciliation as rc
from desktop_app.workflows import records
from desktop_app.workflows.accounts import login
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.e2e.conftest import CentralProcess
from tests.e2e.test_reconciliation import PW, REGISTRY, _digitised_book
from ui.context import UiContext, UiHooks
from ui.pages.reconciliation_widget import ReconciliationWidget
from ui.tasks import TaskRunner


def prepare_book(cli: Callable[..., CliResult], data_dir: Path, central: CentralProcess,
                 tmp_path: Path) -> str:
    """Staff, the device enrolled, a digitised birth book of 1998 and the seeded registry."""
    for name, role in (("canbo", "officer"), ("chutich", "supervisor")):
        assert cli("--data-dir", data_dir, "--user", "admin", "user", "add", name, "--role",
                   role, "--password-stdin", stdin=PW + "\n", password=ADMIN_PASSWORD).code == 0
    central.enroll(cli, data_dir)

    def run(user: str, *args: object) -> CliResult:
        return cli("--data-dir", data_dir, "--user", user, *map(str, args), password=PW)

    book = _digitised_book(run, tmp_path)
    seed = tmp_path / "registry.json"
    seed.write_text(json.dumps(REGISTRY, ensure_ascii=False), encoding="utf-8")
    assert cli("central", "registry-import", "--db", central.db, seed).code == 0
    return book


def _row(widget: ReconciliationWidget, kind: rc.MismatchKind, path: str | None = None) -> int:
    rows = widget.model.rows()
    return next(i for i, m in enumerate(rows) if m.kind == kind and m.field == path)


def test_the_officer_reconciles_a_book_and_resolves_its_mismatches(
        qtbot: QtBot, cli: Callable[..., CliResult], data_dir: Path, central: CentralProcess,
        runner: TaskRunner, tmp_path: Path) -> None:
    book = prepare_book(cli, data_dir, central, tmp_path)
    paths = DataPaths(data_dir)
    services = AppServices(paths, SystemClock(), catalogue())
    session = login(paths, "canbo", PW, services.clock)
    try:
        widget = ReconciliationWidget(UiContext(services, runner, session,
                                                build_ui_hooks(paths)), book)
        qtbot.addWidget(widget)
        qtbot.waitUntil(lambda: runner.pending == 0)
        assert widget.result is None and widget.model.rowCount() == 0

        widget.run_button.click()
        qtbot.waitUntil(lambda: widget.result is not None, timeout=30_000)
        assert widget.model.rowCount() == 5 and widget.last_error is None
        assert not any(b.isEnabled() for b in widget.actions.values())  # nothing selected

        widget.select_row(_row(widget, rc.MismatchKind.MISSING_IN_BOOK))
        enabled = {r for r, b in widget.actions.items() if b.isEnabled()}
        assert enabled == {rc.Resolution.CHECKED}

        widget.select_row(_row(widget, rc.MismatchKind.FIELD_DIFFERS, "child.full_name"))
        assert all(b.isEnabled() for b in widget.actions.values())
        with qtbot.waitSignal(widget.resolved, timeout=10_000) as signal:
            widget.actions[rc.Resolution.CORRECTION].click()
        assert widget.result is not None
        done = widget.result.resolved[signal.args[0]]
        assert done.resolution is rc.Resolution.CORRECTION and done.correction_id
        assert records.get_record(session, done.correction_id).type == "change"
        assert len(widget.result.open) == 4
        assert widget.message.objectName() == "reconciliationMessage"

        widget.set_book(book)  # as the books page does when the officer comes back to it
        qtbot.waitUntil(lambda: widget.result is not None and len(widget.result.open) == 4)
    finally:
        runner.shutdown()
        session.close()


def test_without_the_sync_hook_the_button_says_why(
        qtbot: QtBot, cli: Callable[..., CliResult], data_dir: Path, runner: TaskRunner) -> None:
    assert cli("--data-dir", data_dir, "--user", "admin", "user", "add", "canbo", "--role",
               "officer", "--password-stdin", stdin=PW + "\n", password=ADMIN_PASSWORD).code == 0
    paths = DataPaths(data_dir)
    services = AppServices(paths, SystemClock(), catalogue())
    session = login(paths, "canbo", PW, services.clock)
    try:
        widget = ReconciliationWidget(UiContext(services, runner, session, UiHooks()), "none")
        qtbot.addWidget(widget)
        qtbot.waitUntil(lambda: runner.pending == 0)
        assert not widget.run_button.isEnabled() and widget.run_button.toolTip()
        assert widget.last_error is not None  # no such book: said on the message line
        assert widget.message.isVisibleTo(widget) and "Traceback" not in widget.message.text()
    finally:
        runner.shutdown()
        session.close()
