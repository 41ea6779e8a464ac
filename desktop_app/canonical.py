"""Canonical JSON: the one byte form of a value that is hashed or signed.

Sync (item digests, bundles, the central feed) and the extracts (the data digest a signed PDF
and its QR code carry) hash the same way, so a value has one digest wherever it is taken.
Changing these bytes invalidates every digest already issued.
"""

from __future__ import annotations

import json


def canonical_json(value: object) -> bytes:
    """Sorted keys, no spaces, UTF-8 (not ASCII-escaped), no NaN or infinity."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")
