"""Signed extracts and their numbers, their PDFs (as attachments) and the supervisors'
certificates."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from desktop_app.store.database import Connection


@dataclass(frozen=True)
class ExtractRow:
    record_id: str
    extract_number: str
    is_copy: bool
    signed_by: str
    signed_at: str
    data_digest: str
    pdf_sha256: str
    needs_timestamp: bool


@dataclass(frozen=True)
class AttachmentRow:
    """One file linked to a record (its bytes stay in the store until asked for)."""

    sha256: str
    kind: str
    media_type: str
    size: int
    created_at: str
    uploaded: bool


@dataclass(frozen=True)
class CertificateRow:
    username: str
    pkcs12: bytes
    certificate_der: bytes
    fingerprint: str
    subject: str
    not_after: str
    imported_at: str


_EXTRACT_COLUMNS = ("record_id, extract_number, is_copy, signed_by, signed_at, data_digest, "
                    "pdf_sha256, needs_timestamp")
_CERT_COLUMNS = "username, pkcs12, certificate_der, fingerprint, subject, not_after, imported_at"


def _extract(row: tuple[object, ...]) -> ExtractRow:
    return ExtractRow(str(row[0]), str(row[1]), bool(row[2]), str(row[3]), str(row[4]),
                      str(row[5]), str(row[6]), bool(row[7]))


def _cert(row: tuple[str, bytes, bytes, str, str, str, str]) -> CertificateRow:
    return CertificateRow(row[0], bytes(row[1]), bytes(row[2]), row[3], row[4], row[5], row[6])


class AttachmentsRepository:
    """Content-addressed files (SHA-256) kept inside the encrypted store."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def put(self, record_id: str, content: bytes, media_type: str, kind: str,
            at: datetime) -> str:
        """The same bytes are stored once; returns their SHA-256."""
        digest = hashlib.sha256(content).hexdigest()
        self._conn.execute(
            "INSERT INTO attachments (sha256, size, media_type, content, created_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING",
            (digest, len(content), media_type, content, at.isoformat()))
        self._conn.execute("INSERT INTO record_attachments (record_id, sha256, kind) "
                           "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", (record_id, digest, kind))
        return digest

    def keep(self, content: bytes, media_type: str, at: datetime) -> str:
        """Content kept without a record yet (a page of a book being digitised; it travels
        once an entry of that page links it with :meth:`put`). Returns its SHA-256."""
        digest = hashlib.sha256(content).hexdigest()
        self._conn.execute(
            "INSERT INTO attachments (sha256, size, media_type, content, created_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING",
            (digest, len(content), media_type, content, at.isoformat()))
        return digest

    def get(self, sha256: str) -> bytes | None:
        row = self._conn.execute("SELECT content FROM attachments WHERE sha256 = ?",
                                 (sha256,)).fetchone()
        return bytes(row[0]) if row else None

    def of_record(self, record_id: str) -> list[tuple[str, str, int]]:
        """(sha256, kind, uploaded) of a record's attachments."""
        return [(r[0], r[1], int(r[2])) for r in self._conn.execute(
            "SELECT sha256, kind, uploaded FROM record_attachments WHERE record_id = ? "
            "ORDER BY rowid", (record_id,))]

    def rows_of(self, record_id: str) -> list[AttachmentRow]:
        """A record's attachments with their type and size, oldest first."""
        return [AttachmentRow(str(r[0]), str(r[1]), str(r[2]), int(r[3]), str(r[4]),
                              bool(r[5])) for r in self._conn.execute(
            "SELECT ra.sha256, ra.kind, a.media_type, a.size, a.created_at, ra.uploaded "
            "FROM record_attachments ra JOIN attachments a ON a.sha256 = ra.sha256 "
            "WHERE ra.record_id = ? ORDER BY ra.rowid", (record_id,))]

    def remove(self, record_id: str, sha256: str) -> None:
        """Unlinks a record's attachment; the content goes once no record links it."""
        self._conn.execute("DELETE FROM record_attachments WHERE record_id = ? AND sha256 = ?",
                           (record_id, sha256))
        # A book's page scan (book_pages) stays while its book holds it.
        self._conn.execute("DELETE FROM attachments WHERE sha256 = ? AND NOT EXISTS (SELECT 1 "
                           "FROM record_attachments WHERE sha256 = ?) AND NOT EXISTS (SELECT 1 "
                           "FROM book_pages WHERE sha256 = ?)", (sha256, sha256, sha256))

    def waiting_for_upload(self, outbox_states: tuple[str, ...]) -> list[tuple[str, str]]:
        """(sha256, media_type) not uploaded yet, of records with an outbox item in a state."""
        marks = ", ".join("?" * len(outbox_states))
        return [(str(r[0]), str(r[1])) for r in self._conn.execute(
            "SELECT DISTINCT ra.sha256, a.media_type FROM record_attachments ra JOIN "
            "attachments a ON a.sha256 = ra.sha256 JOIN outbox o ON o.record_id = ra.record_id "
            f"WHERE ra.uploaded = 0 AND o.state IN ({marks})", outbox_states).fetchall()]

    def count_not_uploaded(self) -> int:
        row = self._conn.execute("SELECT count(*) FROM record_attachments WHERE uploaded = 0"
                                 ).fetchone()
        return int(row[0])

    def mark_uploaded(self, sha256: str) -> None:
        self._conn.execute("UPDATE record_attachments SET uploaded = 1 WHERE sha256 = ?",
                           (sha256,))


