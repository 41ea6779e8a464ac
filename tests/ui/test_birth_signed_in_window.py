"""The most common procedure, in the supervisor's window against the real central server:
approve a birth -> sync brings its personal ID -> it appears in "to sign" -> signed -> queued
-> synced."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.workflows import records
from desktop_app.workflows.accounts import login
from tests.conftest import CliResult
from tests.e2e.conftest import CentralProcess
from tests.samples import build
from tests.ui.day_support import (
    STAFF_PW,
    Desk,
    central,
    central_stats,
    days_ago,
    enrolled_office,
)

__all__ = ["central"]  # the fixture


def test_a_birth_is_approved_gets_its_personal_id_and_is_signed_in_the_window(
        qtbot: QtBot, cli: Callable[..., CliResult], data_dir: Path, central: CentralProcess,
        tmp_path: Path) -> None:
    paths = enrolled_office(cli, data_dir, central, tmp_path)
    boss = Desk.open(qtbot, paths, "chutich")
    boss.sync(qtbot)  # the morning sync leases the number blocks
    officer = boss.ctx.session
    clerk = login(paths, "canbo", STAFF_PW, officer.clock)  # the officer's part is elsewhere
    try:
        created = records.create_record(clerk, "birth", build("birth", {
            "child.date_of_birth": days_ago(2)}))
        records.submit(clerk, created.record.id)
    finally:
        clerk.close()
    birth = created.record.id

    boss.approve(qtbot, birth)
    assert records.get_record(officer, birth).status == "awaiting_personal_id"
    assert birth not in boss.to_sign(qtbot)  # nothing to sign before its personal ID

    boss.sync(qtbot)  # sent for its number: the personal ID comes back
    rec = records.get_record(officer, birth)
    assert rec.data["child"].get("personal_id") and rec.status == "approved"
    assert boss.to_sign(qtbot) == [birth]  # the page refreshed after the sync

    boss.sign(qtbot, [birth])
    assert records.get_record(officer, birth).status == "queued"
    assert boss.window.approval is not None
    assert boss.window.approval.outcome.isVisible()  # "1 signed" stays on screen
    boss.sync(qtbot)
    assert records.get_record(officer, birth).status == "synced"
    assert central_stats(cli, central) == {"birth": 1}
    boss.close(qtbot)
