"""A splitter whose division the officer set is kept per device (window.ini beside the data,
as the main window keeps its size) and found again next time."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter

from ui.context import UiContext


def _settings(ctx: UiContext) -> QSettings:
    return QSettings(str(ctx.services.paths.root / "window.ini"), QSettings.Format.IniFormat)


def remember_splitter(splitter: QSplitter, ctx: UiContext, key: str) -> None:
    """Restore the division kept under ``key`` (else leave the default the caller set) and
    keep it whenever the officer drags the handle."""
    kept = _settings(ctx).value(f"splitters/{key}")
    if isinstance(kept, QByteArray) and not kept.isEmpty():
        splitter.restoreState(kept)

    def keep(_pos: int, _index: int) -> None:
        settings = _settings(ctx)
        settings.setValue(f"splitters/{key}", splitter.saveState())
        settings.sync()

    splitter.splitterMoved.connect(keep)
