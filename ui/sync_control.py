"""The one sync job of the window: started by the "Synchronise now" button or by the link
watcher, never two at once. The sync page follows its progress and shows every result, the
watcher and the status bar follow its state."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desktop_app.errors import Cancelled
from desktop_app.workflows.sync_apply import SyncReport
from ui.context import UiContext
from ui.tasks import TaskHandle

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncOutcome:
    """How one sync ended: what it did, or the error that stopped it."""

    automatic: bool
    report: SyncReport | None = None
    error: BaseException | None = None

    @property
    def is_ok(self) -> bool:
        return self.error is None

    @property
    def is_cancelled(self) -> bool:
        return isinstance(self.error, Cancelled)


class SyncController(QObject):
    started = Signal(bool)  # automatic
    finished = Signal(object)  # SyncOutcome

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.handle: TaskHandle | None = None
        self.is_automatic = False
        self.runs = 0  # syncs started since the window opened (tests, support)
        self.is_held = False  # a USB bundle is being written or applied: no sync meanwhile

    @property
    def is_available(self) -> bool:
        return self._ctx.hooks.sync_now is not None and self._ctx.can("synchronise")

    @property
    def is_running(self) -> bool:
        return self.handle is not None

    def start(self, *, automatic: bool = False) -> bool:
        """Start a sync; False (nothing started) when one is already running or sync is not
        set up here."""
        sync = self._ctx.hooks.sync_now
        if sync is None or not self.is_available or self.is_running or self.is_held:
            return False
        session = self._ctx.session
        self.is_automatic = automatic
        self.runs += 1
        log.info("sync started (%s)", "automatic" if automatic else "manual")
        self.handle = self._ctx.runner.start_job(
            lambda control: sync(session, control.progress),
            lambda report: self._end(SyncOutcome(automatic, report)),
            lambda error: self._end(SyncOutcome(automatic, error=error)), lane="general")
        self.started.emit(automatic)
        return True

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _end(self, outcome: SyncOutcome) -> None:
        self.handle = None
        if not outcome.is_ok:
            log.info("sync stopped: %s", type(outcome.error).__name__)
        self.finished.emit(outcome)
