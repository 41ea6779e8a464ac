"""The server's own keys and what the operators set: procedures accepted, the desktop release
published; together they are the capabilities a device reads (and learns from the feed)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from sync import keys
from sync.errors import BadRequestError
from sync.protocol import (
    API_VERSION,
    MAX_ATTACHMENT_BYTES,
    MAX_BATCH_ITEMS,
    MAX_CHUNK_BYTES,
    MAX_CLOCK_SKEW_SECONDS,
    MAX_PULL_LIMIT,
    ChangeKind,
)
from sync.server import schema as t
from sync.server.database import Database, iso
from sync.server.feed import Feed

ALL_PROCEDURES = ("birth", "death", "marriage", "recognition", "change", "guardianship")


@dataclass(frozen=True)
class ServerKeys:
    signing_private: str
    signing_public: str
    box_private: str
    box_public: str


class Settings:
    def __init__(self, db: Database, feed: Feed) -> None:
        self.db = db
        self.feed = feed
        with db.tx() as conn:
            self.keys = self._ensure_keys(conn)

    def _ensure_keys(self, conn: Connection) -> ServerKeys:
        """The server's key pairs, made (with the first capabilities) on a new database."""
        value = self._get(conn, "server_keys")
        if value is None:
            value = json.dumps(keys.KeyPair.generate().__dict__)
            conn.execute(insert(t.settings).values(name="server_keys", value=value))
            self.feed.publish(conn, None, ChangeKind.CAPABILITIES, "capabilities",
                              {"procedures": list(ALL_PROCEDURES)})
            conn.execute(insert(t.settings).values(name="procedures",
                                                   value=json.dumps(list(ALL_PROCEDURES))))
        return ServerKeys(**json.loads(value))

    @staticmethod
    def _get(conn: Connection, name: str) -> str | None:
        row = conn.execute(select(t.settings.c.value).where(t.settings.c.name == name)).first()
        return None if row is None else str(row[0])

    def procedures(self, conn: Connection | None = None) -> list[str]:
        with self.db.reader(conn) as c:
            value = self._get(c, "procedures")
        return list(json.loads(value)) if value else list(ALL_PROCEDURES)

    def set_procedures(self, procedures: Iterable[str]) -> list[str]:
        chosen = [p for p in ALL_PROCEDURES if p in set(procedures)]
        unknown = set(procedures) - set(ALL_PROCEDURES)
        if unknown:
            raise BadRequestError(detail="unknown procedure " + ",".join(sorted(unknown)))
        with self.db.tx() as conn:
            conn.execute(update(t.settings).where(t.settings.c.name == "procedures")
                         .values(value=json.dumps(chosen)))
            release = self.client_release(conn)
            self.feed.publish(conn, None, ChangeKind.CAPABILITIES, "capabilities",
                              {"procedures": chosen,
                               **({"client_release": release} if release else {})})
        return chosen

    def client_release(self, conn: Connection | None = None) -> dict[str, str] | None:
        """The desktop version the operators published, if any (shown as an update)."""
        with self.db.reader(conn) as c:
            value = self._get(c, "client_release")
        return json.loads(value) if value else None

    def publish_client_release(self, version: str, url: str, notes: str = ""
                               ) -> dict[str, str]:
        release = {"version": version, "url": url, "notes": notes,
                   "published_at": iso(self.db.now())}
        with self.db.tx() as conn:
            value = json.dumps(release, ensure_ascii=False)
            if self.client_release(conn) is None:
                conn.execute(insert(t.settings).values(name="client_release", value=value))
            else:
                conn.execute(update(t.settings).where(t.settings.c.name == "client_release")
                             .values(value=value))
            self.feed.publish(conn, None, ChangeKind.CAPABILITIES, "capabilities",
                              {"procedures": self.procedures(conn), "client_release": release})
        return release

    def capabilities(self) -> dict[str, object]:
        return {"api_version": API_VERSION, "procedures": self.procedures(),
                "max_batch_items": MAX_BATCH_ITEMS, "max_chunk_bytes": MAX_CHUNK_BYTES,
                "max_attachment_bytes": MAX_ATTACHMENT_BYTES, "max_pull_limit": MAX_PULL_LIMIT,
                "max_clock_skew_seconds": MAX_CLOCK_SKEW_SECONDS,
                "server_signing_key": self.keys.signing_public,
                "server_box_key": self.keys.box_public,
                **({"client_release": release} if (release := self.client_release()) else {})}
