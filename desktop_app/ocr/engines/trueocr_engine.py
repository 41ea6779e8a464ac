"""trueocr (Apache-2.0): a Vietnamese CTC line recogniser on ONNX Runtime, CPU only, with its
~8 MB of models inside the wheel (nothing is downloaded, no network)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop_app.ports import LineReading

if TYPE_CHECKING:
    from desktop_app.ports import GrayImage


class TrueOcrRecogniser:
    """The recogniser of trueocr's bundled model; its session is shared by the threads."""

    def __init__(self, threads: int = 2) -> None:
        from importlib import resources

        from trueocr import Recognizer

        models = resources.files("trueocr").joinpath("models")
        self._recognizer = Recognizer(str(models), threads=threads)
        self._lock = threading.Lock()  # one run at a time: the session's threads are the cores

    @property
    def name(self) -> str:
        return "trueocr"

    def read_lines(self, lines: Sequence[GrayImage]) -> list[LineReading]:
        if not lines:
            return []
        with self._lock:
            predictions = self._recognizer.predict(list(lines), batch_size=32)
        return [LineReading(p.text, float(p.confidence)) for p in predictions]
