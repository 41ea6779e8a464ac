"""Schema migrations: a database created by schema 1 upgrades, with a backup taken first, and
tells each of its steps as it goes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app import __version__
from desktop_app.clock import FixedClock
from desktop_app.paths import DataPaths
from desktop_app.store import database
from desktop_app.store.database import connect, latest_version, migrate, schema_version
from desktop_app.store.keyfile import KeyFile, new_data_key
from desktop_app.store.meta_repo import MetaRepository
from desktop_app.workflows import accounts
from desktop_app.workflows.audit import verify_audit
from tests.support.old_schema import schema_one_store

PW = "schema-one-admin"


def _schema_one_store(root: Path) -> DataPaths:
    return schema_one_store(root, PW)


def test_schema_one_database_upgrades_on_login(tmp_path: Path) -> None:
    paths = _schema_one_store(tmp_path / "old")
    clock = FixedClock(datetime(2026, 11, 23, tzinfo=UTC))
    session = accounts.login(paths, "admin", PW, clock)
    assert session.store.schema_version() == latest_version() > 1
    with session.store.read() as uow:
        account = uow.accounts.get("admin")
    assert account is not None and account.full_name == "Nguyễn Văn Một"
    assert account.is_disabled is False
    assert verify_audit(session).entries == 2
    session.close()
    # The first start of this version backed the folder up (once: no second copy by the
    # migration itself), the untouched schema-1 database still encrypted with the same key.
    (backup,) = paths.backups.glob(f"pre-upgrade-unknown-to-{__version__}-*")
    assert not list(paths.backups.glob("pre-migration-*"))
    keyfile = KeyFile.load(backup / "keys.json")
    key = keyfile.open_with_password("admin", PW)
    assert key is not None
    old = connect(backup / "hotich.db", key)
    assert schema_version(old) == 1
    old.close()


def test_the_upgrade_tells_the_copy_then_each_migration_in_order(tmp_path: Path) -> None:
    """What the login window shows during the first login after an update (171 s at a
    million records): the copy of the folder, then migration after migration, before any
    of the search's re-index, and the store is at each step's schema when it is told."""
    paths = _schema_one_store(tmp_path / "old")
    key = KeyFile.load(paths.keyfile).open_with_password("admin", PW)
    assert key is not None
    watcher = connect(paths.database, key)
    told: list[tuple[str, int, int, int]] = []

    def progress(stage: str, done: int, total: int) -> None:
        told.append((stage, done, total, schema_version(watcher)))

    session = accounts.login(paths, "admin", PW, FixedClock(datetime(2026, 11, 23, tzinfo=UTC)),
                             progress=progress)
    session.close()
    watcher.close()
    due = latest_version() - 1
    upgrade = [t for t in told if t[0] != "reindex"]
    assert upgrade == [
        ("upgrade-copy", 0, 1, 1), ("upgrade-copy", 1, 1, 1),
        *[("migrate", done, due, 1 + done) for done in range(due + 1)]]
    assert told[:len(upgrade)] == upgrade  # the re-index comes after them
    assert len(list(paths.backups.glob("pre-upgrade-*"))) == 1


def test_migrating_without_the_folder_copy_tells_its_own_copy(tmp_path: Path) -> None:
    conn = connect(tmp_path / "hotich.db", new_data_key())
    migrate(conn, tmp_path / "hotich.db", tmp_path / "backups", target=18)
    told: list[tuple[str, int, int]] = []
    migrate(conn, tmp_path / "hotich.db", tmp_path / "backups",
            progress=lambda *report: told.append(report))
    due = latest_version() - 18
    assert told == [("upgrade-copy", 0, 1), ("upgrade-copy", 1, 1),
                    *[("migrate", done, due) for done in range(due + 1)]]
    assert len(list((tmp_path / "backups").glob("pre-migration-v18-*"))) == 1
    migrate(conn, tmp_path / "hotich.db", tmp_path / "backups",
            progress=lambda *_r: pytest.fail("nothing is due"))
    conn.close()


def test_fresh_store_is_at_the_latest_schema(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "new")
    clock = FixedClock(datetime(2026, 11, 23, tzinfo=UTC))
    accounts.initialise(paths, commune_code="00070", admin="admin", password=PW, clock=clock)
    session = accounts.login(paths, "admin", PW, clock)
    assert session.store.schema_version() == latest_version()
    session.close()
    assert not list(paths.backups.glob("pre-migration-*"))
    assert not list(paths.backups.glob("pre-upgrade-*"))  # created by this very version


def _put_version(paths: DataPaths, clock: FixedClock, version: str, schema: int | None = None
                 ) -> None:
    session = accounts.login(paths, "admin", PW, clock)
    key = session.store.data_key
    session.close()
    conn = connect(paths.database, key)  # as that other version left the store
    try:
        MetaRepository(conn).put("app_version", version)
        if schema is not None:
            conn.execute(f"PRAGMA user_version = {schema:d}")
    finally:
        conn.close()


def test_first_start_of_a_new_version_backs_the_folder_up_once(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    clock = FixedClock(datetime(2026, 11, 23, tzinfo=UTC))
    accounts.initialise(paths, commune_code="00070", admin="admin", password=PW, clock=clock)
    (paths.root / "trust").mkdir()
    (paths.root / "trust" / "root.pem").write_text("-----BEGIN CERTIFICATE-----")
    _put_version(paths, clock, "0.0.1")
    for _ in range(2):
        accounts.login(paths, "admin", PW, clock).close()
    (backup,) = paths.backups.glob(f"pre-upgrade-0.0.1-to-{__version__}-*")
    assert {p.name for p in backup.iterdir()} == {"hotich.db", "keys.json", "trust"}
    key = KeyFile.load(backup / "keys.json").open_with_password("admin", PW)
    copy = connect(backup / "hotich.db", key)
    assert MetaRepository(copy).get("app_version") == "0.0.1"  # as it was before this start
    copy.close()
    session = accounts.login(paths, "admin", PW, clock)
    with session.store.read() as uow:
        assert uow.meta.get("app_version") == __version__
    session.close()


def test_an_older_version_refuses_a_store_a_newer_one_upgraded(tmp_path: Path) -> None:
    from desktop_app.errors import StoreFromNewerVersionError
    from desktop_app.messages import render

    paths = DataPaths(tmp_path / "data")
    clock = FixedClock(datetime(2026, 11, 23, tzinfo=UTC))
    accounts.initialise(paths, commune_code="00070", admin="admin", password=PW, clock=clock)
    _put_version(paths, clock, "99.0", schema=latest_version() + 1)
    with pytest.raises(StoreFromNewerVersionError) as caught:
        accounts.login(paths, "admin", PW, clock)
    text = render(caught.value.code, caught.value.params, lang="vi")
    assert "99.0" in text and str(paths.backups) in text


def test_migrations_run_with_a_big_cache_and_give_the_connection_its_own_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conn = connect(tmp_path / "hotich.db", new_data_key())
    migrate(conn, tmp_path / "hotich.db", tmp_path / "backups")
    (before,) = conn.execute("PRAGMA cache_size").fetchone()
    # one more migration, that notes the cache it runs with
    monkeypatch.setattr(database, "MIGRATIONS", (*database.MIGRATIONS, """
CREATE TABLE probe (cache INTEGER);
INSERT INTO probe SELECT cache_size FROM pragma_cache_size()"""))
    migrate(conn, tmp_path / "hotich.db", tmp_path / "backups", backup=False)
    assert conn.execute("SELECT cache FROM probe").fetchone()[0] == \
        -database.MIGRATION_CACHE_KIB
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == before
    conn.close()


def test_secure_delete_is_on_after_the_migrations(tmp_path: Path) -> None:
    """Schema 20 drops the old person table without zeroing its pages (the new one holds the
    same), then gives deletes back their zeroing: what a later delete frees is overwritten."""
    conn = connect(tmp_path / "hotich.db", new_data_key())
    migrate(conn, tmp_path / "hotich.db", tmp_path / "backups", target=19)
    migrate(conn, tmp_path / "hotich.db", tmp_path / "backups", backup=False)
    assert schema_version(conn) == latest_version()
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    conn.close()
