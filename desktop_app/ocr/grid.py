"""Where the entries are on a photographed register page: the page is turned upright, its
printed rules found, and each cell of the ruled table cut into text lines for an engine.

Old register books are ruled tables (one entry per row, one field per column), so the rules
give the cells far more reliably than text detection would on a phone photo: the page is
deskewed by the angle at which its rows are sharpest, binarised against the local light
(the lamp falls off across a photo), and the long thin horizontal and vertical strokes that
cross each other are the table; page edges and shadows cross nothing and are dropped.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import cv2
import numpy as np
from PIL import Image

from desktop_app.ocr import pdf_pages
from desktop_app.ocr.types import PageImageError

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from desktop_app.ports import GrayImage

MAX_WIDTH = 2600  # a phone photo is scaled down to this: print at ~200 dpi stays readable
_GRAINY = 0.10  # share of "ink" pixels above which a page is denoised (print: ~0.05-0.07)
_SKEW_LIMIT = 5.0  # degrees: a page photographed more askew than this is re-taken
Crop = tuple[float, float, float, float]  # left, top, right, bottom: fractions of the scan
_Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in the upright page's pixels


@dataclass(frozen=True)
class Table:
    """The ruled table of a page: the x of each vertical rule and the y of each horizontal
    rule, left to right and top to bottom (so cells are between consecutive rules)."""

    xs: tuple[int, ...]
    ys: tuple[int, ...]

    @property
    def columns(self) -> int:
        return max(0, len(self.xs) - 1)

    @property
    def rows(self) -> int:
        return max(0, len(self.ys) - 1)

    def cell(self, row: int, column: int) -> _Box:
        return self.xs[column], self.ys[row], self.xs[column + 1], self.ys[row + 1]


@dataclass(frozen=True)
class Page:
    gray: GrayImage  # upright
    ink: NDArray[np.uint8]  # 255 where there is ink (text or rules), after local binarising
    rules: NDArray[np.uint8]  # 255 on the printed rules
    skew: float  # degrees turned to make it upright
    table: Table | None


def decode(image: bytes, rotation: int = 0, crop: Crop | None = None) -> GrayImage:
    """The page as the viewer shows it (ui/widgets/page_scan), in grey pixels: a picture or a
    PDF (rendered), cut to the crop (fractions of the scan as captured: the viewer does not
    apply a photo's EXIF turn, so neither is it applied here), turned by the page's rotation
    (clockwise degrees, as the books store keeps it), scaled down to MAX_WIDTH."""
    if pdf_pages.is_pdf(image):
        sideways = rotation % 180 != 0
        share = 1.0 if crop is None else crop[3] - crop[1] if sideways else crop[2] - crop[0]
        picture = pdf_pages.render(image, max_width=MAX_WIDTH, share=share, sideways=sideways)
    else:
        try:
            with Image.open(io.BytesIO(image)) as opened:
                picture = opened.convert("L")
        except (OSError, ValueError, Image.DecompressionBombError) as exc:
            raise PageImageError("not a picture") from exc
    if crop is not None:
        left, top, right, bottom = crop
        w, h = picture.size
        box = (round(left * w), round(top * h), round(right * w), round(bottom * h))
        if box[2] - box[0] < 8 or box[3] - box[1] < 8:
            raise PageImageError("a crop of nothing")
        picture = picture.crop(box)
    if rotation % 360:
        picture = picture.rotate(-(rotation % 360), expand=True)
    if picture.width > MAX_WIDTH:
        picture = picture.resize((MAX_WIDTH, round(picture.height * MAX_WIDTH / picture.width)),
                                 Image.Resampling.LANCZOS)
    return np.asarray(picture, dtype=np.uint8).copy()


def _u8(image: object) -> NDArray[np.uint8]:
    """An OpenCV result as the uint8 array it is (cv2's stubs say "any matrix")."""
    return np.asarray(image, dtype=np.uint8)


def _binarise(gray: GrayImage) -> NDArray[np.uint8]:
    block = max(15, (gray.shape[1] // 80) | 1)
    return _u8(cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C,
                                     cv2.THRESH_BINARY_INV, block, 15))


def _rotate(image: NDArray[np.uint8], degrees: float, border: int) -> NDArray[np.uint8]:
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return _u8(cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_CONSTANT, borderValue=border))


def _sharpness(binary: NDArray[np.uint8], degrees: float) -> float:
    rows = _rotate(binary, degrees, 0).sum(axis=1, dtype=np.float64)
    return float(np.square(np.diff(rows)).sum())


def skew_angle(gray: GrayImage) -> float:
    """The turn (degrees, counter-clockwise positive as cv2 takes it) that makes text rows
    and rules horizontal: where the row profile of the ink changes most sharply."""
    scale = 900 / gray.shape[1] if gray.shape[1] > 900 else 1.0
    small = _u8(cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA))
    binary = _binarise(small)
    coarse = np.arange(-_SKEW_LIMIT, _SKEW_LIMIT + 0.01, 0.25)
    best = max(coarse, key=lambda a: _sharpness(binary, float(a)))
    fine = np.arange(best - 0.25, best + 0.26, 0.05)
    return float(max(fine, key=lambda a: _sharpness(binary, float(a))))


def _segments(mask: NDArray[np.uint8], *, horizontal: bool, min_length: int) -> list[_Box]:
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    found: list[_Box] = []
    for x, y, w, h, _area in stats[1:count]:
        length, thickness = (w, h) if horizontal else (h, w)
        if length >= min_length and thickness <= max(14, length // 40):
            found.append((int(x), int(y), int(x + w), int(y + h)))
    return found


def _merge(values: list[int], gap: int) -> tuple[int, ...]:
    merged: list[list[int]] = []
    for v in sorted(values):
        if merged and v - merged[-1][-1] <= gap:
            merged[-1].append(v)
        else:
            merged.append([v])
    return tuple(int(round(sum(group) / len(group))) for group in merged)


def find_table(ink: NDArray[np.uint8]) -> tuple[Table | None, NDArray[np.uint8]]:
    """The table's rules, and a mask of them (to take them out of the cells' ink)."""
    h, w = ink.shape
    horizontal = _u8(cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(20, w // 25), 1))))
    # Sizes by the width too: a page cut short by a crop keeps the letters of a whole page,
    # whose upright strokes are no rules (a kernel by its height alone took them for rules).
    tall = max(20, h // 30, w // 45)
    vertical = _u8(cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, tall))))
    hs = _segments(horizontal, horizontal=True, min_length=w // 4)
    vs = _segments(vertical, horizontal=False, min_length=max(tall, h // 12))
    tolerance = max(6, h // 150, w // 220)

    def crosses(hseg: _Box, vseg: _Box) -> bool:
        return bool(vseg[1] - tolerance <= hseg[1] and hseg[3] <= vseg[3] + tolerance
                    and hseg[0] - tolerance <= vseg[0] and vseg[2] <= hseg[2] + tolerance)

    # Only rules that cross each other make a table (a page edge or a shadow crosses none).
    for _ in range(2):
        hs = [a for a in hs if sum(crosses(a, b) for b in vs) >= 3]
        vs = [b for b in vs if sum(crosses(a, b) for a in hs) >= 2]
    rules = _u8(cv2.bitwise_or(horizontal, vertical))
    if len(hs) < 3 or len(vs) < 3:
        return None, rules
    ys = _merge([(a[1] + a[3]) // 2 for a in hs], tolerance)
    xs = _merge([(b[0] + b[2]) // 2 for b in vs], tolerance)
    return Table(xs, ys), rules


def prepare(image: bytes, rotation: int = 0, crop: Crop | None = None) -> Page:
    """Decode, turn upright and find the table of a page photo or PDF scan."""
    gray = decode(image, rotation, crop)
    if float(_binarise(gray).mean()) / 255 > _GRAINY:  # a grainy photo: speckles as ink
        gray = _u8(cv2.medianBlur(gray, 3))
    angle = skew_angle(gray)
    if abs(angle) >= 0.05:
        gray = _rotate(gray, angle, 255)
    ink = _binarise(gray)
    table, rules = find_table(ink)
    return Page(gray, ink, rules, angle, table)


def _runs(profile: NDArray[np.int64], threshold: int, gap: int, minimum: int
          ) -> list[tuple[int, int]]:
    """Runs of ``profile > threshold``, joining runs closer than ``gap`` (a diacritic above
    its letter), keeping those at least ``minimum`` long."""
    on = np.flatnonzero(profile > threshold)
    if on.size == 0:
        return []
    runs: list[list[int]] = [[int(on[0]), int(on[0])]]
    for i in on[1:]:
        if i - runs[-1][1] <= gap:
            runs[-1][1] = int(i)
        else:
            runs.append([int(i), int(i)])
    return [(a, b + 1) for a, b in runs if b + 1 - a >= minimum]


def _cell_ink(page: Page, box: _Box) -> tuple[NDArray[np.uint8], int, int] | None:
    """The ink of a cell without its rules (and the cell's inner corner), None if tiny."""
    x0, y0, x1, y1 = box
    inset = max(3, (y1 - y0) // 12)
    x0, y0, x1, y1 = x0 + inset, y0 + inset, x1 - inset, y1 - inset
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    rules = cv2.dilate(page.rules[y0:y1, x0:x1], np.ones((5, 5), np.uint8))
    ink = cv2.bitwise_and(page.ink[y0:y1, x0:x1], cv2.bitwise_not(rules))
    ink = _u8(cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8)))  # grain
    return ink, x0, y0


def _line_runs(ink: NDArray[np.uint8]) -> tuple[NDArray[np.int64], list[tuple[int, int]]]:
    rows = (ink > 0).sum(axis=1).astype(np.int64)
    scale = max(10, ink.shape[0] // 6)
    return rows, _runs(rows, 1, gap=max(2, scale // 3), minimum=max(6, scale // 2))


def line_height(page: Page) -> int | None:
    """The usual height of a text line on the page: the median over the entries' cells
    (most hold one line), to tell two lines set close together from one."""
    table = page.table
    if table is None:
        return None
    heights: list[int] = []
    for row in range(1, table.rows):
        for column in range(table.columns):
            found = _cell_ink(page, table.cell(row, column))
            if found is not None:
                heights += [b - a for a, b in _line_runs(found[0])[1]]
    return int(np.median(heights)) if heights else None


def _split(rows: NDArray[np.int64], top: int, bottom: int, usual: int | None
           ) -> list[tuple[int, int]]:
    """A run as tall as two or more usual lines, cut where the ink is thinnest near each
    expected boundary (the marks of a second line nearly touch the first)."""
    if not usual or bottom - top < 1.6 * usual:
        return [(top, bottom)]
    count = max(2, round((bottom - top) / usual))
    step = (bottom - top) / count
    cuts = [top]
    for k in range(1, count):
        middle = int(top + k * step)
        window = max(2, int(step * 0.3))
        lo, hi = max(cuts[-1] + 1, middle - window), min(bottom - 1, middle + window)
        cuts.append(lo + int(np.argmin(rows[lo:hi + 1])) if hi > lo else middle)
    cuts.append(bottom)
    return list(zip(cuts, cuts[1:], strict=False))


def cell_lines(page: Page, box: _Box, usual_height: int | None = None) -> list[GrayImage]:
    """The text lines of one cell, top to bottom, each cut to its ink with a margin (grey
    pixels of the upright page); none for an empty cell. ``usual_height``: see
    ``line_height``."""
    found = _cell_ink(page, box)
    if found is None:
        return []
    ink, x0, y0 = found
    rows, runs = _line_runs(ink)
    lines: list[GrayImage] = []
    for run_top, run_bottom in runs:
        for top, bottom in _split(rows, run_top, run_bottom, usual_height):
            columns = (ink[top:bottom] > 0).sum(axis=0).astype(np.int64)
            spans = _runs(columns, 0, gap=(bottom - top) * 2, minimum=2)
            if not spans:
                continue
            left, right = spans[0][0], spans[-1][1]
            if right - left < 4:
                continue
            pad = max(2, (bottom - top) // 4)
            ya, yb = max(0, y0 + top - pad), min(page.gray.shape[0], y0 + bottom + pad)
            xa, xb = max(0, x0 + left - pad), min(page.gray.shape[1], x0 + right + pad)
            crop = page.gray[ya:yb, xa:xb].copy()
            crop[page.rules[ya:yb, xa:xb] > 0] = int(np.median(crop))  # no rule in the line
            lines.append(crop)
    return lines
