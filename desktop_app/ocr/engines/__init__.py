"""The text recognisers the desktop can use, each loaded once per process (a model load costs
far more than a page): trueocr first, Debian's tesseract with its Vietnamese model second."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the ports bring the domain: not for the command line's choices of engine
    from desktop_app.ports import TextRecogniser

DEFAULT_ENGINE = "trueocr"
ENGINES = ("trueocr", "tesseract")
_LOADED: dict[str, TextRecogniser] = {}
_LOCK = threading.Lock()


class EngineUnavailableError(RuntimeError):
    """The engine's package or program is not installed on this machine."""

    def __init__(self, engine: str) -> None:
        super().__init__(engine)
        self.engine = engine


def _trueocr() -> TextRecogniser:
    from desktop_app.ocr.engines.trueocr_engine import TrueOcrRecogniser

    return TrueOcrRecogniser()


def _tesseract() -> TextRecogniser:
    from desktop_app.ocr.engines.tesseract_engine import TesseractRecogniser

    return TesseractRecogniser()


_FACTORIES: dict[str, Callable[[], TextRecogniser]] = {"trueocr": _trueocr,
                                                       "tesseract": _tesseract}


def load_engine(name: str = DEFAULT_ENGINE) -> TextRecogniser:
    """The engine of that name, loaded on first use; EngineUnavailableError when it cannot
    be (ValueError for a name that is no engine)."""
    if name not in _FACTORIES:
        raise ValueError(name)
    with _LOCK:
        engine = _LOADED.get(name)
        if engine is None:
            try:
                engine = _FACTORIES[name]()
            except (ImportError, OSError, RuntimeError) as exc:
                raise EngineUnavailableError(name) from exc
            _LOADED[name] = engine
        return engine
