"""Signing: PKCS#12 keystore, extract rendering, QR tokens, PAdES signing and verification.

Qt-free and store-free; the composition root wires it to the store and the CLI. The names
below load on first use (PEP 562): pyHanko and its HTTP stack cost ~0.9 s to import, which
commands that never sign should not pay.
"""

from importlib import import_module

_EXPORTS = {
    "extract_data_digest": "signing.digest",
    "IssuedExtract": "signing.issue",
    "data_digest_for": "signing.issue",
    "issue_signed_extract": "signing.issue",
    "preview_extract": "signing.issue",
    "LoadedSigner": "signing.keystore",
    "SigningNotice": "signing.keystore",
    "load_signer": "signing.keystore",
    "load_trust_roots": "signing.keystore",
    "ChangeNote": "signing.model",
    "ExtractInfo": "signing.model",
    "add_document_timestamp": "signing.pades",
    "http_timestamper": "signing.pades",
    "QrVerification": "signing.qr",
    "verify_qr": "signing.qr",
    "PdfVerification": "signing.verify",
    "verify_pdf": "signing.verify",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'signing' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
