"""Devices: one-time enrolment codes, enrolment, revocation, and the signature check of every
authenticated request (with its replay guard)."""

from __future__ import annotations

import hashlib
import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from desktop_app.errors import NotFoundError
from sync import keys
from sync.errors import (
    BadRequestError,
    DeviceRevokedError,
    EnrolmentCodeInvalidError,
    OfficeMismatchError,
    ReplayedRequestError,
    RequestSignatureError,
    StaleRequestError,
    UnknownDeviceError,
)
from sync.protocol import MAX_CLOCK_SKEW_SECONDS, ChangeKind, signing_string
from sync.server import schema as t
from sync.server.database import Database, iso
from sync.server.feed import Feed

log = logging.getLogger(__name__)

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
CODE_TTL = timedelta(days=14)


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


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _code_hash(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode("ascii", "ignore")).hexdigest()


class Devices:
    def __init__(self, db: Database, feed: Feed) -> None:
        self.db = db
        self.feed = feed

    # -- enrolment --------------------------------------------------------------------
    def issue_code(self, commune: str) -> str:
        from desktop_app.domain import commune as find_commune

        if find_commune(commune) is None:
            raise NotFoundError(what="commune", key=commune)
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
        now = self.db.now()
        with self.db.tx() as conn:
            conn.execute(insert(t.enrolment_codes).values(
                code_hash=_code_hash(raw), commune=commune, created_at=iso(now),
                expires_at=iso(now + CODE_TTL)))
        return "-".join(raw[i:i + 4] for i in range(0, 12, 4))

    def enrol(self, code: str, public_key: str, box_public_key: str, name: str = "",
              commune: str | None = None) -> Device:
        """Exchange a one-time code for a device identity. Replaying the same exchange (same
        code, same key) returns the same device; anything else with a used code is refused.
        A device that says its ``commune`` is refused, with the code left unused, when the
        code was issued to another commune."""
        if not (keys.is_public_key(public_key) and keys.is_public_key(box_public_key)):
            raise BadRequestError(detail="public_key")
        now = self.db.now()
        with self.db.tx() as conn:
            row = conn.execute(select(t.enrolment_codes)
                               .where(t.enrolment_codes.c.code_hash == _code_hash(code))).first()
            if row is None:
                raise EnrolmentCodeInvalidError()
            if commune is not None and commune != row.commune:
                raise OfficeMismatchError(office=row.commune)
            if row.used_at is not None:
                device = _device(conn, row.device_id)
                if device is not None and device.public_key == public_key and \
                        device.box_public_key == box_public_key and not device.is_revoked:
                    return device
                raise EnrolmentCodeInvalidError()
            if datetime.fromisoformat(row.expires_at) < now:
                raise EnrolmentCodeInvalidError()
            device_id = str(uuid.uuid4())
            conn.execute(insert(t.devices).values(
                device_id=device_id, commune=row.commune, public_key=public_key,
                box_public_key=box_public_key, name=name, enrolled_at=iso(now)))
            conn.execute(update(t.enrolment_codes)
                         .where(t.enrolment_codes.c.code_hash == row.code_hash)
                         .values(used_at=iso(now), device_id=device_id))
        log.info("device enrolled: %s", device_id)
        return Device(device_id, row.commune, public_key, box_public_key, None)

    # -- devices ----------------------------------------------------------------------
    def get(self, device_id: str) -> Device | None:
        with self.db.read() as conn:
            return _device(conn, device_id)

    def revoke(self, device_id: str) -> Device:
        with self.db.tx() as conn:
            device = _device(conn, device_id)
            if device is None:
                raise NotFoundError(what="device", key=device_id)
            if device.revoked_at is None:
                at = iso(self.db.now())
                conn.execute(update(t.devices).where(t.devices.c.device_id == device_id)
                             .values(revoked_at=at))
                self.feed.publish(conn, None, ChangeKind.REVOKED_DEVICE, device_id,
                                  {"device_id": device_id, "revoked_at": at})
                device = Device(device.device_id, device.commune, device.public_key,
                                device.box_public_key, at)
        log.info("device revoked: %s", device_id)
        return device

    # -- request authentication -------------------------------------------------------
    def authenticate(self, *, device_id: str, timestamp: str, nonce: str, signature: str,
                     method: str, path: str, body: bytes) -> Device:
        """The device that signed this request; typed errors for every refusal."""
        if not (device_id and timestamp and nonce and signature):
            raise RequestSignatureError()
        if len(nonce) > 64 or len(device_id) > 64:
            raise RequestSignatureError()
        device = self.get(device_id)
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
        now = int(self.db.now().timestamp())
        if abs(now - ts) > MAX_CLOCK_SKEW_SECONDS:
            raise StaleRequestError()
        try:
            with self.db.tx() as conn:
                conn.execute(delete(t.nonces)
                             .where(t.nonces.c.ts < now - 2 * MAX_CLOCK_SKEW_SECONDS - 1))
                conn.execute(insert(t.nonces).values(device_id=device_id, nonce=nonce, ts=ts))
        except IntegrityError as exc:
            raise ReplayedRequestError() from exc
        return device


def _device(conn: Connection, device_id: str | None) -> Device | None:
    if not device_id:
        return None
    row = conn.execute(select(t.devices).where(t.devices.c.device_id == device_id)).first()
    if row is None:
        return None
    return Device(row.device_id, row.commune, row.public_key, row.box_public_key,
                  row.revoked_at)
