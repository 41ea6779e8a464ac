"""Debian's tesseract-ocr with its Vietnamese model (tesseract-ocr-vie), run as a program on
this machine: offline, one process per batch of lines.

The lines are stacked into one picture with white space between them and read as a block of
text (page segmentation 6); each word found is given back to the line whose band holds it.
One process per page instead of one per line: starting tesseract and loading its Vietnamese
model costs more than reading a line.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from desktop_app.ports import LineReading

if TYPE_CHECKING:
    from desktop_app.ports import GrayImage

LINE_HEIGHT = 48  # pixels each line is scaled to: tesseract reads best at 30-50 px capitals
_GAP = 24
_TIMEOUT = 120


class TesseractUnavailableError(RuntimeError):
    """The tesseract program or its Vietnamese model is not installed."""


class TesseractRecogniser:
    def __init__(self, program: str | None = None) -> None:
        found = program or shutil.which("tesseract")
        if found is None:
            raise TesseractUnavailableError("tesseract")
        self._program = found
        listed = subprocess.run([found, "--list-langs"], capture_output=True, text=True,
                                timeout=_TIMEOUT, check=False)
        if "vie" not in listed.stdout.split():
            raise TesseractUnavailableError("tesseract-ocr-vie")

    @property
    def name(self) -> str:
        return "tesseract"

    def read_lines(self, lines: Sequence[GrayImage]) -> list[LineReading]:
        if not lines:
            return []
        scaled = [_scaled(line) for line in lines]
        width = max(s.width for s in scaled) + 2 * _GAP
        sheet = Image.new("L", (width, len(scaled) * (LINE_HEIGHT + _GAP) + _GAP), 255)
        for i, picture in enumerate(scaled):
            sheet.paste(picture, (_GAP, _GAP + i * (LINE_HEIGHT + _GAP)))
        png = io.BytesIO()
        sheet.save(png, "PNG")
        done = subprocess.run(
            [self._program, "stdin", "stdout", "-l", "vie", "--psm", "6", "tsv"],
            input=png.getvalue(), capture_output=True, timeout=_TIMEOUT, check=False)
        if done.returncode != 0:
            raise TesseractUnavailableError("tesseract failed")
        words: list[list[tuple[int, str, float]]] = [[] for _ in lines]
        rows = csv.DictReader(io.StringIO(done.stdout.decode("utf-8")), delimiter="\t",
                              quoting=csv.QUOTE_NONE)
        for row in rows:
            text = (row.get("text") or "").strip()
            if row.get("level") != "5" or not text:
                continue
            middle = int(row["top"]) + int(row["height"]) // 2
            index = (middle - _GAP // 2) // (LINE_HEIGHT + _GAP)
            if 0 <= index < len(lines):
                words[index].append((int(row["left"]), text, max(0.0, float(row["conf"])) / 100))
        readings = []
        for found in words:
            found.sort()
            text = unicodedata.normalize("NFC", " ".join(w for _, w, _ in found))
            confidence = sum(c for _, _, c in found) / len(found) if found else 0.0
            readings.append(LineReading(text, confidence))
        return readings


def _scaled(line: GrayImage) -> Image.Image:
    """The line at LINE_HEIGHT with its paper made white: on the white sheet, a grey band
    would be taken for a picture and not read at all."""
    pixels = np.asarray(line, dtype=np.float32)
    ink, paper = float(np.percentile(pixels, 2)), float(np.median(pixels))
    if paper - ink > 8:
        pixels = np.clip((pixels - ink) * (255.0 / (paper - ink)), 0, 255)
    picture = Image.fromarray(pixels.astype(np.uint8))
    width = max(1, round(picture.width * LINE_HEIGHT / max(1, picture.height)))
    return picture.resize((width, LINE_HEIGHT), Image.Resampling.LANCZOS)
