"""A store of the latest schema in a temporary folder, for the store's own tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.store.keyfile import new_data_key
from desktop_app.store.unit_of_work import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "hotich.db", new_data_key())
    opened.migrate(tmp_path / "backups", backup=False)
    yield opened
    opened.close()
