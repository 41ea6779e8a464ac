"""Libraries do not write personal data into our log (issue 16 item 11).

fontTools' subsetter (pyHanko runs it for every stamp) logs the glyph names it keeps at INFO:
the letters of the signer's and the registered person's names, one glyph per letter.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fontTools import subset
from fontTools.ttLib import TTFont

from desktop_app import logging_setup
from signing.fonts import font_bytes


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    before = logging_setup.current_log_file()
    logging_setup.configure_logging(tmp_path / "logs")
    yield tmp_path / "logs" / "hotich.log"
    if before is not None:
        logging_setup.configure_logging(before.parent)


def test_font_subsetting_leaves_no_glyph_names_in_the_log(log_file: Path) -> None:
    font = TTFont(io.BytesIO(font_bytes()))
    subsetter = subset.Subsetter(subset.Options())  # as pyHanko's GlyphAccumulator does
    subsetter.populate(text="Hoàng Thị Ý Nhi")
    subsetter.subset(font)
    logging.getLogger("desktop_app").info("a line of our own")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "a line of our own" in text
    assert "fontTools" not in text, text[:500]
