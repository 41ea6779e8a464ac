"""A backup or restore killed half-way leaves its staging folder (a plaintext-free but large
copy of the store) in the data folder; the next start removes it (issue 16 item 11)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.workflows import accounts
from desktop_app.workflows.backup import create_backup
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

KILLED_RESTORE = """
import os, signal, sys
from pathlib import Path
from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.workflows import backup
backup.restore_backup(DataPaths(Path(sys.argv[1])), Path(sys.argv[3]), SystemClock(),
                      username="admin", password=sys.argv[2],
                      progress=lambda *_: os.kill(os.getpid(), signal.SIGKILL))
"""


def _killed(script: str, root: Path, backup_file: Path) -> None:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script), str(root),
                           ADMIN_PASSWORD, str(backup_file)], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == -9, done.stderr


def _staging(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith((".backup-", ".restore-")))


def test_the_next_start_removes_what_killed_backups_and_restores_left(
        data_dir: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.htbak"
    session = accounts.login(DataPaths(data_dir), "admin", ADMIN_PASSWORD, SystemClock())
    create_backup(session, good)
    session.close()
    _killed(KILLED_BACKUP, data_dir, tmp_path / "killed.htbak")
    _killed(KILLED_RESTORE, data_dir, good)
    left = _staging(data_dir)
    assert any(n.startswith(".backup-") for n in left)
    assert any(n.startswith(".restore-") for n in left)
    session = accounts.login(DataPaths(data_dir), "admin", ADMIN_PASSWORD, SystemClock())
    try:
        assert _staging(data_dir) == []
        with session.store.read() as uow:  # the data itself is untouched
            assert uow.audit.verify() >= 2
    finally:
        session.close()
