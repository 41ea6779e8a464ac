"""The embedded demo: a data folder with a demo commune, officer, supervisor and admin.

Passwords are random; the folder is created only if missing. They are shown once and kept in
``demo-passwords.txt`` in the folder, readable by the user only (0600), for whoever missed
them: demo accounts guard no real data, and a demo that cannot be entered is no demo.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from desktop_app.accounts import Role
from desktop_app.clock import Clock
from desktop_app.fileio import write_atomic
from desktop_app.paths import DataPaths
from desktop_app.workflows import accounts

DEMO_COMMUNE = "00070"  # Phường Hoàn Kiếm, Hà Nội (2025 code)
PASSWORD_FILE = "demo-passwords.txt"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    full_name: str
    password: str


@dataclass(frozen=True)
class DemoData:
    accounts: tuple[DemoAccount, ...]
    recovery_code: str


def _password() -> str:
    return "-".join(secrets.token_hex(2) for _ in range(3))


def create_demo(paths: DataPaths, clock: Clock) -> DemoData:
    admin = DemoAccount("quantri", Role.ADMIN, "Quản Trị Viên", _password())
    officer = DemoAccount("canbo", Role.OFFICER, "Nguyễn Thị Hộ Tịch", _password())
    supervisor = DemoAccount("chutich", Role.SUPERVISOR, "Trần Văn Chủ Tịch", _password())
    recovery = accounts.initialise(paths, commune_code=DEMO_COMMUNE, admin=admin.username,
                                   password=admin.password, clock=clock,
                                   full_name=admin.full_name)
    session = accounts.login(paths, admin.username, admin.password, clock)
    try:
        for person in (officer, supervisor):
            accounts.add_account(session, username=person.username, role=person.role,
                                 password=person.password, full_name=person.full_name)
    finally:
        session.close()
    return DemoData((admin, officer, supervisor), recovery)


def password_file(paths: DataPaths) -> Path:
    return paths.root / PASSWORD_FILE


def save_passwords(paths: DataPaths, text: str) -> Path:
    """The text shown at creation, kept for the user only (mode 0600, written atomically)."""
    path = password_file(paths)
    write_atomic(path, text.encode("utf-8"), mode=0o600)
    return path


def saved_passwords(paths: DataPaths) -> str | None:
    """What ``save_passwords`` kept, or None when this folder has no demo passwords."""
    try:
        return password_file(paths).read_text("utf-8")
    except FileNotFoundError:
        return None
