"""A logged-in session: the opened store, the acting account and the clock."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.accounts import Account
from desktop_app.clock import Clock
from desktop_app.paths import DataPaths
from desktop_app.store.database import Database


@dataclass
class Session:
    paths: DataPaths
    db: Database
    account: Account
    clock: Clock

    def close(self) -> None:
        self.db.close()
