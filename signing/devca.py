"""A development certificate authority: for the demo data and for tests only.

Real communes import the supervisor's certificate issued by a Vietnamese public or government
CA; these certificates say "DEMO" in their organisation and must never sign real extracts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

ORGANISATION = "Hộ Tịch Offline DEMO - không dùng cho hồ sơ thật"


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


@dataclass(frozen=True)
class Issued:
    key: pkcs12.PKCS12PrivateKeyTypes
    cert: x509.Certificate

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)


def _ski(key: pkcs12.PKCS12PrivateKeyTypes) -> x509.SubjectKeyIdentifier:
    return x509.SubjectKeyIdentifier.from_public_key(key.public_key())


def make_ca(cn: str, issuer: Issued | None = None, *, days: int = 3650,
            now: datetime | None = None) -> Issued:
    now = now or datetime.now(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(issuer.cert.subject if issuer else _name(cn))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=10))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(_ski(key), critical=False)
    )
    signing_key = issuer.key if issuer else key
    if issuer:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
            critical=False,
        )
    return Issued(key, builder.sign(signing_key, hashes.SHA256()))


def make_leaf(
    cn: str,
    issuer: Issued,
    *,
    key: pkcs12.PKCS12PrivateKeyTypes | None = None,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    signing_usage: bool = True,
    eku: list[x509.ObjectIdentifier] | None = None,
    now: datetime | None = None,
) -> Issued:
    now = now or datetime.now(UTC)
    key = key or ec.generate_private_key(ec.SECP256R1())
    usage = x509.KeyUsage(
        digital_signature=signing_usage,
        content_commitment=signing_usage,
        key_encipherment=not signing_usage,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(issuer.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or now - timedelta(days=1))
        .not_valid_after(not_after or now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(_ski(key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
            critical=False,
        )
    )
    if eku:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=True)
    return Issued(key, builder.sign(issuer.key, hashes.SHA256()))


def p12(
    leaf: Issued,
    chain: list[Issued],
    password: str,
    *,
    legacy: bool = False,
) -> bytes:
    if legacy:
        encryption = (
            serialization.PrivateFormat.PKCS12.encryption_builder()
            .kdf_rounds(2048)
            .key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC)
            .hmac_hash(hashes.SHA1())
            .build(password.encode())
        )
    else:
        encryption = serialization.BestAvailableEncryption(password.encode())
    return pkcs12.serialize_key_and_certificates(
        b"supervisor",
        leaf.key,
        leaf.cert,
        [c.cert for c in chain],
        encryption,
    )




@dataclass(frozen=True)
class DemoSigner:
    root_pem: bytes
    pkcs12: bytes


def demo_signer(full_name: str, password: str) -> DemoSigner:
    """A development root CA and a supervisor certificate for ``full_name`` (PKCS#12)."""
    root = make_ca("Hộ Tịch Offline DEMO Root CA")
    leaf = make_leaf(full_name, root)
    return DemoSigner(root.pem, p12(leaf, [root], password))
