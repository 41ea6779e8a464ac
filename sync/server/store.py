"""The central server's state and every operation on it, independent of HTTP.

One write transaction at a time: SQLite takes its write lock at BEGIN (BEGIN IMMEDIATE),
PostgreSQL takes a transaction-scoped advisory lock. Serialising writers keeps the pull feed's
sequence numbers committed in order (a reader never skips a row committed late), makes counters
(central ids, registry serials, number blocks) race-free, and is plenty for a reference server.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import secrets
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Engine, Row, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError
from sqlalchemy.pool import StaticPool

from desktop_app.clock import Clock, SystemClock
from desktop_app.errors import NotFoundError
from sync import keys
from sync.errors import (
    AttachmentDigestError,
    BadRequestError,
    CentralDatabaseError,
    DeviceRevokedError,
    EnrolmentCodeInvalidError,
    ReplayedRequestError,
    RequestSignatureError,
    StaleRequestError,
    UnknownDeviceError,
    UploadOffsetMismatchError,
)
from sync.messages import MESSAGES
from sync.protocol import (
    MAX_CLOCK_SKEW_SECONDS,
    ChangeKind,
    ItemStatus,
    canonical_json,
    item_digest,
    signing_string,
)
from sync.server import registry
from sync.server import schema as t
from sync.server.models import PushItem
from sync.server.rules import check_record

log = logging.getLogger(__name__)

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
ALL_PROCEDURES = ("birth", "death", "marriage", "recognition", "change", "guardianship")
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
CODE_TTL = timedelta(days=14)
_PG_LOCK_ID = 0x486F5469  # "HoTi"


@dataclass(frozen=True)
class Device:
    device_id: str
    commune: str
    public_key: str
    box_public_key: str
    revoked_at: str | None

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


@dataclass(frozen=True)
class ServerKeys:
    signing_private: str
    signing_public: str
    box_private: str
    box_public: str


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


def database_url(value: str | None) -> str:
    """A SQLAlchemy URL from --db: a URL, a plain file path (SQLite), or the default file."""
    if not value:
        return "sqlite:///hotich-central.db"
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    if value.startswith(("postgresql://", "postgres://")):  # the psycopg 3 driver
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def _iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="seconds")


def _msg(code: str, **params: object) -> tuple[str, str]:
    from desktop_app.messages import render

    return (render(code, params, catalogue=MESSAGES, lang="vi"),
            render(code, params, catalogue=MESSAGES, lang="en"))


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _code_hash(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode("ascii", "ignore")).hexdigest()


class CentralStore:
    """The reference central database. Thread-safe; one instance per process."""

    def __init__(self, url: str | None, clock: Clock | None = None) -> None:
        self.url = database_url(url)
        self.clock = clock or SystemClock()
        self.engine = _make_engine(self.url)
        self.is_postgres = self.engine.dialect.name == "postgresql"
        try:
            t.metadata.create_all(self.engine)
            with self.tx() as conn:
                self._keys = self._ensure_keys(conn)
        except OperationalError as exc:
            raise CentralDatabaseError(detail=f"cannot open ({exc.__class__.__name__})") from exc

    def close(self) -> None:
        self.engine.dispose()

    # -- transactions -----------------------------------------------------------------
    @contextlib.contextmanager
    def tx(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            if self.is_postgres:
                conn.execute(select(func.pg_advisory_xact_lock(_PG_LOCK_ID)))
            yield conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn.execution_options(hotich_readonly=True)
            yield conn

    def now(self) -> datetime:
        return self.clock.now()

    # -- server keys and settings -----------------------------------------------------
    def _ensure_keys(self, conn: Connection) -> ServerKeys:
        row = conn.execute(select(t.settings.c.value)
                           .where(t.settings.c.name == "server_keys")).first()
        if row is None:
            pair = keys.KeyPair.generate()
            value = json.dumps(pair.__dict__)
            conn.execute(insert(t.settings).values(name="server_keys", value=value))
            self._publish(conn, None, ChangeKind.CAPABILITIES, "capabilities",
                          {"procedures": list(ALL_PROCEDURES)})
            conn.execute(insert(t.settings).values(name="procedures",
                                                   value=json.dumps(list(ALL_PROCEDURES))))
        else:
            value = row[0]
        return ServerKeys(**json.loads(value))

    @property
    def keys(self) -> ServerKeys:
        return self._keys

    def procedures(self, conn: Connection | None = None) -> list[str]:
        with contextlib.ExitStack() as stack:
            c = conn or stack.enter_context(self.read())
            row = c.execute(select(t.settings.c.value)
                            .where(t.settings.c.name == "procedures")).first()
        return list(json.loads(row[0])) if row else list(ALL_PROCEDURES)

    def set_procedures(self, procedures: Iterable[str]) -> list[str]:
        chosen = [p for p in ALL_PROCEDURES if p in set(procedures)]
        unknown = set(procedures) - set(ALL_PROCEDURES)
        if unknown:
            raise BadRequestError(detail="unknown procedure " + ",".join(sorted(unknown)))
        with self.tx() as conn:
            conn.execute(update(t.settings).where(t.settings.c.name == "procedures")
                         .values(value=json.dumps(chosen)))
            release = self.client_release(conn)
            self._publish(conn, None, ChangeKind.CAPABILITIES, "capabilities",
                          {"procedures": chosen,
                           **({"client_release": release} if release else {})})
        return chosen

    def client_release(self, conn: Connection | None = None) -> dict[str, str] | None:
        """The desktop version the operators published, if any (shown as an update)."""
        with contextlib.ExitStack() as stack:
            c = conn or stack.enter_context(self.read())
            row = c.execute(select(t.settings.c.value)
                            .where(t.settings.c.name == "client_release")).first()
        return json.loads(row[0]) if row else None

    def publish_client_release(self, version: str, url: str, notes: str = ""
                               ) -> dict[str, str]:
        release = {"version": version, "url": url, "notes": notes,
                   "published_at": _iso(self.now())}
        with self.tx() as conn:
            value = json.dumps(release, ensure_ascii=False)
            if self.client_release(conn) is None:
                conn.execute(insert(t.settings).values(name="client_release", value=value))
            else:
                conn.execute(update(t.settings).where(t.settings.c.name == "client_release")
                             .values(value=value))
            self._publish(conn, None, ChangeKind.CAPABILITIES, "capabilities",
                          {"procedures": self.procedures(conn), "client_release": release})
        return release

    def capabilities(self) -> dict[str, object]:
        from sync.protocol import (
            API_VERSION,
            MAX_ATTACHMENT_BYTES,
            MAX_BATCH_ITEMS,
            MAX_CHUNK_BYTES,
            MAX_PULL_LIMIT,
        )

        return {"api_version": API_VERSION, "procedures": self.procedures(),
                "max_batch_items": MAX_BATCH_ITEMS, "max_chunk_bytes": MAX_CHUNK_BYTES,
                "max_attachment_bytes": MAX_ATTACHMENT_BYTES, "max_pull_limit": MAX_PULL_LIMIT,
                "max_clock_skew_seconds": MAX_CLOCK_SKEW_SECONDS,
                "server_signing_key": self.keys.signing_public,
                "server_box_key": self.keys.box_public,
                **({"client_release": release} if (release := self.client_release()) else {})}

    # -- counters and feed ------------------------------------------------------------
    def _next(self, conn: Connection, name: str, start: int = 1) -> int:
        row = conn.execute(select(t.counters.c.value).where(t.counters.c.name == name)).first()
        if row is None:
            conn.execute(insert(t.counters).values(name=name, value=start))
            return start
        value = int(row[0]) + 1
        conn.execute(update(t.counters).where(t.counters.c.name == name).values(value=value))
        return value

    def _publish(self, conn: Connection, commune: str | None, kind: ChangeKind, key: str,
                 payload: dict[str, object]) -> None:
        conn.execute(insert(t.changes).values(commune=commune, kind=str(kind), key=key,
                                              payload=canonical_json(payload).decode("utf-8"),
                                              created_at=_iso(self.now())))

    # -- enrolment and devices --------------------------------------------------------
    def issue_code(self, commune: str) -> str:
        from desktop_app.domain import commune as find_commune

        if find_commune(commune) is None:
            raise NotFoundError(what="commune", key=commune)
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
        now = self.now()
        with self.tx() as conn:
            conn.execute(insert(t.enrolment_codes).values(
                code_hash=_code_hash(raw), commune=commune, created_at=_iso(now),
                expires_at=_iso(now + CODE_TTL)))
        return "-".join(raw[i:i + 4] for i in range(0, 12, 4))

    def enrol(self, code: str, public_key: str, box_public_key: str, name: str = ""
              ) -> Device:
        """Exchange a one-time code for a device identity. Replaying the same exchange (same
        code, same key) returns the same device; anything else with a used code is refused."""
        if not (keys.is_public_key(public_key) and keys.is_public_key(box_public_key)):
            raise BadRequestError(detail="public_key")
        now = self.now()
        with self.tx() as conn:
            row = conn.execute(select(t.enrolment_codes)
                               .where(t.enrolment_codes.c.code_hash == _code_hash(code))).first()
            if row is None:
                raise EnrolmentCodeInvalidError()
            if row.used_at is not None:
                device = self._device(conn, row.device_id)
                if device is not None and device.public_key == public_key and \
                        device.box_public_key == box_public_key and not device.is_revoked:
                    return device
                raise EnrolmentCodeInvalidError()
            if datetime.fromisoformat(row.expires_at) < now:
                raise EnrolmentCodeInvalidError()
            device_id = str(uuid.uuid4())
            conn.execute(insert(t.devices).values(
                device_id=device_id, commune=row.commune, public_key=public_key,
                box_public_key=box_public_key, name=name, enrolled_at=_iso(now)))
            conn.execute(update(t.enrolment_codes)
                         .where(t.enrolment_codes.c.code_hash == row.code_hash)
                         .values(used_at=_iso(now), device_id=device_id))
        log.info("device enrolled: %s", device_id)
        return Device(device_id, row.commune, public_key, box_public_key, None)

    def _device(self, conn: Connection, device_id: str | None) -> Device | None:
        if not device_id:
            return None
        row = conn.execute(select(t.devices).where(t.devices.c.device_id == device_id)).first()
        if row is None:
            return None
        return Device(row.device_id, row.commune, row.public_key, row.box_public_key,
                      row.revoked_at)

    def device(self, device_id: str) -> Device | None:
        with self.read() as conn:
            return self._device(conn, device_id)

    def revoke_device(self, device_id: str) -> Device:
        with self.tx() as conn:
            device = self._device(conn, device_id)
            if device is None:
                raise NotFoundError(what="device", key=device_id)
            if device.revoked_at is None:
                at = _iso(self.now())
                conn.execute(update(t.devices).where(t.devices.c.device_id == device_id)
                             .values(revoked_at=at))
                self._publish(conn, None, ChangeKind.REVOKED_DEVICE, device_id,
                              {"device_id": device_id, "revoked_at": at})
                device = Device(device.device_id, device.commune, device.public_key,
                                device.box_public_key, at)
        log.info("device revoked: %s", device_id)
        return device

    def revoke_certificate(self, serial: str, issuer: str = "") -> None:
        with self.tx() as conn:
            self._publish(conn, None, ChangeKind.REVOKED_CERTIFICATE, serial,
                          {"serial": serial, "issuer": issuer, "revoked_at": _iso(self.now())})

    def publish_reference(self, name: str, version: str, data: object) -> None:
        with self.tx() as conn:
            self._publish(conn, None, ChangeKind.REFERENCE, name,
                          {"name": name, "version": version, "data": data})

    # -- request authentication -------------------------------------------------------
    def authenticate(self, *, device_id: str, timestamp: str, nonce: str, signature: str,
                     method: str, path: str, body: bytes) -> Device:
        """The device that signed this request; typed errors for every refusal."""
        if not (device_id and timestamp and nonce and signature):
            raise RequestSignatureError()
        if len(nonce) > 64 or len(device_id) > 64:
            raise RequestSignatureError()
        with self.read() as conn:
            device = self._device(conn, device_id)
        if device is None:
            raise UnknownDeviceError()
        if device.is_revoked:
            raise DeviceRevokedError()
        message = signing_string(method, path, timestamp, nonce, device_id, body)
        if not keys.verify(device.public_key, signature, message):
            raise RequestSignatureError()
        try:
            ts = int(timestamp)
        except ValueError as exc:
            raise RequestSignatureError() from exc
        now = int(self.now().timestamp())
        if abs(now - ts) > MAX_CLOCK_SKEW_SECONDS:
            raise StaleRequestError()
        try:
            with self.tx() as conn:
                conn.execute(delete(t.nonces)
                             .where(t.nonces.c.ts < now - 2 * MAX_CLOCK_SKEW_SECONDS - 1))
                conn.execute(insert(t.nonces).values(device_id=device_id, nonce=nonce, ts=ts))
        except IntegrityError as exc:
            raise ReplayedRequestError() from exc
        return device

    # -- push -------------------------------------------------------------------------
    def push(self, device: Device, items: Sequence[PushItem], via: str = "push"
             ) -> list[dict[str, object]]:
        """Per-item results, in order. One transaction: all results or none (retry-safe)."""
        today = self.now().astimezone(VIETNAM).date()
        with self.tx() as conn:
            procedures = set(self.procedures(conn))
            return [self._push_one(conn, device, item, procedures, today, via) for item in items]

    def _push_one(self, conn: Connection, device: Device, item: PushItem,
                  procedures: set[str], today: date, via: str) -> dict[str, object]:
        digest = item_digest(item.type, item.record_id, item.version, item.historical,
                             item.data, list(item.attachments))
        base: dict[str, object] = {"idempotency_key": item.idempotency_key,
                                   "record_id": item.record_id, "version": item.version}
        seen = conn.execute(select(t.idempotency).where(
            t.idempotency.c.device_id == device.device_id,
            t.idempotency.c.key == item.idempotency_key)).first()
        if seen is not None:
            if seen.digest != digest:
                return self._result(base, ItemStatus.REJECTED, "E-SYNC-IDEMPOTENCY-CONFLICT")
            stored = json.loads(seen.result)
            if stored["status"] == ItemStatus.ACCEPTED:
                stored["status"] = str(ItemStatus.ALREADY_HAD)
            return stored

        if item.type not in ALL_PROCEDURES:
            return self._final(conn, device, item, digest,
                               self._result(base, ItemStatus.REJECTED, "E-RECORD-TYPE"))
        if item.type not in procedures:
            return self._result(base, ItemStatus.DEFERRED, "E-SYNC-UNSUPPORTED-PROCEDURE",
                                record_type=item.type)
        office = item.data.get("office")
        if office not in (None, device.commune):
            return self._final(conn, device, item, digest, self._result(
                base, ItemStatus.REJECTED, "E-SYNC-OFFICE-MISMATCH", office=str(office)))
        ids = conn.execute(select(t.record_ids)
                           .where(t.record_ids.c.record_id == item.record_id)).first()
        if ids is not None and (ids.commune != device.commune or ids.record_type != item.type):
            return self._final(conn, device, item, digest, self._result(
                base, ItemStatus.REJECTED, "E-SYNC-OFFICE-MISMATCH", office=device.commune))
        existing = conn.execute(select(t.records.c.digest).where(
            t.records.c.record_id == item.record_id,
            t.records.c.version == item.version)).first()
        if existing is not None:
            if existing.digest != digest:
                return self._final(conn, device, item, digest, self._result(
                    base, ItemStatus.REJECTED, "E-SYNC-VERSION-CONFLICT", version=item.version))
            assert ids is not None
            result = {**base, "status": str(ItemStatus.ACCEPTED), "central_id": ids.central_id,
                      "personal_id": ids.personal_id, "warnings": []}
            self._final(conn, device, item, digest, result)
            return {**result, "status": str(ItemStatus.ALREADY_HAD)}
        missing = self._missing_attachments(conn, item.attachments)
        if missing:
            return self._result(base, ItemStatus.DEFERRED, "E-SYNC-ATTACHMENT-MISSING",
                                count=len(missing), missing_attachments=missing)
        earlier = self._death_registered(conn, item)
        if earlier is not None:
            return self._final(conn, device, item, digest, self._result(
                base, ItemStatus.REJECTED, "E-SYNC-DEATH-REGISTERED",
                personal_id=earlier.personal_id, central_id=earlier.central_id))
        outcome = check_record(item.type, item.data, historical=item.historical, today=today)
        if outcome.errors:
            first = outcome.errors[0]
            result = {**base, "status": str(ItemStatus.REJECTED), "code": first.rule,
                      "message": first.message, "message_en": first.message_en,
                      "issues": [{"rule": f.rule, "field": f.field, "message": f.message}
                                 for f in outcome.errors]}
            return self._final(conn, device, item, digest, result)
        return self._accept(conn, device, item, digest, base, ids,
                            [{"rule": w.rule, "field": w.field, "message": w.message}
                             for w in outcome.warnings], via)

    def _result(self, base: dict[str, object], status: ItemStatus, code: str,
                missing_attachments: list[str] | None = None, **params: object
                ) -> dict[str, object]:
        vi, en = _msg(code, **params)
        result = {**base, "status": str(status), "code": code, "message": vi, "message_en": en}
        if missing_attachments is not None:
            result["missing_attachments"] = missing_attachments
        return result

    def _final(self, conn: Connection, device: Device, item: PushItem, digest: str,
               result: dict[str, object]) -> dict[str, object]:
        """Keep a final outcome under its idempotency key forever (and publish rejections)."""
        conn.execute(insert(t.idempotency).values(
            device_id=device.device_id, key=item.idempotency_key, digest=digest,
            status=result["status"], result=canonical_json(result).decode("utf-8"),
            created_at=_iso(self.now())))
        if result["status"] == ItemStatus.REJECTED:
            self._publish(conn, device.commune, ChangeKind.REJECTION, item.idempotency_key,
                          {k: result[k] for k in ("idempotency_key", "record_id", "version",
                                                  "code", "message") if k in result})
        return result

    def _missing_attachments(self, conn: Connection, wanted: Sequence[str]) -> list[str]:
        if not wanted:
            return []
        done = {r[0] for r in conn.execute(select(t.attachments.c.sha256).where(
            t.attachments.c.sha256.in_(list(wanted)), t.attachments.c.complete.is_(True)))}
        return sorted(set(wanted) - done)

    def _accept(self, conn: Connection, device: Device, item: PushItem, digest: str,
                base: dict[str, object], ids: object, warnings: list[dict[str, str]],
                via: str) -> dict[str, object]:
        now = _iso(self.now())
        extra: dict[str, object] = {}
        if ids is None:
            central_id = f"TW{self._next(conn, 'central_id'):012d}"
            pid = self._issue_personal_id(conn, device, item)
            conn.execute(insert(t.record_ids).values(
                record_id=item.record_id, central_id=central_id, commune=device.commune,
                record_type=item.type, personal_id=pid))
        else:
            central_id, pid = ids.central_id, ids.personal_id  # type: ignore[attr-defined]
        if item.type == "birth" and not item.historical and pid is None and \
                not _child_personal_id(item.data):
            vi, _ = _msg("I-SYNC-NO-PERSONAL-ID")
            extra = {"notes": [{"rule": "I-SYNC-NO-PERSONAL-ID", "message": vi}]}
        conn.execute(insert(t.records).values(
            record_id=item.record_id, version=item.version, record_type=item.type,
            historical=item.historical, commune=device.commune, device_id=device.device_id,
            digest=digest, data=canonical_json(item.data).decode("utf-8"),
            attachments=json.dumps(sorted(item.attachments)),
            warnings=json.dumps([w["rule"] for w in warnings]), accepted_at=now, via=via))
        result = {**base, "status": str(ItemStatus.ACCEPTED), "central_id": central_id,
                  "personal_id": pid, "warnings": warnings, **extra}
        self._final(conn, device, item, digest, result)
        self._publish(conn, device.commune, ChangeKind.RECORD, f"{item.record_id}:{item.version}",
                      {"record_id": item.record_id, "version": item.version,
                       "type": item.type, "historical": item.historical,
                       "central_id": central_id, "personal_id": pid, "data": item.data,
                       "attachments": sorted(item.attachments), "device_id": device.device_id})
        deceased = _deceased_personal_id(item)
        if deceased is not None and ids is None:
            conn.execute(insert(t.deaths).values(personal_id=deceased, record_id=item.record_id,
                                                 central_id=central_id))
        if pid is not None and ids is None:
            self._publish(conn, device.commune, ChangeKind.PERSONAL_ID, item.record_id,
                          {"record_id": item.record_id, "central_id": central_id,
                           "personal_id": pid})
        return result

    def _death_registered(self, conn: Connection, item: PushItem) -> Row | None:
        """An earlier death of the same person under another record."""
        pid = _deceased_personal_id(item)
        if pid is None:
            return None
        return conn.execute(select(t.deaths).where(t.deaths.c.personal_id == pid,
                                                   t.deaths.c.record_id != item.record_id)
                            ).first()

    def _issue_personal_id(self, conn: Connection, device: Device, item: PushItem) -> str | None:
        if item.type != "birth" or item.historical or _child_personal_id(item.data):
            return None
        child = item.data.get("child")
        child = child if isinstance(child, dict) else {}
        prefix = registry.id_prefix(device.commune, child.get("sex"), child.get("date_of_birth"))
        if prefix is None:
            return None
        return registry.personal_id(prefix, self._next(conn, f"pid:{prefix.value}"))

    # -- attachments ------------------------------------------------------------------
    def _attachment(self, conn: Connection, sha: str) -> AttachmentState | None:
        row = conn.execute(select(t.attachments).where(t.attachments.c.sha256 == sha)).first()
        if row is None:
            return None
        return AttachmentState(row.sha256, int(row.size), int(row.received), bool(row.complete),
                               row.media_type)

    def attachment(self, sha: str) -> AttachmentState | None:
        with self.read() as conn:
            return self._attachment(conn, sha)

    def create_attachment(self, device: Device, sha: str, size: int, media_type: str
                          ) -> tuple[AttachmentState, bool]:
        """(state, created). Idempotent: an existing upload is returned with its offset."""
        with self.tx() as conn:
            state = self._attachment(conn, sha)
            if state is not None:
                if state.size != size:
                    raise BadRequestError(detail="size differs from the existing upload")
                return state, False
            conn.execute(insert(t.attachments).values(
                sha256=sha, size=size, media_type=media_type, received=0, complete=False,
                device_id=device.device_id, created_at=_iso(self.now())))
        return AttachmentState(sha, size, 0, False, media_type), True

    def append_chunk(self, sha: str, offset: int, chunk: bytes) -> AttachmentState:
        """Write bytes at the server's offset; verify the digest once all have arrived."""
        with self.tx() as conn:
            state = self._attachment(conn, sha)
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
                if self._digest(conn, sha) != sha:
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
                    completed_at=_iso(self.now()) if complete else None))
        if bad:
            raise AttachmentDigestError(sha256=sha)
        return AttachmentState(sha, state.size, received, complete, state.media_type)

    def _digest(self, conn: Connection, sha: str) -> str:
        hasher = hashlib.sha256()
        rows = conn.execute(select(t.attachment_chunks.c.data)
                            .where(t.attachment_chunks.c.sha256 == sha)
                            .order_by(t.attachment_chunks.c.start))
        for (data,) in rows:
            hasher.update(bytes(data))
        return hasher.hexdigest()

    def attachment_bytes(self, sha: str) -> bytes | None:
        """The content of a complete attachment (operators, tests)."""
        with self.read() as conn:
            state = self._attachment(conn, sha)
            if state is None or not state.complete:
                return None
            rows = conn.execute(select(t.attachment_chunks.c.data)
                                .where(t.attachment_chunks.c.sha256 == sha)
                                .order_by(t.attachment_chunks.c.start))
            return b"".join(bytes(r[0]) for r in rows)

    def store_attachment(self, device: Device, sha: str, content: bytes, media_type: str
                         ) -> bool:
        """A whole attachment at once (bundles): True when it is complete afterwards."""
        if hashlib.sha256(content).hexdigest() != sha or not content:
            return False
        state, _ = self.create_attachment(device, sha, len(content), media_type)
        if state.complete:
            return True
        try:
            return self.append_chunk(sha, state.offset, content[state.offset:]).complete
        except (UploadOffsetMismatchError, AttachmentDigestError):
            return False

    # -- number blocks ----------------------------------------------------------------
    def lease_block(self, device: Device, request_id: str, record_type: str, year: int,
                    size: int, used_up_to: int = 0) -> dict[str, object]:
        """Numbers [first, last] of the book (office, type, year) for this device only.

        Idempotent by (device, request_id); counters only grow, so blocks never overlap.
        ``used_up_to``: the highest number the device already issued in this book before it
        leased (a paper book continued, or numbers used before enrolment): the block starts
        after it."""
        from desktop_app.domain import book_code

        if record_type not in ALL_PROCEDURES:
            raise BadRequestError(detail="record_type")
        with self.tx() as conn:
            row = conn.execute(select(t.number_blocks).where(
                t.number_blocks.c.device_id == device.device_id,
                t.number_blocks.c.request_id == request_id)).first()
            if row is None:
                key = (t.number_counters.c.office == device.commune,
                       t.number_counters.c.record_type == record_type,
                       t.number_counters.c.year == year)
                counter = conn.execute(select(t.number_counters.c.next_number).where(*key)).first()
                first = max(1 if counter is None else int(counter[0]), used_up_to + 1)
                if counter is None:
                    conn.execute(insert(t.number_counters).values(
                        office=device.commune, record_type=record_type, year=year,
                        next_number=first + size))
                else:
                    conn.execute(update(t.number_counters).where(*key)
                                 .values(next_number=first + size))
                block = {"block_id": str(uuid.uuid4()), "request_id": request_id,
                         "device_id": device.device_id, "office": device.commune,
                         "record_type": record_type, "book_code": book_code(record_type),
                         "year": year, "first": first, "last": first + size - 1,
                         "leased_at": _iso(self.now())}
                conn.execute(insert(t.number_blocks).values(
                    block_id=block["block_id"], device_id=device.device_id,
                    request_id=request_id, office=device.commune, record_type=record_type,
                    year=year, first=first, last=first + size - 1, leased_at=block["leased_at"]))
                self._publish(conn, device.commune, ChangeKind.NUMBER_BLOCK,
                              str(block["block_id"]), block)
                return block
        return {"block_id": row.block_id, "request_id": row.request_id,
                "device_id": row.device_id, "office": row.office,
                "record_type": row.record_type, "book_code": book_code(row.record_type),
                "year": row.year, "first": int(row.first), "last": int(row.last),
                "leased_at": row.leased_at}

    # -- pull -------------------------------------------------------------------------
    def changes(self, device: Device, since: str, limit: int) -> dict[str, object]:
        try:
            after = int(since or "0")
        except ValueError as exc:
            raise BadRequestError(detail="since") from exc
        if after < 0:
            raise BadRequestError(detail="since")
        with self.read() as conn:
            rows = conn.execute(
                select(t.changes.c.seq, t.changes.c.kind, t.changes.c.key, t.changes.c.payload,
                       t.changes.c.created_at)
                .where(t.changes.c.seq > after,
                       (t.changes.c.commune.is_(None)) | (t.changes.c.commune == device.commune))
                .order_by(t.changes.c.seq).limit(limit + 1)).all()
        page = rows[:limit]
        cursor = str(page[-1].seq) if page else str(after)
        return {"changes": [{"seq": int(r.seq), "kind": r.kind, "key": r.key,
                             "at": r.created_at, "data": json.loads(r.payload)} for r in page],
                "cursor": cursor, "has_more": len(rows) > limit}

    # -- statistics and bundles -------------------------------------------------------
    def stats(self) -> list[dict[str, object]]:
        """Accepted records (latest versions counted once per record) by type and commune."""
        with self.read() as conn:
            rows = conn.execute(
                select(t.record_ids.c.record_type, t.record_ids.c.commune,
                       func.count().label("n"))
                .group_by(t.record_ids.c.record_type, t.record_ids.c.commune)
                .order_by(t.record_ids.c.commune, t.record_ids.c.record_type)).all()
        return [{"record_type": r.record_type, "commune": r.commune, "records": int(r.n)}
                for r in rows]

    def note_bundle(self, bundle_id: str, device: Device, items: int) -> bool:
        """Remember an imported bundle; False when it was imported before."""
        with self.tx() as conn:
            seen = conn.execute(select(t.bundles.c.bundle_id)
                                .where(t.bundles.c.bundle_id == bundle_id)).first()
            if seen is not None:
                return False
            conn.execute(insert(t.bundles).values(bundle_id=bundle_id,
                                                  device_id=device.device_id, items=items,
                                                  imported_at=_iso(self.now())))
        return True


