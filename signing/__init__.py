"""Signing: PKCS#12 keystore, extract rendering, QR tokens, PAdES signing and verification.

Qt-free and store-free; the composition root wires it to the store and the CLI.
"""

from signing.digest import extract_data_digest
from signing.issue import IssuedExtract, data_digest_for, issue_signed_extract, preview_extract
from signing.keystore import LoadedSigner, SigningNotice, load_signer, load_trust_roots
from signing.model import ChangeNote, ExtractInfo
from signing.pades import add_document_timestamp, http_timestamper
from signing.qr import QrVerification, verify_qr
from signing.verify import PdfVerification, verify_pdf

__all__ = [
    "ChangeNote",
    "ExtractInfo",
    "IssuedExtract",
    "LoadedSigner",
    "PdfVerification",
    "QrVerification",
    "SigningNotice",
    "add_document_timestamp",
    "data_digest_for",
    "extract_data_digest",
    "http_timestamper",
    "issue_signed_extract",
    "load_signer",
    "load_trust_roots",
    "preview_extract",
    "verify_pdf",
    "verify_qr",
]
