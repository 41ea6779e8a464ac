"""Logging, configured first thing in every process: a rotating file, and stderr for servers.

The command line configures it before it parses anything (the platform's user log folder),
then moves it to the data folder's logs/ once the data folder is known. The file is created
at the first record, so a command that logs nothing leaves nothing behind.

Messages are stages, counts, durations and codes; never names, ID numbers, dates of birth,
passwords, keys or document bytes (STYLE.md 10). Tracebacks are written without exception
messages (desktop_app.incidents), whoever logs them.
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from platformdirs import user_log_dir

from desktop_app.incidents import redacted_traceback
from desktop_app.paths import APP_DIR_NAME

LOG_FILE = "hotich.log"
_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"

_configured: Path | None = None

# Libraries whose INFO lines carry document content: fontTools' subsetter lists the glyphs it
# keeps (the letters of every name printed on an extract).
_QUIET_LOGGERS = ("fontTools",)


def fallback_log_dir() -> Path:
    """Where a process logs before it knows its data folder: the user log folder."""
    return Path(user_log_dir(APP_DIR_NAME, appauthor=False))


def current_log_file() -> Path | None:
    return _configured / LOG_FILE if _configured else None


class RedactingFormatter(logging.Formatter):
    """Formats exceptions as :func:`redacted_traceback` does (no messages), even when another
    handler already formatted the record with Python's default."""

    def format(self, record: logging.LogRecord) -> str:
        exc_info, exc_text = record.exc_info, record.exc_text
        record.exc_info, record.exc_text = None, None
        try:
            text = super().format(record)
        finally:
            record.exc_info, record.exc_text = exc_info, exc_text
        if exc_info and exc_info[1] is not None:
            text += "\n" + redacted_traceback(exc_info[1])
        return text


class _LogFileHandler(logging.handlers.RotatingFileHandler):
    """Opens (and creates the folder of) its file at the first record; a log that cannot be
    written says so once on stderr, in one line, instead of printing a traceback."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True)
        self._complained = False

    def _open(self) -> io.TextIOWrapper:  # logging's hook that opens the stream
        folder = Path(self.baseFilename).parent
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(OSError):  # Windows ignores POSIX modes
                os.chmod(folder, 0o700)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging API
        if not self._complained:
            self._complained = True
            with contextlib.suppress(Exception):
                sys.stderr.write(f"hotich: cannot write the log {self.baseFilename}\n")


def _replace(marker: str, handler: logging.Handler) -> None:
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_hotich", None) == marker]:
        root.removeHandler(old)
        old.close()
    handler._hotich = marker  # type: ignore[attr-defined]
    handler.setFormatter(RedactingFormatter(_FORMAT))
    root.addHandler(handler)


def configure_logging(log_dir: Path, level: int = logging.INFO) -> None:
    """Log to ``log_dir``/hotich.log from now on (replacing an earlier folder)."""
    global _configured
    if _configured == log_dir:
        return
    _replace("file", _LogFileHandler(log_dir / LOG_FILE))
    root = logging.getLogger()
    root.setLevel(level)
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.captureWarnings(True)
    _configured = log_dir


def log_to_stderr(level: int) -> None:
    """Servers: records from ``level`` up also go to stderr (the operator's console or
    journal), formatted as in the file."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(level)
    _replace("stderr", handler)
    root = logging.getLogger()
    root.setLevel(min(root.level or level, level))
