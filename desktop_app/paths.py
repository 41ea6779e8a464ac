"""Where the data folder lives and what it holds."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_DIR_NAME = "HoTichOffline"

# Working folders in the data folder (desktop_app.fileio.make_staging_dir); those a killed
# process left are removed at the next login.
BACKUP_STAGING = "backup"
RESTORE_STAGING = "restore"
STAGING_PREFIXES = (BACKUP_STAGING, RESTORE_STAGING)
# The temporary backup files being written outside the data folder (a USB stick), one a line:
# the next start removes those a killed backup left (desktop_app.fileio).
BACKUP_PARTS = "backup-parts"


def default_data_dir() -> Path:
    """HOTICH_DATA_DIR, else the platform's user-data folder."""
    env = os.environ.get("HOTICH_DATA_DIR")
    if env:
        return Path(env)
    return Path(user_data_dir(APP_DIR_NAME, appauthor=False))


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "hotich.db"

    @property
    def keyfile(self) -> Path:
        return self.root / "keys.json"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def signers(self) -> Path:
        """Public copies of this device's signers' certificates (DER): a QR code is checked
        without opening the store."""
        return self.root / "signers"

    def ensure(self) -> None:
        for folder in (self.root, self.logs, self.backups):
            folder.mkdir(parents=True, exist_ok=True)
            _restrict(folder, 0o700)


def _restrict(path: Path, mode: int) -> None:
    # Windows and some mounted file systems ignore POSIX modes.
    with contextlib.suppress(OSError):
        os.chmod(path, mode)
