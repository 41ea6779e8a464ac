"""The command-line contract of DESIGN.md: names, flags, exit codes, --json, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from desktop_app import __version__
from tests.conftest import ADMIN_PASSWORD, CliResult, run_hotich


def test_version(cli: Callable[..., CliResult]) -> None:
    result = cli("--version")
    assert result.code == 0
    assert __version__ in result.out


def test_python_m_and_console_script_are_the_same_program(tmp_path: Path) -> None:
    module = run_hotich("--version")
    assert module.returncode == 0
    script = Path(sys.executable).parent / "hotich"
    assert script.exists(), "the console script `hotich` is installed with the package"
    console = subprocess.run([str(script), "--version"], capture_output=True, text=True,
                             check=False)
    assert console.stdout == module.stdout


def test_usage_errors_exit_2(cli: Callable[..., CliResult]) -> None:
    assert cli().code == 2
    assert cli("no-such-command").code == 2
    assert cli("user", "add").code == 2
    assert cli("init", "--commune").code == 2


def test_user_errors_exit_1_with_one_line(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    missing = cli("--data-dir", tmp_path / "nothing", "--user", "admin", "user", "list",
                  password="whatever-pass")
    assert missing.code == 1
    assert missing.err.count("\n") == 1 and "hotich init" in missing.err
    bad_commune = cli("--data-dir", tmp_path / "d", "init", "--commune", "99999", "--admin",
                      "admin", "--password-stdin", stdin=ADMIN_PASSWORD + "\n")
    assert bad_commune.code == 1
    no_user = cli("--data-dir", tmp_path / "d", "user", "list")
    assert no_user.code == 1


def test_init_twice_is_refused(data_dir: Path, cli: Callable[..., CliResult]) -> None:
    again = cli("--data-dir", data_dir, "init", "--commune", "00070", "--admin", "other",
                "--password-stdin", stdin="another-password\n")
    assert again.code == 1
    assert "đã được khởi tạo" in again.err


def test_json_output_is_one_object(data_dir: Path, cli: Callable[..., CliResult]) -> None:
    for args in (("user", "list"), ("audit", "verify")):
        result = cli("--data-dir", data_dir, "--user", "admin", "--json", *args,
                     password=ADMIN_PASSWORD)
        assert result.code == 0, result.err
        assert isinstance(json.loads(result.out), dict)
    # Global options are accepted after the command too.
    late = cli("user", "list", "--data-dir", data_dir, "--user", "admin", "--json",
               password=ADMIN_PASSWORD)
    assert json.loads(late.out)["accounts"][0]["username"] == "admin"
    error = cli("--data-dir", data_dir, "--user", "admin", "--json", "user", "list",
                password="wrong-password")
    assert error.code == 1
    assert json.loads(error.out)["error"]["code"] == "E-WRONG-PASSWORD"


def test_english_messages(data_dir: Path, cli: Callable[..., CliResult], monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("HOTICH_LANG", "en")
    result = cli("--data-dir", data_dir, "--user", "admin", "user", "list",
                 password="wrong-password")
    assert result.err.strip() == "hotich: Wrong user name or password."


def test_lockout_message_says_until_when(data_dir: Path, cli: Callable[..., CliResult]) -> None:
    for _ in range(5):
        last = cli("--data-dir", data_dir, "--user", "admin", "user", "list",
                   password="wrong-password")
    assert last.code == 1
    assert "bị khóa" in last.err and "đến" in last.err
    unlock_refused = cli("--data-dir", data_dir, "--user", "admin", "user", "list",
                         password=ADMIN_PASSWORD)
    assert unlock_refused.code == 1


def test_user_commands_round_trip(data_dir: Path, cli: Callable[..., CliResult]) -> None:
    base = ("--data-dir", data_dir, "--user", "admin")
    added = cli(*base, "user", "add", "chutich", "--role", "supervisor", "--full-name",
                "H’Hen Niê", "--password-stdin", stdin="supervisor-pass\n",
                password=ADMIN_PASSWORD)
    assert added.code == 0, added.err
    dup = cli(*base, "user", "add", "chutich", "--role", "officer", "--password-stdin",
              stdin="supervisor-pass\n", password=ADMIN_PASSWORD)
    assert dup.code == 1
    for _ in range(5):
        cli("--data-dir", data_dir, "--user", "chutich", "user", "list", password="bad-pass-1")
    listed = json.loads(cli(*base, "--json", "user", "list", password=ADMIN_PASSWORD).out)
    by_name = {a["username"]: a for a in listed["accounts"]}
    assert by_name["chutich"]["full_name"] == "H’Hen Niê"
    assert by_name["chutich"]["locked_until"]
    assert cli(*base, "user", "unlock", "chutich", password=ADMIN_PASSWORD).code == 0
    assert cli(*base, "user", "passwd", "chutich", "--password-stdin",
               stdin="reset-password\n", password=ADMIN_PASSWORD).code == 0
    own = cli("--data-dir", data_dir, "--user", "chutich", "user", "passwd",
              "--password-stdin", stdin="own-new-password\n", password="reset-password")
    assert own.code == 0, own.err
    assert cli("--data-dir", data_dir, "--user", "chutich", "user", "list",
               password="own-new-password").code == 0
