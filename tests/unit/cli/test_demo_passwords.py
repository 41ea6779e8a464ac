"""The demo's passwords for whoever missed them (issue 14 item 13): kept in the demo folder,
readable by the user only, and shown again by `hotich demo --show` before any login."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

from desktop_app.accounts import Role
from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.workflows import accounts
from tests.conftest import CliResult


def test_the_passwords_are_kept_for_the_user_only_and_shown_again(
        tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    root = tmp_path / "demo-data"
    created = cli("--data-dir", root, "--json", "demo")
    assert created.code == 0, created.err
    made = json.loads(created.out)
    saved = Path(made["file"])
    assert saved == root / "demo-passwords.txt"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    text = saved.read_text("utf-8")
    for account in made["accounts"]:
        line = next(li for li in text.splitlines() if f" {account['username']} " in li)
        assert line.rstrip().endswith(account["password"]), line
    assert made["recovery_code"] in text

    shown = cli("--data-dir", root, "demo", "--show")
    assert shown.code == 0, shown.err
    assert shown.out.strip() == text.strip()
    # The password written there opens the account: the file tells the truth.
    officer = next(a for a in made["accounts"] if a["role"] == Role.OFFICER.value)
    accounts.login(DataPaths(root), officer["username"], officer["password"],
                   SystemClock()).close()

    again = cli("--data-dir", root, "demo")  # run-demo.sh on every later start
    assert again.code == 0
    assert str(saved) in again.out and "demo --show" in again.out


def test_show_without_demo_data_is_one_clear_line(tmp_path: Path,
                                                  cli: Callable[..., CliResult]) -> None:
    missing = cli("--data-dir", tmp_path / "nothing", "demo", "--show")
    assert missing.code == 1
    assert missing.err.count("\n") == 1 and "hotich demo" in missing.err
    assert not (tmp_path / "nothing" / "demo-passwords.txt").exists()
