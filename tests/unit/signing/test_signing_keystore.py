"""PKCS#12 import checks: each unsuitable certificate gives its own code."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from signing_support import PASSWORD, Pki, p12

from signing import errors
from signing.keystore import load_signer, load_trust_roots, verify_message


def test_modern_pkcs12_loads_with_chain(pki: Pki) -> None:
    signer = load_signer(p12(pki.rsa_leaf, [pki.intermediate]), PASSWORD, trust_roots=pki.roots)
    assert signer.key_type == "RSA-2048"
    assert signer.subject_common_name == "Đặng Thị Ngọc Ánh"
    assert [c.subject for c in signer.chain] == [
        pki.intermediate.cert.subject,
        pki.root.cert.subject,
    ]
    assert len(signer.fingerprint) == 64 and signer.notices == ()
    assert signer.pyhanko_signer is signer.pyhanko_signer  # cached, parsed once
    assert "Ánh" not in repr(signer)  # no personal data in logs via repr


def test_legacy_3des_sha1_pkcs12_loads(pki: Pki) -> None:
    data = p12(pki.ec_leaf, [pki.intermediate], legacy=True)
    signer = load_signer(data, PASSWORD, trust_roots=pki.roots)
    assert signer.key_type == "EC-P256"
    sig = signer.sign_message(b"abc")
    assert len(sig) == 64 and verify_message(signer.certificate, b"abc", sig)


def test_wrong_password(pki: Pki) -> None:
    with pytest.raises(errors.Pkcs12PasswordError) as caught:
        load_signer(p12(pki.ec_leaf, [pki.intermediate]), "sai", trust_roots=pki.roots)
    assert caught.value.code == "E-P12-PASSWORD" and str(caught.value) == "E-P12-PASSWORD"


def test_not_a_pkcs12(pki: Pki) -> None:
    with pytest.raises(errors.Pkcs12InvalidError):
        load_signer(b"not a p12 file", PASSWORD, trust_roots=pki.roots)


@pytest.mark.parametrize(
    ("attr", "code"),
    [
        ("expired", "E-CERT-EXPIRED"),
        ("not_yet_valid", "E-CERT-NOT-YET-VALID"),
        ("bad_usage", "E-CERT-KEY-USAGE"),
    ],
)
def test_unsuitable_certificates(pki: Pki, attr: str, code: str) -> None:
    with pytest.raises(errors.SigningError) as caught:
        load_signer(p12(getattr(pki, attr), [pki.intermediate]), PASSWORD, trust_roots=pki.roots)
    assert caught.value.code == code


def test_expired_carries_the_date(pki: Pki) -> None:
    with pytest.raises(errors.CertificateExpiredError) as caught:
        load_signer(p12(pki.expired, [pki.intermediate]), PASSWORD, trust_roots=pki.roots)
    assert caught.value.params["not_after"] == pki.expired.cert.not_valid_after_utc


def test_missing_chain(pki: Pki) -> None:
    with pytest.raises(errors.CertificateChainError) as caught:
        load_signer(p12(pki.ec_leaf, []), PASSWORD, trust_roots=pki.roots)
    assert caught.value.code == "E-CERT-CHAIN"


def test_untrusted_root(pki: Pki) -> None:
    with pytest.raises(errors.CertificateUntrustedError):
        load_signer(p12(pki.untrusted_leaf, [pki.other_root]), PASSWORD, trust_roots=pki.roots)
    with pytest.raises(errors.CertificateUntrustedError):
        load_signer(p12(pki.ec_leaf, [pki.intermediate, pki.root]), PASSWORD, trust_roots=())


def test_warning_before_expiry(pki: Pki) -> None:
    signer = load_signer(p12(pki.expiring, [pki.intermediate]), PASSWORD, trust_roots=pki.roots)
    (notice,) = signer.notices
    assert notice.code == "W-CERT-EXPIRING" and 9 <= notice.params["days_left"] <= 10


def test_revoked(pki: Pki) -> None:
    signer = load_signer(p12(pki.ec_leaf, [pki.intermediate]), PASSWORD, trust_roots=pki.roots)
    with pytest.raises(errors.CertificateRevokedError):
        load_signer(
            p12(pki.ec_leaf, [pki.intermediate]),
            PASSWORD,
            trust_roots=pki.roots,
            revoked_fingerprints={signer.fingerprint.upper()},
        )


def test_trust_roots_folder(pki: Pki, tmp_path: Path) -> None:
    (tmp_path / "bundle.pem").write_bytes(pki.root.pem + pki.other_root.pem)
    (tmp_path / "inter.cer").write_bytes(
        pki.intermediate.cert.public_bytes(serialization.Encoding.DER)
    )
    (tmp_path / "notes.txt").write_text("not a certificate")
    roots = load_trust_roots(tmp_path)
    assert {r.subject for r in roots} == {
        pki.root.cert.subject,
        pki.other_root.cert.subject,
        pki.intermediate.cert.subject,
    }
    assert load_trust_roots(tmp_path / "missing") == ()
    assert len(load_trust_roots(pki.trust_dir)) == 1
    (tmp_path / "broken.pem").write_text(
        "-----BEGIN CERTIFICATE-----\nxx\n-----END CERTIFICATE-----\n"
    )
    with pytest.raises(errors.TrustStoreError) as caught:
        load_trust_roots(tmp_path)
    assert caught.value.params == {"path": "broken.pem"}


def test_every_code_has_both_messages() -> None:
    import inspect

    from signing.messages import MESSAGES

    codes = {
        cls.code
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.SigningError)
    }
    assert codes <= set(MESSAGES)
    for vi, en in MESSAGES.values():
        assert vi and en and "\n" not in vi and "\n" not in en


def test_signer_cache_opens_an_archive_once_and_checks_every_time(pki: Pki) -> None:
    from datetime import UTC, datetime, timedelta

    from signing.keystore import SignerCache

    cache = SignerCache(size=2, max_age=timedelta(minutes=30))
    archive = p12(pki.ec_leaf, [pki.intermediate])
    now = datetime.now(UTC)
    first = cache.load(archive, PASSWORD, trust_roots=pki.roots, now=now)
    assert cache.load(archive, PASSWORD, trust_roots=pki.roots, now=now) is first
    with pytest.raises(errors.Pkcs12PasswordError):  # a cached key never skips the password
        cache.load(archive, "sai", trust_roots=pki.roots, now=now)
    with pytest.raises(errors.CertificateChainError):  # nor the trust roots
        cache.load(archive, PASSWORD, trust_roots=(pki.other_root.cert,), now=now)
    with pytest.raises(errors.CertificateRevokedError):
        cache.load(archive, PASSWORD, trust_roots=pki.roots, now=now,
                   revoked_fingerprints=[first.fingerprint.upper()])
    with pytest.raises(errors.CertificateExpiredError):
        cache.load(archive, PASSWORD, trust_roots=pki.roots, now=first.not_after + timedelta(1))
    later = now + timedelta(minutes=31)
    reloaded = cache.load(archive, PASSWORD, trust_roots=pki.roots, now=later)
    assert reloaded is not first and reloaded.fingerprint == first.fingerprint
    rsa_archive = p12(pki.rsa_leaf, [pki.intermediate])
    other = cache.load(rsa_archive, PASSWORD, trust_roots=pki.roots, now=later)
    assert cache.load(rsa_archive, PASSWORD, trust_roots=pki.roots, now=later) is other
    cache.load(p12(pki.expiring, [pki.intermediate]), PASSWORD, trust_roots=pki.roots, now=later)
    # size 2: the least recently used entry (``reloaded``) made room for the third archive
    assert cache.load(archive, PASSWORD, trust_roots=pki.roots, now=later) is not reloaded
    cache.clear()
    assert cache.load(rsa_archive, PASSWORD, trust_roots=pki.roots, now=later) is not other


def test_service_forgets_keys_after_a_batch(pki: Pki) -> None:
    from signing.service import PdfExtractService

    service = PdfExtractService(pki.trust_dir)
    archive = p12(pki.ec_leaf, [pki.intermediate])
    roots = load_trust_roots(pki.trust_dir)
    first = service.signers.load(archive, PASSWORD, trust_roots=roots)
    assert service.signers.load(archive, PASSWORD, trust_roots=roots) is first
    service.forget_keys()
    assert service.signers.load(archive, PASSWORD, trust_roots=roots) is not first
