"""Changing device settings (lockout policy, language): admins only, audited."""

from __future__ import annotations

from desktop_app.accounts import Permission, require
from desktop_app.session import Session
from desktop_app.settings import LocalSettings


def change_setting(session: Session, key: str, value: str) -> LocalSettings:
    require(session.account, Permission.MANAGE_ACCOUNTS)
    updated = LocalSettings.load(session.paths.root).with_value(key, value)
    with session.store.write() as uow:
        uow.audit.append(at=session.clock.now(), actor=session.account.username,
                         action="settings.change", target=key, details={"value": value})
        updated.save(session.paths.root)
    return updated
