"""The first login after an upgrade re-indexes the search (store/search_reindex.py): a command
that logs in says so on stderr, with counts only, and later commands say nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop_app.paths import DataPaths
from tests.conftest import ADMIN_PASSWORD, CliResult
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
