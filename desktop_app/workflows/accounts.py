"""Initialising a data folder, logging in offline, and managing accounts."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop_app import __version__
from desktop_app.accounts import (
    Account,
    Permission,
    Role,
    check_password,
    normalise_full_name,
    normalise_username,
    require,
)
from desktop_app.clock import Clock
from desktop_app.domain import commune
from desktop_app.errors import (
    AccountDisabledError,
    AccountExistsError,
    AccountLockedError,
    AlreadyInitialisedError,
    UnknownAccountError,
    UsageError,
    WrongCurrentPasswordError,
    WrongPasswordError,
    WrongRecoveryCodeError,
)
from desktop_app.fileio import remove_registered_parts, remove_stale_staging
from desktop_app.paths import BACKUP_PARTS, STAGING_PREFIXES, DataPaths
from desktop_app.session import Session
from desktop_app.settings import LocalSettings
from desktop_app.store.database import Progress
from desktop_app.store.keyfile import (
    KdfParams,
    KeyFile,
    Slot,
    new_data_key,
    new_recovery_code,
)
from desktop_app.store.unit_of_work import Store
from desktop_app.store.upgrade import VERSION_KEY

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AccountView:
    account: Account
    locked_until: datetime | None


def initialise(paths: DataPaths, *, commune_code: str, admin: str, password: str,
               clock: Clock, full_name: str = "") -> str:
    """Create the store, the first admin and the recovery code (returned, shown once)."""
    place = commune(commune_code)
    if place is None:
        raise UsageError(detail=f"no 2025 commune with code {commune_code}")
    office = f"{int(commune_code):05d}"
    username = normalise_username(admin)
    password = check_password(password)
    if paths.keyfile.exists():
        raise AlreadyInitialisedError()
    paths.ensure()
    if paths.database.exists():  # a leftover of an interrupted init: nobody can open it
        paths.database.rename(paths.root / f"hotich.db.orphan-{clock.now():%Y%m%d%H%M%S}")
    for suffix in ("-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)

    data_key = new_data_key()
    keyfile = KeyFile.create()
    recovery_code = new_recovery_code()
    now = clock.now()
    store = Store(paths.database, data_key)
    try:
        store.migrate(paths.backups)
        with store.write() as uow:
            uow.meta.put("commune_code", office)
            uow.meta.put("install_id", keyfile.install_id)
            uow.meta.put(VERSION_KEY, __version__)
            account = Account(username, normalise_full_name(full_name), Role.ADMIN, now)
            uow.accounts.insert(account, created_by=None)
            uow.audit.append(at=now, actor=username, action="store.init", target=office)
            uow.audit.append(at=now, actor=username, action="account.create",
                             target=username, details={"role": Role.ADMIN.value})
    finally:
        store.close()
    keyfile.set_password(username, password, data_key)
    keyfile.set_recovery(recovery_code, data_key)
    keyfile.save(paths.keyfile)  # last: the folder counts as initialised only once complete
    log.info("data folder initialised")
    return recovery_code


def login(paths: DataPaths, username: str, password: str, clock: Clock, *,
          progress: Progress | None = None) -> Session:
    """Offline login: unwrap the data key with the password; lock after repeated failures.
    ``progress`` follows the one-off work of the first login after an upgrade (the copy of
    the folder, the migrations, the search re-index); it is not called otherwise."""
    keyfile = KeyFile.load(paths.keyfile)
    try:
        username = normalise_username(username)
    except UsageError:
        username = ""
    slot = keyfile.slot_for(username) if username else None
    now = clock.now()
    if slot is None:
        # Same cost as a real attempt so timing does not tell which accounts exist.
        KdfParams.fresh().derive(password)
        raise WrongPasswordError()
    data_key = _open_slot(paths, keyfile, slot, username, password, now)
    return open_session(paths, data_key, username, clock, progress=progress)


def _open_slot(paths: DataPaths, keyfile: KeyFile, slot: Slot, username: str,
               password: str, now: datetime,
               wrong: type[WrongPasswordError] = WrongPasswordError) -> bytes:
    """The data key the password opens. A wrong password counts towards the lock, wherever
    it is typed (the login window, changing one's own password)."""
    settings = LocalSettings.load(paths.root)
    if slot.locked_until is not None and now < slot.locked_until:
        raise AccountLockedError(until=slot.locked_until)
    data_key = keyfile.open_with_password(username, password)
    if data_key is None:
        slot.failed_attempts += 1
        if slot.failed_attempts >= settings.lockout_max_failures:
            slot.failed_attempts = 0
            slot.locked_until = now + timedelta(minutes=settings.lockout_minutes)
            keyfile.save(paths.keyfile)
            log.warning("account locked after repeated wrong passwords")
            raise AccountLockedError(until=slot.locked_until)
        keyfile.save(paths.keyfile)
        raise wrong()
    if slot.failed_attempts or slot.locked_until:
        slot.failed_attempts, slot.locked_until = 0, None
        keyfile.save(paths.keyfile)
    return data_key


def open_session(paths: DataPaths, data_key: bytes, username: str, clock: Clock, *,
                 progress: Progress | None = None) -> Session:
    store = Store(paths.database, data_key)
    try:
        store.open_for_version(paths, __version__, progress=progress)
        with store.read() as uow:
            account = uow.accounts.get(username)
    except BaseException:
        store.close()
        raise
    if account is None:
        store.close()
        raise WrongPasswordError()
    if account.is_disabled:
        store.close()
        raise AccountDisabledError()
    if remove_stale_staging(paths.root, STAGING_PREFIXES):
        log.info("removed staging folders left by an interrupted backup or restore")
    if remove_registered_parts(paths.root / BACKUP_PARTS):
        log.info("removed a temporary backup file left by an interrupted backup")
    return Session(paths=paths, store=store, account=account, clock=clock)


def data_key_from_recovery(keyfile: KeyFile, code: str) -> bytes:
    data_key = keyfile.open_with_recovery(code)
    if data_key is None:
        raise WrongRecoveryCodeError()
    return data_key


def add_account(session: Session, *, username: str, role: Role, password: str,
                full_name: str = "") -> Account:
    require(session.account, Permission.MANAGE_ACCOUNTS)
    username = normalise_username(username)
    password = check_password(password)
    now = session.clock.now()
    account = Account(username, normalise_full_name(full_name), role, now)
    with session.store.write() as uow:
        if uow.accounts.get(username) is not None:
            raise AccountExistsError(name=username)
        uow.accounts.insert(account, created_by=session.account.username)
        uow.audit.append(at=now, actor=session.account.username, action="account.create",
                         target=username, details={"role": role.value})
    keyfile = KeyFile.load(session.paths.keyfile)
    keyfile.set_password(username, password, session.store.data_key)
    keyfile.save(session.paths.keyfile)
    return account


def list_accounts(session: Session) -> list[AccountView]:
    require(session.account, Permission.VIEW)
    keyfile = KeyFile.load(session.paths.keyfile)
    now = session.clock.now()
    views = []
    with session.store.read() as uow:
        accounts = uow.accounts.list_all()
    for account in accounts:
        slot = keyfile.slot_for(account.username)
        locked = slot.locked_until if slot and slot.locked_until and slot.locked_until > now \
            else None
        views.append(AccountView(account, locked))
    return views


def full_names(session: Session) -> dict[str, str]:
    """Each account's full name by username, for screens that name people (an account
    without one is named by its username)."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return {a.username: a.full_name or a.username for a in uow.accounts.list_all()}


def change_password(session: Session, *, new_password: str, username: str | None = None) -> None:
    """Your own password, or (admins) reset another account's; the database is not rewritten."""
    target = normalise_username(username) if username else session.account.username
    if target != session.account.username:
        require(session.account, Permission.MANAGE_ACCOUNTS)
    new_password = check_password(new_password)
    now = session.clock.now()
    with session.store.write() as uow:
        if uow.accounts.get(target) is None:
            raise UnknownAccountError(name=target)
        uow.accounts.set_password_changed(target, now)
        action = "account.password" if target == session.account.username else "account.reset"
        uow.audit.append(at=now, actor=session.account.username, action=action, target=target)
    keyfile = KeyFile.load(session.paths.keyfile)
    keyfile.set_password(target, new_password, session.store.data_key)
    keyfile.save(session.paths.keyfile)


def change_own_password(session: Session, *, current_password: str,
                        new_password: str) -> None:
    """Every role changes its own password by proving the current one against its key slot;
    a wrong current password counts as a failed attempt, as at login (and may lock)."""
    new_password = check_password(new_password)
    username = session.account.username
    keyfile = KeyFile.load(session.paths.keyfile)
    slot = keyfile.slot_for(username)
    if slot is None:
        raise UnknownAccountError(name=username)
    _open_slot(session.paths, keyfile, slot, username, current_password, session.clock.now(),
               WrongCurrentPasswordError)
    change_password(session, new_password=new_password)


def unlock_account(session: Session, username: str) -> None:
    require(session.account, Permission.MANAGE_ACCOUNTS)
    target = normalise_username(username)
    now = session.clock.now()
    keyfile = KeyFile.load(session.paths.keyfile)
    slot = keyfile.slot_for(target)
    with session.store.write() as uow:
        if uow.accounts.get(target) is None or slot is None:
            raise UnknownAccountError(name=target)
        uow.audit.append(at=now, actor=session.account.username, action="account.unlock",
                         target=target)
    slot.failed_attempts, slot.locked_until = 0, None
    keyfile.save(session.paths.keyfile)


def commune_code(session: Session) -> str:
    with session.store.read() as uow:
        return uow.meta.get("commune_code") or ""

