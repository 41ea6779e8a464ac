"""The first login after an upgrade copies the folder, migrates the store and re-indexes the
search (store/upgrade.py): a command that logs in says so on stderr, with counts only, and
later commands say nothing."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from desktop_app.cli.progress_line import ProgressLine
from desktop_app.paths import DataPaths
from desktop_app.store.database import latest_version
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.support.old_schema import schema_one_store
from tests.support.old_search_index import (
    NAMES,
    OFFICER,
    OFFICER_PASSWORD,
    store_needing_the_reindex,
)


def test_a_command_that_logs_in_shows_the_reindex_progress_once(
    cli: Callable[..., CliResult], data_dir: Path
) -> None:
    total = store_needing_the_reindex(DataPaths(data_dir), ADMIN_PASSWORD)
    first = cli("--data-dir", data_dir, "--user", OFFICER, "record", "list",
                password=OFFICER_PASSWORD)
    assert first.code == 0, first.err
    lines = [line for line in first.err.splitlines() if "chỉ mục tìm kiếm" in line]
    assert lines[0].endswith(f": 0 % (0/{total} hồ sơ)")
    assert lines[-1].endswith(f": 100 % ({total}/{total} hồ sơ)")
    assert len(lines) == 2
    for name in NAMES:  # counts only, never what the records hold
        assert name not in first.err and name.split()[-1] not in first.err
    assert "chỉ mục" not in first.out  # stdout stays the command's own

    second = cli("--data-dir", data_dir, "--user", OFFICER, "record", "list",
                 password=OFFICER_PASSWORD)
    assert second.code == 0, second.err
    assert "chỉ mục tìm kiếm" not in second.err


def test_a_command_on_an_old_schema_tells_the_copy_and_the_migrations(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    paths = schema_one_store(tmp_path / "old", ADMIN_PASSWORD)
    first = cli("--data-dir", paths.root, "--user", "admin", "record", "list",
                password=ADMIN_PASSWORD)
    assert first.code == 0, first.err
    lines = first.err.splitlines()
    copy = [line for line in lines if line.startswith("Đang sao lưu dữ liệu")]
    assert [line.rsplit(": ", 1)[1] for line in copy] == ["0 %", "100 %"]
    due = latest_version() - 1
    steps = [line.rsplit(" xong ", 1)[1] for line in lines
             if line.startswith("Đang nâng cấp dữ liệu")]
    # one line each tenth of the way (as the re-index's), the last with every step done
    assert steps[0] == f"0/{due} bước" and steps[-1] == f"{due}/{due} bước"
    assert lines.index(copy[-1]) < lines.index(f"Đang nâng cấp dữ liệu: xong 0/{due} bước")

    second = cli("--data-dir", paths.root, "--user", "admin", "record", "list",
                 password=ADMIN_PASSWORD)
    assert second.code == 0, second.err
    assert "nâng cấp" not in second.err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_line_is_rewritten_in_place_on_a_terminal_and_every_tenth_elsewhere() -> None:
    log, terminal = io.StringIO(), _Terminal()
    for stream in (log, terminal):
        line = ProgressLine(stream, lang="vi")
        for done in range(0, 200_001, 1000):
            line("reindex", done, 200_000)
        line.end()
    logged = log.getvalue().splitlines()
    assert [text.split(": ")[1].split(" %")[0] for text in logged] == [
        str(p) for p in range(0, 101, 10)]
    assert logged[-1].endswith("100 % (200.000/200.000 hồ sơ)")
    shown = terminal.getvalue()
    assert shown.count("\r") == 101 and shown.endswith("100 % (200.000/200.000 hồ sơ)\n")
    assert shown.count("\n") == 1

    stopped = _Terminal()
    line = ProgressLine(stopped, lang="en")
    line("reindex", 45, 100)
    line.end()  # interrupted: what the command prints next starts on its own line
    assert stopped.getvalue() == "\rUpdating the search index (once after the upgrade): 45% " \
        "(45/100 records)\n"


def test_a_new_stores_first_login_says_nothing_of_an_upgrade(
        cli: Callable[..., CliResult], data_dir: Path) -> None:
    """A store just made has no search-index version yet: its first login "re-indexes"
    its no records, which is no work to wait for and no upgrade to tell."""
    first = cli("--data-dir", data_dir, "--user", "admin", "user", "list",
                password=ADMIN_PASSWORD)
    assert first.code == 0, first.err
    assert first.err == ""
    line = io.StringIO()
    ProgressLine(line, lang="vi")("reindex", 0, 0)
    assert line.getvalue() == ""
