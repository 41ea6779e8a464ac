"""The digest of an extract's data, used to compare a document with the stored record.

The digest covers the record as registered (canonical JSON, NFC text, empty values
dropped, keys sorted) plus its registration (office, number, book, date); it leaves out
workflow fields (status, approvals, sync ids) and everything that belongs to one issued
document (extract number, issue date, signer, notes of later changes), so every extract of
an unchanged record carries the same digest and the record in the store can be compared
with any of them: ``extract_data_digest(record, ...) == verification.data_digest``.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping

from desktop_app.canonical import canonical_json

# Fields the system changes during the workflow; not part of what the document certifies.
VOLATILE_KEYS = frozenset(
    {
        "id",
        "status",
        "officer",
        "approved_by",
        "signed_by",
        "overrides",
        "central_id",
        "created_at",
        "updated_at",
        "version",
        "warnings",
        "errors",
        "office",
        "registration_number",
        "book_number",
        "registered_on",
        "source",
        "illegible",
    }
)

DIGEST_VERSION = 1


def _clean(value: object) -> object:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            cleaned = _clean(item)
            if cleaned in (None, "", [], {}):
                continue
            out[unicodedata.normalize("NFC", str(key))] = cleaned
        return out
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, bool | int | float) or value is None:
        return value
    return str(value)


def canonical_data(
    record: Mapping[str, object],
    *,
    office_code: str,
    registration_number: str | None,
    book_number: str | None,
    registered_on: str | None,
) -> bytes:
    """The canonical bytes the digest is taken over."""
    body = {k: v for k, v in record.items() if k not in VOLATILE_KEYS}
    document = _clean(
        {
            "v": DIGEST_VERSION,
            "record": body,
            "registration": {
                "office": office_code,
                "number": registration_number,
                "book": book_number,
                "on": registered_on,
            },
        }
    )
    return canonical_json(document)


def extract_data_digest(
    record: Mapping[str, object],
    *,
    office_code: str,
    registration_number: str | None,
    book_number: str | None,
    registered_on: str | None,
) -> str:
    """SHA-256 of :func:`canonical_data`, lower-case hex."""
    return hashlib.sha256(
        canonical_data(
            record,
            office_code=office_code,
            registration_number=registration_number,
            book_number=book_number,
            registered_on=registered_on,
        )
    ).hexdigest()
