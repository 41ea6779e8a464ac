"""The device identity: key pairs, device id, server URL and trusted CA, kept inside the
encrypted store (meta table), never in a plaintext file.

The CA certificate is public; requests needs it as a file, so :func:`ca_file` writes it into
the data folder and checks it against the SHA-256 pin kept in the encrypted store each time.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography import x509

from desktop_app.fileio import write_atomic
from desktop_app.store import meta_repo
from desktop_app.store.database import Connection
from sync.errors import NotEnrolledError, TlsConfigError

META_KEY = "sync.device_identity"


@dataclass(frozen=True)
class DeviceIdentity:
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


def load_identity(conn: Connection) -> DeviceIdentity | None:
    value = meta_repo.get(conn, META_KEY)
    return DeviceIdentity.from_json(value) if value else None


def require_identity(conn: Connection) -> DeviceIdentity:
    identity = load_identity(conn)
    if identity is None:
        raise NotEnrolledError()
    return identity


def save_identity(conn: Connection, identity: DeviceIdentity) -> None:
    """Inside the caller's transaction."""
    meta_repo.put(conn, META_KEY, identity.to_json())


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
