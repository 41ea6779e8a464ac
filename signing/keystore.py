"""PKCS#12 keystore: load a supervisor's certificate and key, check them, keep them loaded.

Entry points:

- :func:`load_trust_roots` reads a folder of CA certificates (PEM or DER, one or more per
  file) that the office trusts (Vietnamese government and public CA roots, the development
  CA of the demo).
- :class:`SignerCache` keeps loaded signers for the life of a process (a batch of 100
  extracts opens the archive once, not 100 times).
- :func:`load_signer` opens a PKCS#12 archive (modern AES-256/PBKDF2 or legacy
  3DES/SHA-1), checks validity dates, key usage, that the key matches the certificate and
  that the chain leads to a trusted root, and returns a frozen :class:`LoadedSigner` that
  caches the parsed key (pyHanko's stock signer would re-parse it for every signature).

Nothing here touches the store: the caller keeps the archive bytes inside the encrypted
database and hands them in. Errors are :mod:`signing.errors` types; no error or log line
carries a name, a key or a password.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import os
import threading
from collections import OrderedDict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.keys.internal import (
    translate_pyca_cryptography_cert_to_asn1,
    translate_pyca_cryptography_key_to_asn1,
)
from pyhanko.sign.signers.pdf_cms import SimpleSigner
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator import errors as cv_errors
from pyhanko_certvalidator.registry import SimpleCertificateStore

from signing._aio import run_sync
from signing.errors import (
    CertificateChainError,
    CertificateChainInvalidError,
    CertificateExpiredError,
    CertificateKeyUsageError,
    CertificateNotYetValidError,
    CertificateRevokedError,
    CertificateUntrustedError,
    KeyMismatchError,
    Pkcs12InvalidError,
    Pkcs12NoKeyError,
    Pkcs12PasswordError,
    TrustStoreError,
    UnsupportedKeyError,
)

log = logging.getLogger(__name__)

EXPIRY_WARNING_DAYS = 30
MIN_RSA_BITS = 2048
_EC_HASHES: Mapping[str, type[hashes.HashAlgorithm]] = {
    "secp256r1": hashes.SHA256,
    "secp384r1": hashes.SHA384,
    "secp521r1": hashes.SHA512,
}
_CERT_SUFFIXES = {".pem", ".crt", ".cer", ".der"}

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class SigningNotice:
    """A warning or information for the user: a message code and its params (no prose)."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict, hash=False)


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER, lower-case hex (64 characters)."""
    return cert.fingerprint(hashes.SHA256()).hex()


def common_name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if names:
        value = names[0].value
        return value if isinstance(value, str) else value.decode("utf-8", "replace")
    return cert.subject.rfc4514_string()


# --------------------------------------------------------------------------- trust roots


def _parse_certificates(data: bytes) -> list[x509.Certificate]:
    if b"-----BEGIN CERTIFICATE-----" in data:
        return list(x509.load_pem_x509_certificates(data))
    return [x509.load_der_x509_certificate(data)]


def load_trust_roots(folder: Path | str | None) -> tuple[x509.Certificate, ...]:
    """Every certificate in ``folder`` (``*.pem``, ``*.crt``, ``*.cer``, ``*.der``).

    A missing folder gives no roots; an unreadable certificate file raises
    :class:`TrustStoreError` (a trust decision must not silently depend on a bad file).
    """
    if folder is None:
        return ()
    base = Path(folder)
    if not base.is_dir():
        return ()
    roots: list[x509.Certificate] = []
    seen: set[bytes] = set()
    for path in sorted(base.iterdir()):
        if not path.is_file() or path.suffix.lower() not in _CERT_SUFFIXES:
            continue
        try:
            certs = _parse_certificates(path.read_bytes())
        except (OSError, ValueError) as exc:
            raise TrustStoreError(path=path.name) from exc
        for cert in certs:
            der = cert.public_bytes(serialization.Encoding.DER)
            if der not in seen:
                seen.add(der)
                roots.append(cert)
    log.info("trust roots loaded: %d certificate(s)", len(roots))
    return tuple(roots)


# --------------------------------------------------------------------------- signer


class _CachedKeySigner(SimpleSigner):
    """A pyHanko SimpleSigner that signs with an already parsed key."""

    def __init__(self, private_key: PrivateKey, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._private_key = private_key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        algo = mechanism["algorithm"].native
        hash_algo = _hash_by_name(digest_algorithm)
        key = self._private_key
        if algo == "rsassa_pss":
            return super().sign_raw(data, digest_algorithm)
        if isinstance(key, rsa.RSAPrivateKey):
            return key.sign(data, padding.PKCS1v15(), hash_algo)
        return key.sign(data, ec.ECDSA(hash_algo))


def _hash_by_name(name: str) -> hashes.HashAlgorithm:
    table: Mapping[str, type[hashes.HashAlgorithm]] = {
        "sha256": hashes.SHA256,
        "sha384": hashes.SHA384,
        "sha512": hashes.SHA512,
    }
    try:
        return table[name.lower().replace("-", "")]()
    except KeyError as exc:
        raise ValueError("unsupported digest algorithm") from exc


@dataclass(frozen=True)
class LoadedSigner:
    """A checked signing identity held in memory: key, certificate, chain up to the root.

    ``chain`` lists the issuing certificates from the leaf's issuer upwards (the root
    last). ``notices`` holds warnings found when loading (W-CERT-EXPIRING).
    """

    private_key: PrivateKey = field(repr=False)
    certificate: x509.Certificate = field(repr=False)
    chain: tuple[x509.Certificate, ...] = field(repr=False)
    fingerprint: str
    subject_common_name: str = field(repr=False)
    key_type: str
    not_before: datetime
    not_after: datetime
    notices: tuple[SigningNotice, ...] = ()
    _pyhanko: _CachedKeySigner = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        leaf = translate_pyca_cryptography_cert_to_asn1(self.certificate)
        registry = SimpleCertificateStore()
        registry.register_multiple(translate_pyca_cryptography_cert_to_asn1(c) for c in self.chain)
        signer = _CachedKeySigner(
            self.private_key,
            signing_cert=leaf,
            signing_key=translate_pyca_cryptography_key_to_asn1(self.private_key),
            cert_registry=registry,
        )
        object.__setattr__(self, "_pyhanko", signer)

    @property
    def pyhanko_signer(self) -> SimpleSigner:
        """The pyHanko signer (cached; the key is parsed once)."""
        return self._pyhanko

    @property
    def certificate_der(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.DER)

    @property
    def asn1_certificate(self) -> asn1_x509.Certificate:
        return self._pyhanko.signing_cert

    def sign_message(self, data: bytes) -> bytes:
        """A compact signature of ``data``: RSA PKCS#1 v1.5 with SHA-256, or ECDSA as raw
        r||s (fixed length per curve) with the curve's hash. See :func:`verify_message`."""
        key = self.private_key
        if isinstance(key, rsa.RSAPrivateKey):
            return key.sign(data, padding.PKCS1v15(), hashes.SHA256())
        hash_cls = _EC_HASHES[key.curve.name]
        r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hash_cls())))
        size = (key.curve.key_size + 7) // 8
        return r.to_bytes(size, "big") + s.to_bytes(size, "big")


