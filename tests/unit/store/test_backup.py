"""Backup to one encrypted file and verified restore on another machine."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.workflows import accounts
from tests.conftest import ADMIN_PASSWORD, CliResult


def _backup(cli: Callable[..., CliResult], root: Path, out: Path) -> None:
    result = cli("--data-dir", root, "--user", "admin", "backup", "--out", out,
                 password=ADMIN_PASSWORD)
    assert result.code == 0, result.err


def _usernames(root: Path, user: str = "admin", password: str = ADMIN_PASSWORD) -> set[str]:
    session = accounts.login(DataPaths(root), user, password, SystemClock())
    try:
        return {v.account.username for v in accounts.list_accounts(session)}
    finally:
        session.close()


@pytest.fixture
def backup_file(data_dir: Path, tmp_path: Path, cli: Callable[..., CliResult]) -> Path:
    added = cli("--data-dir", data_dir, "--user", "admin", "user", "add", "canbo", "--role",
                "officer", "--full-name", "Y Moan Êban", "--password-stdin",
                stdin="officer-password\n", password=ADMIN_PASSWORD)
    assert added.code == 0, added.err
    out = tmp_path / "usb" / "hotich.htbak"
    out.parent.mkdir()
    _backup(cli, data_dir, out)
    return out


def test_restore_on_another_machine_with_a_password(
    backup_file: Path, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    other = tmp_path / "other-machine"
    result = cli("--data-dir", other, "--user", "admin", "restore", backup_file,
                 password=ADMIN_PASSWORD)
    assert result.code == 0, result.err
    assert _usernames(other) == {"admin", "canbo"}
    verified = cli("--data-dir", other, "--user", "admin", "audit", "verify",
                   password=ADMIN_PASSWORD)
    assert verified.code == 0, verified.err


def test_restore_with_the_recovery_code(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    root = tmp_path / "d"
    init = cli("--data-dir", root, "--json", "init", "--commune", "00070", "--admin", "admin",
               "--password-stdin", stdin=ADMIN_PASSWORD + "\n")
    import json

    code = json.loads(init.out)["recovery_code"]
    out = tmp_path / "b.htbak"
    _backup(cli, root, out)
    other = tmp_path / "other"
    wrong = cli("--data-dir", other, "restore", out, "--recovery-code-stdin",
                stdin="AAAAA-BBBBB-CCCCC-DDDDD-EEEEE\n")
    assert wrong.code == 1
    assert not (other / "hotich.db").exists()
    right = cli("--data-dir", other, "restore", out, "--recovery-code-stdin",
                stdin=code.lower().replace("-", " ") + "\n")
    assert right.code == 0, right.err
    assert _usernames(other) == {"admin"}


def test_wrong_password_restores_nothing(
    backup_file: Path, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    other = tmp_path / "other"
    result = cli("--data-dir", other, "--user", "admin", "restore", backup_file,
                 password="wrong-password")
    assert result.code == 1
    assert not (other / "hotich.db").exists()


def test_officer_may_not_restore(
    backup_file: Path, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    other = tmp_path / "other"
    result = cli("--data-dir", other, "--user", "canbo", "restore", backup_file,
                 password="officer-password")
    assert result.code == 1
    assert not (other / "hotich.db").exists()


@pytest.mark.parametrize("where", ["header", "data", "truncated"])
def test_tampered_backup_leaves_current_data_untouched(
    where: str, backup_file: Path, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    # The "current" machine has its own different data.
    current = tmp_path / "current"
    init = cli("--data-dir", current, "init", "--commune", "00070", "--admin", "admin",
               "--password-stdin", stdin="current-admin-pw\n")
    assert init.code == 0
    before = {p.name: p.read_bytes() for p in current.iterdir() if p.is_file()}
    data = bytearray(backup_file.read_bytes())
    if where == "header":
        data[40] ^= 0x01
    elif where == "data":
        data[-5000] ^= 0x01
    else:
        del data[-4096:]
    bad = tmp_path / "bad.htbak"
    bad.write_bytes(bytes(data))
    result = cli("--data-dir", current, "--user", "admin", "restore", bad,
                 password=ADMIN_PASSWORD)
    assert result.code == 1
    assert "Traceback" not in result.err
    after = {p.name: p.read_bytes() for p in current.iterdir() if p.is_file()}
    assert after == before
    assert _usernames(current, password="current-admin-pw") == {"admin"}


def test_restore_over_existing_data_keeps_the_old_copy(
    backup_file: Path, data_dir: Path, cli: Callable[..., CliResult]
) -> None:
    cli("--data-dir", data_dir, "--user", "admin", "user", "add", "later", "--role",
        "officer", "--password-stdin", stdin="later-password\n", password=ADMIN_PASSWORD)
    assert _usernames(data_dir) == {"admin", "canbo", "later"}
    result = cli("--data-dir", data_dir, "--user", "admin", "restore", backup_file,
                 password=ADMIN_PASSWORD)
    assert result.code == 0, result.err
    assert _usernames(data_dir) == {"admin", "canbo"}
    kept = list((data_dir / "backups").glob("pre-restore-*/hotich.db"))
    assert len(kept) == 1


def test_backup_is_not_a_plain_sqlite_file(backup_file: Path) -> None:
    data = backup_file.read_bytes()
    assert b"SQLite format 3" not in data
    assert "Êban".encode() not in data
