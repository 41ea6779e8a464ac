"""What client and server share: version, headers, canonical JSON, digests, the string a device
signs, gzip, and the JSON form of the values that cross the core's sync port
(desktop_app.sync_types: the per-item result vocabulary lives there). sync/openapi.json is the
contract; this module is its executable part.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import zlib
from collections.abc import Mapping

from desktop_app.canonical import canonical_json as canonical_json  # noqa: F401 - sync's too
from desktop_app.sync_types import (
    AttachmentStatus,
    AuditHead,
    Capabilities,
    Change,
    ItemResult,
    ItemStatus,
    LeasedBlock,
    PullPage,
    PushItem,
    RegistryPerson,
)
from desktop_app.sync_types import ChangeKind as ChangeKind  # noqa: F401 - the server's too
from sync.errors import BadRequestError, ProtocolError

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
MAX_REGISTRY_LIMIT = 200  # persons per page of GET /v1/registry/persons


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


# -- the JSON form of the port's values ------------------------------------------------------
def encode_push_item(item: PushItem) -> dict[str, object]:
    return {"idempotency_key": item.idempotency_key, "record_id": item.record_id,
            "version": item.version, "type": item.record_type,
            "historical": item.historical, "data": dict(item.data),
            "attachments": list(item.attachments)}


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int:
    if isinstance(value, int | float | str):
        return int(value)
    raise TypeError("not a number")


def decode_item_result(value: object) -> ItemResult:
    if not isinstance(value, dict):
        raise ProtocolError(detail="result is not an object")
    try:
        return ItemResult(
            str(value["idempotency_key"]), str(value["record_id"]), int(value["version"]),
            ItemStatus(value["status"]), _opt(value.get("central_id")),
            _opt(value.get("personal_id")), _opt(value.get("code")),
            _opt(value.get("message")), _opt(value.get("message_en")),
            tuple(value.get("warnings") or ()), tuple(value.get("issues") or ()),
            tuple(value.get("missing_attachments") or ()))
    except (KeyError, ValueError, TypeError) as exc:
        raise ProtocolError(detail="malformed item result") from exc


def decode_pull_page(value: object) -> PullPage:
    try:
        assert isinstance(value, dict)
        changes = [Change(int(c["seq"]), str(c["kind"]), str(c["key"]), dict(c["data"]),
                          str(c.get("at", ""))) for c in value["changes"]]
        return PullPage(changes, str(value["cursor"]), bool(value["has_more"]))
    except (AssertionError, KeyError, ValueError, TypeError) as exc:
        raise ProtocolError(detail="malformed pull page") from exc


def decode_registry_page(value: object) -> tuple[list[RegistryPerson], str | None]:
    """The persons of a registry page and the ``after`` of the next (None on the last)."""
    def text(v: object) -> str | None:
        return None if v is None else str(v)

    try:
        assert isinstance(value, dict)
        persons = [RegistryPerson(str(p["personal_id"]), str(p["full_name"]), text(p["sex"]),
                                  text(p["date_of_birth"]), text(p["mother_name"]),
                                  text(p["father_name"]), text(p["date_of_death"]))
                   for p in value["persons"]]
        after = value["next"]
        return persons, None if after is None else str(after)
    except (AssertionError, KeyError, ValueError, TypeError) as exc:
        raise ProtocolError(detail="malformed registry page") from exc


def decode_leased_block(value: object) -> LeasedBlock:
    try:
        assert isinstance(value, dict)
        return LeasedBlock(str(value["block_id"]), str(value["request_id"]),
                           str(value["office"]), str(value["record_type"]),
                           str(value["book_code"]), int(value["year"]), int(value["first"]),
                           int(value["last"]))
    except (AssertionError, KeyError, ValueError, TypeError) as exc:
        raise ProtocolError(detail="malformed number block") from exc


def decode_audit_anchor(value: object) -> AuditHead | None:
    """The head the centre kept before this sync (None the first time)."""
    try:
        assert isinstance(value, dict)
        kept = value["kept"]
        if kept is None:
            return None
        assert isinstance(kept, dict) and isinstance(kept["seq"], int)
        assert isinstance(kept["hash"], str)
        return AuditHead(kept["seq"], kept["hash"])
    except (AssertionError, KeyError, ValueError, TypeError) as exc:
        raise ProtocolError(detail="malformed audit anchor") from exc


def decode_capabilities(raw: Mapping[str, object]) -> Capabilities:
    try:
        procedures = raw["procedures"]
        assert isinstance(procedures, list | tuple)
        return Capabilities(tuple(str(p) for p in procedures),
                            _int(raw["max_batch_items"]), _int(raw["max_chunk_bytes"]),
                            raw)
    except (AssertionError, KeyError, TypeError, ValueError) as exc:
        raise ProtocolError(detail="malformed capabilities") from exc


def decode_attachment_status(raw: Mapping[str, object]) -> AttachmentStatus:
    try:
        return AttachmentStatus(str(raw["sha256"]), _int(raw["size"]), _int(raw["offset"]),
                                bool(raw["complete"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ProtocolError(detail="malformed attachment state") from exc


