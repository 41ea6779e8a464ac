"""A backup killed while it writes to the output drive (a USB stick) left its temporary file
there for good (issue 16, left from the previous session). Its name now carries the
process id and the data folder remembers it: the next start removes it, and when the drive
was not plugged in then, the next backup to that folder does. Real SIGKILLs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from desktop_app.clock import SystemClock
from desktop_app.fileio import OWNED_TEMP_SUFFIX, remove_abandoned_parts
from desktop_app.paths import BACKUP_PARTS, DataPaths
from desktop_app.session import Session
from desktop_app.workflows import accounts
from desktop_app.workflows.backup import create_backup, restore_backup
from tests.conftest import ADMIN_PASSWORD

KILLED_BACKUP = """
import os, signal, sys
from pathlib import Path
from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.workflows import accounts, backup
session = accounts.login(DataPaths(Path(sys.argv[1])), "admin", sys.argv[2], SystemClock())
backup.create_backup(session, Path(sys.argv[3]),
                     progress=lambda *_: os.kill(os.getpid(), signal.SIGKILL))
"""


def _kill_a_backup(data_dir: Path, out: Path) -> None:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(KILLED_BACKUP), str(data_dir),
                           ADMIN_PASSWORD, str(out)], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == -9, done.stderr


def _parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(OWNED_TEMP_SUFFIX))


def _login(data_dir: Path) -> Session:
    return accounts.login(DataPaths(data_dir), "admin", ADMIN_PASSWORD, SystemClock())


def test_the_next_start_removes_a_killed_backups_file_from_the_drive(
        data_dir: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    _kill_a_backup(data_dir, usb / "hotich.htbak")
    left = _parts(usb)
    assert len(left) == 1 and left[0].startswith(".hotich.htbak.")
    assert not (usb / "hotich.htbak").exists()
    assert (data_dir / BACKUP_PARTS).exists()
    _login(data_dir).close()
    assert _parts(usb) == [] and not (data_dir / BACKUP_PARTS).exists()


def test_a_drive_unplugged_at_the_next_start_is_swept_by_the_next_backup(
        data_dir: Path, tmp_path: Path) -> None:
    usb, away = tmp_path / "usb", tmp_path / "drawer"
    usb.mkdir()
    foreign = usb / ".notes.txt.tmp"  # not ours: never touched
    foreign.write_text("x")
    _kill_a_backup(data_dir, usb / "first.htbak")
    assert len(_parts(usb)) == 1
    shutil.move(usb, away)  # the stick is in a drawer when the officer logs in
    session = _login(data_dir)
    try:
        assert not (data_dir / BACKUP_PARTS).exists()  # forgotten: nothing to remove there
        shutil.move(away, usb)  # plugged in again
        assert len(_parts(usb)) == 1
        info = create_backup(session, usb / "second.htbak")
    finally:
        session.close()
    assert _parts(usb) == [] and foreign.exists()
    assert not (data_dir / BACKUP_PARTS).exists()
    restored = restore_backup(DataPaths(tmp_path / "elsewhere"), info.path, SystemClock(),
                              username="admin", password=ADMIN_PASSWORD)
    assert restored.audit_entries >= 2


def test_a_part_being_written_by_a_live_process_is_left_alone(tmp_path: Path) -> None:
    live = tmp_path / f".x.htbak.{os.getpid()}-abc{OWNED_TEMP_SUFFIX}"
    live.write_bytes(b"being written")
    assert remove_abandoned_parts(tmp_path) == 0 and live.exists()