def verify_message(cert: x509.Certificate, data: bytes, signature: bytes) -> bool:
    """Check a signature made by :meth:`LoadedSigner.sign_message`."""
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    key = cert.public_key()
    try:
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
            return True
        if isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name in _EC_HASHES:
            size = (key.curve.key_size + 7) // 8
            if len(signature) != 2 * size:
                return False
            r = int.from_bytes(signature[:size], "big")
            s = int.from_bytes(signature[size:], "big")
            der = encode_dss_signature(r, s)
            key.verify(der, data, ec.ECDSA(_EC_HASHES[key.curve.name]()))
            return True
    except InvalidSignature:
        return False
    return False


# --------------------------------------------------------------------------- checks


def _open_pkcs12(
    data: bytes, password: str | bytes | None
) -> tuple[PrivateKey, x509.Certificate, list[x509.Certificate]]:
    secret = password.encode("utf-8") if isinstance(password, str) else password
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, secret or None)
    except ValueError as exc:
        # cryptography says "Invalid password or PKCS12 data" for both: tell them apart
        # by parsing the structure without decrypting.
        try:
            asn1_pkcs12.Pfx.load(data).native  # noqa: B018 - forces a full parse
        except Exception as parse_exc:  # asn1crypto raises several types
            raise Pkcs12InvalidError(problem="format") from parse_exc
        raise Pkcs12PasswordError() from exc
    except Exception as exc:  # unsupported algorithms and the like
        raise Pkcs12InvalidError(problem=type(exc).__name__) from exc
    if key is None or cert is None:
        raise Pkcs12NoKeyError()
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise UnsupportedKeyError(key_type=type(key).__name__.removesuffix("PrivateKey"))
    return key, cert, list(extra)


