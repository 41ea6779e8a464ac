"""PAdES signing and verification, checked by our verifier AND poppler's pdfsig."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from signing_support import NOW, Pki, info, pdfsig, records

from signing.digest import extract_data_digest
from signing.issue import data_digest_for, issue_signed_extract, preview_extract
from signing.keystore import LoadedSigner
from signing.pades import add_document_timestamp, http_timestamper
from signing.qr import verify_qr
from signing.verify import verify_pdf

VALID = "Signature Validation: Signature is Valid."


@pytest.fixture(scope="module")
def signed(rsa_signer) -> bytes:
    return issue_signed_extract(records()["death"], info(), rsa_signer).pdf


def test_fresh_extract_valid_in_ours_and_pdfsig(
    signed: bytes, pki: Pki, nss_dir: Path, tmp_path: Path
) -> None:
    result = verify_pdf(
        signed, trust_roots=pki.roots, expected_digest=data_digest_for(records()["death"], info())
    )
    assert result.ok, result.code
    assert result.code == "OK-PDF-VALID" and result.level == "B-B"
    assert result.signer_common_name == "Đặng Thị Ngọc Ánh"
    assert result.extract_number == "3000/2026/TLKT-BS"
    report = pdfsig(signed, nss_dir, tmp_path)
    assert VALID in report, report
    assert "Certificate is Trusted." in report, report
    assert "Total document signed" in report, report


def test_qr_of_signed_extract_verifies(signed: bytes, pki: Pki, rsa_signer) -> None:
    result = verify_pdf(signed, trust_roots=pki.roots)
    assert result.token
    qr = verify_qr(result.token, [rsa_signer.certificate], expected_digest=result.data_digest)
    assert qr.ok


def test_one_byte_changed_invalid_in_both(
    signed: bytes, pki: Pki, nss_dir: Path, tmp_path: Path
) -> None:
    data = bytearray(signed)
    at = data.index(b"ReportLab Generated PDF")  # a covered byte that keeps the file readable
    data[at] = ord("X")
    result = verify_pdf(bytes(data), trust_roots=pki.roots)
    assert not result.ok and result.code == "E-PDF-ALTERED"
    report = pdfsig(bytes(data), nss_dir, tmp_path)
    assert VALID not in report and "Digest Mismatch" in report, report


def test_incremental_update_changing_the_page_is_rejected(
    signed: bytes, pki: Pki, nss_dir: Path, tmp_path: Path
) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    fake = generic.StreamObject(stream_data=b"BT /F1 30 Tf 100 400 Td (FAKE) Tj ET")
    page["/Contents"] = writer.add_object(fake)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    tampered = out.getvalue()
    result = verify_pdf(tampered, trust_roots=pki.roots)
    assert not result.ok and result.code == "E-PDF-ALTERED"
    assert result.modification_level == "OTHER"
    # pdfsig does no modification analysis: it only notices the partial coverage
    assert "Not total document signed" in pdfsig(tampered, nss_dir, tmp_path)


def test_data_mismatch_unsigned_and_untrusted(signed: bytes, pki: Pki) -> None:
    other = dict(records()["death"], cause_of_death="khác")
    digest = data_digest_for(other, info())
    assert verify_pdf(signed, trust_roots=pki.roots, expected_digest=digest).code == (
        "E-PDF-DATA-MISMATCH"
    )
    assert verify_pdf(signed, trust_roots=()).code == "E-PDF-UNTRUSTED"
    preview = preview_extract(records()["death"], info()).pdf
    assert verify_pdf(preview, trust_roots=pki.roots).code == "E-PDF-UNSIGNED"
    assert verify_pdf(b"garbage", trust_roots=pki.roots).code == "E-PDF-UNREADABLE"


def test_digest_ignores_workflow_fields_and_normalises() -> None:
    record = records()["death"]
    noisy = dict(record, status="signed", id="x", central_id="c", cause_of_death=None)
    args = dict(office_code="1", registration_number="2", book_number=None, registered_on=None)
    assert extract_data_digest(record, **args) == extract_data_digest(noisy, **args)
    nfd = dict(record, place_of_death="Bu\u00f4n")
    nfc = dict(record, place_of_death="Buo\u0302n")
    assert extract_data_digest(nfd, **args) == extract_data_digest(nfc, **args)


def test_certificate_expired_at_signing_time(pki: Pki, rsa_signer: LoadedSigner) -> None:
    from signing.keystore import common_name, fingerprint

    leaf = pki.expired
    forced = LoadedSigner(
        private_key=leaf.key,
        certificate=leaf.cert,
        chain=(pki.intermediate.cert,),
        fingerprint=fingerprint(leaf.cert),
        subject_common_name=common_name(leaf.cert),
        key_type="EC-P256",
        not_before=leaf.cert.not_valid_before_utc,
        not_after=leaf.cert.not_valid_after_utc,
    )
    pdf = issue_signed_extract(
        records()["death"], info(), forced, now=leaf.cert.not_valid_after_utc - timedelta(days=1)
    ).pdf
    assert verify_pdf(pdf, trust_roots=pki.roots).code == "E-PDF-CERT-EXPIRED"


def test_valid_at_signing_time_stays_valid_after_expiry(signed: bytes, pki: Pki) -> None:
    later = NOW + timedelta(days=800)  # the leaf expired meanwhile
    result = verify_pdf(signed, trust_roots=pki.roots, now=later)
    assert result.ok and result.certificate_expired_since


def test_ecdsa_signer_valid_in_pdfsig(ec_signer, pki: Pki, nss_dir: Path, tmp_path: Path) -> None:
    pdf = issue_signed_extract(records()["marriage"], info(), ec_signer).pdf
    assert verify_pdf(pdf, trust_roots=pki.roots).ok
    assert VALID in pdfsig(pdf, nss_dir, tmp_path)


def test_timestamp_b_t_and_later_document_timestamp(
    rsa_signer, pki: Pki, tsa_url: str, nss_dir: Path, tmp_path: Path
) -> None:
    issued = issue_signed_extract(
        records()["recognition"], info(), rsa_signer, timestamper=http_timestamper(tsa_url)
    )
    assert issued.level == "B-T" and not issued.needs_timestamp
    result = verify_pdf(issued.pdf, trust_roots=pki.roots)
    assert result.ok and result.level == "B-T" and result.time_source == "timestamp"
    assert VALID in pdfsig(issued.pdf, nss_dir, tmp_path)

    offline = issue_signed_extract(
        records()["guardianship"],
        info(),
        rsa_signer,
        timestamper=http_timestamper("http://127.0.0.1:9/tsa", timeout=2),
    )
    assert offline.level == "B-B" and offline.needs_timestamp
    stamped = add_document_timestamp(offline.pdf, http_timestamper(tsa_url))
    result = verify_pdf(stamped, trust_roots=pki.roots)
    assert result.ok and result.has_document_timestamp and not result.needs_timestamp
    assert result.modification_level in ("NONE", "LTA_UPDATES")


def test_signing_from_inside_an_event_loop(rsa_signer, pki: Pki) -> None:
    import asyncio

    async def main() -> bytes:
        return issue_signed_extract(
            records()["change"], replace(info(), is_copy=False), rsa_signer
        ).pdf

    assert verify_pdf(asyncio.run(main()), trust_roots=pki.roots).ok


def _stamp_font_programs(pdf: bytes) -> list[bytes]:
    """The font programs of the CID fonts (pyHanko's stamp; reportlab embeds TrueType)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf))
    found: list[bytes] = []
    seen: set[int] = set()
    todo: list[object] = [reader.root]
    while todo:
        item = todo.pop()
        if isinstance(item, generic.IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, generic.DictionaryObject):
            if item.get("/Subtype") == "/CIDFontType2":
                found.append(item["/FontDescriptor"]["/FontFile2"].data)
            todo.extend(v for k, v in item.items() if k != "/Parent")
        elif isinstance(item, generic.ArrayObject):
            todo.extend(item)
    return found


def test_stamp_font_is_subset_once_per_signer(rsa_signer, pki: Pki) -> None:
    from fontTools.ttLib import TTFont

    from signing.fonts import stamp

    first = issue_signed_extract(records()["death"], info(), rsa_signer).pdf
    second = issue_signed_extract(records()["birth"], info(extract_number="7/2026/TLKS"),
                                  rsa_signer).pdf
    assert verify_pdf(second, trust_roots=pki.roots).ok
    (program,) = _stamp_font_programs(first)
    assert _stamp_font_programs(second) == [program]  # the cached subset, whatever the time
    assert program in stamp._programs.values()
    font = TTFont(io.BytesIO(program))
    cmap, glyf = font.getBestCmap(), font["glyf"]
    for char in "Đặng Ánh0123456789:/":
        if not char.isspace():
            assert glyf[cmap[ord(char)]].numberOfContours != 0, char
    assert ord("W") not in cmap and len(cmap) < 80  # a subset, not the whole font


def test_bytes_after_eof_are_an_unsigned_addition_in_ours_and_pdfsig(
    signed: bytes, pki: Pki, nss_dir: Path, tmp_path: Path
) -> None:
    appended = signed + b"\n% not signed\n"
    result = verify_pdf(appended, trust_roots=pki.roots)
    assert not result.ok and result.code == "E-PDF-UNSIGNED-ADDITION"
    report = pdfsig(appended, nss_dir, tmp_path)  # the signature itself stays valid there
    assert VALID in report and "Not total document signed" in report, report


def test_bytes_after_a_document_timestamp_are_an_unsigned_addition(
    rsa_signer, pki: Pki, tsa_url: str
) -> None:
    offline = issue_signed_extract(records()["death"], info(), rsa_signer)
    stamped = add_document_timestamp(offline.pdf, http_timestamper(tsa_url))
    assert verify_pdf(stamped, trust_roots=pki.roots).ok  # the timestamp covers its revision
    result = verify_pdf(stamped + b"\njunk after the timestamp", trust_roots=pki.roots)
    assert not result.ok and result.code == "E-PDF-UNSIGNED-ADDITION"
    assert result.unsigned_bytes == len(b"\njunk after the timestamp")
    assert result.signer_common_name == "Đặng Thị Ngọc Ánh"  # the signed part is genuine
