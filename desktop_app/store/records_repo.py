"""Records, their events, the person index and folded full-text search.

Inserting or updating a record refreshes its index in the same statement batch, so a saved
record is always found by search and by the duplicate checks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime

from desktop_app.domain.indexing import persons, search_text
from desktop_app.record import RecordEvent, StoredRecord
from desktop_app.store.database import Connection

_COLUMNS = ("id, type, status, is_historical, data, office, registration_number, number_int, "
            "book_number, registered_on, year, officer, verified_by, approved_by, signed_by, "
            "overrides, issues, links_to, supersedes, version, central_id, created_at, "
            "updated_at")


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _params(rec: StoredRecord) -> tuple[object, ...]:
    return (rec.id, rec.type, rec.status, int(rec.is_historical), _dump(rec.data), rec.office,
            rec.registration_number, rec.number_int, rec.book_number, rec.registered_on,
            rec.year, rec.officer, rec.verified_by, rec.approved_by, rec.signed_by,
            _dump(list(rec.overrides)), _dump(list(rec.issues)), rec.links_to, rec.supersedes,
            rec.version, rec.central_id, rec.created_at.isoformat(), rec.updated_at.isoformat())


def _row(row: Sequence[object]) -> StoredRecord:
    (rid, rtype, status, hist, data, office, regno, number_int, book, reg_on, year, officer,
     verified, approved, signed, overrides, issues, links, supersedes, version, central,
     created, updated) = row
    return StoredRecord(
        id=str(rid), type=str(rtype), status=str(status), data=json.loads(str(data)),
        office=str(office), officer=str(officer),
        created_at=datetime.fromisoformat(str(created)),
        updated_at=datetime.fromisoformat(str(updated)), is_historical=bool(hist),
        registration_number=regno, book_number=book,  # type: ignore[arg-type]
        registered_on=reg_on, year=year, number_int=number_int,  # type: ignore[arg-type]
        verified_by=verified, approved_by=approved, signed_by=signed,  # type: ignore[arg-type]
        overrides=tuple(json.loads(str(overrides))), issues=tuple(json.loads(str(issues))),
        links_to=links, supersedes=supersedes, version=int(str(version)),  # type: ignore[arg-type]
        central_id=central,  # type: ignore[arg-type]
    )


class RecordsRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def insert(self, rec: StoredRecord) -> None:
        marks = ", ".join("?" * len(_COLUMNS.split(",")))
        self._conn.execute(f"INSERT INTO records ({_COLUMNS}) VALUES ({marks})", _params(rec))
        self._reindex(rec)

    def update(self, rec: StoredRecord) -> None:
        names = [c.strip() for c in _COLUMNS.split(",")][1:]
        assignments = ", ".join(f"{n} = ?" for n in names)
        params = _params(rec)
        self._conn.execute(f"UPDATE records SET {assignments} WHERE id = ?",
                           (*params[1:], rec.id))
        self._reindex(rec)

    def _reindex(self, rec: StoredRecord) -> None:
        record_id = rec.id
        self._conn.execute("DELETE FROM record_persons WHERE record_id = ?", (record_id,))
        self._conn.executemany(
            "INSERT INTO record_persons (record_id, role, match_key, name_key, mother_key, "
            "date_of_birth, event_date) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(record_id, p.role, p.match_key, p.name_key, p.mother_key, p.date_of_birth,
              p.event_date) for p in persons(rec.type, rec.data)])
        self._conn.execute("DELETE FROM record_search WHERE record_id = ?", (record_id,))
        self._conn.execute("INSERT INTO record_search (record_id, text) VALUES (?, ?)",
                           (record_id, search_text(rec.type, rec.data, rec.registration_number,
                                                   rec.book_number)))

    def get(self, record_id: str) -> StoredRecord | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM records WHERE id = ?",
                                 (record_id,)).fetchone()
        return _row(row) if row else None

    def find_by_prefix(self, prefix: str, limit: int = 2) -> list[StoredRecord]:
        """Records whose id starts with ``prefix`` (people type the first 8 characters)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM records WHERE id LIKE ? "
                                  "ESCAPE '\\' LIMIT ?", (escaped + "%", limit)).fetchall()
        return [_row(r) for r in rows]

    def list_records(self, *, status: str | None = None, record_type: str | None = None,
                     limit: int = 1000, offset: int = 0) -> list[StoredRecord]:
        clauses, params = [], []
        if status:
            clauses.append("status = ?")
            params.append(status)
        if record_type:
            clauses.append("type = ?")
            params.append(record_type)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM records {where} ORDER BY "
                                  "created_at, id LIMIT ? OFFSET ?",
                                  (*params, limit, offset)).fetchall()
        return [_row(r) for r in rows]

    def count_by_status(self) -> dict[str, int]:
        return {str(s): int(n) for s, n in
                self._conn.execute("SELECT status, count(*) FROM records GROUP BY status")}

    def linked_to(self, original_id: str) -> list[StoredRecord]:
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM records WHERE links_to = ? "
                                  "ORDER BY created_at", (original_id,)).fetchall()
        return [_row(r) for r in rows]

    def by_ids(self, ids: Iterable[str]) -> list[StoredRecord]:
        found = []
        for record_id in dict.fromkeys(ids):
            rec = self.get(record_id)
            if rec is not None:
                found.append(rec)
        return found

    # -- events ---------------------------------------------------------------------------
    def add_event(self, event: RecordEvent) -> None:
        self._conn.execute(
            "INSERT INTO record_events (record_id, at, actor, action, from_status, to_status, "
            "reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (event.record_id, event.at.isoformat(), event.actor, event.action,
             event.from_status, event.to_status, event.reason))

    def events(self, record_id: str) -> list[RecordEvent]:
        rows = self._conn.execute(
            "SELECT record_id, at, actor, action, from_status, to_status, reason "
            "FROM record_events WHERE record_id = ? ORDER BY id", (record_id,))
        return [RecordEvent(r[0], datetime.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6])
                for r in rows]

    # -- person index and search ----------------------------------------------------------
    def ids_by_match_key(self, keys: Iterable[str], exclude: str) -> list[str]:
        found: list[str] = []
        for key in set(keys):
            found += [r[0] for r in self._conn.execute(
                "SELECT DISTINCT record_id FROM record_persons WHERE match_key = ? "
                "AND record_id != ?", (key, exclude))]
        return found

    def ids_by_name_key(self, keys: Iterable[str], exclude: str) -> list[str]:
        found: list[str] = []
        for key in set(keys):
            found += [r[0] for r in self._conn.execute(
                "SELECT DISTINCT record_id FROM record_persons WHERE name_key = ? "
                "AND record_id != ?", (key, exclude))]
        return found

    def ids_by_mother_key(self, key: str, exclude: str) -> list[str]:
        return [r[0] for r in self._conn.execute(
            "SELECT DISTINCT record_id FROM record_persons WHERE mother_key = ? AND "
            "record_id != ?", (key, exclude))]

    def search_ids(self, folded_query: str, limit: int = 200) -> list[str]:
        """Prefix match of every folded token (FTS5), best match first."""
        tokens = [t for t in folded_query.replace('"', " ").split() if t]
        if not tokens:
            return []
        expression = " ".join(f'"{t}"*' for t in tokens)
        return [r[0] for r in self._conn.execute(
            "SELECT record_id FROM record_search WHERE record_search MATCH ? ORDER BY rank "
            "LIMIT ?", (expression, limit))]
