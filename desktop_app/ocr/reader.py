"""OCR suggestions for the entries of a printed or typed register page: find the ruled
table, read its header row to know which column is which field, read each entry's cells and
turn them into values of the historical form, each with a confidence.

Suggestions only: nothing here writes a record. The officer accepts them field by field.
"""

from __future__ import annotations

import difflib
import time
from typing import TYPE_CHECKING

from desktop_app.domain.text import fold_for_search
from desktop_app.ocr import grid
from desktop_app.ocr.layouts import IGNORED, Column, columns_for
from desktop_app.ocr.types import EntrySuggestions, FieldSuggestion, NoTableError, PageReading
from desktop_app.ocr.values import clean, parse

if TYPE_CHECKING:
    from desktop_app.ports import GrayImage, LineReading, TextRecogniser

_HEADING_CUTOFF = 0.72  # folded similarity for a header cell to name a column
MIN_CONFIDENCE = 0.35  # below this a reading is noise (a stain, a stamp): no suggestion
_Box = tuple[int, int, int, int]


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, fold_for_search(a), fold_for_search(b)).ratio()


def match_columns(headings: list[str], known: tuple[Column, ...]) -> list[Column | None]:
    """The column each header cell names, one to one, best matches first."""
    scored: list[tuple[float, int, int]] = []  # (score, header index, known index or -1)
    for i, heading in enumerate(headings):
        if not fold_for_search(heading):
            continue
        for j, column in enumerate(known):
            scored.append((max(_similarity(heading, h) for h in column.headings), i, j))
        scored.append((max(_similarity(heading, h) for h in IGNORED), i, -1))
    found: list[Column | None] = [None] * len(headings)
    taken_headers: set[int] = set()
    taken_columns: set[int] = set()
    for score, i, j in sorted(scored, reverse=True):
        if score < _HEADING_CUTOFF or i in taken_headers or j in taken_columns:
            continue
        taken_headers.add(i)
        if j >= 0:
            taken_columns.add(j)
            found[i] = known[j]
    return found


def _read_cells(recogniser: TextRecogniser, page: grid.Page, boxes: list[_Box],
                usual_height: int | None) -> tuple[list[tuple[str, float]], int]:
    """(text, confidence) per cell: its lines read in one batch, joined with a space; the
    confidence of a cell is its weakest line's."""
    lines: list[GrayImage] = []
    owners: list[int] = []
    for index, box in enumerate(boxes):
        for line in grid.cell_lines(page, box, usual_height):
            lines.append(line)
            owners.append(index)
    readings: list[LineReading] = recogniser.read_lines(lines)
    texts: list[list[str]] = [[] for _ in boxes]
    confidence = [1.0] * len(boxes)
    for owner, reading in zip(owners, readings, strict=True):
        if reading.text.strip():
            texts[owner].append(reading.text)
            confidence[owner] = min(confidence[owner], reading.confidence)
    return [(clean(" ".join(t)), confidence[i] if t else 0.0)
            for i, t in enumerate(texts)], len(lines)


def read_page(recogniser: TextRecogniser, image: bytes, record_type: str, *,
              rotation: int = 0, crop: grid.Crop | None = None) -> PageReading:
    """Suggestions for every entry of a page photo or PDF scan, turned and cut as the viewer
    shows it. Raises grid.PageImageError when the bytes are no picture, NoTableError when no
    ruled table is found."""
    started = time.perf_counter()
    known = columns_for(record_type)
    page = grid.prepare(image, rotation, crop)
    table = page.table
    if table is None or table.columns < 2 or table.rows < 2 or not known:
        raise NoTableError(record_type)
    usual = grid.line_height(page)
    headers, count = _read_cells(recogniser, page,
                                 [table.cell(0, c) for c in range(table.columns)], usual)
    columns = match_columns([text for text, _ in headers], known)
    wanted = [c for c in range(table.columns) if columns[c] is not None]
    if len(wanted) < 2:  # no header of a register book (a page turned sideways, a form)
        raise NoTableError(record_type)
    boxes = [table.cell(r, c) for r in range(1, table.rows) for c in wanted]
    cells, read = _read_cells(recogniser, page, boxes, usual)
    entries: list[EntrySuggestions] = []
    for r in range(1, table.rows):  # the r-th ruled row under the header is position r
        row = cells[(r - 1) * len(wanted):r * len(wanted)]
        if not any(text for text, _ in row):
            continue  # an unused ruled row: no entry
        fields: list[FieldSuggestion] = []
        number: str | None = None
        for c, (text, confidence) in zip(wanted, row, strict=True):
            column = columns[c]
            assert column is not None
            parsed = parse(column.value, text) if text else None
            if parsed is None:
                continue
            value, fit = parsed
            if confidence * fit < MIN_CONFIDENCE:
                continue
            if column.path == "registration_number":
                number = value
            fields.append(FieldSuggestion(column.path, value, round(confidence * fit, 3),
                                          recogniser.name, text))
        x0, y0, _, _ = table.cell(r, 0)
        _, _, x1, y1 = table.cell(r, table.columns - 1)
        entries.append(EntrySuggestions(r, number, (x0, y0, x1, y1), tuple(fields)))
    return PageReading(recogniser.name, tuple(entries),
                       tuple(c.path if c is not None else None for c in columns),
                       count + read, round((time.perf_counter() - started) * 1000, 1))