def _deceased_personal_id(item: PushItem) -> str | None:
    person = item.data.get("deceased")
    pid = person.get("personal_id") if item.type == "death" and isinstance(person, dict) \
        else None
    return str(pid) if pid else None


def _child_personal_id(data: dict[str, object]) -> str | None:
    child = data.get("child")
    if isinstance(child, dict) and isinstance(child.get("personal_id"), str):
        return str(child["personal_id"])
    return None


def _make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise CentralDatabaseError(detail="not a database URL") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            folder = Path(database).parent
            if not folder.is_dir():
                raise CentralDatabaseError(detail="the folder of the SQLite file does not exist")
            engine = create_engine(url, connect_args={"check_same_thread": False,
                                                      "timeout": 30})
        else:
            engine = create_engine(url, connect_args={"check_same_thread": False},
                                   poolclass=StaticPool)
        _sqlite_immediate(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        try:
            return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)
        except ModuleNotFoundError as exc:
            raise CentralDatabaseError(detail="PostgreSQL driver missing") from exc
    raise CentralDatabaseError(detail="only sqlite and postgresql URLs are supported")


def _sqlite_immediate(engine: Engine) -> None:
    """pysqlite's own transaction handling off; BEGIN IMMEDIATE takes the write lock up
    front so concurrent writers wait (busy timeout) instead of failing half-way."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001, ANN202
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001, ANN202
        readonly = conn.get_execution_options().get("hotich_readonly", False)
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")
