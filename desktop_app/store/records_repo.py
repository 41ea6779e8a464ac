"""Records, their events, the person index and folded full-text search.

Inserting or updating a record refreshes its index in the same statement batch, so a saved
record is always found by search and by the duplicate checks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any, NamedTuple

import orjson

from desktop_app.domain.indexing import (
    LOOKED_UP_ROLES,
    MATCHED_ROLE,
    SPOUSE_ROLES,
    PersonEntry,
    persons,
    search_text,
)
from desktop_app.domain.text import fold_compact
from desktop_app.record import (
    JSONObject,
    RecordEvent,
    RecordPage,
    RecordVersion,
    StoredRecord,
    undecoded_key,
)
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


# orjson reads an integer beyond 64 bits as a float: a text with a number of 19 digits or more
# is read by the standard decoder, exactly. A JSON number begins the text or follows "[", ","
# or ":" and whitespace (a string of digits is left to orjson, which keeps it as it is). The
# start is matched apart: an alternation with "^" makes the search 3x slower (a 200-record
# search page spent more time here than decoding).
_LONG_NUMBER = re.compile(r"[:,\[][ \t\n\r]*-?[0-9]{19}")
_LONG_NUMBER_FIRST = re.compile(r"[ \t\n\r]*-?[0-9]{19}")


def _loads(text: object) -> Any:
    """Stored JSON back (orjson: decoding whole records is most of a search page's time)."""
    stored = str(text)
    if _LONG_NUMBER.search(stored) or _LONG_NUMBER_FIRST.match(stored):
        return json.loads(stored)
    return orjson.loads(stored)


def _tuple(text: object) -> tuple[JSONObject, ...]:
    """A stored JSON list."""
    return tuple(_loads(text))


_DATA, _OVERRIDES, _ISSUES = (undecoded_key(n) for n in ("data", "overrides", "issues"))


def _row(row: Sequence[object]) -> StoredRecord:
    """A record as stored; its JSON fields are decoded when first read (_DecodedOnRead)."""
    (rid, rtype, status, hist, data, office, regno, number_int, book, reg_on, year, officer,
     verified, approved, signed, overrides, issues, links, supersedes, version, central,
     created, updated) = row
    values: dict[str, object] = {
        "id": str(rid), "type": str(rtype), "status": str(status), _DATA: (str(data), _loads),
        "office": str(office), "officer": str(officer),
        "created_at": datetime.fromisoformat(str(created)),
        "updated_at": datetime.fromisoformat(str(updated)), "is_historical": bool(hist),
        "registration_number": regno, "book_number": book, "registered_on": reg_on,
        "year": year, "number_int": number_int, "verified_by": verified,
        "approved_by": approved, "signed_by": signed, "links_to": links,
        "supersedes": supersedes, "version": int(str(version)), "central_id": central,
        "notes": (), "pending_notes": ()}
    # Most records have no overrides, and many no issues: those need no decoding at all.
    if overrides == "[]":
        values["overrides"] = ()
    else:
        values[_OVERRIDES] = (str(overrides), _tuple)
    if issues == "[]":
        values["issues"] = ()
    else:
        values[_ISSUES] = (str(issues), _tuple)
    return _stored(values)


def _stored(values: dict[str, object]) -> StoredRecord:
    """A StoredRecord of every one of its fields, read from the store: its frozen __init__
    sets the 25 fields one call each (5.7 µs a record against 1.5 µs here; a search page
    reads 200); the fields are set at once instead, as __init__ would set them, but for
    those left to decode on first read."""
    rec = object.__new__(StoredRecord)
    object.__setattr__(rec, "__dict__", values)
    return rec


class RecordPart(NamedTuple):
    """What a rule needs of another record: its kind and state, and only the top-level
    fields of its data asked for (those present)."""

    id: str
    type: str
    status: str
    registration_number: str | None
    data: JSONObject
    n: int = 0  # the record's integer key (the person index's)


# A party as PartySummary holds it: full name, date of birth, personal ID (each a non-blank
# text, else None).
PartyFields = tuple[str | None, str | None, str | None]
_PARTY_FIELDS = ("full_name", "date_of_birth", "personal_id")


class PartiesPart(NamedTuple):
    """Another record's kind and state, and some of its parties (parties_by_n)."""

    n: int
    id: str
    type: str
    status: str
    registration_number: str | None
    parties: tuple[PartyFields, ...]  # in the order of the roles asked for


def _text_or_none(value: object) -> str | None:
    """get_str's reading of a field: a non-blank text, else None."""
    return value if isinstance(value, str) and value.strip() else None


# A spouse as held_spouses is asked about: (name key, lo, hi, personal ID or "").
SpouseLike = tuple[str, str, str, str]


class PartyEntry(NamedTuple):
    """A party as the person index holds it (its folded name is the one asked for), with its
    record's kind and state."""

    record_n: int  # its record's n (parts_by_n)
    role: str
    date_of_birth: str | None
    personal_id: str | None
    record_type: str
    status: str


_CHUNK = 500  # ids per IN (...) list
_NO_LIMIT_N = 1 << 62
_SELECT_R = ", ".join(f"r.{c.strip()}" for c in _COLUMNS.split(","))
# One query returns a search page: the records whose folded full name is the query (by the
# name-key index), then the other full-text matches (FTS5 walks its doclist in rowid order and
# stops at the limit), each tier newest first. Keyset cursor: (tier, n).
_SEARCH = f"""
SELECT * FROM (
    SELECT 0 AS tier, r.n AS n, {_SELECT_R} FROM records AS r
    WHERE :tier = 0 AND r.n IN (
        SELECT DISTINCT p.record_n FROM record_persons AS p
        WHERE p.name_key = :key AND p.record_n < :before
        ORDER BY p.record_n DESC LIMIT :limit)
    ORDER BY r.n DESC)
UNION ALL
SELECT * FROM (
    SELECT 1, r.n, {_SELECT_R} FROM record_text AS t JOIN records AS r ON r.n = t.rowid
    WHERE record_text MATCH :expr AND t.rowid < :before_text
      AND NOT EXISTS (SELECT 1 FROM record_persons AS p
                      WHERE p.name_key = :key AND p.record_n = r.n)
    ORDER BY t.rowid DESC LIMIT :limit)
LIMIT :limit
"""


# The words of the full-text index that begin with a prefix, walked one seek at a time in
# the vocabulary (schema 12): a few index lookups, however many records hold them.
_TERMS = """
WITH RECURSIVE terms(term) AS (
    SELECT (SELECT term FROM record_text_terms WHERE term >= :prefix LIMIT 1)
    UNION ALL
    SELECT (SELECT v.term FROM record_text_terms AS v
            WHERE v.term >= terms.term || char(0) LIMIT 1)
    FROM terms WHERE substr(terms.term, 1, :size) = :prefix
    LIMIT :cap)
SELECT term FROM terms WHERE substr(term, 1, :size) = :prefix
"""
_PREFIX_INDEXED = 3  # record_text keeps prefix indexes of 1 to 3 characters (schema 6)
_MAX_TERMS = 32  # more words than this: the prefix query as it is
_WORD = re.compile(r"[a-z0-9]+")  # one token as the tokenizer keeps it (already folded)


def _match_expression(folded_query: str,
                      words: Callable[[str], list[str] | None] = lambda _t: None) -> str:
    """Every folded token as a prefix (FTS5 syntax; quotes dropped). A token longer than the
    prefix indexes is asked as the words it begins (``words``): FTS5 reads a prefix without
    its own index by merging the whole of every matching word's list before the first row
    ("nguyen"* costs ~30 ms at a million records), an OR of those words is read lazily, from
    the newest row, and stops at the page."""
    parts = []
    for token in (t for t in folded_query.replace('"', " ").split() if t):
        found = (words(token) if len(token) > _PREFIX_INDEXED and _WORD.fullmatch(token)
                 else None)
        if found:
            parts.append("(" + " OR ".join(f'"{w}"' for w in found) + ")")
        else:
            parts.append(f'"{token}"*')
    return " AND ".join(parts)  # FTS5 has no implicit AND after a group


class RecordsRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def insert(self, rec: StoredRecord) -> None:
        marks = ", ".join("?" * len(_COLUMNS.split(",")))
        # n: the record's stable integer key (the full-text index's rowid).
        (n,) = self._conn.execute(
            f"INSERT INTO records (n, {_COLUMNS}) VALUES ("
            f"(SELECT coalesce(max(n), 0) + 1 FROM records), {marks}) RETURNING n",
            _params(rec)).fetchone()
        self._index(rec, int(n))

    def update(self, rec: StoredRecord) -> None:
        """Replace the stored record; its index entries are rewritten only if what they are
        made of changed (a status change, an approval's number, a signature leave the
        parties as they were: ~30 pages fewer to write and fsync)."""
        before = self._conn.execute(
            "SELECT type, data, registration_number, book_number FROM records WHERE id = ?",
            (rec.id,)).fetchone()
        names = [c.strip() for c in _COLUMNS.split(",")][1:]
        assignments = ", ".join(f"{n} = ?" for n in names)
        params = _params(rec)
        row = self._conn.execute(f"UPDATE records SET {assignments} WHERE id = ? RETURNING n",
                                 (*params[1:], rec.id)).fetchone()
        if row is None or before is None:
            return
        n = int(row[0])
        old_type, old_data, old_number, old_book = before
        same_parties = old_type == rec.type and old_data == params[4]  # the data as stored
        if not same_parties:
            self._conn.execute("DELETE FROM record_persons WHERE record_n = ?", (n,))
            self._insert_persons(rec, n)
        text = search_text(rec.type, rec.data, rec.registration_number, rec.book_number)
        if same_parties and (old_number, old_book) == (rec.registration_number,
                                                       rec.book_number):
            return
        if not same_parties or text != search_text(old_type, rec.data, old_number, old_book):
            self._conn.execute("DELETE FROM record_text WHERE rowid = ?", (n,))
            self._conn.execute("INSERT INTO record_text (rowid, text) VALUES (?, ?)",
                               (n, text))

    def _index(self, rec: StoredRecord, n: int) -> None:
        """A new record's person entries and search text."""
        self._insert_persons(rec, n)
        self._conn.execute("INSERT INTO record_text (rowid, text) VALUES (?, ?)",
                           (n, search_text(rec.type, rec.data, rec.registration_number,
                                           rec.book_number)))

    def _insert_persons(self, rec: StoredRecord, n: int) -> None:
        self._conn.executemany(
            "INSERT INTO record_persons (record_n, role, match_key, name_key, mother_key, "
            "date_of_birth, event_date, personal_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(n, p.role, p.match_key, p.name_key, p.mother_key, p.date_of_birth,
              p.event_date, p.personal_id) for p in persons(rec.type, rec.data)])

    # -- earlier versions -----------------------------------------------------------------
    def keep_version(self, rec: StoredRecord, *, at: datetime, by: str,
                     cause: str | None) -> None:
        """Keep ``rec`` (as stored now) before a later act replaces its data."""
        self._conn.execute(
            "INSERT INTO record_versions (record_id, version, data, replaced_at, replaced_by, "
            "cause) VALUES (?, ?, ?, ?, ?, ?)",
            (rec.id, rec.version, _dump(rec.data), at.isoformat(), by, cause))

    def version_data(self, record_id: str, version: int) -> JSONObject | None:
        """The data a replaced version held (None: that version was never replaced)."""
        row = self._conn.execute("SELECT data FROM record_versions WHERE record_id = ? AND "
                                 "version = ?", (record_id, version)).fetchone()
        return json.loads(str(row[0])) if row else None

    def versions(self, record_id: str) -> list[RecordVersion]:
        """The replaced versions of a record, oldest first."""
        rows = self._conn.execute(
            "SELECT version, data, replaced_at, replaced_by, cause FROM record_versions "
            "WHERE record_id = ? ORDER BY version", (record_id,))
        return [RecordVersion(record_id, int(r[0]), json.loads(str(r[1])),
                              datetime.fromisoformat(str(r[2])), str(r[3]), r[4])
                for r in rows]

    def get(self, record_id: str) -> StoredRecord | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM records WHERE id = ?",
                                 (record_id,)).fetchone()
        return _row(row) if row else None

    def find_by_prefix(self, prefix: str, limit: int = 2) -> list[StoredRecord]:
        """Records whose id starts with ``prefix`` (people type the first 8 characters).
        Ids are lower-case; a range keeps to the primary key (LIKE would scan)."""
        low = prefix.lower()
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM records WHERE id >= ? AND id < ? "
                                  "ORDER BY id LIMIT ?", (low, low + "\U0010ffff", limit))
        return [_row(r) for r in rows]

    def list_records(self, *, status: str | None = None, record_type: str | None = None,
                     limit: int = 1000, offset: int = 0) -> list[StoredRecord]:
        where, params = self._filters(status, record_type)
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM records {where} ORDER BY "
                                  "created_at, id LIMIT ? OFFSET ?",
                                  (*params, limit, offset)).fetchall()
        return [_row(r) for r in rows]

    def list_page(self, *, status: str | None = None, record_type: str | None = None,
                  after: str | None = None, limit: int = 200) -> RecordPage:
        """Oldest first, by keyset: a page costs the same at any depth."""
        clauses, params = self._clauses(status, record_type)
        if after:
            created, _, record_id = after.partition("|")
            clauses.append("(created_at, id) > (?, ?)")
            params += [created, record_id]
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM records {where} ORDER BY "
                                  "created_at, id LIMIT ?", (*params, limit + 1)).fetchall()
        found = tuple(_row(r) for r in rows[:limit])
        more = len(rows) > limit
        return RecordPage(found, f"{rows[limit - 1][-2]}|{rows[limit - 1][0]}"
                          if more and found else None)

    @staticmethod
    def _clauses(status: str | None, record_type: str | None) -> tuple[list[str], list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if status:
            clauses.append("status = ?")
            params.append(status)
        if record_type:
            clauses.append("type = ?")
            params.append(record_type)
        return clauses, params

    def _filters(self, status: str | None, record_type: str | None
                 ) -> tuple[str, list[object]]:
        clauses, params = self._clauses(status, record_type)
        return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params

    def recent(self, status: str, limit: int) -> list[StoredRecord]:
        """The most recently changed records of a status (queues)."""
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM records WHERE status = ? "
                                  "ORDER BY updated_at DESC, created_at, id LIMIT ?",
                                  (status, limit))
        return [_row(r) for r in rows]

    def count_by_status(self) -> dict[str, int]:
        """From the counters the triggers keep (schema 6): never a count of the register."""
        return {str(s): int(n) for s, n in self._conn.execute(
            "SELECT status, sum(n) FROM record_counts GROUP BY status HAVING sum(n) > 0")}

    def created_per_hour(self, since: str) -> list[tuple[str, str, int]]:
        """(hour "YYYY-MM-DDTHH", offset suffix, count) of records created from ``since``
        (an ISO moment), for the dashboard's days: the hours after the one ``since`` falls in
        from the counters the triggers keep (schema 15), that hour itself counted from its
        records (``since`` may be within it). Bounded by the hours asked, not the register."""
        return [(str(h), str(tz), int(n)) for h, tz, n in self._conn.execute(
            "SELECT hour, tz, n FROM record_hours WHERE hour > substr(:since, 1, 13) AND n > 0 "
            "UNION ALL "
            "SELECT substr(created_at, 1, 13), substr(created_at, -6), count(*) FROM records "
            "WHERE created_at >= :since AND created_at < substr(:since, 1, 13) || ';' "
            "GROUP BY 1, 2", {"since": since})]

    def count_registered_on(self, day: str) -> int:
        """Registrations made on this device on ``day`` (historical entries excluded)."""
        return int(self._conn.execute(
            "SELECT count(*) FROM records WHERE registered_on = ? AND is_historical = 0",
            (day,)).fetchone()[0])

    def linked_to(self, original_id: str) -> list[StoredRecord]:
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM records WHERE links_to = ? "
                                  "ORDER BY created_at", (original_id,)).fetchall()
        return [_row(r) for r in rows]

    def by_ids(self, ids: Iterable[str]) -> list[StoredRecord]:
        """The records found, in the order of ``ids`` (one query per 500)."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, StoredRecord] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            for row in self._conn.execute(
                    f"SELECT {_COLUMNS} FROM records WHERE id IN ({marks})", chunk):
                rec = _row(row)
                found[rec.id] = rec
        return [found[i] for i in wanted if i in found]

    def parts(self, ids: Iterable[str], keys: Sequence[str], *,
              record_type: str | None = None) -> list[RecordPart]:
        """The records found (of ``record_type`` if given), in the order of ``ids``, each
        with only the fields ``keys`` of its data: the duplicate, twin and bigamy checks read
        many candidates and need a few parties of each, not the whole record decoded. (The
        type is filtered here, not in SQL: the planner would read every record of the type
        by its index instead of the ids by the primary key.)"""
        return self._parts("id", list(dict.fromkeys(ids)), keys, record_type)

    def parts_by_n(self, ns: Iterable[int], keys: Sequence[str], *,
                   record_type: str | None = None) -> list[RecordPart]:
        """parts() of the records with these n (what the person index lookups answer)."""
        return self._parts("n", list(dict.fromkeys(ns)), keys, record_type)

    def parties_by_n(self, ns: Iterable[int], roles: Sequence[str], *,
                     record_type: str) -> list[PartiesPart]:
        """The records of ``record_type`` with these n, with each of their parties in
        ``roles`` as PartyFields. The fields are picked out by SQLite in one small JSON list
        per record: decoding the parties' whole objects was most of the time a marriage's
        bigamy context took at a million records (~30 namesake marriages each)."""
        wanted = list(dict.fromkeys(ns))
        paths = [f"$.{role}.{key}" for role in roles for key in _PARTY_FIELDS]
        picked = ", ".join("?" * len(paths))
        found: dict[int, PartiesPart] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            for n, rid, rtype, status, number, fields in self._conn.execute(
                    f"SELECT n, id, type, status, registration_number, "
                    f"json_extract(data, {picked}) FROM records WHERE n IN ({marks})",
                    (*paths, *chunk)):
                if rtype != record_type:  # (see parts: not in SQL)
                    continue
                values = [_text_or_none(v) for v in orjson.loads(fields)]
                parties = tuple((values[i], values[i + 1], values[i + 2])
                                for i in range(0, len(values), len(_PARTY_FIELDS)))
                found[int(n)] = PartiesPart(int(n), str(rid), str(rtype), str(status),
                                            number, parties)
        return [found[n] for n in wanted if n in found]

    def indexed_parties(self, ns: Iterable[int], roles: Sequence[str]
                        ) -> dict[int, dict[str, PartyFields]]:
        """The parties in ``roles`` of the records with these n, as the person index holds
        them: (folded name, date of birth, personal ID) by role, from its primary key, no
        record read (a party without a name has no entry)."""
        wanted = list(dict.fromkeys(ns))
        found: dict[int, dict[str, PartyFields]] = {}
        marks = ", ".join("?" * len(roles))
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            for n, role, name_key, born, personal_id in self._conn.execute(
                    "SELECT record_n, role, name_key, date_of_birth, personal_id "
                    f"FROM record_persons WHERE record_n IN ({', '.join('?' * len(chunk))}) "
                    f"AND role IN ({marks})", (*chunk, *roles)):
                found.setdefault(int(n), {})[str(role)] = (name_key, born, personal_id)
        return found

    def _parts(self, column: str, wanted: Sequence[str] | Sequence[int], keys: Sequence[str],
               record_type: str | None) -> list[RecordPart]:
        picked = "".join(", data -> ?" for _ in keys)
        paths = [f"$.{key}" for key in keys]
        found: dict[object, RecordPart] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            for row in self._conn.execute(
                    f"SELECT n, id, type, status, registration_number{picked} "
                    f"FROM records WHERE {column} IN ({marks})", (*paths, *chunk)):
                if record_type and row[2] != record_type:
                    continue
                data = {key: _loads(value)
                        for key, value in zip(keys, row[5:], strict=True)
                        if value is not None}
                found[row[0] if column == "n" else row[1]] = RecordPart(
                    str(row[1]), str(row[2]), str(row[3]), row[4], data, int(row[0]))
        return [found[k] for k in wanted if k in found]

    # -- events ---------------------------------------------------------------------------
    # A record's history is keyed by its n (schema 22): an event of a record not in the store
    # has no n, and NOT NULL refuses it as the reference to the id did.
    def add_event(self, event: RecordEvent) -> None:
        self._conn.execute(_INSERT_EVENT, (event.record_id, event.at.isoformat(), event.actor,
                                           event.action, event.from_status, event.to_status,
                                           event.reason))

    def events(self, record_id: str) -> list[RecordEvent]:
        rows = self._conn.execute(
            "SELECT at, actor, action, from_status, to_status, reason FROM record_events "
            "WHERE record_n = (SELECT n FROM records WHERE id = ?) ORDER BY id", (record_id,))
        return [RecordEvent(record_id, datetime.fromisoformat(r[0]), r[1], r[2], r[3], r[4],
                            r[5]) for r in rows]

    # -- person index and search ----------------------------------------------------------
    # The lookups answer records' n (the person index's key, schema 20): their candidates are
    # then read by parts_by_n, and an entry a caller drops costs no read of its record.
    def ns_by_match_key(self, keys: Iterable[str], exclude: str) -> list[int]:
        """Births whose child has one of these match keys (the index holds children only)."""
        found: list[int] = []
        for key in set(keys):
            found += [int(r[0]) for r in self._conn.execute(
                f"SELECT DISTINCT record_n FROM record_persons WHERE match_key = ? AND "
                f"{_MATCHED} AND {_NOT_EXCLUDED}", (key, exclude))]
        return found

    def ns_by_name_key(self, keys: Iterable[str], exclude: str,
                       roles: Sequence[str] = ()) -> list[int]:
        """Records where a party has one of these folded names (in one of ``roles``: then
        from the name-and-role index, never every party of that name)."""
        if roles:
            marks = ", ".join("?" * _looked_up(roles))
            sql = (f"SELECT DISTINCT record_n {_FROM_SPOUSE} WHERE name_key = ? AND "
                   f"{_NOT_EXCLUDED} AND {_LOOKED_UP} AND role IN ({marks})")
        else:
            sql = (f"SELECT DISTINCT record_n FROM record_persons WHERE name_key = ? AND "
                   f"{_NOT_EXCLUDED}")
        found: list[int] = []
        for key in set(keys):
            found += [int(r[0]) for r in self._conn.execute(sql, (key, exclude, *roles))]
        return found

    def parties_like(self, name_key: str, exclude: str, *, roles: Sequence[str],
                     born: str | None, personal_id: str | None) -> Iterator[PartyEntry]:
        """The parties in one of ``roles`` who may be this person (same_person): the same
        folded name and the same personal ID, or, unless both IDs decide, the same birth
        year or a date missing on either side. ``born`` is a year "YYYY" (or None). Ranges
        of the spouse indexes (by date; by ID), their records' state from records_state:
        answered from indexes alone; read lazily, each range a query of its own (SQLite
        seeks one range of an index per query: "date in the year or none" read every date)."""
        marks = ", ".join("?" * _looked_up(roles))
        select = "SELECT record_n, role, date_of_birth, personal_id, r.type, r.status "
        where = (f" JOIN records AS r INDEXED BY records_state ON r.n = record_n "
                 f"WHERE name_key = ? AND {_LOOKED_UP} AND role IN ({marks}) "
                 f"AND {_NOT_EXCLUDED} AND ")
        asked = (name_key, *roles, exclude)
        ranges: list[tuple[str, tuple[str, ...]]] = []
        if personal_id:
            ranges.append((f"{select}{_FROM_SPOUSE_ID}{where}personal_id = ?", (personal_id,)))
        unknown = "personal_id IS NULL AND " if personal_id else ""
        if born:
            ranges += [(f"{select}{_FROM_SPOUSE}{where}{unknown}date_of_birth BETWEEN ? AND ?",
                        year_range(born)),
                       (f"{select}{_FROM_SPOUSE}{where}{unknown}date_of_birth IS NULL", ())]
        else:
            ranges.append((f"{select}{_FROM_SPOUSE}{where}{unknown}1", ()))
        for sql, values in ranges:
            yield from (PartyEntry(*row) for row in self._conn.execute(sql, (*asked, *values)))

    def ns_by_mother_key(self, key: str, exclude: str, born_from: str | None = None,
                         born_to: str | None = None) -> list[int]:
        """Births to that mother, narrowed to children born between the two ISO dates
        (inclusive) when given: the twin check needs only days around the child's birth."""
        if born_from is None or born_to is None:
            rows = self._conn.execute(
                "SELECT DISTINCT record_n FROM record_persons WHERE mother_key = ? AND "
                f"{_NOT_EXCLUDED}", (key, exclude))
        else:
            rows = self._conn.execute(
                "SELECT DISTINCT record_n FROM record_persons WHERE mother_key = ? AND "
                f"date_of_birth BETWEEN ? AND ? AND {_NOT_EXCLUDED}",
                (key, born_from, born_to, exclude))
        return [int(r[0]) for r in rows]

    def search_ids(self, folded_query: str, limit: int = 200) -> list[str]:
        """The ids of the first search page (see search_page)."""
        return [r.id for r in self.search_page(folded_query, limit=limit).records]

    def _words_beginning(self, prefix: str) -> list[str] | None:
        """The indexed words that begin with ``prefix`` (None: more than _MAX_TERMS)."""
        found = [str(r[0]) for r in self._conn.execute(_TERMS, {
            "prefix": prefix, "size": len(prefix), "cap": _MAX_TERMS + 2})]
        return found if len(found) <= _MAX_TERMS else None

    def search_page(self, folded_query: str, *, after: str | None = None, limit: int = 50
                    ) -> RecordPage:
        """One query: exact folded names first, then prefix matches of every token, newest
        first; ``after`` is the cursor of the previous page."""
        expression = _match_expression(folded_query, self._words_beginning)
        if not expression:
            return RecordPage((), None)
        tier, before, before_text = 0, _NO_LIMIT_N, _NO_LIMIT_N
        if after:
            head, _, value = after.partition(":")
            if head == "1":
                tier, before_text = 1, int(value)
            else:
                before = int(value)
        rows = self._conn.execute(_SEARCH, {
            "tier": tier, "key": fold_compact(folded_query), "before": before,
            "before_text": before_text, "expr": expression, "limit": limit + 1}).fetchall()
        found = tuple(_row(r[2:]) for r in rows[:limit])
        if len(rows) <= limit or not found:
            return RecordPage(found, None)
        last = rows[limit - 1]
        return RecordPage(found, f"{last[0]}:{last[1]}")

    # -- list screens (appended by the paging helper, issue 13) ---------------------------
    def counts(self) -> dict[tuple[str, str], int]:
        """(status, type) -> records, from the counters the triggers keep (schema 6): a
        list screen's "of N" never counts the register."""
        return {(str(s), str(t)): int(n) for s, t, n in self._conn.execute(
            "SELECT status, type, n FROM record_counts WHERE n > 0")}

    def recent_page(self, statuses: Sequence[str], *, after: str | None = None,
                    limit: int = 200) -> RecordPage:
        """The most recently changed records of these statuses, newest first, by keyset
        (cursor "updated_at|id"): one arm per status walks its index and stops at the page,
        so a page costs the same however long the queue."""
        if not statuses:
            return RecordPage((), None)
        updated, _, record_id = (after or "").partition("|")
        if not after:
            updated = record_id = "\U0010ffff"  # after every ISO moment and every id
        arm = (f"SELECT * FROM (SELECT {_COLUMNS} FROM records WHERE status = ? AND "
               "updated_at <= ? AND (updated_at < ? OR id < ?) "
               "ORDER BY updated_at DESC, id DESC LIMIT ?)")
        params: list[object] = []
        for status in statuses:
            params += [status, updated, updated, record_id, limit + 1]
        rows = self._conn.execute(
            " UNION ALL ".join([arm] * len(statuses))
            + " ORDER BY updated_at DESC, id DESC LIMIT ?", (*params, limit + 1)).fetchall()
        found = tuple(_row(r) for r in rows[:limit])
        more = len(rows) > limit
        return RecordPage(found, f"{rows[limit - 1][-1]}|{rows[limit - 1][0]}"
                          if more and found else None)

    def created_keys(self, *, status: str, after: str | None = None, limit: int = 200
                     ) -> list[tuple[str, str]]:
        """(created_at, id) of a status's records, oldest first from the cursor "created|id"
        of list_page: read from the index alone, so lists merged from several statuses
        decode only the records they hand out."""
        created, _, record_id = (after or "").partition("|")
        return [(str(c), str(i)) for c, i in self._conn.execute(
            "SELECT created_at, id FROM records WHERE status = ? AND (created_at, id) > (?, ?) "
            "ORDER BY created_at, id LIMIT ?", (status, created, record_id, limit))]

    # -- bulk import (appended by helper "import", issue 13) ------------------------------
    def insert_indexed(self, rec: StoredRecord, entries: Sequence[Sequence[object]],
                       text: str, data_json: str, issues_json: str) -> None:
        """insert() with what it would compute given: ``entries``, ``text``, ``data_json``
        and ``issues_json`` must be person_rows(indexing.persons), indexing.search_text and
        data_json of the record's data and issues (a bulk import computes them in its
        preparing process, off the writer)."""
        self.insert_many_indexed([Indexed(rec, entries, text, data_json, issues_json)])

    def insert_many_indexed(self, items: Sequence[Indexed]) -> None:
        """insert_indexed of each, in order, three statements in all (a bulk import writes
        its entries in runs: one call a row costs more than SQLite's work for it)."""
        if not items:
            return
        (first,) = self._conn.execute("SELECT coalesce(max(n), 0) + 1 FROM records").fetchone()
        iso = _Moments()  # an import's records share their moment
        self._conn.executemany(_INSERT_INDEXED, [
            (n, rec.id, rec.type, rec.status, int(rec.is_historical), data, rec.office,
             rec.registration_number, rec.number_int, rec.book_number, rec.registered_on,
             rec.year, rec.officer, rec.verified_by, rec.approved_by, rec.signed_by,
             _dump(list(rec.overrides)) if rec.overrides else "[]", issues, rec.links_to,
             rec.supersedes, rec.version, rec.central_id, iso(rec.created_at),
             iso(rec.updated_at))
            for n, (rec, _, _, data, issues) in enumerate(items, start=int(first))])
        self._conn.executemany(
            "INSERT INTO record_persons (record_n, role, match_key, name_key, mother_key, "
            "date_of_birth, event_date, personal_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(n, *row) for n, item in enumerate(items, start=int(first))
             for row in item.persons])
        self._conn.executemany("INSERT INTO record_text (rowid, text) VALUES (?, ?)",
                               [(n, item.text) for n, item in enumerate(items, start=int(first))])

    def held_keys(self, column: str, values: Iterable[str]) -> set[str]:
        """Which of ``values`` some party in the person index has in ``column`` (match_key,
        name_key or mother_key), among the parties the lookups by that column read: a bulk
        import asks once for a whole batch, from each column's index, and builds a context
        only for the entries that have one."""
        if column not in _KEY_COLUMNS:
            raise ValueError(f"not a key column of record_persons: {column}")
        # only the rows that column's lookups read (the mother's key: a child's only)
        rows = {"match_key": f" AND {_MATCHED}", "name_key": f" AND {_LOOKED_UP}"}.get(column, "")
        wanted = list(set(values))
        held: set[str] = set()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            held.update(str(r[0]) for r in self._conn.execute(
                f"SELECT DISTINCT {column} FROM record_persons WHERE {column} IN "
                f"({', '.join('?' * len(chunk))}){rows}", chunk))
        return held

    def held_spouses(self, wanted: Iterable[SpouseLike]) -> set[SpouseLike]:
        """Which of these spouses of new marriages (name key, birth dates lo..hi, personal
        ID or "") some husband or wife in the index may be, as parties_like finds them: the
        name, and a date in the range or none, or the same ID (a bulk import asks once a
        chunk, and reads bigamy's context only for the marriages that have one). Each
        stops at the first such party: a common name has hundreds at a million records."""
        asked = list(set(wanted))
        held: set[SpouseLike] = set()
        step = _CHUNK // 4
        for start in range(0, len(asked), step):
            chunk = asked[start:start + step]
            rows = ", ".join("(?, ?, ?, ?)" for _ in chunk)
            held.update((str(k), str(lo), str(hi), str(pid)) for k, lo, hi, pid in
                        self._conn.execute(
                f"WITH w (k, lo, hi, pid) AS (VALUES {rows}) SELECT w.k, w.lo, w.hi, w.pid "
                f"FROM w WHERE EXISTS (SELECT 1 {_FROM_SPOUSE} {_NAMESAKE} AND "
                "date_of_birth BETWEEN w.lo AND w.hi) "
                f"OR EXISTS (SELECT 1 {_FROM_SPOUSE} {_NAMESAKE} AND date_of_birth IS NULL) "
                f"OR (w.pid != '' AND EXISTS (SELECT 1 {_FROM_SPOUSE_ID} {_NAMESAKE} "
                "AND personal_id = w.pid))", [v for m in chunk for v in m]))
        return held

    def held_births(self, mothers: Iterable[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
        """Which of these (mother_key, born from, born to) some birth's child matches, as
        ids_by_mother_key narrows them (the dates are ISO text, compared as SQLite does)."""
        wanted = list(set(mothers))
        held: set[tuple[str, str, str]] = set()
        step = _CHUNK // 3
        for start in range(0, len(wanted), step):
            chunk = wanted[start:start + step]
            rows = ", ".join("(?, ?, ?)" for _ in chunk)
            held.update((str(k), str(lo), str(hi)) for k, lo, hi in self._conn.execute(
                f"WITH w (k, lo, hi) AS (VALUES {rows}) SELECT DISTINCT w.k, w.lo, w.hi "
                "FROM w JOIN record_persons p ON p.mother_key = w.k AND p.date_of_birth "
                "BETWEEN w.lo AND w.hi", [v for m in chunk for v in m]))
        return held

    def page_cache(self, kib: int) -> int:
        """Set this connection's page cache to ``kib`` KiB; returns the size it had (a bulk
        import writes with a bigger one, then gives it back)."""
        (pages,) = self._conn.execute("PRAGMA cache_size").fetchone()
        self._conn.execute(f"PRAGMA cache_size = {-int(kib):d}")
        page_size = int(self._conn.execute("PRAGMA page_size").fetchone()[0])
        return -int(pages) if int(pages) < 0 else int(pages) * page_size // 1024

    def add_events(self, events: Iterable[RecordEvent]) -> None:
        """add_event for many, in one statement (the events of an import batch)."""
        iso = _Moments()  # the events of a batch share their moment
        self._conn.executemany(
            _INSERT_EVENT, [(e.record_id, iso(e.at), e.actor, e.action, e.from_status,
                             e.to_status, e.reason) for e in events])

    # -- list screens (paging helper, continued) ------------------------------------------
    def unverified_page(self, *, after: str | None = None, limit: int = 200) -> RecordPage:
        """Submitted historical entries nobody has verified yet, oldest first by keyset (the
        cursor of list_page), from their partial index (schema 17)."""
        created, _, record_id = (after or "").partition("|")
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM records WHERE status = 'submitted' AND is_historical = 1 "
            "AND verified_by IS NULL AND (created_at, id) > (?, ?) ORDER BY created_at, id "
            "LIMIT ?", (created, record_id, limit + 1)).fetchall()
        found = tuple(_row(r) for r in rows[:limit])
        more = len(rows) > limit
        return RecordPage(found, f"{rows[limit - 1][-2]}|{rows[limit - 1][0]}"
                          if more and found else None)


# insert_indexed binds the columns in this order (as _params does): a change to _COLUMNS must
# change it too, and stops the program at once rather than storing records askew.
_INDEXED_COLUMNS = ("id, type, status, is_historical, data, office, registration_number, "
                    "number_int, book_number, registered_on, year, officer, verified_by, "
                    "approved_by, signed_by, overrides, issues, links_to, supersedes, version, "
                    "central_id, created_at, updated_at")
if _INDEXED_COLUMNS != _COLUMNS:
    raise RuntimeError("records_repo: insert_indexed does not bind _COLUMNS")
_INSERT_INDEXED = (f"INSERT INTO records (n, {_COLUMNS}) VALUES (?, "
                   f"{', '.join('?' * len(_COLUMNS.split(',')))})")
_KEY_COLUMNS = ("match_key", "name_key", "mother_key")
_INSERT_EVENT = ("INSERT INTO record_events (record_n, at, actor, action, from_status, "
                 "to_status, reason) VALUES ((SELECT n FROM records WHERE id = ?), "
                 "?, ?, ?, ?, ?, ?)")


def year_range(year: str) -> tuple[str, str]:
    """The ISO dates of a year "YYYY" as stored text compares them ("1980" to "1980-12-31")."""
    return year, f"{year}-99"


# A lookup leaves out the record being checked, given by id (its n, or none yet: evaluated once).
_NOT_EXCLUDED = "record_n IS NOT (SELECT n FROM records WHERE id = ?)"
# Named: the name-only index looks cheaper to the planner and reads every party of the name.
_FROM_SPOUSE = "FROM record_persons INDEXED BY record_persons_spouse"  # by name, role, date
_FROM_SPOUSE_ID = "FROM record_persons INDEXED BY record_persons_spouse_id"  # by personal ID
# The rows of the partial person indexes (schema 20), repeated word for word in their queries:
# SQLite uses a partial index only for a query whose WHERE holds the index's own terms.
_MATCHED = f"role = '{MATCHED_ROLE}'"  # record_persons_match
_LOOKED_UP = f"role IN ({', '.join(repr(r) for r in LOOKED_UP_ROLES)})"  # record_persons_spouse
_SPOUSES = f"({', '.join(repr(r) for r in SPOUSE_ROLES)})"
_NAMESAKE = f"WHERE name_key = w.k AND {_LOOKED_UP} AND role IN {_SPOUSES}"  # held_spouses


def _looked_up(roles: Sequence[str]) -> int:
    """How many roles; refuses one the spouse index does not hold (its rows would never be
    found, silently)."""
    if missing := set(roles) - set(LOOKED_UP_ROLES):
        raise ValueError(f"roles not in the spouse index: {sorted(missing)}")
    return len(roles)


class _Moments(dict[datetime, str]):
    """Moments as stored (ISO text), each formatted once."""

    def __call__(self, at: datetime) -> str:
        text = self.get(at)
        if text is None:
            text = self[at] = at.isoformat()
        return text


class Indexed(NamedTuple):
    """A record with its index entries and stored texts computed (insert_many_indexed)."""

    record: StoredRecord
    persons: Sequence[Sequence[object]]  # person_rows(indexing.persons(...))
    text: str  # indexing.search_text
    data_json: str  # data_json(record.data)
    issues_json: str  # data_json(list of the issues kept)


def data_json(data: JSONObject) -> str:
    """A record's data as the records table holds it (insert_indexed takes it ready)."""
    return _dump(data)


def person_rows(entries: Iterable[PersonEntry]) -> tuple[tuple[str | None, ...], ...]:
    """Person entries as insert_indexed takes them (the record_persons columns after the
    record's n, as _insert_persons writes them)."""
    return tuple((p.role, p.match_key, p.name_key, p.mother_key, p.date_of_birth,
                  p.event_date, p.personal_id) for p in entries)
