"""The trusted CA of the device identity (desktop_app.sync_types.DeviceIdentity, kept by the
core in the encrypted store, never in a plaintext file).

The CA certificate is public; requests needs it as a file, so :func:`ca_file` writes it into
the data folder and checks it against the SHA-256 pin kept in the encrypted store each time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography import x509

from desktop_app.fileio import write_atomic
from desktop_app.sync_types import DeviceIdentity
from sync.errors import TlsConfigError


def read_ca(path: Path) -> tuple[str, str]:
    """(PEM text, SHA-256 of the DER) of a CA certificate file."""
    try:
        pem = path.read_bytes()
        cert = x509.load_pem_x509_certificate(pem)
    except (OSError, ValueError) as exc:
        raise TlsConfigError(detail="the CA file is not a PEM certificate") from exc
    from cryptography.hazmat.primitives.serialization import Encoding

    return pem.decode("ascii"), hashlib.sha256(cert.public_bytes(Encoding.DER)).hexdigest()


def ca_file(identity: DeviceIdentity, folder: Path) -> Path | None:
    """The pinned CA as a file for requests (rewritten when missing or not matching the pin)."""
    if identity.ca_pem is None:
        return None
    path = folder / "sync-server-ca.pem"
    data = identity.ca_pem.encode("ascii")
    try:
        current = path.read_bytes()
    except OSError:
        current = b""
    if current != data:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, mode=0o644)
    _, pin = read_ca(path)
    if pin != identity.ca_sha256:
        raise TlsConfigError(detail="the CA certificate does not match the enrolled pin")
    return path
