"""OCR run for real, by both engines, on a generated photograph of a printed 2010 birth book
page: the table is found on the turned, unevenly lit photo, the header says which column is
which field, and each entry's fields come back as values the historical form takes."""

from __future__ import annotations

import io
import unicodedata

import pytest
from PIL import Image

from desktop_app.ocr import NoTableError, PageImageError, PageReading, read_page
from desktop_app.ocr.layouts import columns_for
from desktop_app.ports import TextRecogniser
from tests.support.register_pages import COLUMNS, RegisterPage

FIELDS = [c.path for c in columns_for("birth") if c.path != "child.hometown.as_written"]


def _right_share(page: RegisterPage, reading: PageReading) -> tuple[float, list[str]]:
    assert [e.position for e in reading.entries] == [1, 2, 3]  # rows 4-6 are ruled, empty
    wrong: list[str] = []
    total = 0
    for truth, entry in zip(page.entries, reading.entries, strict=True):
        assert entry.number == str(truth.number)
        for path, value in truth.values.items():
            total += 1
            found = entry.get(path)
            if found is None or found.value != value:
                wrong.append(f"{path}: {value!r} read {found and found.value!r}")
        for suggestion in entry.fields:
            assert suggestion.engine == reading.engine
            assert 0.0 <= suggestion.confidence <= 1.0
            assert unicodedata.is_normalized("NFC", suggestion.value)
    return 1 - len(wrong) / total, wrong


def test_trueocr_reads_the_columns_of_the_printed_page(photographed_page: RegisterPage,
                                                       trueocr: TextRecogniser) -> None:
    reading = read_page(trueocr, photographed_page.image, "birth")
    assert list(reading.columns) == FIELDS  # the 11 printed columns, in the page's order
    assert len(COLUMNS) == len(reading.columns)
    assert reading.engine == "trueocr"
    share, wrong = _right_share(photographed_page, reading)
    assert share >= 0.85, wrong


def test_tesseract_reads_the_same_page(photographed_page: RegisterPage,
                                       tesseract: TextRecogniser) -> None:
    reading = read_page(tesseract, photographed_page.image, "birth")
    assert reading.engine == "tesseract"
    share, wrong = _right_share(photographed_page, reading)
    assert share >= 0.85, wrong


def test_a_page_turned_a_quarter_is_read_once_the_page_rotation_is_applied(
        photographed_page: RegisterPage, trueocr: TextRecogniser) -> None:
    with Image.open(io.BytesIO(photographed_page.image)) as image:
        turned = io.BytesIO()
        image.rotate(90, expand=True).save(turned, "JPEG", quality=90)  # counter-clockwise
    with pytest.raises(NoTableError):  # sideways, the rules are not a table of rows
        read_page(trueocr, turned.getvalue(), "birth")
    reading = read_page(trueocr, turned.getvalue(), "birth", rotation=90)  # turned back
    assert [e.number for e in reading.entries] == [str(e.number)
                                                   for e in photographed_page.entries]


def test_a_picture_without_a_ruled_table_gives_no_suggestion(trueocr: TextRecogniser) -> None:
    blank = io.BytesIO()
    Image.new("RGB", (1200, 800), (230, 225, 210)).save(blank, "JPEG")
    with pytest.raises(NoTableError):
        read_page(trueocr, blank.getvalue(), "birth")
    with pytest.raises(PageImageError):
        read_page(trueocr, b"not a picture", "birth")
