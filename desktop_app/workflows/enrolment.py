"""Enrolment: this device's identity with the central server, kept in the encrypted store.

The transport (desktop_app.ports.SyncTransport) makes the key pairs and exchanges the one-time
code; the core checks the commune, keeps the identity and switches numbering to leased blocks,
in one unit of work with its audit entry.
"""

from __future__ import annotations

import logging
from pathlib import Path

from desktop_app.accounts import Permission, require
from desktop_app.domain import RecordType
from desktop_app.errors import (
    AlreadyEnrolledError,
    HotichError,
    NotEnrolledError,
    OfficeMismatchError,
)
from desktop_app.ports import SyncTransport
from desktop_app.session import Session
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.sync_types import DeviceIdentity
from desktop_app.workflows.numbering import switch_to_leased_numbers

log = logging.getLogger(__name__)

IDENTITY_KEY = "sync.device_identity"


def load_identity(uow: UnitOfWork) -> DeviceIdentity | None:
    value = uow.meta.get(IDENTITY_KEY)
    return DeviceIdentity.from_json(value) if value else None


def device_identity(session: Session) -> DeviceIdentity | None:
    """The enrolled identity, or None before enrolment."""
    with session.store.read() as uow:
        return load_identity(uow)


def require_identity(session: Session) -> DeviceIdentity:
    """The enrolled identity (NotEnrolledError before enrolment)."""
    identity = device_identity(session)
    if identity is None:
        raise NotEnrolledError()
    return identity


def enrol_device(session: Session, transport: SyncTransport, server_url: str, code: str, *,
                 ca_path: Path | None = None, name: str = "",
                 replace: bool = False) -> DeviceIdentity:
    """Exchange a one-time code for this device's identity and keep it in the encrypted store
    (with an audit entry). The server must enrol the device for this store's commune."""
    require(session.account, Permission.SYNC)
    with session.store.read() as uow:
        existing = load_identity(uow)
        local_commune = uow.meta.get("commune_code") or ""
    if existing is not None and not replace:
        raise AlreadyEnrolledError(device_id=existing.device_id)
    identity = transport.enrol(server_url, code, ca_path=ca_path, name=name,
                               commune=local_commune)
    if local_commune and identity.commune != local_commune:
        raise OfficeMismatchError(office=identity.commune)
    with session.store.write() as uow:
        uow.meta.put(IDENTITY_KEY, identity.to_json())
        switch_to_leased_numbers(uow)
        uow.audit.append(at=session.clock.now(), actor=session.account.username,
                         action="device.enrol", target=identity.device_id,
                         details={"server": identity.server_url, "commune": identity.commune,
                                  "ca_sha256": identity.ca_sha256 or ""})
    log.info("device enrolled as %s", identity.device_id)
    _lease_first_blocks(session, transport, identity)
    return identity


def _lease_first_blocks(session: Session, transport: SyncTransport,
                        identity: DeviceIdentity) -> None:
    """While the link is up: the first number blocks, so that the device approves before its
    first sync (numbering is central from now on). A failure leaves that to the next sync."""
    from desktop_app.workflows.sync_run import lease_blocks  # sync_run imports this module

    try:
        gateway = transport.connect(identity)
        try:
            lease_blocks(session, gateway, session.clock.now().year,
                         [t.value for t in RecordType])
        finally:
            gateway.close()
    except HotichError as exc:
        log.info("first number blocks not leased at enrolment (%s)", exc.code)