def _key_type(key: PrivateKey) -> str:
    if isinstance(key, rsa.RSAPrivateKey):
        if key.key_size < MIN_RSA_BITS:
            raise UnsupportedKeyError(key_type=f"RSA-{key.key_size}")
        return f"RSA-{key.key_size}"
    if key.curve.name not in _EC_HASHES:
        raise UnsupportedKeyError(key_type=f"EC-{key.curve.name}")
    return {"secp256r1": "EC-P256", "secp384r1": "EC-P384", "secp521r1": "EC-P521"}[key.curve.name]


def _public_der(key: PublicKeyTypes) -> bytes:
    return key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _check_key_usage(cert: x509.Certificate) -> None:
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return  # no restriction (RFC 5280 4.2.1.3)
    if not (usage.digital_signature or usage.content_commitment):
        raise CertificateKeyUsageError()


def _check_dates(cert: x509.Certificate, now: datetime) -> list[SigningNotice]:
    not_before = cert.not_valid_before_utc
    not_after = cert.not_valid_after_utc
    if now < not_before:
        raise CertificateNotYetValidError(not_before=not_before)
    if now > not_after:
        raise CertificateExpiredError(not_after=not_after)
    left = not_after - now
    if left <= timedelta(days=EXPIRY_WARNING_DAYS):
        days = max(0, math.ceil(left.total_seconds() / 86400))
        return [SigningNotice("W-CERT-EXPIRING", {"days_left": days, "not_after": not_after})]
    return []


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    if cert.issuer != issuer.subject:
        return False
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def build_chain(
    leaf: x509.Certificate,
    candidates: Iterable[x509.Certificate],
    trust_roots: Sequence[x509.Certificate],
) -> tuple[x509.Certificate, ...]:
    """The issuers of ``leaf`` up to a trusted root, from ``candidates`` and the roots.

    Raises :class:`CertificateChainError` when an issuer is missing and
    :class:`CertificateUntrustedError` when the chain ends at an untrusted self-signed root.
    """
    root_ders = {r.public_bytes(serialization.Encoding.DER) for r in trust_roots}
    pool = list(candidates) + list(trust_roots)
    chain: list[x509.Certificate] = []
    current = leaf
    for _ in range(12):  # no real chain is longer
        if current.public_bytes(serialization.Encoding.DER) in root_ders:
            return tuple(chain)
        issuer = next((c for c in pool if c is not current and _issued_by(current, c)), None)
        if issuer is None:
            if current.issuer == current.subject and _issued_by(current, current):
                raise CertificateUntrustedError()
            raise CertificateChainError()
        if issuer.public_bytes(serialization.Encoding.DER) == current.public_bytes(
            serialization.Encoding.DER
        ):
            raise CertificateUntrustedError()  # self-signed, not trusted
        chain.append(issuer)
        current = issuer
    raise CertificateChainInvalidError(problem="loop")


def _validate_path(
    leaf: x509.Certificate,
    chain: Sequence[x509.Certificate],
    trust_roots: Sequence[x509.Certificate],
    now: datetime,
) -> None:
    context = ValidationContext(
        trust_roots=[translate_pyca_cryptography_cert_to_asn1(r) for r in trust_roots],
        other_certs=[translate_pyca_cryptography_cert_to_asn1(c) for c in chain],
        moment=now,
        allow_fetching=False,
        revocation_mode="soft-fail",
    )
    validator = CertificateValidator(
        translate_pyca_cryptography_cert_to_asn1(leaf), validation_context=context
    )
    try:
        run_sync(validator.async_validate_path)
    except cv_errors.ExpiredError as exc:
        raise CertificateChainInvalidError(problem="CA expired") from exc
    except cv_errors.NotYetValidError as exc:
        raise CertificateChainInvalidError(problem="CA not yet valid") from exc
    except cv_errors.DisallowedAlgorithmError as exc:
        raise CertificateChainInvalidError(problem="weak algorithm") from exc
    except cv_errors.RevokedError as exc:
        raise CertificateRevokedError() from exc
    except cv_errors.PathBuildingError as exc:
        raise CertificateChainError() from exc
    except (cv_errors.PathValidationError, cv_errors.InvalidCertificateError) as exc:
        raise CertificateChainInvalidError(problem="CA constraints") from exc


