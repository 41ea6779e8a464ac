"""Signed extracts, their PDFs (as attachments) and the supervisors' certificates."""

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


def _extract(row: tuple[object, ...]) -> ExtractRow:
    return ExtractRow(str(row[0]), str(row[1]), bool(row[2]), str(row[3]), str(row[4]),
                      str(row[5]), str(row[6]), bool(row[7]))


def for_record(conn: Connection, record_id: str) -> list[ExtractRow]:
    rows = conn.execute(f"SELECT {_EXTRACT_COLUMNS} FROM extracts WHERE record_id = ? "
                        "ORDER BY id", (record_id,))
    return [_extract(r) for r in rows]


def by_number(conn: Connection, extract_number: str) -> ExtractRow | None:
    row = conn.execute(f"SELECT {_EXTRACT_COLUMNS} FROM extracts WHERE extract_number = ?",
                       (extract_number,)).fetchone()
    return _extract(row) if row else None


def next_sequence(conn: Connection, year: int, code: str) -> int:
    row = conn.execute("SELECT count(*) FROM extracts WHERE extract_number LIKE ?",
                       (f"%/{year}/{code}",)).fetchone()
    return int(row[0]) + 1


def add(conn: Connection, row: ExtractRow) -> None:
    conn.execute(f"INSERT INTO extracts ({_EXTRACT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (row.record_id, row.extract_number, int(row.is_copy), row.signed_by,
                  row.signed_at, row.data_digest, row.pdf_sha256, int(row.needs_timestamp)))


def waiting_for_timestamp(conn: Connection) -> list[ExtractRow]:
    """Original extracts signed offline (B-B) whose PDF has not left the device yet: the
    timestamp can still be added before the archive copy goes to the centre."""
    rows = conn.execute(
        f"SELECT {', '.join('e.' + c.strip() for c in _EXTRACT_COLUMNS.split(','))} "
        "FROM extracts e JOIN record_attachments ra ON ra.record_id = e.record_id "
        "AND ra.sha256 = e.pdf_sha256 WHERE e.needs_timestamp = 1 AND ra.uploaded = 0 "
        "ORDER BY e.id")
    return [_extract(r) for r in rows]


def replace_pdf(conn: Connection, row: ExtractRow, content: bytes, at: datetime) -> str:
    """The timestamped PDF takes the place of the one signed offline (same extract)."""
    digest = put_attachment(conn, row.record_id, content, "application/pdf", "signed_extract",
                            at)
    conn.execute("DELETE FROM record_attachments WHERE record_id = ? AND sha256 = ?",
                 (row.record_id, row.pdf_sha256))
    conn.execute("DELETE FROM attachments WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM "
                 "record_attachments WHERE sha256 = ?)", (row.pdf_sha256, row.pdf_sha256))
    conn.execute("UPDATE extracts SET pdf_sha256 = ?, needs_timestamp = 0 WHERE "
                 "extract_number = ?", (digest, row.extract_number))
    return digest


def keep_without_timestamp(conn: Connection, record_ids: list[str]) -> None:
    """Extracts that left as they are (in a USB bundle): their content is final."""
    conn.executemany("UPDATE extracts SET needs_timestamp = 0 WHERE record_id = ?",
                     [(r,) for r in record_ids])


def put_attachment(conn: Connection, record_id: str, content: bytes, media_type: str,
                   kind: str, at: datetime) -> str:
    """Content-addressed (SHA-256); the same bytes are stored once."""
    digest = hashlib.sha256(content).hexdigest()
    conn.execute("INSERT INTO attachments (sha256, size, media_type, content, created_at) "
                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING",
                 (digest, len(content), media_type, content, at.isoformat()))
    conn.execute("INSERT INTO record_attachments (record_id, sha256, kind) VALUES (?, ?, ?) "
                 "ON CONFLICT DO NOTHING", (record_id, digest, kind))
    return digest


def attachment(conn: Connection, sha256: str) -> bytes | None:
    row = conn.execute("SELECT content FROM attachments WHERE sha256 = ?", (sha256,)).fetchone()
    return bytes(row[0]) if row else None


def attachments_of(conn: Connection, record_id: str) -> list[tuple[str, str, int]]:
    """(sha256, kind, uploaded) of a record's attachments."""
    return [(r[0], r[1], int(r[2])) for r in conn.execute(
        "SELECT sha256, kind, uploaded FROM record_attachments WHERE record_id = ? "
        "ORDER BY rowid", (record_id,))]


def put_certificate(conn: Connection, row: CertificateRow) -> None:
    conn.execute("INSERT INTO certificates (username, pkcs12, certificate_der, fingerprint, "
                 "subject, not_after, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT(username) DO UPDATE SET pkcs12 = excluded.pkcs12, "
                 "certificate_der = excluded.certificate_der, "
                 "fingerprint = excluded.fingerprint, subject = excluded.subject, "
                 "not_after = excluded.not_after, imported_at = excluded.imported_at",
                 (row.username, row.pkcs12, row.certificate_der, row.fingerprint, row.subject,
                  row.not_after, row.imported_at))


def certificate(conn: Connection, username: str) -> CertificateRow | None:
    row = conn.execute(f"SELECT {_CERT_COLUMNS} FROM certificates WHERE username = ?",
                       (username,)).fetchone()
    return _cert(row) if row else None


def certificates(conn: Connection) -> list[CertificateRow]:
    return [_cert(r) for r in conn.execute(
        f"SELECT {_CERT_COLUMNS} FROM certificates ORDER BY username")]


_CERT_COLUMNS = "username, pkcs12, certificate_der, fingerprint, subject, not_after, imported_at"


def _cert(row: tuple[str, bytes, bytes, str, str, str, str]) -> CertificateRow:
    return CertificateRow(row[0], bytes(row[1]), bytes(row[2]), row[3], row[4], row[5], row[6])
