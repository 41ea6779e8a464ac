"""Changing device settings (lockout policy, language): admins only, audited."""

from __future__ import annotations

from desktop_app.accounts import Permission, require
from desktop_app.session import Session
from desktop_app.settings import LocalSettings
from desktop_app.store import audit_repo


def change_setting(session: Session, key: str, value: str) -> LocalSettings:
    require(session.account, Permission.MANAGE_ACCOUNTS)
    updated = LocalSettings.load(session.paths.root).with_value(key, value)
    with session.db.transaction() as conn:
        audit_repo.append(conn, at=session.clock.now(), actor=session.account.username,
                          action="settings.change", target=key, details={"value": value})
        updated.save(session.paths.root)
    return updated
