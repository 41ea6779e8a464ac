"""Use-case level entry points: a draft preview, or a signed extract with its QR token."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from pyhanko.sign.timestamps import TimeStamper

from signing import layouts
from signing.compose import layout_for
from signing.digest import extract_data_digest
from signing.errors import CertificateExpiredError, CertificateNotYetValidError
from signing.keystore import LoadedSigner
from signing.model import ExtractInfo
from signing.pades import ExtractSeal, sign_pdf
from signing.qr import DEFAULT_VERIFY_BASE_URL, QrClaims, make_token, token_url
from signing.render import render_extract
from signing.words import DEFAULT_STYLE, WordsStyle

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IssuedExtract:
    """An extract as produced. ``needs_timestamp``: signed B-B although a timestamp server
    was configured; add a document timestamp at the next sync."""

    pdf: bytes
    form_key: str
    extract_number: str
    data_digest: str
    is_signed: bool
    token: str | None = None
    qr_url: str | None = None
    level: str | None = None
    signed_at: datetime | None = None
    needs_timestamp: bool = False


def data_digest_for(record: Mapping[str, object], info: ExtractInfo) -> str:
    """The digest a verifier compares with (see :mod:`signing.digest`)."""
    return extract_data_digest(
        record,
        office_code=info.office_code,
        registration_number=info.registration_number,
        book_number=info.book_number,
        registered_on=info.registered_on,
    )


def preview_extract(
    record: Mapping[str, object],
    info: ExtractInfo,
    *,
    words_style: WordsStyle = DEFAULT_STYLE,
    certificate: bool = False,
) -> IssuedExtract:
    """An unsigned preview: BẢN NHÁP watermark, no QR code."""
    rendered = render_extract(record, info, words_style=words_style, certificate=certificate)
    return IssuedExtract(
        pdf=rendered.pdf,
        form_key=rendered.form_key,
        extract_number=info.extract_number,
        data_digest=data_digest_for(record, info),
        is_signed=False,
    )


def issue_signed_extract(
    record: Mapping[str, object],
    info: ExtractInfo,
    signer: LoadedSigner,
    *,
    timestamper: TimeStamper | None = None,
    verify_base_url: str = DEFAULT_VERIFY_BASE_URL,
    words_style: WordsStyle = DEFAULT_STYLE,
    certificate: bool = False,
    now: datetime | None = None,
) -> IssuedExtract:
    """Render the final extract with its signed QR token and sign it (PAdES B-B or B-T).

    Call from a worker thread. ``info.signer_name`` defaults to the certificate's name.
    Raises the certificate errors when the certificate expired since it was loaded.
    """
    moment = now or datetime.now(UTC)
    if moment > signer.not_after:
        raise CertificateExpiredError(not_after=signer.not_after)
    if moment < signer.not_before:
        raise CertificateNotYetValidError(not_before=signer.not_before)
    layout = layout_for(record, certificate=certificate)
    digest = data_digest_for(record, info)
    form_code = layout.number_code + (layouts.COPY_SUFFIX if info.is_copy else "")
    claims = QrClaims(
        office_code=info.office_code,
        registration_number=info.registration_number,
        book_number=info.book_number,
        form_code=form_code,
        extract_number=info.extract_number,
        issued_on=info.issued_on,
        data_digest=digest,
        cert_fingerprint=signer.fingerprint,
    )
    token = make_token(claims, signer)
    if not info.signer_name:
        from dataclasses import replace

        info = replace(info, signer_name=signer.subject_common_name)
    rendered = render_extract(
        record,
        info,
        token=token,
        verify_base_url=verify_base_url,
        words_style=words_style,
        certificate=certificate,
    )
    title = (
        f"{layouts.DEPUTY_PREFIX} {info.principal_title} - {info.signer_title}"
        if info.is_deputy
        else info.signer_title
    )
    signed = sign_pdf(
        rendered.pdf,
        signer,
        rendered.signature_box,
        seal=ExtractSeal(digest, token, info.extract_number, layout.key),
        signer_title=title,
        timestamper=timestamper,
    )
    return IssuedExtract(
        pdf=signed.pdf,
        form_key=layout.key,
        extract_number=info.extract_number,
        data_digest=digest,
        is_signed=True,
        token=token,
        qr_url=token_url(token, verify_base_url),
        level=signed.level,
        signed_at=signed.signed_at,
        needs_timestamp=signed.needs_timestamp,
    )
