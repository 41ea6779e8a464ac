"""PDF scans are read like photos (a scanner gives the page image inside a PDF): rendered
with PDFium in the core, turned and cut as the viewer shows them, then the same reading."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from desktop_app.errors import HotichError
from desktop_app.ocr import NoTableError, PageImageError, grid, pdf_pages
from desktop_app.ocr.reader import read_page
from desktop_app.ports import TextRecogniser
from desktop_app.workflows import books, ocr
from tests.support.register_pages import RegisterPage
from tests.unit.conftest import Office

SCAN_DPI = 200  # the generated page's pixels (tests/support/register_pages.rasterise)


def scanned_pdf(*pictures: Image.Image) -> bytes:
    """What a scanner writes: each page's picture (JPEG) as a page of one PDF."""
    out = io.BytesIO()
    first, *rest = [p.convert("RGB") for p in pictures]
    first.save(out, "PDF", resolution=SCAN_DPI, save_all=True, append_images=rest)
    return out.getvalue()


def _values(reading_entry: object) -> dict[str, object]:
    return {f.path: f.value for f in reading_entry.fields}  # type: ignore[attr-defined]


def test_a_sideways_pdf_scan_is_read_turned_and_cut_as_the_viewer_shows_it(
        office: Office, photographed_page: RegisterPage, trueocr: TextRecogniser) -> None:
    officer = office("canbo")
    book = books.open_book(officer, "birth", 2010, "01/2010", "UBND xã Hòa Phú", 1)
    upright = Image.open(io.BytesIO(photographed_page.clean))
    # Fed into the scanner sideways: the page's top is on the scan's left.
    scan = scanned_pdf(upright.rotate(90, expand=True))
    added = books.add_page(officer, book.id, scan, file_name="SCAN0001.pdf")
    assert added.media_type == "application/pdf"
    ocr.set_page_writing(officer, book.id, 1, "printed")

    books.rotate_page(officer, book.id, 1, 90)
    # The crop (in the scan as captured, as the viewer draws it) keeps the header and the
    # first two entries: the third entry's row starts at 0.337 of the upright page's height.
    books.crop_page(officer, book.id, 1, (0.0, 0.0, 0.35, 1.0))
    reading = ocr.suggest_page(officer, book.id, 1, trueocr)
    assert [e.position for e in reading.entries] == [1, 2]
    for entry, printed in zip(reading.entries, photographed_page.entries[:2], strict=True):
        assert entry.number == str(printed.number)
        got = _values(entry)
        right = [path for path, value in printed.values.items() if got.get(path) == value]
        assert len(right) >= len(printed.values) - 1, (got, printed.values)

    books.crop_page(officer, book.id, 1, None)  # the whole scan: the third entry too
    whole = ocr.suggest_page(officer, book.id, 1, trueocr)
    assert [e.position for e in whole.entries] == [1, 2, 3]
    assert whole.entry(3) is not None
    assert whole.entry(3).number == str(photographed_page.entries[2].number)  # type: ignore[union-attr]

    books.rotate_page(officer, book.id, 1, 0)  # left sideways: no table of a register
    with pytest.raises(HotichError) as caught:
        ocr.suggest_page(officer, book.id, 1, trueocr)
    assert caught.value.code == "E-OCR-NO-TABLE"


def test_the_register_page_of_a_two_page_pdf_is_found_where_the_viewer_shows_it(
        photographed_page: RegisterPage, trueocr: TextRecogniser) -> None:
    upright = Image.open(io.BytesIO(photographed_page.clean))
    cover = Image.new("L", upright.size, 255)  # a blank cover sheet scanned first
    scan = scanned_pdf(cover, upright)
    sheet = pdf_pages.render(scan, max_width=grid.MAX_WIDTH)
    # The viewer's layout: the pages one under the other, a gap between, at one scale.
    assert sheet.height > 2 * sheet.width * upright.height / upright.width
    with pytest.raises(NoTableError):  # the cover alone
        read_page(trueocr, scan, "birth", crop=(0.0, 0.0, 1.0, 0.5))
    reading = read_page(trueocr, scan, "birth", crop=(0.0, 0.5, 1.0, 1.0))
    assert [e.number for e in reading.entries] == [str(e.number)
                                                  for e in photographed_page.entries]


def test_a_pdf_that_does_not_open_is_no_picture() -> None:
    with pytest.raises(PageImageError):
        grid.decode(b"%PDF-1.7\n% a truncated download\n")
    with pytest.raises(PageImageError):
        grid.decode(b"%PDF-")


def test_a_photo_is_read_as_the_viewer_shows_it_whatever_its_exif_says() -> None:
    """The viewer (Qt) shows a photo's pixels as stored and the officer turns the page to
    read it; a photo's EXIF turn on top of that would turn it twice."""
    picture = Image.new("L", (300, 120), 255)
    exif = Image.Exif()
    exif[0x0112] = 6  # "turn 90 degrees clockwise to view"
    out = io.BytesIO()
    picture.save(out, "JPEG", exif=exif)
    assert grid.decode(out.getvalue()).shape == (120, 300)
    assert grid.decode(out.getvalue(), 90).shape == (300, 120)
