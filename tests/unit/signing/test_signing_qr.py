"""QR token: round trip with RSA and ECDSA keys, tamper detection, offline lookup."""

from __future__ import annotations

from datetime import date

import pytest

from signing.qr import (
    QrClaims,
    b64url_decode,
    extract_token,
    make_token,
    qr_matrix,
    token_url,
    verify_qr,
)

DIGEST = "ab" * 32


def _claims(signer, **kw) -> QrClaims:
    values = dict(
        office_code="27238",
        registration_number="386/2026",
        book_number="01-TP/HT-2026-TĐ",
        form_code="TLKT-BS",
        extract_number="3000/2026/TLKT-BS",
        issued_on=date.today(),
        data_digest=DIGEST,
        cert_fingerprint=signer.fingerprint,
    )
    values.update(kw)
    return QrClaims(**values)


@pytest.mark.parametrize("which", ["rsa_signer", "ec_signer"])
def test_round_trip(which: str, request: pytest.FixtureRequest) -> None:
    signer = request.getfixturevalue(which)
    url = token_url(make_token(_claims(signer), signer), "https://example.vn/v/")
    assert url.startswith("https://example.vn/v/")
    result = verify_qr(url, [signer.certificate], expected_digest=DIGEST)
    assert result.ok and result.code == "OK-QR-VALID"
    assert result.claims == _claims(signer)
    assert result.params["extract_number"] == "3000/2026/TLKT-BS"
    qr_matrix(url)  # fits in a QR code


def test_ecdsa_token_is_compact(ec_signer) -> None:
    assert len(make_token(_claims(ec_signer), ec_signer)) < 400


def test_tampered_payload_is_rejected(ec_signer) -> None:
    token = make_token(_claims(ec_signer), ec_signer)
    segment, sig = token.split(".")
    forged_claims = _claims(ec_signer, registration_number="387/2026")
    from signing.qr import _b64e

    forged = _b64e(forged_claims.payload()) + "." + sig
    assert verify_qr(forged, [ec_signer.certificate]).code == "E-QR-BAD-SIGNATURE"
    flipped = sig[:-2] + ("A" if sig[-2] != "A" else "B") + sig[-1]
    assert verify_qr(f"{segment}.{flipped}", [ec_signer.certificate]).code == ("E-QR-BAD-SIGNATURE")


def test_unknown_signer_and_lookup(ec_signer, rsa_signer) -> None:
    token = make_token(_claims(ec_signer), ec_signer)
    assert verify_qr(token, [rsa_signer.certificate]).code == "E-QR-UNKNOWN-SIGNER"
    # a lookup by fingerprint (e.g. certificates pulled from the central system)
    table = {ec_signer.fingerprint: ec_signer.certificate}
    assert verify_qr(token, table.get).ok
    # a lookup that lies about the fingerprint does not help a forger
    assert verify_qr(token, lambda fp: rsa_signer.certificate).code == "E-QR-UNKNOWN-SIGNER"


def test_data_mismatch_revoked_and_malformed(ec_signer) -> None:
    token = make_token(_claims(ec_signer), ec_signer)
    certs = [ec_signer.certificate]
    assert verify_qr(token, certs, expected_digest="cd" * 32).code == "E-QR-DATA-MISMATCH"
    assert verify_qr(token, certs, revoked_fingerprints=[ec_signer.fingerprint]).code == (
        "E-QR-CERT-REVOKED"
    )
    for bad in ("", "abc", "a.b.c", "https://x/v/%%%.###", token.split(".")[0] + ".", "x.y"):
        assert verify_qr(bad, certs).code == "E-QR-MALFORMED"


def test_issue_date_outside_certificate_validity(ec_signer) -> None:
    token = make_token(_claims(ec_signer, issued_on=date(2001, 1, 1)), ec_signer)
    assert verify_qr(token, [ec_signer.certificate]).code == "E-QR-CERT-EXPIRED"


def test_extract_token_forms() -> None:
    assert extract_token(" https://a.vn/v/abc.def?x=1 ") == "abc.def"
    assert extract_token("abc.def") == "abc.def"
    assert b64url_decode("AQI") == b"\x01\x02"


@pytest.mark.parametrize("size", [1, 14, 15, 200, 331, 332, 900, 2331])
def test_qr_matrix_is_qrcodes_own_fit(size: int) -> None:
    import qrcode
    import qrcode.constants

    text = ("https://hotich.gov.vn/xac-thuc/" + "eyJ2IjoxLCJ-_Zx" * 160)[:size]
    reference = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=4
    )
    reference.add_data(text.encode("ascii"), optimize=0)
    reference.make(fit=True)
    assert qr_matrix(text) == [[bool(c) for c in row] for row in reference.get_matrix()]
    from signing.qr import _BYTE_MODE

    assert qrcode.util.QRData(text.encode()).mode == _BYTE_MODE  # the counted path, not fit


def test_qr_matrix_too_long_is_a_typed_error() -> None:
    from signing.errors import QrTokenError

    with pytest.raises(QrTokenError):
        qr_matrix("x" * 2332)
