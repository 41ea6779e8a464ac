"""PAdES signing of extracts with pyHanko.

- :func:`sign_pdf`: PAdES baseline B-B always; B-T when a timestamp server is given and
  answers (otherwise the result says ``needs_timestamp`` and the caller marks the extract
  for timestamping at the next sync). Visible signature box with the signer's name and
  the time in Asia/Ho_Chi_Minh, drawn with the bundled Noto Sans; the chain is embedded.
  The extract's check data (data digest, QR token) is written into the document catalog
  (``/HoTich``) in the same signed revision, so :mod:`signing.verify` reads it back from
  what the signature covers.
- :func:`add_document_timestamp`: a later RFC 3161 document timestamp (PdfTimeStamper), a
  permitted change (LTA_UPDATES) that keeps the signature valid.

pyHanko's synchronous API runs ``asyncio.run``: call these from a worker thread (they also
work from a thread that runs an event loop, through :func:`signing._aio.run_sync`).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import requests
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import MDPPerm, SigSeedSubFilter
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko.sign.timestamps import TimeStamper, TimestampRequestError
from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper
from pyhanko.stamp import TextStampStyle

from signing._aio import run_sync
from signing.errors import PdfSigningError, TimestampError
from signing.fonts import REGULAR
from signing.fonts.stamp import StampFontFactory
from signing.keystore import LoadedSigner
from signing.render import SignatureBox

log = logging.getLogger(__name__)

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
FIELD_NAME = "ChuKyNguoiKyTrichLuc"
CATALOG_KEY = "/HoTich"
STAMP_FONT_SIZE = 9
STAMP_TEXT = "Ký bởi: %(signer)s\nChức vụ: %(title)s\nThời gian ký: %(signed_at)s"
DEFAULT_TSA_TIMEOUT = 8
# Space for the CMS blob (hex, so twice its DER size). Giving it spares pyHanko a dummy
# signature made only to estimate the size (~40 % of the signing time).
RESERVED_BB = 16384
RESERVED_BT = 32768


@dataclass(frozen=True)
class ExtractSeal:
    """Check data written into the signed revision: data digest (hex) and QR token."""

    data_digest: str
    token: str
    extract_number: str
    form_key: str


@dataclass(frozen=True)
class SignedPdf:
    pdf: bytes
    signed_at: datetime  # aware, UTC
    level: str  # "B-B" or "B-T"
    needs_timestamp: bool


# Built once: the style is immutable and its font factory keeps the subset font program.
_STAMP_STYLE = TextStampStyle(
    stamp_text=STAMP_TEXT,
    text_box_style=TextBoxStyle(
        font=StampFontFactory(REGULAR, font_size=STAMP_FONT_SIZE),
        font_size=STAMP_FONT_SIZE,
        leading=12,
    ),
    border_width=1,
    background=None,
)


def http_timestamper(url: str, timeout: float = DEFAULT_TSA_TIMEOUT) -> TimeStamper:
    """An RFC 3161 client for ``url`` (HTTP or HTTPS)."""
    return RequestsHTTPTimeStamper(url, timeout=timeout)


def _write_seal(writer: IncrementalPdfFileWriter, seal: ExtractSeal) -> None:
    entry = generic.DictionaryObject(
        {
            generic.NameObject("/Version"): generic.NumberObject(1),
            generic.NameObject("/DataDigest"): generic.TextStringObject(seal.data_digest),
            generic.NameObject("/Token"): generic.TextStringObject(seal.token),
            generic.NameObject("/ExtractNumber"): generic.TextStringObject(seal.extract_number),
            generic.NameObject("/Form"): generic.TextStringObject(seal.form_key),
        }
    )
    writer.root[generic.NameObject(CATALOG_KEY)] = writer.add_object(entry)
    writer.update_root()


def _sign_once(
    pdf: bytes,
    signer: LoadedSigner,
    box: SignatureBox,
    seal: ExtractSeal | None,
    signer_title: str,
    timestamper: TimeStamper | None,
) -> tuple[bytes, datetime]:
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    if seal is not None:
        _write_seal(writer, seal)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        certify=True,
        docmdp_permissions=MDPPerm.FILL_FORMS,
        location=None,
        reason="Ký trích lục hộ tịch",
    )
    spec = fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=box.page, box=box.box)
    pdf_signer = signers.PdfSigner(
        meta,
        signer=signer.pyhanko_signer,
        timestamper=timestamper,
        stamp_style=_STAMP_STYLE,
        new_field_spec=spec,
    )
    signed_at = datetime.now(UTC)
    params = {
        "signer": signer.subject_common_name,
        "title": signer_title,
        "signed_at": signed_at.astimezone(VIETNAM_TZ).strftime("%H:%M:%S %d/%m/%Y (GMT+7)"),
    }
    out = io.BytesIO()

    async def job() -> None:
        await pdf_signer.async_sign_pdf(
            writer,
            appearance_text_params=params,
            output=out,
            bytes_reserved=RESERVED_BT if timestamper is not None else RESERVED_BB,
        )

    run_sync(job)
    return out.getvalue(), signed_at


def sign_pdf(
    pdf: bytes,
    signer: LoadedSigner,
    box: SignatureBox,
    *,
    seal: ExtractSeal | None = None,
    signer_title: str = "",
    timestamper: TimeStamper | None = None,
) -> SignedPdf:
    """Sign ``pdf`` (the rendered extract) in ``box``; see the module docstring.

    With a ``timestamper`` (e.g. :func:`http_timestamper`) the signature is timestamped
    (B-T); if the server cannot be reached the document is signed B-B and the result says
    ``needs_timestamp``. Raises :class:`PdfSigningError` when signing itself fails.
    """
    if timestamper is not None:
        try:
            data, signed_at = _sign_once(pdf, signer, box, seal, signer_title, timestamper)
            log.info("extract signed: level B-T")
            return SignedPdf(data, signed_at, "B-T", needs_timestamp=False)
        except (TimestampRequestError, requests.RequestException, OSError) as exc:
            log.warning("timestamp server unavailable (%s): signing B-B", type(exc).__name__)
    try:
        data, signed_at = _sign_once(pdf, signer, box, seal, signer_title, None)
    except (ValueError, KeyError, PyHankoSigningError) as exc:  # pyHanko's edge
        raise PdfSigningError(problem=type(exc).__name__) from exc
    log.info("extract signed: level B-B")
    return SignedPdf(data, signed_at, "B-B", needs_timestamp=timestamper is not None)


def add_document_timestamp(pdf: bytes, timestamper: TimeStamper) -> bytes:
    """Append an RFC 3161 document timestamp (at sync, for extracts signed offline).

    Raises :class:`TimestampError` when the server cannot be reached or answers badly.
    """
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    stamper = signers.PdfTimeStamper(timestamper)
    out = io.BytesIO()

    async def job() -> None:
        await stamper.async_timestamp_pdf(writer, "sha256", output=out)

    try:
        run_sync(job)
    except (TimestampRequestError, requests.RequestException, OSError) as exc:
        raise TimestampError(problem=type(exc).__name__) from exc
    log.info("document timestamp added")
    return out.getvalue()
