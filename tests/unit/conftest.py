"""A store with an admin, two officers and two supervisors, and a clock at 15/01/2026."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.accounts import Role
from desktop_app.clock import FixedClock
from desktop_app.paths import DataPaths
from desktop_app.session import Session
from desktop_app.workflows import accounts

PW = "records-test-password"
STAFF = {
    "canbo": (Role.OFFICER, "Lò Thị Cán"),
    "canbo2": (Role.OFFICER, "Vàng A Hai"),
    "chutich": (Role.SUPERVISOR, "Hoàng Văn Chủ"),
    "phochutich": (Role.SUPERVISOR, "Đinh Thị Phó"),
}


@dataclass
class Office:
    paths: DataPaths
    clock: FixedClock
    sessions: dict[str, Session]

    def __call__(self, username: str) -> Session:
        if username not in self.sessions:
            self.sessions[username] = accounts.login(self.paths, username, PW, self.clock)
        return self.sessions[username]


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Initialising and adding accounts once per module; each test gets a copy."""
    root = tmp_path_factory.mktemp("template") / "data"
    clock = FixedClock(datetime(2026, 1, 15, 3, 0, tzinfo=UTC))  # 10:00 in Vietnam
    paths = DataPaths(root)
    accounts.initialise(paths, commune_code="26740", admin="admin", password=PW, clock=clock)
    admin = accounts.login(paths, "admin", PW, clock)
    for name, (role, full_name) in STAFF.items():
        accounts.add_account(admin, username=name, role=role, password=PW, full_name=full_name)
    admin.close()
    return root


@pytest.fixture
def office(_template: Path, tmp_path: Path) -> Iterator[Office]:
    import shutil

    root = tmp_path / "data"
    shutil.copytree(_template, root)
    office = Office(DataPaths(root), FixedClock(datetime(2026, 1, 15, 3, 0, tzinfo=UTC)), {})
    yield office
    for session in office.sessions.values():
        session.close()


Builder = Callable[..., dict[str, object]]
