"""Signing certificates revoked centrally (pulled at sync), checked before each signing batch.

An entry is a certificate's SHA-256 fingerprint or its serial number in hex, as operators read
it off the certificate (colons, spaces, case and leading zeros do not matter).
"""

from __future__ import annotations

import json

from cryptography import x509

from desktop_app.store.unit_of_work import UnitOfWork

REVOKED_CERTIFICATES_KEY = "sync.revoked_certificates"


def normalise(entry: str) -> str:
    text = "".join(ch for ch in entry.lower() if ch not in ": -")
    return text.lstrip("0") or "0"


def add_revoked(uow: UnitOfWork, entry: str) -> None:
    revoked = set(json.loads(uow.meta.get(REVOKED_CERTIFICATES_KEY) or "[]"))
    revoked.add(normalise(entry))
    uow.meta.put(REVOKED_CERTIFICATES_KEY, json.dumps(sorted(revoked)))


def is_revoked(uow: UnitOfWork, certificate_der: bytes, fingerprint: str) -> bool:
    revoked = set(json.loads(uow.meta.get(REVOKED_CERTIFICATES_KEY) or "[]"))
    if not revoked:
        return False
    serial = format(x509.load_der_x509_certificate(certificate_der).serial_number, "x")
    return normalise(fingerprint) in revoked or normalise(serial) in revoked