def load_signer(
    p12: bytes,
    password: str | bytes | None,
    *,
    trust_roots: Sequence[x509.Certificate],
    now: datetime | None = None,
    revoked_fingerprints: Collection[str] = (),
) -> LoadedSigner:
    """Open and check a PKCS#12 archive; see the module docstring.

    ``now`` is an aware datetime (default: the current UTC time). ``revoked_fingerprints``
    are SHA-256 hex fingerprints of revoked certificates (pulled from the central system).
    Raises the typed errors of :mod:`signing.errors` in this order: password or format,
    key type, key/certificate match, dates, key usage, revocation, chain.
    """
    moment = now or datetime.now(UTC)
    key, cert, extra = _open_pkcs12(p12, password)
    key_type = _key_type(key)
    if _public_der(key.public_key()) != _public_der(cert.public_key()):
        raise KeyMismatchError()
    notices = _check_dates(cert, moment)
    _check_key_usage(cert)
    fp = fingerprint(cert)
    if fp in {f.lower() for f in revoked_fingerprints}:
        raise CertificateRevokedError()
    chain = build_chain(cert, extra, trust_roots)
    _validate_path(cert, chain, trust_roots, moment)
    signer = LoadedSigner(
        private_key=key,
        certificate=cert,
        chain=chain,
        fingerprint=fp,
        subject_common_name=common_name(cert),
        key_type=key_type,
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        notices=tuple(notices),
    )
    log.info("signer loaded: key %s, chain length %d", key_type, len(chain))
    return signer


class SignerCache:
    """Loaded signers by archive, password and trust roots, for one process.

    Opening and checking a PKCS#12 archive costs ~130 ms (RSA-3072: key parsing, chain
    validation), more than rendering and signing an extract. The key of an entry is an HMAC
    under a random per-process secret, so a wrong password or another archive never
    matches and nothing derived from the password outlives the process. A hit still checks
    the certificate's dates and the revocation list at ``now``; an entry is loaded again
    (chain validated anew) once it is older than ``max_age`` of that clock. :meth:`clear`
    drops every key (at logout).
    """

    def __init__(self, size: int = 4, max_age: timedelta = timedelta(minutes=10)) -> None:
        self._secret = os.urandom(32)
        self._size = size
        self._max_age = max_age
        self._entries: OrderedDict[bytes, tuple[LoadedSigner, datetime]] = OrderedDict()
        self._lock = threading.Lock()

    def _key(
        self, p12: bytes, password: str | bytes | None, trust_roots: Sequence[x509.Certificate]
    ) -> bytes:
        mac = hmac.new(self._secret, digestmod=hashlib.sha256)
        secret = password.encode("utf-8") if isinstance(password, str) else (password or b"")
        for part in (p12, secret, *sorted(fingerprint(r).encode() for r in trust_roots)):
            mac.update(len(part).to_bytes(8, "big"))
            mac.update(part)
        return mac.digest()

    def load(
        self,
        p12: bytes,
        password: str | bytes | None,
        *,
        trust_roots: Sequence[x509.Certificate],
        now: datetime | None = None,
        revoked_fingerprints: Collection[str] = (),
    ) -> LoadedSigner:
        """:func:`load_signer`, once per archive, password and trust roots."""
        moment = now or datetime.now(UTC)
        key = self._key(p12, password, trust_roots)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
        if entry is not None:
            signer, loaded_at = entry
            if abs(moment - loaded_at) <= self._max_age:
                _check_dates(signer.certificate, moment)
                if signer.fingerprint in {f.lower() for f in revoked_fingerprints}:
                    raise CertificateRevokedError()
                return signer
        signer = load_signer(
            p12,
            password,
            trust_roots=trust_roots,
            now=moment,
            revoked_fingerprints=revoked_fingerprints,
        )
        with self._lock:
            self._entries[key] = (signer, moment)
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return signer

    def clear(self) -> None:
        """Forget every loaded key (e.g. when the user logs out or the certificate changes)."""
        with self._lock:
            self._entries.clear()
