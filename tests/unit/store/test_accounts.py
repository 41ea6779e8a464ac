"""Accounts: offline login, lockout with its end time, unlock and reset, role checks."""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.accounts import Role
from desktop_app.clock import FixedClock
from desktop_app.errors import (
    AccountLockedError,
    PermissionDeniedError,
    WeakPasswordError,
    WrongCurrentPasswordError,
    WrongPasswordError,
)
from desktop_app.paths import DataPaths
from desktop_app.settings import LocalSettings
from desktop_app.store.database import connect
from desktop_app.workflows import accounts

PW = "admin-password-1"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))


@pytest.fixture
def paths(tmp_path: Path, clock: FixedClock) -> DataPaths:
    paths = DataPaths(tmp_path / "d")
    accounts.initialise(paths, commune_code="00070", admin="admin", password=PW, clock=clock)
    return paths


def _add(paths: DataPaths, clock: FixedClock, name: str, role: Role, pw: str) -> None:
    session = accounts.login(paths, "admin", PW, clock)
    try:
        accounts.add_account(session, username=name, role=role, password=pw)
    finally:
        session.close()


def test_login_works_offline_and_returns_the_account(paths: DataPaths, clock: FixedClock) -> None:
    session = accounts.login(paths, "admin", PW, clock)
    assert session.account.username == "admin"
    assert session.account.role is Role.ADMIN
    session.close()


def test_wrong_password_is_refused(paths: DataPaths, clock: FixedClock) -> None:
    with pytest.raises(WrongPasswordError):
        accounts.login(paths, "admin", "not-the-password", clock)
    with pytest.raises(WrongPasswordError):
        accounts.login(paths, "nobody", PW, clock)


def test_five_wrong_passwords_lock_for_fifteen_minutes(paths: DataPaths, clock: FixedClock) -> None:
    for _ in range(4):
        with pytest.raises(WrongPasswordError):
            accounts.login(paths, "admin", "wrong-password", clock)
    with pytest.raises(AccountLockedError) as locked:
        accounts.login(paths, "admin", "wrong-password", clock)
    until = locked.value.params["until"]
    assert until == datetime(2026, 11, 23, 8, 15, tzinfo=UTC)
    # Even the right password is refused while locked, and the message says until when.
    with pytest.raises(AccountLockedError):
        accounts.login(paths, "admin", PW, clock)
    clock.advance(minutes=15, seconds=1)
    accounts.login(paths, "admin", PW, clock).close()


def test_lockout_policy_is_configurable(paths: DataPaths, clock: FixedClock) -> None:
    LocalSettings(lockout_max_failures=2, lockout_minutes=60).save(paths.root)
    with pytest.raises(WrongPasswordError):
        accounts.login(paths, "admin", "wrong-password", clock)
    with pytest.raises(AccountLockedError) as locked:
        accounts.login(paths, "admin", "wrong-password", clock)
    assert locked.value.params["until"] == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_admin_unlocks_and_resets(paths: DataPaths, clock: FixedClock) -> None:
    _add(paths, clock, "canbo", Role.OFFICER, "officer-pass-1")
    for _ in range(5):
        with pytest.raises((WrongPasswordError, AccountLockedError)):
            accounts.login(paths, "canbo", "wrong-password", clock)
    admin = accounts.login(paths, "admin", PW, clock)
    views = {v.account.username: v for v in accounts.list_accounts(admin)}
    assert views["canbo"].locked_until is not None
    accounts.unlock_account(admin, "canbo")
    accounts.change_password(admin, username="canbo", new_password="officer-pass-2")
    admin.close()
    with pytest.raises(WrongPasswordError):
        accounts.login(paths, "canbo", "officer-pass-1", clock)
    accounts.login(paths, "canbo", "officer-pass-2", clock).close()


