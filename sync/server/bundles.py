"""Importing a USB bundle on the central server: same per-item idempotency as push."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from pydantic import ValidationError

from sync.bundle import (
    BUNDLE_FORMAT,
    build_answer,
    decode_attachment,
    open_envelope,
    parse_envelope,
)
from sync.errors import BundleInvalidError, DeviceRevokedError, UnknownDeviceError
from sync.protocol import MAX_PULL_LIMIT
from sync.server.devices import Device
from sync.server.models import AuditHead, PushItem
from sync.server.store import CentralStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportedBundle:
    bundle_id: str
    answer: bytes  # the answer file (sealed to the device, signed by the server)
    results: list[dict[str, object]]


def _audit_head(value: object) -> tuple[int, str] | None:
    if value is None:
        return None
    try:
        head = AuditHead.model_validate(value)
    except ValidationError as exc:
        raise BundleInvalidError(problem="audit head") from exc
    return head.seq, head.hash


def _anchor(store: CentralStore, device: Device, payload: dict[str, object]
            ) -> dict[str, object] | None:
    """The bundle's audit head anchored as a sync anchors it (older bundles carry none)."""
    head = _audit_head(payload.get("audit_head"))
    if head is None:
        return None
    return store.anchors.anchor(device, head[0], head[1],
                                _audit_head(payload.get("audit_rewritten")))


def import_bundle(store: CentralStore, data: bytes) -> ImportedBundle:
    """The answer file for a bundle. Importing the same bundle again is harmless and
    gives the same per-item outcomes (accepted ones then read already_had)."""
    body = parse_envelope(data, BUNDLE_FORMAT)
    device = store.devices.get(str(body["device_id"]))
    if device is None:
        raise UnknownDeviceError()
    if device.is_revoked:
        raise DeviceRevokedError()
    if body["recipient_key"] != store.settings.keys.box_public:
        raise BundleInvalidError(problem="sealed for another server")
    env = open_envelope(body, signer_public=device.public_key,
                        recipient_private=store.settings.keys.box_private)
    raw_items = env.payload.get("items")
    if not isinstance(raw_items, list):
        raise BundleInvalidError(problem="no items")
    try:
        items = [PushItem.model_validate(i) for i in raw_items]
    except ValidationError as exc:
        raise BundleInvalidError(problem="an item does not follow the protocol") from exc
    stored: dict[str, bool] = {}
    entries = env.payload.get("attachments") or []
    if not isinstance(entries, list):
        raise BundleInvalidError(problem="attachments are not a list")
    for entry in entries:
        att = decode_attachment(entry)
        stored[att.sha256] = store.attachments.store_whole(device, att.sha256, att.content,
                                                           att.media_type)
    results = []
    for start in range(0, len(items), 200):
        results += store.intake.push(device, items[start:start + 200], via="bundle")
    bundle_id = str(body["id"])
    first_time = store.intake.note_bundle(bundle_id, device, len(items))
    since = env.payload.get("since")
    pull = store.feed.changes(device.commune, str(since or "0"), MAX_PULL_LIMIT)
    anchor = _anchor(store, device, env.payload)
    log.info("bundle %s imported (%d items, first time: %s)", bundle_id, len(items), first_time)
    answer = build_answer(bundle_id=bundle_id, device_id=device.device_id,
                          device_box_key=device.box_public_key,
                          server_signing_private=store.settings.keys.signing_private,
                          results=results, attachments=stored, pull=pull, now=store.db.now(),
                          audit_anchor=anchor)
    return ImportedBundle(bundle_id, answer, results)
