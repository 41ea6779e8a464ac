"""The printable copy of a signed extract: the signature stamp (a widget annotation, which
QtPdf does not draw) drawn into the page content, in a copy; the signed bytes left intact."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader
from signing_support import info, pdftotext, records

from signing.appearance import printable_pdf
from signing.issue import issue_signed_extract, preview_extract


@pytest.fixture(scope="module")
def signed(rsa_signer) -> bytes:  # noqa: ANN001
    return issue_signed_extract(records()["death"], info(), rsa_signer).pdf


def _page(pdf: bytes) -> generic.DictionaryObject:
    return PdfFileReader(io.BytesIO(pdf)).root["/Pages"]["/Kids"][0].get_object()


def test_the_stamp_becomes_page_content(signed: bytes, tmp_path: Path) -> None:
    printable = printable_pdf(signed)
    assert printable.startswith(signed) and printable != signed  # an update, appended
    page = _page(printable)
    widget = next(a.get_object() for a in page["/Annots"]
                  if a.get_object()["/Subtype"] == "/Widget")
    drawn = page["/Resources"]["/XObject"].raw_get("/HtStamp0")
    assert drawn.idnum == widget["/AP"].raw_get("/N").idnum  # the widget's own appearance
    contents = page["/Contents"]
    streams = [s.get_object().data for s in contents] if isinstance(
        contents, generic.ArrayObject) else [contents.get_object().data]
    assert streams[0] == b"q\n" and b"/HtStamp0 Do" in streams[-1]
    assert "Đặng Thị Ngọc Ánh" in pdftotext(printable, tmp_path)  # still the same document


def test_without_a_stamp_or_readable_pdf_nothing_changes() -> None:
    draft = preview_extract(records()["death"], info())
    assert printable_pdf(draft) == draft
    assert printable_pdf(b"not a pdf") == b"not a pdf"