def test_officer_and_supervisor_cannot_manage_accounts(paths: DataPaths, clock: FixedClock) -> None:
    _add(paths, clock, "canbo", Role.OFFICER, "officer-pass-1")
    _add(paths, clock, "chutich", Role.SUPERVISOR, "supervisor-pass-1")
    for name, pw in (("canbo", "officer-pass-1"), ("chutich", "supervisor-pass-1")):
        session = accounts.login(paths, name, pw, clock)
        with pytest.raises(PermissionDeniedError):
            accounts.add_account(session, username="x1", role=Role.ADMIN, password="x" * 10)
        with pytest.raises(PermissionDeniedError):
            accounts.change_password(session, username="admin", new_password="y" * 10)
        with pytest.raises(PermissionDeniedError):
            accounts.unlock_account(session, "admin")
        # ...but each may change their own password.
        accounts.change_password(session, new_password=pw + "-new")
        session.close()


def test_password_change_rewraps_without_rewriting_the_database(
    paths: DataPaths, clock: FixedClock
) -> None:
    session = accounts.login(paths, "admin", PW, clock)
    data_key = session.store.data_key
    accounts.change_password(session, new_password="brand-new-password")
    session.close()
    again = accounts.login(paths, "admin", "brand-new-password", clock)
    assert again.store.data_key == data_key  # same data key: the database was not re-encrypted
    again.close()
    with pytest.raises(WrongPasswordError):
        accounts.login(paths, "admin", PW, clock)


def test_short_password_refused(paths: DataPaths, clock: FixedClock) -> None:
    session = accounts.login(paths, "admin", PW, clock)
    with pytest.raises(WeakPasswordError):
        accounts.add_account(session, username="canbo", role=Role.OFFICER, password="short")
    session.close()


def test_store_is_wal_with_full_sync(paths: DataPaths, clock: FixedClock) -> None:
    session = accounts.login(paths, "admin", PW, clock)
    with closing(connect(paths.database, session.store.data_key)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    session.close()


def test_default_kdf_is_memory_hard_scrypt() -> None:
    from desktop_app.store.keyfile import DEFAULT_SCRYPT_LOG2_N, KdfParams

    params = KdfParams(salt=b"0" * 16)
    assert params.log2_n == DEFAULT_SCRYPT_LOG2_N == 17  # 128 MiB, ~0.4 s (bench/)
    assert params.r == 8


def test_raw_key_opens_and_wrong_key_does_not(paths: DataPaths, clock: FixedClock) -> None:
    session = accounts.login(paths, "admin", PW, clock)
    key = session.store.data_key
    session.close()
    connect(paths.database, key).close()
    from desktop_app.errors import StoreDamagedError

    with pytest.raises(StoreDamagedError):
        connect(paths.database, bytes(32))


def test_own_password_needs_the_current_one_and_counts_wrong_ones(
    paths: DataPaths, clock: FixedClock
) -> None:
    LocalSettings(lockout_max_failures=3, lockout_minutes=30).save(paths.root)
    _add(paths, clock, "canbo", Role.OFFICER, "officer-pass-1")
    session = accounts.login(paths, "canbo", "officer-pass-1", clock)
    with pytest.raises(WrongCurrentPasswordError):
        accounts.change_own_password(session, current_password="not-it",
                                     new_password="officer-pass-2")
    # A wrong current password is a failed attempt like at login: with the one failed login
    # below, the third attempt locks the account.
    with pytest.raises(WrongPasswordError):
        accounts.login(paths, "canbo", "wrong-password", clock)
    with pytest.raises(AccountLockedError):
        accounts.change_own_password(session, current_password="still-not-it",
                                     new_password="officer-pass-2")
    with pytest.raises(AccountLockedError):  # locked: even the right one waits
        accounts.change_own_password(session, current_password="officer-pass-1",
                                     new_password="officer-pass-2")
    clock.advance(minutes=31)
    accounts.change_own_password(session, current_password="officer-pass-1",
                                 new_password="officer-pass-2")
    session.close()
    with pytest.raises(WrongPasswordError):
        accounts.login(paths, "canbo", "officer-pass-1", clock)
    again = accounts.login(paths, "canbo", "officer-pass-2", clock)
    with again.store.read() as uow:
        assert [e.action for e in uow.audit.entries("canbo")][-1] == "account.password"
    again.close()
