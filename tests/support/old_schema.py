"""A data folder as version 1 of the program left it (schema 1), so the next login runs every
migration: the store's upgrade tests and the login window's."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop_app.paths import DataPaths
from desktop_app.store.audit_repo import AuditRepository
from desktop_app.store.database import connect, migrate, schema_version
from desktop_app.store.keyfile import KeyFile, new_data_key
from desktop_app.store.meta_repo import MetaRepository


def schema_one_store(root: Path, password: str) -> DataPaths:
    """What version 1 of the program wrote: schema 1 tables, one admin (``admin`` with
    ``password``), two audit entries."""
    paths = DataPaths(root)
    paths.ensure()
    key = new_data_key()
    conn = connect(paths.database, key)
    migrate(conn, paths.database, paths.backups, target=1)
    at = datetime(2025, 7, 1, tzinfo=UTC)
    conn.execute("BEGIN")
    MetaRepository(conn).put("commune_code", "00070")
    # Schema-1 accounts had no is_disabled column: insert the columns it had.
    conn.execute("INSERT INTO accounts (username, full_name, role, created_at) "
                 "VALUES ('admin', 'Nguyễn Văn Một', 'admin', ?)", (at.isoformat(),))
    AuditRepository(conn).append(at=at, actor="admin", action="store.init", target="00070")
    AuditRepository(conn).append(at=at, actor="admin", action="account.create", target="admin")
    conn.execute("COMMIT")
    assert schema_version(conn) == 1
    conn.close()
    keyfile = KeyFile.create()
    keyfile.set_password("admin", password, key)
    keyfile.save(paths.keyfile)
    return paths
