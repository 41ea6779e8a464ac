"""A logged-in session: the opened store, the acting account and the clock."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.accounts import Account
from desktop_app.clock import Clock
from desktop_app.paths import DataPaths
from desktop_app.store.unit_of_work import Store


@dataclass
class Session:
    paths: DataPaths
    store: Store
    account: Account
    clock: Clock

    def close(self) -> None:
        self.store.close()
