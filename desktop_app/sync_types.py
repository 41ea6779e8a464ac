"""The plain data that crosses the sync ports (desktop_app.ports): what the core hands the
central server's gateway and what it gets back. No wire format here: sync/ encodes and decodes
(sync.protocol), the core applies (desktop_app.workflows.sync_apply)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.errors import Cancelled

if TYPE_CHECKING:  # the central server's commands read these types without the domain
    from desktop_app.domain import NumberBlock


class ItemStatus(StrEnum):
    """The centre's answer for one pushed item."""

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


# -- progress and cancel ------------------------------------------------------------------
@dataclass(frozen=True)
class Progress:
    stage: str  # "push", "attachment", "pull"
    done: int
    total: int  # 0 when unknown


ProgressCallback = Callable[[Progress], None]


class CancelToken:
    """Set from any thread; long operations stop at the next safe point with Cancelled."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []

    def cancel(self) -> None:
        self._event.set()
        with self._lock:
            callbacks = list(self._callbacks)
        for callback in callbacks:
            callback()

    def on_cancel(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` (from the cancelling thread) when the token is set, e.g. to cut
        a request short; returns the function that unregisters it."""
        with self._lock:
            self._callbacks.append(callback)
        if self._event.is_set():
            callback()

        def remove() -> None:
            with self._lock:
                if callback in self._callbacks:
                    self._callbacks.remove(callback)

        return remove

    @property
    def is_cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, seconds: float) -> None:
        """Sleep up to ``seconds``; Cancelled as soon as the token is set."""
        if self._event.wait(max(0.0, seconds)):
            raise Cancelled()


# -- push -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class PushItem:
    """One outbox item. The idempotency key must be stored with the item before the first
    send and reused for every retry of the same version."""

    idempotency_key: str
    record_id: str
    version: int
    record_type: str
    data: Mapping[str, object]
    historical: bool = False
    attachments: tuple[str, ...] = ()  # SHA-256 (hex) of each attachment


@dataclass(frozen=True)
class ItemResult:
    idempotency_key: str
    record_id: str
    version: int
    status: ItemStatus
    central_id: str | None = None
    personal_id: str | None = None
    code: str | None = None
    message: str | None = None  # Vietnamese
    message_en: str | None = None
    warnings: tuple[Mapping[str, object], ...] = ()
    issues: tuple[Mapping[str, object], ...] = ()
    missing_attachments: tuple[str, ...] = ()

    @property
    def is_synced(self) -> bool:
        """Kept centrally: mark the record synced and store central_id / personal_id."""
        return self.status in (ItemStatus.ACCEPTED, ItemStatus.ALREADY_HAD)

    @property
    def is_final(self) -> bool:
        """False for deferred items: keep them queued and send the same item later."""
        return self.status is not ItemStatus.DEFERRED


# -- pull -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    seq: int
    kind: str  # a ChangeKind value (unknown kinds: ignore them)
    key: str
    data: Mapping[str, object]
    at: str = ""


@dataclass(frozen=True)
class PullPage:
    changes: list[Change]
    cursor: str  # store it in the same transaction that applies the changes
    has_more: bool


@dataclass(frozen=True)
class RegistryPerson:
    """A birth or death as the centre's population registry holds it (reconciliation of
    old books, issue 17 item 7). Dates as written there: YYYY, YYYY-MM or YYYY-MM-DD."""

    personal_id: str
    full_name: str
    sex: str | None = None
    date_of_birth: str | None = None
    mother_name: str | None = None
    father_name: str | None = None
    date_of_death: str | None = None


# -- number blocks, attachments, capabilities -----------------------------------------------
@dataclass(frozen=True)
class AuditHead:
    """An entry of the audit chain by number and hash: the device's head, or the one the
    centre kept from the sync before (issue 16 item 12)."""

    seq: int
    hash: str


@dataclass(frozen=True)
class LeasedBlock:
    """Numbers of one book (record type, year, office) the centre leased to this device."""

    block_id: str
    request_id: str
    office: str
    record_type: str
    book_code: str
    year: int
    first: int
    last: int

    def as_number_block(self) -> NumberBlock:
        from desktop_app.domain import NumberBlock

        return NumberBlock(self.first, self.last, self.first)


@dataclass(frozen=True)
class AttachmentStatus:
    sha256: str
    size: int
    offset: int
    complete: bool


@dataclass(frozen=True)
class AttachmentUpload:
    sha256: str
    source: bytes | Path
    media_type: str = "application/octet-stream"


@dataclass(frozen=True)
class Capabilities:
    procedures: tuple[str, ...]
    max_batch_items: int
    max_chunk_bytes: int
    raw: Mapping[str, object] = field(default_factory=dict)

    @property
    def client_release(self) -> object:
        """The newest desktop version the operators published (None when none)."""
        return self.raw.get("client_release")


# -- the device -----------------------------------------------------------------------------
@dataclass(frozen=True)
class DeviceIdentity:
    """Key pairs, device id, server URL and trusted CA of an enrolled device: kept inside the
    encrypted store only (never a plaintext file); the private keys never reach a log."""

    device_id: str
    commune: str
    server_url: str
    signing_private: str
    signing_public: str
    box_private: str
    box_public: str
    server_signing_key: str
    server_box_key: str
    enrolled_at: str
    ca_pem: str | None = None  # None: the system's trust store
    ca_sha256: str | None = None  # pin of the CA certificate (DER)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> DeviceIdentity:
        return cls(**json.loads(text))

    def public_view(self) -> dict[str, object]:
        """What may be shown or logged: no private keys."""
        return {"device_id": self.device_id, "commune": self.commune,
                "server_url": self.server_url, "enrolled_at": self.enrolled_at,
                "ca_sha256": self.ca_sha256}

    def __repr__(self) -> str:  # a stray log line never shows the private keys
        return f"DeviceIdentity({self.public_view()!r})"


# -- USB bundles ----------------------------------------------------------------------------
@dataclass(frozen=True)
class BundleAttachment:
    sha256: str
    content: bytes
    media_type: str = "application/octet-stream"


@dataclass(frozen=True)
class BundleAnswer:
    """What an answer file brought back from the central office tells the device."""

    bundle_id: str
    results: tuple[ItemResult, ...]
    attachments: Mapping[str, bool] = field(default_factory=dict)  # sha256 -> kept centrally
    pull: PullPage | None = None
    # the audit head the centre kept before the bundle's (None: first, or an older centre)
    audit_kept: AuditHead | None = None
    audit_anchored: bool = False  # the centre took the bundle's audit head
