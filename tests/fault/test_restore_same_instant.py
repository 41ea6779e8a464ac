"""Two restores in the same microsecond (or on a clock that stands still) both kept the data
they replaced in ``backups/pre-restore-<time to the microsecond>``: the second collided with
the first and failed after its checks (issue 16, left from the previous session). Each now
keeps its own folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop_app.clock import FixedClock, SystemClock
from desktop_app.paths import DataPaths
from desktop_app.workflows import accounts
from desktop_app.workflows.backup import create_backup, restore_backup
from tests.conftest import ADMIN_PASSWORD


def test_two_restores_at_the_same_instant_each_keep_what_they_replaced(
        data_dir: Path, tmp_path: Path) -> None:
    session = accounts.login(DataPaths(data_dir), "admin", ADMIN_PASSWORD, SystemClock())
    try:
        backup = create_backup(session, tmp_path / "one.htbak").path
    finally:
        session.close()
    instant = FixedClock(datetime(2026, 12, 1, 13, 0, 0, 123456, tzinfo=UTC))
    for _ in range(2):
        restore_backup(DataPaths(data_dir), backup, instant, username="admin",
                       password=ADMIN_PASSWORD)
    kept = sorted(p.parent.name for p in (data_dir / "backups").glob("pre-restore-*/hotich.db"))
    assert kept == ["pre-restore-20261201T130000123456", "pre-restore-20261201T130000123456-2"]
    session = accounts.login(DataPaths(data_dir), "admin", ADMIN_PASSWORD, SystemClock())
    try:
        with session.store.read() as uow:
            assert uow.audit.verify() >= 3  # the backup, then both restores
    finally:
        session.close()
