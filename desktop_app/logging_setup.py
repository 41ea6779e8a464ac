"""Logging, configured once per process: a rotating file in the data folder.

Messages are stages, counts, durations and codes; never names, ID numbers, dates of birth,
passwords, keys or document bytes (STYLE.md 10).
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_configured: Path | None = None


def configure_logging(log_dir: Path, level: int = logging.INFO) -> None:
    global _configured
    if _configured == log_dir:
        return
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        log_dir / "hotich.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_hotich", False)]:
        root.removeHandler(old)
        old.close()
    handler._hotich = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    _configured = log_dir
