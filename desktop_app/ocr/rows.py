"""Where an entry's row lies on a ruled register page, for the viewer to open on it: the
page's printed rules are found (grid.py, no text recognition) and the ``position``-th ruled
row under the header (as the reader numbers them) is given as fractions of the page's height
as the viewer shows it (turned and cut as kept). None when no table is found."""

from __future__ import annotations

from desktop_app.ocr import grid
from desktop_app.ocr.types import PageImageError

Band = tuple[float, float]  # top, bottom: fractions of the page's height


def entry_band(content: bytes, position: int, rotation: int = 0,
               crop: grid.Crop | None = None) -> Band | None:
    try:
        page = grid.prepare(content, rotation, crop)
    except PageImageError:
        return None
    table = page.table
    if table is None or not 1 <= position < len(table.ys) - 1:
        return None
    height = float(page.gray.shape[0])
    return table.ys[position] / height, table.ys[position + 1] / height
