"""The bundled Vietnamese-capable fonts (Noto Sans, SIL OFL 1.1), for reportlab and pyHanko.

The TTFs ship pre-subset to Latin + Vietnamese (about 50 KB each, unitsPerEm 1000), so
neither reportlab nor pyHanko spends time subsetting a full font, and pyHanko's stamp
renders with correct spacing (see tech-notes).
"""

from __future__ import annotations

import atexit
import contextlib
import io
import threading
from importlib import resources
from pathlib import Path

REGULAR = "NotoSans-Regular.ttf"
BOLD = "NotoSans-Bold.ttf"
FONT_REGULAR = "HotichSans"
FONT_BOLD = "HotichSans-Bold"

_lock = threading.Lock()
_paths: dict[str, Path] = {}
_stack = contextlib.ExitStack()
atexit.register(_stack.close)
_registered = False


def font_path(name: str = REGULAR) -> Path:
    """A filesystem path of a bundled font (extracted once if the package is zipped)."""
    with _lock:
        path = _paths.get(name)
        if path is None:
            ref = resources.files("signing.fonts").joinpath(name)
            path = _stack.enter_context(resources.as_file(ref))
            _paths[name] = path
        return path


def font_bytes(name: str = REGULAR) -> bytes:
    return resources.files("signing.fonts").joinpath(name).read_bytes()


def register_reportlab_fonts() -> tuple[str, str]:
    """Register the fonts with reportlab once; returns (regular, bold) font names."""
    global _registered
    with _lock:
        if not _registered:
            from reportlab.lib.fonts import addMapping
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            regular = resources.files("signing.fonts").joinpath(REGULAR)
            bold = resources.files("signing.fonts").joinpath(BOLD)
            pdfmetrics.registerFont(TTFont(FONT_REGULAR, _as_stream(regular.read_bytes())))
            pdfmetrics.registerFont(TTFont(FONT_BOLD, _as_stream(bold.read_bytes())))
            addMapping(FONT_REGULAR, 0, 0, FONT_REGULAR)
            addMapping(FONT_REGULAR, 1, 0, FONT_BOLD)
            addMapping(FONT_REGULAR, 0, 1, FONT_REGULAR)
            addMapping(FONT_REGULAR, 1, 1, FONT_BOLD)
            _registered = True
    return FONT_REGULAR, FONT_BOLD


def _as_stream(data: bytes) -> io.BytesIO:  # reportlab accepts a file-like object
    return io.BytesIO(data)
