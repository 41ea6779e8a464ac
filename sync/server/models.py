"""Request bodies of the protocol as pydantic models (validated before any work is done)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from sync.protocol import (
    MAX_ATTACHMENT_BYTES,
    MAX_BATCH_ITEMS,
    MAX_PULL_LIMIT,
    MAX_REGISTRY_LIMIT,
)

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Token = Annotated[str, StringConstraints(min_length=1, max_length=200,
                                         pattern=r"^[A-Za-z0-9._:\-]+$")]
PublicKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_\-]{43}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EnrolRequest(_Strict):
    code: Annotated[str, StringConstraints(min_length=4, max_length=64)]
    public_key: PublicKey
    box_public_key: PublicKey
    name: Annotated[str, StringConstraints(max_length=100)] = ""
    # the commune the device's store belongs to: a code of another commune is refused
    # before it is used (older clients send none)
    commune: Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")] | None = None


class PushItem(_Strict):
    idempotency_key: Token
    record_id: Token
    version: int = Field(ge=1)
    type: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    historical: bool = False
    data: dict[str, object]
    attachments: list[Sha256] = Field(default_factory=list, max_length=100)


class PushRequest(_Strict):
    batch_id: Token | None = None
    items: list[PushItem] = Field(min_length=1, max_length=MAX_BATCH_ITEMS)


class AttachmentCreate(_Strict):
    sha256: Sha256
    size: int = Field(ge=1, le=MAX_ATTACHMENT_BYTES)
    media_type: Annotated[str, StringConstraints(
        max_length=100, pattern=r"^[a-z]+/[A-Za-z0-9.+\-]+$")] = "application/octet-stream"


class NumberBlockRequest(_Strict):
    request_id: Token
    record_type: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    year: int = Field(ge=1900, le=2200)
    size: int = Field(ge=1, le=1000)
    used_up_to: int = Field(default=0, ge=0, le=10_000_000)


class PullQuery(_Strict):
    since: str = "0"
    limit: int = Field(default=200, ge=1, le=MAX_PULL_LIMIT)


class AuditHead(_Strict):
    seq: int = Field(ge=1, le=2**62)
    hash: Sha256


class AuditAnchorRequest(_Strict):
    seq: int = Field(ge=1, le=2**62)
    hash: Sha256
    # the head the centre kept that the device did not find in its own chain
    rewritten: AuditHead | None = None


PersonalId = Annotated[str, StringConstraints(pattern=r"^[0-9]{12}$")]


class RegistryQuery(_Strict):
    """GET /v1/registry/persons: one page of the population registry's events of the
    device's commune, after a personal ID (keyset paging)."""

    event: Annotated[str, StringConstraints(pattern=r"^(birth|death)$")]
    year: int = Field(ge=1800, le=2200)
    after: PersonalId | None = None
    limit: int = Field(default=100, ge=1, le=MAX_REGISTRY_LIMIT)


class RegistryPerson(_Strict):
    """One event as the operators import it (the same fields as the registry answers)."""

    event: Annotated[str, StringConstraints(pattern=r"^(birth|death)$")]
    personal_id: PersonalId
    commune: Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]
    year: int = Field(ge=1800, le=2200)
    full_name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    sex: Annotated[str, StringConstraints(max_length=20)] | None = None
    date_of_birth: Annotated[str, StringConstraints(max_length=10)] | None = None
    mother_name: Annotated[str, StringConstraints(max_length=200)] | None = None
    father_name: Annotated[str, StringConstraints(max_length=200)] | None = None
    date_of_death: Annotated[str, StringConstraints(max_length=16)] | None = None
