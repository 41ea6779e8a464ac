"""Text as glyph outlines (fontTools) in a reportlab path, for the draft watermark.

Outlines are shapes, not text: a reader or pdftotext never mixes the watermark with the
extract's words. The bold font is parsed once per process.
"""

from __future__ import annotations

import io
import threading
import unicodedata
from functools import cache

from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont

from signing.fonts import BOLD, font_bytes

_lock = threading.Lock()


class _OutlinePen(BasePen):  # type: ignore[misc]  # fontTools has no type information
    """fontTools pen drawing glyph outlines into a reportlab path."""

    def __init__(self, glyph_set: object, path: object, dx: float, scale: float) -> None:
        super().__init__(glyph_set)
        self.path = path
        self.dx = dx
        self.scale = scale

    def _pt(self, pt: tuple[float, float]) -> tuple[float, float]:
        return (self.dx + pt[0]) * self.scale, pt[1] * self.scale

    def _moveTo(self, pt: tuple[float, float]) -> None:  # noqa: N802 - fontTools API
        self.path.moveTo(*self._pt(pt))  # type: ignore[attr-defined]

    def _lineTo(self, pt: tuple[float, float]) -> None:  # noqa: N802
        self.path.lineTo(*self._pt(pt))  # type: ignore[attr-defined]

    def _curveToOne(  # noqa: N802
        self, p1: tuple[float, float], p2: tuple[float, float], p3: tuple[float, float]
    ) -> None:
        self.path.curveTo(*self._pt(p1), *self._pt(p2), *self._pt(p3))  # type: ignore[attr-defined]

    def _closePath(self) -> None:  # noqa: N802
        self.path.close()  # type: ignore[attr-defined]


@cache
def _bold_font() -> TTFont:
    return TTFont(io.BytesIO(font_bytes(BOLD)))


@cache
def _glyphs(text: str) -> tuple[tuple[tuple[str, float], ...], float]:
    """(glyph name, x offset in font units) per character, and the total advance."""
    font = _bold_font()
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    glyphs, x = [], 0.0
    for char in unicodedata.normalize("NFC", text):
        name = cmap.get(ord(char), ".notdef")
        glyphs.append((name, x))
        x += metrics[name][0]
    return tuple(glyphs), x


def bold_text_width(text: str, size: float) -> float:
    """The advance of ``text`` in the bold font at ``size`` points."""
    with _lock:
        _, advance = _glyphs(text)
        return float(advance * (size / _bold_font()["head"].unitsPerEm))


def add_bold_outline(path: object, text: str, size: float) -> None:
    """Append the outlines of ``text`` (bold, ``size`` points, baseline at y = 0, starting
    at x = 0) to a reportlab path."""
    with _lock:  # fontTools glyph sets load lazily: one thread at a time
        font = _bold_font()
        glyph_set = font.getGlyphSet()
        glyphs, _ = _glyphs(text)
        scale = size / font["head"].unitsPerEm
        for name, x in glyphs:
            glyph_set[name].draw(_OutlinePen(glyph_set, path, x, scale))
