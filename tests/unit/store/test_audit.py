"""The audit chain: every change appends; direct edits are found at the first broken entry."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from desktop_app.accounts import Role
from desktop_app.clock import SystemClock
from desktop_app.errors import AuditChainBrokenError, StoreDamagedError
from desktop_app.paths import DataPaths
from desktop_app.store.database import connect
from desktop_app.workflows import accounts
from desktop_app.workflows.audit import verify_audit
from tests.conftest import ADMIN_PASSWORD, CliResult


def _session(root: Path):  # noqa: ANN202
    return accounts.login(DataPaths(root), "admin", ADMIN_PASSWORD, SystemClock())


@pytest.fixture
def busy_dir(data_dir: Path) -> Path:
    """init + 6 accounts + a password change: 2 + 6 + 1 = 9 entries."""
    session = _session(data_dir)
    for i in range(6):
        accounts.add_account(session, username=f"canbo{i}", role=Role.OFFICER,
                             password="officer-password", full_name=f"Cán bộ {i}")
    accounts.change_password(session, username="canbo0", new_password="another-password")
    session.close()
    return data_dir


def _tamper(root: Path, sql: str, *params: object) -> None:
    session = _session(root)
    with closing(connect(session.paths.database, session.store.data_key)) as conn:
        conn.execute(sql, params)
    session.close()


def _verify(root: Path) -> int:
    session = _session(root)
    try:
        return verify_audit(session).entries
    finally:
        session.close()


def test_every_change_appends_an_entry(busy_dir: Path) -> None:
    session = _session(busy_dir)
    with session.store.read() as uow:
        actions = [e.action for e in uow.audit.entries()]
    session.close()
    assert actions == ["store.init", "account.create"] + ["account.create"] * 6 + \
        ["account.reset"]
    assert _verify(busy_dir) == 9


def test_altered_row_is_named(busy_dir: Path) -> None:
    _tamper(busy_dir, "UPDATE audit SET actor = 'mallory' WHERE seq = 4")
    with pytest.raises(AuditChainBrokenError) as broken:
        _verify(busy_dir)
    assert broken.value.params["seq"] == 4


def test_altered_reason_is_named(busy_dir: Path) -> None:
    _tamper(busy_dir, "UPDATE audit SET reason = 'x' WHERE seq = 7")
    with pytest.raises(AuditChainBrokenError) as broken:
        _verify(busy_dir)
    assert broken.value.params["seq"] == 7


def test_deleted_row_is_named(busy_dir: Path) -> None:
    _tamper(busy_dir, "DELETE FROM audit WHERE seq = 5")
    with pytest.raises(AuditChainBrokenError) as broken:
        _verify(busy_dir)
    assert broken.value.params["seq"] == 5
    assert broken.value.params["problem"] == "missing"


def test_deleted_last_row_is_named(busy_dir: Path) -> None:
    _tamper(busy_dir, "DELETE FROM audit WHERE seq = 9")
    with pytest.raises(AuditChainBrokenError) as broken:
        _verify(busy_dir)
    assert broken.value.params["seq"] == 9


def test_reordered_rows_are_named(busy_dir: Path) -> None:
    # Swap entries 3 and 6 wholesale, seq numbers included.
    _tamper(busy_dir, "UPDATE audit SET seq = -3 WHERE seq = 3")
    _tamper(busy_dir, "UPDATE audit SET seq = 3 WHERE seq = 6")
    _tamper(busy_dir, "UPDATE audit SET seq = 6 WHERE seq = -3")
    with pytest.raises(AuditChainBrokenError) as broken:
        _verify(busy_dir)
    assert broken.value.params["seq"] == 3


def test_recomputed_hash_still_breaks_the_next_link(busy_dir: Path) -> None:
    from desktop_app.audit import entry_hash

    session = _session(busy_dir)
    with closing(connect(session.paths.database, session.store.data_key)) as conn:
        row = conn.execute("SELECT seq, at, actor, action, target, reason, details, prev_hash "
                           "FROM audit WHERE seq = 4").fetchone()
        forged = entry_hash(row[0], row[1], "mallory", *row[3:])
        conn.execute("UPDATE audit SET actor = 'mallory', hash = ? WHERE seq = 4", (forged,))
    session.close()
    with pytest.raises(AuditChainBrokenError) as broken:
        _verify(busy_dir)
    assert broken.value.params["seq"] == 5


def test_page_damage_is_reported_without_traceback(
    busy_dir: Path, cli: Callable[..., CliResult]
) -> None:
    db = DataPaths(busy_dir).database
    size = db.stat().st_size
    assert size >= 4096 * 3
    with db.open("r+b") as handle:  # corrupt the middle of the last page
        handle.seek(size - 2048)
        handle.write(b"\xff" * 64)
    result = cli("--data-dir", busy_dir, "--user", "admin", "audit", "verify",
                 password=ADMIN_PASSWORD)
    assert result.code == 1
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    with pytest.raises((AuditChainBrokenError, StoreDamagedError)):
        _verify(busy_dir)


def test_cli_names_the_first_broken_entry(busy_dir: Path, cli: Callable[..., CliResult]) -> None:
    ok = cli("--data-dir", busy_dir, "--user", "admin", "audit", "verify",
             password=ADMIN_PASSWORD)
    assert ok.code == 0, ok.err
    _tamper(busy_dir, "UPDATE audit SET target = 'x' WHERE seq = 2")
    bad = cli("--data-dir", busy_dir, "--user", "admin", "audit", "verify",
              password=ADMIN_PASSWORD)
    assert bad.code == 1
    assert "mục số 2" in bad.err


@pytest.mark.parametrize("sql", [
    "UPDATE audit SET details = CAST(details AS BLOB) WHERE seq = 2",
    "UPDATE audit SET actor = CAST(actor AS BLOB) WHERE seq = 2",
    "UPDATE audit SET reason = CAST(reason AS BLOB) WHERE seq = 2",
    "UPDATE audit SET prev_hash = CAST(prev_hash AS BLOB) WHERE seq = 2",
])
def test_changed_column_type_names_that_entry(busy_dir: Path, sql: str) -> None:
    # issue 16 item 8: a changed type was reported as the entry after the altered one.
    _tamper(busy_dir, sql)  # a BLOB is stored as such in a TEXT column (no affinity change)
    with pytest.raises(AuditChainBrokenError) as caught:
        _verify(busy_dir)
    assert caught.value.params["seq"] == 2
