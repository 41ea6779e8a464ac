"""A data folder as the previous version left it: records, and a search index of an older
search_text, so the next login re-indexes it (store/search_reindex.py)."""

from __future__ import annotations

import secrets

from desktop_app.accounts import Role
from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.store import search_reindex
from desktop_app.store.meta_repo import MetaRepository
from desktop_app.workflows import accounts, records
from tests.samples import build

NAMES = ["H’Khoa Niê", "Nguyễn Văn An", "Y’Bih Ksor"]
OFFICER = "canbo"
OFFICER_PASSWORD = f"can-bo-{secrets.token_urlsafe(12)}"  # a throw-away account, made per run


def store_needing_the_reindex(paths: DataPaths, admin_password: str) -> int:
    """Adds the officer ``canbo`` and a birth for each of NAMES, then forgets that the index
    is of this version's search_text; returns how many records the store holds."""
    clock = SystemClock()
    admin = accounts.login(paths, "admin", admin_password, clock)
    try:
        accounts.add_account(admin, username=OFFICER, role=Role.OFFICER,
                             password=OFFICER_PASSWORD)
    finally:
        admin.close()
    officer = accounts.login(paths, OFFICER, OFFICER_PASSWORD, clock)
    try:
        for name in NAMES:
            records.create_record(officer, "birth", build("birth", {"child.full_name": name}))
        conn = officer.store.connection()
        conn.execute("BEGIN IMMEDIATE")
        MetaRepository(conn).delete(search_reindex.VERSION_KEY)
        conn.execute("COMMIT")
        assert search_reindex.needs_reindex(conn)
        return int(conn.execute("SELECT count(*) FROM records").fetchone()[0])
    finally:
        officer.close()
