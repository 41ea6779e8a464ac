"""Generated register pages and the OCR engines, made once per session: a model load or a
page render costs more than reading a page."""

from __future__ import annotations

import pytest

from desktop_app.ocr.engines import load_engine
from desktop_app.ports import TextRecogniser
from tests.support.register_pages import RegisterPage, birth_page


@pytest.fixture(scope="session")
def photographed_page() -> RegisterPage:
    """Three printed entries on six ruled rows, turned 1.6 degrees, photographed."""
    return birth_page(11, 3, rows=6, rotation=1.6)


@pytest.fixture(scope="session")
def trueocr() -> TextRecogniser:
    return load_engine("trueocr")


@pytest.fixture(scope="session")
def tesseract() -> TextRecogniser:
    return load_engine("tesseract")
