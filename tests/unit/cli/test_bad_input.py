"""Hostile or odd input on the command line gets a clear refusal (exit 1), never an incident
(issue 16 items 7 and 11)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.samples import build

OFFICER_PASSWORD = "officer-password"


@pytest.fixture
def officer(data_dir: Path, cli: Callable[..., CliResult]) -> Callable[..., CliResult]:
    added = cli("--data-dir", data_dir, "--user", "admin", "user", "add", "canbo", "--role",
                "officer", "--password-stdin", stdin=OFFICER_PASSWORD + "\n",
                password=ADMIN_PASSWORD)
    assert added.code == 0, added.err

    def run(*args: str | Path, stdin: str = "") -> CliResult:
        return cli("--data-dir", data_dir, "--user", "canbo", *args, stdin=stdin,
                   password=OFFICER_PASSWORD)

    return run


def _refused(result: CliResult) -> None:
    assert result.code == 1, (result.code, result.err)
    assert "Traceback" not in result.err
    assert "ngoài dự kiến" not in result.err and "sự cố" not in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err


@pytest.mark.parametrize("depth", [100_000, 2_000, 200])
def test_deeply_nested_json_is_refused(officer: Callable[..., CliResult], depth: int) -> None:
    nested = "[" * depth + "]" * depth
    _refused(officer("record", "new", "birth", "--from", "-", stdin=nested))
    inside = '{"child": ' + "{\"a\": " * depth + "1" + "}" * depth + "}"
    _refused(officer("record", "new", "birth", "--from", "-", stdin=inside))


def test_json_file_with_a_bom_is_accepted(officer: Callable[..., CliResult],
                                           tmp_path: Path) -> None:
    source = tmp_path / "birth.json"  # Notepad on Windows writes UTF-8 with a BOM
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps(build("birth")).encode("utf-8"))
    result = officer("record", "new", "birth", "--from", source)
    assert result.code == 0, result.err
    piped = officer("record", "new", "birth", "--from", "-",
                    stdin="\ufeff" + json.dumps(build("birth")))
    assert piped.code == 0, piped.err


def test_missing_p12_password_names_its_variable(data_dir: Path, tmp_path: Path) -> None:
    p12 = tmp_path / "cert.p12"
    p12.write_bytes(b"not really a p12")
    env = {k: v for k, v in os.environ.items() if k != "HOTICH_P12_PASSWORD"}
    env["HOTICH_PASSWORD"] = ADMIN_PASSWORD
    # a new session has no controlling terminal: no prompt is possible
    done = subprocess.run([sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir),
                           "--user", "admin", "cert", "import", str(p12)],
                          capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL,
                          start_new_session=True, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    assert "HOTICH_P12_PASSWORD" in done.stderr, done.stderr


def test_odd_files_are_refused_clearly(officer: Callable[..., CliResult], tmp_path: Path,
                                       data_dir: Path, cli: Callable[..., CliResult]) -> None:
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"child": {"full_name": "Nguy\xean"}}'.encode("latin-1"))
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(bytes(range(256)) * 40)
    folder = tmp_path / "a-folder"
    folder.mkdir()
    for args in (("record", "new", "birth", "--from", latin1),
                 ("record", "new", "birth", "--from", folder),
                 ("record", "new", "birth", "--from", tmp_path / "missing.json"),
                 ("record", "new", "birth", "--from", "-"),  # empty stdin
                 ("verify", garbage),
                 ("verify", "--qr", "HT1:" + "A" * 5000),
                 ("import-bundle", garbage)):
        _refused(officer(*args))
    _refused(cli("--data-dir", data_dir, "restore", garbage, "--recovery-code-stdin",
                 stdin="AAAA-BBBB\n"))
