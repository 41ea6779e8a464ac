"""Numbered schema migrations; PRAGMA user_version holds how many have run.

Never edit a released migration: add a new one. Statements are separated by ';' + newline.
Tests upgrade a database created by schema 1 (tests/unit/store/test_migrations.py).
"""

from __future__ import annotations

# 1: accounts and the audit log (the first released schema).
SCHEMA_1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE accounts (
    username TEXT PRIMARY KEY,
    full_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
    created_at TEXT NOT NULL,
    created_by TEXT
);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
)
"""

# 2: account state (disabled, password changes) and settings kept in the encrypted store.
SCHEMA_2 = """
ALTER TABLE accounts ADD COLUMN is_disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN password_changed_at TEXT;
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE INDEX audit_target ON audit (target)
"""

MIGRATIONS: tuple[str, ...] = (SCHEMA_1, SCHEMA_2)
