"""Device-side use cases that touch the encrypted store: enrolment and opening a client.

The outbox and pull application (records table) are wired by the core; this module only
keeps the device identity.
"""

from __future__ import annotations

import logging
from pathlib import Path

from desktop_app.accounts import Permission, require
from desktop_app.session import Session
from desktop_app.store import audit_repo, meta_repo
from desktop_app.workflows.numbering import switch_to_leased_numbers
from sync.client import CancelToken, SyncClient, TransportConfig, enrol
from sync.errors import AlreadyEnrolledError, OfficeMismatchError
from sync.identity import DeviceIdentity, ca_file, load_identity, require_identity, save_identity

log = logging.getLogger(__name__)


def enrol_device(session: Session, server_url: str, code: str, *, ca_path: Path | None = None,
                 name: str = "", replace: bool = False,
                 config: TransportConfig | None = None) -> DeviceIdentity:
    """Exchange a one-time code for this device's identity and keep it in the encrypted store
    (with an audit entry). The server must enrol the device for this store's commune."""
    require(session.account, Permission.SYNC)
    conn = session.db.connection()
    existing = load_identity(conn)
    if existing is not None and not replace:
        raise AlreadyEnrolledError(device_id=existing.device_id)
    local_commune = meta_repo.get(conn, "commune_code") or ""
    identity = enrol(server_url, code, ca_file=ca_path, name=name, config=config,
                     clock=session.clock)
    if local_commune and identity.commune != local_commune:
        raise OfficeMismatchError(office=identity.commune)
    with session.db.transaction() as tx:
        save_identity(tx, identity)
        switch_to_leased_numbers(tx)
        audit_repo.append(tx, at=session.clock.now(), actor=session.account.username,
                          action="device.enrol", target=identity.device_id,
                          details={"server": identity.server_url, "commune": identity.commune,
                                   "ca_sha256": identity.ca_sha256 or ""})
    log.info("device enrolled as %s", identity.device_id)
    return identity


def open_client(session: Session, *, config: TransportConfig | None = None,
                cancel: CancelToken | None = None) -> SyncClient:
    """A client for the enrolled device (NotEnrolledError otherwise)."""
    identity = require_identity(session.db.connection())
    return SyncClient(identity, ca_file=ca_file(identity, session.paths.root), config=config,
                      clock=session.clock, cancel=cancel)
