"""Attachments (scans): resumable uploads in chunks, content-addressed by SHA-256, checked once
the last byte has arrived."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, update

from desktop_app.errors import NotFoundError
from sync.errors import AttachmentDigestError, BadRequestError, UploadOffsetMismatchError
from sync.server import schema as t
from sync.server.database import IN_LIST_MAX, Database, iso
from sync.server.devices import Device


@dataclass(frozen=True)
class AttachmentState:
    sha256: str
    size: int
    offset: int
    complete: bool
    media_type: str

    def to_json(self) -> dict[str, object]:
        return {"sha256": self.sha256, "size": self.size, "offset": self.offset,
                "complete": self.complete, "media_type": self.media_type}


class Attachments:
    def __init__(self, db: Database) -> None:
        self.db = db

    def state(self, sha: str) -> AttachmentState | None:
        with self.db.read() as conn:
            return _state(conn, sha)

    def create(self, device: Device, sha: str, size: int, media_type: str
               ) -> tuple[AttachmentState, bool]:
        """(state, created). Idempotent: an existing upload is returned with its offset."""
        with self.db.tx() as conn:
            state = _state(conn, sha)
            if state is not None:
                if state.size != size:
                    raise BadRequestError(detail="size differs from the existing upload")
                return state, False
            conn.execute(insert(t.attachments).values(
                sha256=sha, size=size, media_type=media_type, received=0, complete=False,
                device_id=device.device_id, created_at=iso(self.db.now())))
        return AttachmentState(sha, size, 0, False, media_type), True

    def append_chunk(self, sha: str, offset: int, chunk: bytes) -> AttachmentState:
        """Write bytes at the server's offset; verify the digest once all have arrived."""
        with self.db.tx() as conn:
            state = _state(conn, sha)
            if state is None:
                raise NotFoundError(what="attachment", key=sha)
            if state.complete:
                return state  # a replayed last chunk: nothing to do
            if offset != state.offset:
                raise UploadOffsetMismatchError(offset=state.offset)
            if not chunk:
                return state
            if offset + len(chunk) > state.size:
                raise BadRequestError(detail="chunk goes past the announced size")
            conn.execute(insert(t.attachment_chunks).values(sha256=sha, start=offset, data=chunk))
            received = offset + len(chunk)
            complete = False
            if received == state.size:
                if _digest(conn, sha) != sha:
                    # Start over: the transaction commits the reset, then the error is raised.
                    conn.execute(delete(t.attachment_chunks)
                                 .where(t.attachment_chunks.c.sha256 == sha))
                    conn.execute(update(t.attachments).where(t.attachments.c.sha256 == sha)
                                 .values(received=0))
                    bad = True
                else:
                    complete, bad = True, False
            else:
                bad = False
            if not bad:
                conn.execute(update(t.attachments).where(t.attachments.c.sha256 == sha).values(
                    received=received, complete=complete,
                    completed_at=iso(self.db.now()) if complete else None))
        if bad:
            raise AttachmentDigestError(sha256=sha)
        return AttachmentState(sha, state.size, received, complete, state.media_type)

    def content(self, sha: str) -> bytes | None:
        """The content of a complete attachment (operators, tests)."""
        with self.db.read() as conn:
            state = _state(conn, sha)
            if state is None or not state.complete:
                return None
            return b"".join(_chunks(conn, sha))

    def store_whole(self, device: Device, sha: str, content: bytes, media_type: str) -> bool:
        """A whole attachment at once (bundles): True when it is complete afterwards."""
        if hashlib.sha256(content).hexdigest() != sha or not content:
            return False
        state, _ = self.create(device, sha, len(content), media_type)
        if state.complete:
            return True
        try:
            return self.append_chunk(sha, state.offset, content[state.offset:]).complete
        except (UploadOffsetMismatchError, AttachmentDigestError):
            return False

    @staticmethod
    def complete_among(conn: Connection, wanted: Collection[str]) -> set[str]:
        """Those of ``wanted`` that are complete here."""
        done: set[str] = set()
        chosen = sorted(wanted)
        for start in range(0, len(chosen), IN_LIST_MAX):
            done.update(r[0] for r in conn.execute(select(t.attachments.c.sha256).where(
                t.attachments.c.sha256.in_(chosen[start:start + IN_LIST_MAX]),
                t.attachments.c.complete.is_(True))))
        return done


def _state(conn: Connection, sha: str) -> AttachmentState | None:
    row = conn.execute(select(t.attachments).where(t.attachments.c.sha256 == sha)).first()
    if row is None:
        return None
    return AttachmentState(row.sha256, int(row.size), int(row.received), bool(row.complete),
                           row.media_type)


def _chunks(conn: Connection, sha: str) -> Iterator[bytes]:
    rows = conn.execute(select(t.attachment_chunks.c.data)
                        .where(t.attachment_chunks.c.sha256 == sha)
                        .order_by(t.attachment_chunks.c.start))
    for (data,) in rows:
        yield bytes(data)


def _digest(conn: Connection, sha: str) -> str:
    hasher = hashlib.sha256()
    for data in _chunks(conn, sha):
        hasher.update(data)
    return hasher.hexdigest()
