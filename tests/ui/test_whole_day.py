"""A commune's whole day through the window, against the real central server: the officer
registers twins and a death, the supervisor approves them (the first twin asks for W-TWINS,
found since it was submitted), the device syncs, the births come back with their personal
IDs and everything is signed in the window; the centre holds every record exactly once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.workflows import records
from tests.conftest import CliResult
from tests.e2e.conftest import CentralProcess
from tests.samples import build
from tests.ui.day_support import Desk, central, central_stats, days_ago, enrolled_office

__all__ = ["central"]  # the fixture


def _register(qtbot: QtBot, desk: Desk, rtype: str, data: dict) -> str:
    """New registration: choose the procedure, fill the form, submit (saved first)."""
    desk.window.new_record()
    page = desk.window.registration
    assert page is not None
    index = page.type_combo.findData(rtype)
    page.type_combo.setCurrentIndex(index)
    page.type_combo.activated.emit(index)
    assert page.form is not None and page.form.rtype == rtype
    page.form.set_data(data)
    with qtbot.waitSignal(page.record_submitted, timeout=15000) as submitted:
        page.submit_button.click()
    return submitted.args[0].id


def test_a_whole_day_in_the_window(qtbot: QtBot, cli: Callable[..., CliResult],
                                   data_dir: Path, central: CentralProcess,
                                   tmp_path: Path) -> None:
    paths = enrolled_office(cli, data_dir, central, tmp_path)
    born = days_ago(2)

    # -- the officer -----------------------------------------------------------------------
    officer = Desk.open(qtbot, paths, "canbo")
    officer.sync(qtbot)  # the morning sync: number blocks leased
    first = _register(qtbot, officer, "birth", build("birth", {
        "child.full_name": "Nguyễn Văn An", "child.date_of_birth": born}))
    second = _register(qtbot, officer, "birth", build("birth", {
        "child.full_name": "Nguyễn Văn Bình", "child.date_of_birth": born,
        "birth_evidence.number": "GCS-002"}))
    death = _register(qtbot, officer, "death", build("death", {
        "time_of_death": f"{born}T05:30"}))
    saved = records.get_record(officer.ctx.session, first)
    assert "W-TWINS" not in {i["rule"] for i in saved.issues}  # alone when submitted
    officer.close(qtbot)

    # -- the supervisor --------------------------------------------------------------------
    boss = Desk.open(qtbot, paths, "chutich")
    session = boss.ctx.session
    assert "W-TWINS@child.date_of_birth" in boss.approve(qtbot, first)
    assert "W-TWINS@child.date_of_birth" in boss.approve(qtbot, second)
    boss.approve(qtbot, death)
    assert [records.get_record(session, r).status for r in (first, second, death)] == [
        "awaiting_personal_id", "awaiting_personal_id", "approved"]
    assert boss.to_sign(qtbot) == [death]

    boss.sync(qtbot)  # the births leave for their personal IDs and come back with them
    births = [records.get_record(session, r) for r in (first, second)]
    assert all(b.status == "approved" and b.data["child"].get("personal_id") for b in births)
    assert len({b.data["child"]["personal_id"] for b in births}) == 2
    assert sorted(boss.to_sign(qtbot)) == sorted([first, second, death])

    boss.sign(qtbot, [first, second, death])
    assert {records.get_record(session, r).status for r in (first, second, death)} == {
        "queued"}
    boss.sync(qtbot)
    done = [records.get_record(session, r) for r in (first, second, death)]
    assert {r.status for r in done} == {"synced"}
    assert len({r.central_id for r in done if r.central_id}) == 3
    assert central_stats(cli, central) == {"birth": 2, "death": 1}
    boss.close(qtbot)
