"""Accounts and roles: who may do what. Role checks live here, not in the UI or the CLI."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop_app.errors import PermissionDeniedError, UsageError, WeakPasswordError

MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(StrEnum):
    MANAGE_ACCOUNTS = "manage accounts"
    CREATE_RECORD = "create records"
    VERIFY_HISTORICAL = "verify historical entries"
    APPROVE_RECORD = "approve records"
    SIGN_EXTRACT = "sign extracts"
    IMPORT_CERTIFICATE = "import a signing certificate"
    BACKUP = "make backups"
    RESTORE = "restore backups"
    SYNC = "synchronise"
    VIEW = "view records"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: frozenset(
        {Permission.CREATE_RECORD, Permission.VERIFY_HISTORICAL, Permission.BACKUP,
         Permission.SYNC, Permission.VIEW}
    ),
    Role.SUPERVISOR: frozenset(
        {Permission.CREATE_RECORD, Permission.VERIFY_HISTORICAL, Permission.APPROVE_RECORD,
         Permission.SIGN_EXTRACT, Permission.IMPORT_CERTIFICATE, Permission.BACKUP,
         Permission.SYNC, Permission.VIEW}
    ),
    Role.ADMIN: frozenset(
        {Permission.MANAGE_ACCOUNTS, Permission.BACKUP, Permission.RESTORE, Permission.SYNC,
         Permission.VIEW}
    ),
}


@dataclass(frozen=True)
class Account:
    username: str
    full_name: str
    role: Role
    created_at: datetime
    is_disabled: bool = False

    def can(self, permission: Permission) -> bool:
        return not self.is_disabled and permission in ROLE_PERMISSIONS[self.role]


def require(actor: Account, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDeniedError(action=permission.value, role=actor.role.value)


def normalise_username(name: str) -> str:
    """Login names are short ASCII identifiers; full names carry the person's real name."""
    username = name.strip().lower()
    if not _USERNAME.fullmatch(username):
        raise UsageError(detail="user name: 2-32 characters a-z, 0-9, '.', '_' or '-'")
    return username


def normalise_full_name(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def check_password(password: str) -> str:
    """NFC so the same password typed on another keyboard layout still opens the key."""
    password = unicodedata.normalize("NFC", password)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPasswordError(min_length=MIN_PASSWORD_LENGTH)
    return password


def parse_role(text: str) -> Role:
    try:
        return Role(text)
    except ValueError as exc:
        raise UsageError(detail="role: officer, supervisor or admin") from exc
