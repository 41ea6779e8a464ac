"""The hash-chained audit log: each entry's hash covers its content and the previous hash.

Altering, deleting or reordering rows directly in the database breaks the chain at the first
affected entry; truncating the tail is caught by the head kept in ``meta``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop_app.errors import AuditChainBrokenError

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    target: str
    reason: str
    details: str  # canonical JSON
    prev_hash: str
    hash: str


def canonical_details(details: Mapping[str, object] | None) -> str:
    return json.dumps(dict(details or {}), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"), default=str)


def entry_hash(seq: int, at: str, actor: str, action: str, target: str, reason: str,
               details: str, prev_hash: str) -> str:
    payload = json.dumps([seq, at, actor, action, target, reason, details, prev_hash],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def make_entry(prev: AuditEntry | None, *, at: str, actor: str, action: str, target: str,
               reason: str, details: str) -> AuditEntry:
    seq = 1 if prev is None else prev.seq + 1
    prev_hash = GENESIS if prev is None else prev.hash
    digest = entry_hash(seq, at, actor, action, target, reason, details, prev_hash)
    return AuditEntry(seq, at, actor, action, target, reason, details, prev_hash, digest)


def _well_typed(entry: AuditEntry) -> bool:
    texts = (entry.at, entry.actor, entry.action, entry.target, entry.reason, entry.details,
             entry.prev_hash, entry.hash)
    return type(entry.seq) is int and all(type(t) is str for t in texts)


def verify_chain(entries: Iterable[AuditEntry], head: tuple[int, str] | None) -> int:
    """Number of entries checked; raises AuditChainBrokenError at the first broken entry."""
    expected_seq, prev_hash = 1, GENESIS
    for entry in entries:
        if not _well_typed(entry):  # a value whose SQL type was changed by a direct edit
            raise AuditChainBrokenError(seq=expected_seq, problem="content altered")
        if entry.seq != expected_seq:
            problem = "missing" if entry.seq > expected_seq else "out of order"
            raise AuditChainBrokenError(seq=expected_seq, problem=problem)
        if entry.prev_hash != prev_hash:
            raise AuditChainBrokenError(seq=entry.seq, problem="chain link altered")
        recomputed = entry_hash(entry.seq, entry.at, entry.actor, entry.action, entry.target,
                                entry.reason, entry.details, entry.prev_hash)
        if recomputed != entry.hash:
            raise AuditChainBrokenError(seq=entry.seq, problem="content altered")
        expected_seq, prev_hash = entry.seq + 1, entry.hash
    count = expected_seq - 1
    if head is not None:
        head_seq, head_hash = head
        if head_seq > count:
            raise AuditChainBrokenError(seq=count + 1, problem="missing")
        if head_seq < count:
            raise AuditChainBrokenError(seq=head_seq + 1, problem="added outside the program")
        if count > 0 and head_hash != prev_hash:
            raise AuditChainBrokenError(seq=count, problem="content altered")
    return count
