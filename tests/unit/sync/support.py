"""Helpers for the sync tests: a test PKI, the real server on 127.0.0.1 in a thread, records."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from ipaddress import IPv4Address
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tests.samples import build

COMMUNE = "00070"  # the conftest data_dir's commune (Hà Nội: province 01)


@dataclass(frozen=True)
class Pki:
    ca: Path
    cert: Path
    key: Path
    other_ca: Path  # a CA that did not sign the server: must be refused


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _ca(cn: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(_name(cn)).issuer_name(_name(cn))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True,
                                         crl_sign=True, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    return key, cert


def make_pki(folder: Path, hosts: tuple[str, ...] = ()) -> Pki:
    """A CA and a server certificate for 127.0.0.1, localhost and ``hosts`` (IPv4)."""
    folder.mkdir(parents=True, exist_ok=True)
    ca_key, ca_cert = _ca("Hotich Test CA")
    _, other = _ca("Some Other CA")
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(_name("127.0.0.1"))
            .issuer_name(ca_cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([
                x509.IPAddress(IPv4Address("127.0.0.1")), x509.DNSName("localhost"),
                *(x509.IPAddress(IPv4Address(h)) for h in hosts)]),
                critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    paths = Pki(folder / "ca.pem", folder / "server.pem", folder / "server-key.pem",
                    folder / "other-ca.pem")
    paths.ca.write_bytes(ca_cert.public_bytes(pem))
    paths.other_ca.write_bytes(other.public_bytes(pem))
    paths.cert.write_bytes(cert.public_bytes(pem))
    paths.key.write_bytes(key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                            serialization.NoEncryption()))
    return paths


def wait_until(predicate: Callable[[], bool], timeout: float = 15.0,
               interval: float = 0.02) -> None:
    """Poll with a deadline (tests never sleep blindly)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met before the deadline")
        threading.Event().wait(interval)


class ServerThread:
    """The real FastAPI app under uvicorn with TLS on 127.0.0.1 (a free port), in a thread."""

    def __init__(self, store: Any, pki: Pki) -> None:
        import uvicorn

        from sync.server.app import create_app

        self.store = store
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.port = self._sock.getsockname()[1]
        self.url = f"https://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(store), log_level="warning", access_log=False,
                                lifespan="off", timeout_graceful_shutdown=1,
                                ssl_certfile=str(pki.cert),
                                ssl_keyfile=str(pki.key))
        self.server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self.server.run,
                                        kwargs={"sockets": [self._sock]}, daemon=True)

    def __enter__(self) -> ServerThread:
        self._thread.start()
        wait_until(lambda: self.server.started)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self._thread.join(timeout=10)
        self._sock.close()


def record(record_type: str = "birth", **changes: Any) -> dict[str, Any]:
    """A valid record of the shared samples, with top-level fields replaced."""
    data = build(record_type)
    data.update(changes)
    return data


def push_item(record_type: str = "birth", *, version: int = 1, record_id: str | None = None,
              data: dict[str, Any] | None = None, attachments: tuple[str, ...] = (),
              key: str | None = None):  # noqa: ANN201 - sync.client.PushItem
    from sync.client import PushItem

    rid = record_id or str(uuid.uuid4())
    return PushItem(idempotency_key=key or f"{rid}:{version}", record_id=rid, version=version,
                    record_type=record_type, data=data or record(record_type),
                    attachments=attachments)
