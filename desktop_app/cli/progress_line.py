"""The progress of the one-off work a login can do (after an upgrade: the copy, the migrations,
the search re-index) as a line on stderr: a command that seems hung for minutes says what it
waits for. Counts only, never personal data; on a terminal the line is rewritten in place,
elsewhere (a log, a pipe) one line every ``step`` per cent."""

from __future__ import annotations

from typing import TextIO

from desktop_app.messages import CORE, Catalogue, current_language, render
from desktop_app.number_format import count_text

STAGE_CODES = {"upgrade-copy": "N-UPGRADE-COPY", "migrate": "N-MIGRATE", "reindex": "N-REINDEX"}


class ProgressLine:
    """A ``Progress`` callback (stage, done, total) that writes to ``stream``."""

    def __init__(self, stream: TextIO, *, catalogue: Catalogue = CORE, step: int = 10,
                 lang: str | None = None) -> None:
        self._stream = stream
        self._catalogue = catalogue
        self._step = step
        self._lang = lang or current_language()
        self._shown: tuple[str, int] | None = None  # stage and per cent last written
        self._in_place = _is_terminal(stream)

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total <= 0:  # nothing to wait for (a new store's first login "re-indexes" nothing)
            return
        percent = 100 if done >= total else 100 * done // total
        last = self._shown[1] if self._shown and self._shown[0] == stage else None
        step = 1 if self._in_place else self._step
        if last is not None and (percent == last or percent < 100 and percent < last + step):
            return
        self._shown = (stage, percent)
        text = render(STAGE_CODES.get(stage, stage), {
            "percent": percent, "done": count_text(done, self._lang),
            "total": count_text(total, self._lang)}, catalogue=self._catalogue, lang=self._lang)
        if self._in_place:
            self._stream.write("\r" + text + ("\n" if percent == 100 else ""))
        else:
            self._stream.write(text + "\n")
        self._stream.flush()

    def end(self) -> None:
        """Close a line left open in place (the work stopped): what follows starts afresh."""
        if self._in_place and self._shown is not None and self._shown[1] < 100:
            self._stream.write("\n")
            self._stream.flush()
        self._shown = None


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or bare stream
        return False
