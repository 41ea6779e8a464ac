"""A store as an older version left it, for the upgrade tests: the key file and accounts of a
real office, the database rebuilt empty at an older schema with the office's commune and its
two accounts (admin, canbo) in it, inside an open transaction for the test to fill."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop_app.accounts import Role
from desktop_app.clock import FixedClock
from desktop_app.paths import DataPaths
from desktop_app.store.database import Connection, connect, migrate
from desktop_app.store.keyfile import KeyFile
from desktop_app.workflows import accounts


def store_at_schema(root: Path, schema: int, password: str, at: datetime
                    ) -> tuple[DataPaths, Connection]:
    """The office's paths and a connection to its database at ``schema``, a transaction open
    (the caller commits and closes it)."""
    paths = DataPaths(root)
    clock = FixedClock(at)
    accounts.initialise(paths, commune_code="26740", admin="admin", password=password,
                        clock=clock)
    admin = accounts.login(paths, "admin", password, clock)
    accounts.add_account(admin, username="canbo", role=Role.OFFICER, password=password)
    admin.close()
    key = KeyFile.load(paths.keyfile).open_with_password("admin", password)
    assert key is not None
    paths.database.unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
    conn = connect(paths.database, key)
    migrate(conn, paths.database, paths.backups, target=schema)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO meta (key, value) VALUES ('commune_code', '26740')")
    conn.execute("INSERT INTO accounts (username, role, created_at) VALUES "
                 "('admin', 'admin', ?), ('canbo', 'officer', ?)", (at.isoformat(),) * 2)
    return paths, conn