class ExtractsRepository:
    def __init__(self, conn: Connection, attachments: AttachmentsRepository | None = None
                 ) -> None:
        self._conn = conn
        self._attachments = attachments or AttachmentsRepository(conn)

    def for_record(self, record_id: str) -> list[ExtractRow]:
        rows = self._conn.execute(f"SELECT {_EXTRACT_COLUMNS} FROM extracts WHERE "
                                  "record_id = ? ORDER BY id", (record_id,))
        return [_extract(r) for r in rows]

    def by_number(self, extract_number: str) -> ExtractRow | None:
        row = self._conn.execute(f"SELECT {_EXTRACT_COLUMNS} FROM extracts WHERE "
                                 "extract_number = ?", (extract_number,)).fetchone()
        return _extract(row) if row else None

    def reserve_number(self, year: int, code: str, record_id: str, at: datetime) -> int:
        """The next sequence of (year, code), reserved in the caller's write transaction: the
        primary key of extract_numbers makes a number impossible to hand out twice."""
        row = self._conn.execute(
            "INSERT INTO extract_numbers (year, code, seq, record_id, reserved_at) "
            "SELECT ?, ?, coalesce(max(seq), 0) + 1, ?, ? FROM extract_numbers "
            "WHERE year = ? AND code = ? RETURNING seq",
            (year, code, record_id, at.isoformat(), year, code)).fetchone()
        return int(row[0])

    def release_number(self, year: int, code: str, seq: int) -> None:
        """A reservation whose signing failed: the last one is handed out again."""
        self._conn.execute("DELETE FROM extract_numbers WHERE year = ? AND code = ? AND seq = ?",
                           (year, code, seq))

    def add(self, row: ExtractRow) -> None:
        self._conn.execute(
            f"INSERT INTO extracts ({_EXTRACT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (row.record_id, row.extract_number, int(row.is_copy), row.signed_by, row.signed_at,
             row.data_digest, row.pdf_sha256, int(row.needs_timestamp)))

    def waiting_for_timestamp(self) -> list[ExtractRow]:
        """Original extracts signed offline (B-B) whose PDF has not left the device yet: the
        timestamp can still be added before the archive copy goes to the centre."""
        rows = self._conn.execute(
            f"SELECT {', '.join('e.' + c.strip() for c in _EXTRACT_COLUMNS.split(','))} "
            "FROM extracts e JOIN record_attachments ra ON ra.record_id = e.record_id "
            "AND ra.sha256 = e.pdf_sha256 WHERE e.needs_timestamp = 1 AND ra.uploaded = 0 "
            "ORDER BY e.id")
        return [_extract(r) for r in rows]

    def replace_pdf(self, row: ExtractRow, content: bytes, at: datetime) -> str:
        """The timestamped PDF takes the place of the one signed offline (same extract)."""
        digest = self._attachments.put(row.record_id, content, "application/pdf",
                                       "signed_extract", at)
        self._attachments.remove(row.record_id, row.pdf_sha256)
        self._conn.execute("UPDATE extracts SET pdf_sha256 = ?, needs_timestamp = 0 WHERE "
                           "extract_number = ?", (digest, row.extract_number))
        return digest

    def keep_without_timestamp(self, record_ids: list[str]) -> None:
        """Extracts that left as they are (in a USB bundle): their content is final."""
        self._conn.executemany("UPDATE extracts SET needs_timestamp = 0 WHERE record_id = ?",
                               [(r,) for r in record_ids])


class CertificatesRepository:
    """The supervisors' PKCS#12 files, kept as imported (still password-protected)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def put(self, row: CertificateRow) -> None:
        self._conn.execute(
            "INSERT INTO certificates (username, pkcs12, certificate_der, fingerprint, "
            "subject, not_after, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(username) DO UPDATE SET pkcs12 = excluded.pkcs12, "
            "certificate_der = excluded.certificate_der, "
            "fingerprint = excluded.fingerprint, subject = excluded.subject, "
            "not_after = excluded.not_after, imported_at = excluded.imported_at",
            (row.username, row.pkcs12, row.certificate_der, row.fingerprint, row.subject,
             row.not_after, row.imported_at))

    def get(self, username: str) -> CertificateRow | None:
        row = self._conn.execute(f"SELECT {_CERT_COLUMNS} FROM certificates WHERE "
                                 "username = ?", (username,)).fetchone()
        return _cert(row) if row else None

    def all(self) -> list[CertificateRow]:
        return [_cert(r) for r in self._conn.execute(
            f"SELECT {_CERT_COLUMNS} FROM certificates ORDER BY username")]
