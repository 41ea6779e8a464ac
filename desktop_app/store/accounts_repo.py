"""Accounts table: rows in, Account objects out."""

from __future__ import annotations

from datetime import datetime

from desktop_app.accounts import Account, Role
from desktop_app.store.database import Connection

_COLUMNS = "username, full_name, role, created_at, is_disabled"


def _row(row: tuple[str, str, str, str, int]) -> Account:
    username, full_name, role, created_at, disabled = row
    return Account(username, full_name, Role(role), datetime.fromisoformat(created_at),
                   bool(disabled))


class AccountsRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, username: str) -> Account | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM accounts WHERE username = ?",
                                 (username,)).fetchone()
        return _row(row) if row else None

    def list_all(self) -> list[Account]:
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM accounts ORDER BY username")
        return [_row(r) for r in rows.fetchall()]

    def insert(self, account: Account, created_by: str | None) -> None:
        self._conn.execute(
            "INSERT INTO accounts (username, full_name, role, created_at, created_by, "
            "is_disabled) VALUES (?, ?, ?, ?, ?, ?)",
            (account.username, account.full_name, account.role.value,
             account.created_at.isoformat(), created_by, int(account.is_disabled)),
        )

    def set_password_changed(self, username: str, at: datetime) -> None:
        self._conn.execute("UPDATE accounts SET password_changed_at = ? WHERE username = ?",
                           (at.isoformat(), username))

    def count_by_role(self, role: Role) -> int:
        row = self._conn.execute("SELECT count(*) FROM accounts WHERE role = ? AND "
                                 "is_disabled = 0", (role.value,)).fetchone()
        return int(row[0])
