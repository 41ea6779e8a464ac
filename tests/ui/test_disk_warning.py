"""The status bar warns early when the data folder's disk is nearly full (issue 16 item 6),
measured on a real small filesystem (a tmpfs; needs root)."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.app import catalogue
from ui.main_window import disk_warning


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem (tmpfs) needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_the_warning_comes_before_the_disk_is_full(small_disk: Path) -> None:
    data = small_disk / "data"
    data.mkdir()
    assert disk_warning(data, catalogue(), "vi") == ""
    (small_disk / "scans").write_bytes(b"\0" * (7 * 1024 * 1024 + 600 * 1024))
    warning = disk_warning(data, catalogue(), "vi")
    assert warning.startswith("Ổ đĩa sắp đầy") and "MB" in warning
    assert re.search(r"còn \d+,\d MB", warning)  # a decimal comma, as Vietnamese writes it
    assert "nearly full" in disk_warning(data, catalogue(), "en")
