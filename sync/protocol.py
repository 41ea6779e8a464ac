"""What client and server share: version, headers, canonical JSON, digests, the string a device
signs, gzip, and the per-item result vocabulary. sync/openapi.json is the contract; this module
is its executable part.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import zlib
from collections.abc import Mapping
from enum import StrEnum

from sync.errors import BadRequestError

API_VERSION = "v1"
API_PREFIX = "/v1"

# Request authentication (every endpoint but health, enrolment and bundle import).
H_DEVICE = "X-Hotich-Device"
H_TIMESTAMP = "X-Hotich-Timestamp"  # integer Unix seconds
H_NONCE = "X-Hotich-Nonce"  # 32 hex characters, fresh for every attempt
H_SIGNATURE = "X-Hotich-Signature"  # base64url Ed25519 signature of signing_string()
H_UPLOAD_OFFSET = "Upload-Offset"
H_UPLOAD_LENGTH = "Upload-Length"
H_UPLOAD_COMPLETE = "Upload-Complete"

MAX_CLOCK_SKEW_SECONDS = 300
MAX_BODY_BYTES = 32 * 1024 * 1024  # after decompression
MAX_BATCH_ITEMS = 200
MAX_CHUNK_BYTES = 1024 * 1024
MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024
MAX_PULL_LIMIT = 1000


class ItemStatus(StrEnum):
    ACCEPTED = "accepted"  # kept centrally now (central_id, personal_id for births)
    ALREADY_HAD = "already_had"  # this idempotency key (or this exact version) was accepted before
    REJECTED = "rejected"  # final: fix the record and send a new version
    DEFERRED = "deferred"  # not kept, nothing wrong: send the same item again later


class ChangeKind(StrEnum):
    """What a pull page carries."""

    RECORD = "record"  # an accepted record of the commune (any device)
    PERSONAL_ID = "personal_id"  # the ID the population registry gave a birth
    REJECTION = "rejection"  # an item of this commune rejected centrally
    NUMBER_BLOCK = "number_block"  # a block leased to a device of the commune
    REVOKED_DEVICE = "revoked_device"
    REVOKED_CERTIFICATE = "revoked_certificate"
    CAPABILITIES = "capabilities"  # the procedures the centre accepts now
    REFERENCE = "reference"  # reference data sets (administrative units, accounts...)


def canonical_json(value: object) -> bytes:
    """Sorted keys, no spaces, UTF-8: the bytes that are hashed and signed."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_digest(value: object) -> str:
    return sha256_hex(canonical_json(value))


def item_digest(record_type: str, record_id: str, version: int, historical: bool,
                data: Mapping[str, object], attachments: list[str]) -> str:
    """What an idempotency key stands for: same key and another digest is a conflict."""
    return content_digest({"type": record_type, "record_id": record_id, "version": version,
                           "historical": historical, "data": data,
                           "attachments": sorted(attachments)})


def signing_string(method: str, path: str, timestamp: str, nonce: str, device_id: str,
                   body: bytes) -> bytes:
    """The bytes a device signs: method, path with query, time, nonce, device and the SHA-256
    of the body exactly as sent (compressed or not)."""
    return "\n".join(["HOTICH-REQUEST-V1", method.upper(), path, timestamp, nonce, device_id,
                      sha256_hex(body)]).encode("utf-8")


def b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64d(text: str) -> bytes:
    """Inverse of b64e; raises ValueError on anything malformed."""
    if not isinstance(text, str):
        raise ValueError("not text")
    padded = text + "=" * (-len(text) % 4)
    return base64.urlsafe_b64decode(padded.encode("ascii"))


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def gunzip_limited(data: bytes, limit: int = MAX_BODY_BYTES) -> bytes:
    """Decompress a gzip body, refusing anything that inflates past ``limit`` (zip bombs)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, limit + 1)
    except zlib.error as exc:
        raise BadRequestError(detail="body is not valid gzip") from exc
    if len(out) > limit or decompressor.unconsumed_tail:
        raise BadRequestError(detail="body too large")
    if not decompressor.eof:
        raise BadRequestError(detail="truncated gzip body")
    return out
