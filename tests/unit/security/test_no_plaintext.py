"""Security claims: no plaintext personal data at rest, passwords refused, roles enforced."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.workflows import accounts
from tests.conftest import ADMIN_PASSWORD, CliResult, run_hotich

DISTINCTIVE = "Xyloquang H’Zênh Niêđặc"


def _needles() -> list[bytes]:
    forms = {unicodedata.normalize(f, DISTINCTIVE) for f in ("NFC", "NFD")}
    needles = [b"Xyloquang"]
    for form in forms:
        needles += [form.encode("utf-8"), form.encode("utf-16-le"), form.encode("utf-16-be")]
    return needles


def _leaks(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {n!r}" for n in _needles() if n in data]
    return found


def test_full_name_never_appears_in_plaintext(
    data_dir: Path, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    add = cli("--data-dir", data_dir, "--user", "admin", "user", "add", "canbo", "--role",
              "officer", "--full-name", DISTINCTIVE, "--password-stdin",
              stdin="officer-password\n", password=ADMIN_PASSWORD)
    assert add.code == 0, add.err
    listed = cli("--data-dir", data_dir, "--user", "admin", "user", "list",
                 password=ADMIN_PASSWORD)
    assert DISTINCTIVE in listed.out  # it is really stored...
    # ...with a session open, so the WAL and SHM files exist on disk too.
    session = accounts.login(DataPaths(data_dir), "admin", ADMIN_PASSWORD, SystemClock())
    with session.store.write() as uow:  # any write: the WAL holds it
        uow.accounts.set_password_changed("admin", session.clock.now())
    assert (data_dir / "hotich.db-wal").exists()
    assert _leaks(data_dir) == []
    session.close()
    out = tmp_path / "b.htbak"
    assert cli("--data-dir", data_dir, "--user", "admin", "backup", "--out", out,
               password=ADMIN_PASSWORD).code == 0
    assert (data_dir / "logs" / "hotich.log").exists()
    assert _leaks(data_dir) == []
    assert _leaks(out.parent) == []


def test_copied_database_cannot_be_opened_without_a_password(data_dir: Path,
                                                              tmp_path: Path) -> None:
    copy = tmp_path / "stolen.db"
    copy.write_bytes((data_dir / "hotich.db").read_bytes())
    assert not copy.read_bytes().startswith(b"SQLite format 3")
    plain = sqlcipher3.connect(str(copy))
    with pytest.raises(sqlcipher3.dbapi2.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    plain.close()
    guessed = sqlcipher3.connect(str(copy))
    guessed.execute(f"PRAGMA key = '{ADMIN_PASSWORD}'")  # the password is not the key
    with pytest.raises(sqlcipher3.dbapi2.DatabaseError):
        guessed.execute("SELECT count(*) FROM sqlite_master").fetchone()
    guessed.close()


def test_wrong_password_and_recovery_code_refused(data_dir: Path,
                                                   cli: Callable[..., CliResult]) -> None:
    wrong = cli("--data-dir", data_dir, "--user", "admin", "user", "list",
                password="not-the-password")
    assert wrong.code == 1
    assert "Traceback" not in wrong.err
    from desktop_app.errors import WrongRecoveryCodeError
    from desktop_app.store.keyfile import KeyFile

    keyfile = KeyFile.load(DataPaths(data_dir).keyfile)
    with pytest.raises(WrongRecoveryCodeError):
        accounts.data_key_from_recovery(keyfile, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE")


def test_officer_cannot_manage_accounts_from_the_cli(data_dir: Path,
                                                      cli: Callable[..., CliResult]) -> None:
    cli("--data-dir", data_dir, "--user", "admin", "user", "add", "canbo", "--role", "officer",
        "--password-stdin", stdin="officer-password\n", password=ADMIN_PASSWORD)
    refused = cli("--data-dir", data_dir, "--user", "canbo", "user", "add", "evil", "--role",
                  "admin", "--password-stdin", stdin="evil-password\n",
                  password="officer-password")
    assert refused.code == 1
    assert "không được phép" in refused.err
    unlock = cli("--data-dir", data_dir, "--user", "canbo", "user", "unlock", "admin",
                 password="officer-password")
    assert unlock.code == 1


def test_passwords_are_never_taken_from_argv() -> None:
    from desktop_app.app import command_modules
    from desktop_app.cli.main import build_parser

    def walk(parser):  # noqa: ANN001, ANN202
        for action in parser._actions:
            yield from action.option_strings
            choices = getattr(action, "choices", None)
            if isinstance(choices, dict):
                for sub in choices.values():
                    yield from walk(sub)

    options = set(walk(build_parser(command_modules())))
    assert "--password-stdin" in options
    assert not {o for o in options if "password" in o and not o.endswith("-stdin")}


def test_key_file_names_nobody(data_dir: Path) -> None:
    text = (data_dir / "keys.json").read_text()
    assert "admin" not in text


def test_subprocess_error_is_one_line_without_traceback(data_dir: Path) -> None:
    result = run_hotich("--data-dir", str(data_dir), "--user", "admin", "audit", "verify",
                        env={"HOTICH_PASSWORD": "wrong-password", "HOTICH_LANG": "en"})
    assert result.returncode == 1
    assert result.stderr.strip() == "hotich: Wrong user name or password."
