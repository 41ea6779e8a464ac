"""Unexpected errors on the command line: one short line with an incident id, exit 1; the
traceback only in the log file, without exception messages (issue 11 item 4)."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_app import logging_setup
from desktop_app.incidents import report_incident
from tests.conftest import CliResult, run_hotich

INCIDENT_VI = re.compile(r"^hotich: Lỗi ngoài dự kiến \(mã sự cố ([0-9a-f]{8})\)\. .*\n$")
INCIDENT_EN = re.compile(r"^hotich: Unexpected error \(incident ([0-9a-f]{8})\)\. .*\n$")


def _incident_entry(log_file: Path, incident: str) -> str:
    """The log lines of one incident: its header line and the traceback under it."""
    text = log_file.read_text(encoding="utf-8")
    start = text.index(f"incident {incident} ")
    end = text.find("\n20", start)  # the next record starts with its date
    return text[start:] if end < 0 else text[start:end]


@pytest.fixture
def not_a_folder(tmp_path: Path) -> Path:
    """A data folder path that names a file: reading settings from it fails with an error
    nothing expects (NotADirectoryError quoting the path)."""
    path = tmp_path / "Nguyen-Van-An-data"
    path.write_text("not a folder")
    return path


def test_unexpected_error_without_a_data_folder_is_one_line(
        tmp_path: Path, not_a_folder: Path) -> None:
    # `hotich verify` without --data-dir: the data folder comes from the environment and
    # is unusable, so the log can only be the user log folder.
    state = tmp_path / "state"
    done = run_hotich("verify", "--qr", "HT1:abc", env={
        "HOTICH_DATA_DIR": str(not_a_folder), "XDG_STATE_HOME": str(state)})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    match = INCIDENT_VI.match(done.stderr)
    assert match, done.stderr
    entry = _incident_entry(state / "HoTichOffline" / "log" / "hotich.log", match[1])
    assert "in command verify: NotADirectoryError" in entry
    assert "Traceback (most recent call last):" in entry and "settings.py" in entry
    assert "Nguyen-Van-An" not in entry  # the exception's message (the path) stays out


def test_unexpected_error_with_json_names_the_incident(
        cli: Callable[..., CliResult], not_a_folder: Path, user_log_folder: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOTICH_LANG", "en")
    result = cli("--json", "--data-dir", not_a_folder, "verify", "--qr", "HT1:abc")
    assert result.code == 1
    error = json.loads(result.out)["error"]
    assert error["code"] == "E-INCIDENT" and re.fullmatch(r"[0-9a-f]{8}", error["incident"])
    match = INCIDENT_EN.match(result.err)
    assert match and match[1] == error["incident"], result.err
    assert "Traceback" not in result.err
    entry = _incident_entry(user_log_folder / "hotich.log", error["incident"])
    assert "Traceback (most recent call last):" in entry


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    before = logging_setup.current_log_file()
    logging_setup.configure_logging(tmp_path / "logs")
    yield tmp_path / "logs" / "hotich.log"
    if before is not None:
        logging_setup.configure_logging(before.parent)


# Personal data reaches exceptions as values, never as source text (the traceback quotes the
# source lines).
PEOPLE = {"001203004567": "Nguyễn Văn An"}
NAME, PERSONAL_ID = "Trần Thị Bình", "001203004567"


def _lookup(name: str) -> str:
    return PEOPLE[name]


def test_incident_traceback_keeps_where_and_drops_messages(log_file: Path) -> None:
    try:
        try:
            _lookup(NAME)
        except KeyError as exc:
            raise ValueError(f"cannot register {NAME}, {PERSONAL_ID}") from exc
    except ValueError as exc:
        incident = report_incident(exc, "test", logging.getLogger("tests.incidents"))
    for handler in logging.getLogger().handlers:
        handler.flush()
    entry = _incident_entry(log_file, incident)
    assert f"incident {incident} in test: ValueError" in entry
    assert entry.count("Traceback (most recent call last):") == 2
    assert "direct cause" in entry and "\nKeyError\n" in entry
    assert "in _lookup" in entry and "test_incidents.py" in entry
    assert "Bình" not in entry and PERSONAL_ID not in entry


def test_default_formatter_of_another_handler_does_not_leak_into_the_file(
        log_file: Path) -> None:
    # A handler with Python's default formatter (uvicorn's, a library's) formats the record
    # first and caches its traceback text: the file still gets the redacted one.
    log_file.parent.mkdir(parents=True, exist_ok=True)
    other = logging.StreamHandler(open(log_file.with_name("other.log"), "w"))  # noqa: SIM115
    logging.getLogger().addHandler(other)
    try:
        try:
            raise RuntimeError(NAME)
        except RuntimeError:
            logging.getLogger("tests.incidents").exception("failed")
    finally:
        logging.getLogger().removeHandler(other)
        other.close()
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert NAME in log_file.with_name("other.log").read_text(encoding="utf-8")
    text = log_file.read_text(encoding="utf-8")
    assert "\nRuntimeError" in text and "Bình" not in text
