"""USB sneaker-net files: the bundle a device writes and the answer the centre gives back.

Both are one JSON envelope (UTF-8)::

    {"format": "hotich-bundle" | "hotich-answer", "version": 1, "id": <bundle id>,
     "device_id": ..., "created_at": ..., "recipient_key": <X25519 key it is sealed to>,
     "seal": {"alg": "X25519-HKDF-SHA256-AES256GCM", "epk": ..., "nonce": ...},
     "ciphertext": <base64url of AES-256-GCM(gzip(canonical JSON payload))>,
     "signature": <base64url Ed25519 over the canonical JSON of every other field>}

A bundle is signed by the device key and sealed to the server's X25519 key (published at
enrolment); an answer is signed by the server key and sealed to the device's X25519 key. The
header fields (all but seal, ciphertext and signature) are the AEAD associated data.

Bundle payload: {"items": [push items as in POST /v1/push], "attachments": [{"sha256",
"media_type", "content": base64url}], "since": <pull cursor or null>, "audit_head": {"seq",
"hash"} | null, "audit_rewritten": {"seq", "hash"} | null} (as in POST /v1/audit-anchor).
Answer payload: {"bundle_id", "results": [per-item results as in the push answer],
"attachments": {sha256: true|false}, "pull": <a pull page since the bundle's cursor>,
"audit_anchor": <the answer of POST /v1/audit-anchor> | null}.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import uuid
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop_app.sync_types import (
    AuditHead,
    BundleAnswer,
    BundleAttachment,
    DeviceIdentity,
    PushItem,
)
from sync import keys
from sync.errors import BadRequestError, BundleInvalidError, ProtocolError
from sync.protocol import (
    b64d,
    b64e,
    canonical_json,
    decode_audit_anchor,
    decode_item_result,
    decode_pull_page,
    encode_push_item,
    gunzip_limited,
)

BUNDLE_FORMAT = "hotich-bundle"
ANSWER_FORMAT = "hotich-answer"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 512 * 1024 * 1024
_HEADER_FIELDS = ("format", "version", "id", "device_id", "created_at", "recipient_key")


@dataclass(frozen=True)
class Envelope:
    header: dict[str, object]
    payload: dict[str, object]


def _seal(fmt: str, envelope_id: str, device_id: str, recipient_key: str, signer_private: str,
          payload: Mapping[str, object], now: datetime) -> bytes:
    header: dict[str, object] = {
        "format": fmt, "version": FORMAT_VERSION, "id": envelope_id, "device_id": device_id,
        "created_at": now.astimezone(UTC).isoformat(timespec="seconds"),
        "recipient_key": recipient_key}
    plaintext = gzip.compress(canonical_json(payload), compresslevel=6, mtime=0)
    sealed = keys.seal(recipient_key, plaintext, canonical_json(header), fmt.encode("ascii"))
    body: dict[str, object] = {
        **header,
        "seal": {"alg": keys.SEAL_ALG, "epk": sealed.ephemeral_public, "nonce": sealed.nonce},
        "ciphertext": sealed.ciphertext}
    body["signature"] = keys.sign(signer_private, canonical_json(body))
    return canonical_json(body)


def parse_envelope(data: bytes, fmt: str) -> dict[str, object]:
    """The outer JSON, checked for shape (not yet for signature)."""
    if len(data) > MAX_FILE_BYTES:
        raise BundleInvalidError(problem="file too large")
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleInvalidError(problem="not a bundle file") from exc
    if not isinstance(body, dict) or body.get("format") != fmt:
        raise BundleInvalidError(problem=f"not a {fmt} file")
    if body.get("version") != FORMAT_VERSION:
        raise BundleInvalidError(problem="unsupported version")
    for name in (*_HEADER_FIELDS, "seal", "ciphertext", "signature"):
        if name not in body:
            raise BundleInvalidError(problem=f"missing {name}")
    seal = body["seal"]
    if not isinstance(seal, dict) or seal.get("alg") != keys.SEAL_ALG:
        raise BundleInvalidError(problem="unknown encryption")
    return body


def open_envelope(body: dict[str, object], *, signer_public: str, recipient_private: str
                  ) -> Envelope:
    """Verify the signature, then decrypt and decompress the payload."""
    unsigned = {k: v for k, v in body.items() if k != "signature"}
    if not keys.verify(signer_public, str(body["signature"]), canonical_json(unsigned)):
        raise BundleInvalidError(problem="signature does not verify")
    header = {k: body[k] for k in _HEADER_FIELDS}
    seal = body["seal"]
    assert isinstance(seal, dict)
    try:
        plaintext = keys.open_sealed(
            recipient_private, canonical_json(header),
            keys.SealedBox(str(seal["epk"]), str(seal["nonce"]), str(body["ciphertext"])),
            purpose=str(body["format"]).encode("ascii"))
        payload = json.loads(gunzip_limited(plaintext, MAX_FILE_BYTES).decode("utf-8"))
    except (ValueError, KeyError, zlib.error) as exc:
        raise BundleInvalidError(problem="cannot decrypt (not for this recipient?)") from exc
    except BadRequestError as exc:  # from gunzip_limited
        raise BundleInvalidError(problem="damaged content") from exc
    if not isinstance(payload, dict):
        raise BundleInvalidError(problem="damaged content")
    return Envelope(header, payload)


# -- device side ------------------------------------------------------------------------
def build_bundle(identity: DeviceIdentity, items: Sequence[PushItem],
                 attachments: Sequence[BundleAttachment] = (), *, since: str | None = None,
                 now: datetime | None = None, bundle_id: str | None = None,
                 audit_head: AuditHead | None = None,
                 audit_rewritten: AuditHead | None = None) -> bytes:
    """The bytes of a bundle file: ``items`` are push items (as in POST /v1/push),
    ``attachments`` their files, ``since`` the device's pull cursor (the answer carries the
    changes after it). Write it with desktop_app.fileio.write_atomic."""
    for att in attachments:
        if hashlib.sha256(att.content).hexdigest() != att.sha256:
            raise BundleInvalidError(problem="attachment content does not match its digest")
    payload = {"items": [encode_push_item(i) for i in items],
               "attachments": [{"sha256": a.sha256, "media_type": a.media_type,
                                "content": b64e(a.content)} for a in attachments],
               "since": since, "audit_head": _head(audit_head),
               "audit_rewritten": _head(audit_rewritten)}
    return _seal(BUNDLE_FORMAT, bundle_id or str(uuid.uuid4()), identity.device_id,
                 identity.server_box_key, identity.signing_private, payload,
                 now or datetime.now(UTC))


def _head(head: AuditHead | None) -> dict[str, object] | None:
    return None if head is None else {"seq": head.seq, "hash": head.hash}


def read_answer(identity: DeviceIdentity, data: bytes) -> BundleAnswer:
    """Verify (server signature) and open an answer file meant for this device."""
    body = parse_envelope(data, ANSWER_FORMAT)
    if body["device_id"] != identity.device_id:
        raise BundleInvalidError(problem="the answer is for another device")
    env = open_envelope(body, signer_public=identity.server_signing_key,
                        recipient_private=identity.box_private)
    results = env.payload.get("results")
    if not isinstance(results, list):
        raise BundleInvalidError(problem="no results")
    attachments = env.payload.get("attachments") or {}
    if not isinstance(attachments, dict):
        raise ProtocolError(detail="malformed answer attachments")
    pull = env.payload.get("pull")
    anchor = env.payload.get("audit_anchor")
    return BundleAnswer(
        str(env.payload.get("bundle_id", body["id"])),
        tuple(decode_item_result(r) for r in results),  # ProtocolError when malformed
        {str(k): bool(v) for k, v in attachments.items()},
        decode_pull_page(pull) if isinstance(pull, dict) else None,
        audit_kept=decode_audit_anchor(anchor) if anchor is not None else None,
        audit_anchored=anchor is not None)


class UsbBundleCodec:
    """desktop_app.ports.BundleCodec: the device's side of the USB files."""

    def build_bundle(self, identity: DeviceIdentity, items: Sequence[PushItem],
                     attachments: Sequence[BundleAttachment], *, since: str | None,
                     now: datetime, audit_head: AuditHead | None = None,
                     audit_rewritten: AuditHead | None = None) -> bytes:
        return build_bundle(identity, items, attachments, since=since, now=now,
                            audit_head=audit_head, audit_rewritten=audit_rewritten)

    def read_answer(self, identity: DeviceIdentity, data: bytes) -> BundleAnswer:
        return read_answer(identity, data)


# -- server side ------------------------------------------------------------------------
def build_answer(*, bundle_id: str, device_id: str, device_box_key: str,
                 server_signing_private: str, results: list[dict[str, object]],
                 attachments: dict[str, bool], pull: dict[str, object] | None,
                 now: datetime, audit_anchor: dict[str, object] | None = None) -> bytes:
    payload = {"bundle_id": bundle_id, "results": results, "attachments": attachments,
               "pull": pull, "audit_anchor": audit_anchor}
    return _seal(ANSWER_FORMAT, str(uuid.uuid4()), device_id, device_box_key,
                 server_signing_private, payload, now)


def decode_attachment(entry: object) -> BundleAttachment:
    if not isinstance(entry, dict):
        raise BundleInvalidError(problem="attachment entry")
    try:
        return BundleAttachment(str(entry["sha256"]), b64d(str(entry["content"])),
                                str(entry.get("media_type") or "application/octet-stream"))
    except (KeyError, ValueError) as exc:
        raise BundleInvalidError(problem="attachment entry") from exc
