"""Symbols the UI writes as text render (issue 14 item 12): a character beyond Latin and
Vietnamese letters in a string of ui/ (or in the Vietnamese translation) must have a glyph in
a font of the machine, as the tests see it with Debian's fonts only (DejaVu). "⛔" had none
and showed as an empty box (this check fails on it): such states are drawn with the style's
icons instead."""

from __future__ import annotations

import ast
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from pytestqt.qtbot import QtBot

UI = Path(__file__).resolve().parents[2] / "ui"


def _strings(path: Path) -> list[str]:
    """String constants of a module but its docstrings (which no one sees on screen)."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def _shown_texts() -> list[str]:
    texts = [s for path in UI.rglob("*.py") if "tools" not in path.parts
             for s in _strings(path)]
    for ts in (UI / "i18n").glob("*.ts"):
        texts += [t.text or "" for t in ET.parse(ts).getroot().iter("translation")]
        texts += [t.text or "" for t in ET.parse(ts).getroot().iter("numerusform")]
    return texts


TEXT_PUNCTUATION = "–—‘’“”…"  # in every text font (Noto Sans, DejaVu, Segoe UI)


def symbols() -> dict[str, str]:
    """Each character outside the letters, digits and punctuation every text font has
    (Latin-1, Latin Extended, Vietnamese, combining marks), with a text that uses it."""
    found: dict[str, str] = {}
    for text in _shown_texts():
        for char in text:
            code = ord(char)
            if code < 0x2000 or 0x1E00 <= code <= 0x1EFF or char in TEXT_PUNCTUATION:
                continue
            found.setdefault(char, text)
    return found


def test_every_symbol_the_ui_writes_has_a_glyph(qtbot: QtBot) -> None:
    used = symbols()
    assert used, "the scan found nothing: it is broken"
    fonts = [QRawFont.fromFont(QFont(family)) for family in QFontDatabase.families()]
    missing = {f"{char} U+{ord(char):04X} {unicodedata.name(char, '?')}": text[:60]
               for char, text in used.items()
               if not any(font.supportsCharacter(ord(char)) for font in fonts)}
    assert not missing, f"no font of this machine draws: {missing}"

