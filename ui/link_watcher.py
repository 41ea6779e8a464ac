"""Watching the link to the central server while the main window is open.

Every so often (often while offline, seldom once a sync went through) the watcher runs the
``probe_server`` hook on the general lane: a quick look at the server with short timeouts,
never on the GUI thread. When the server becomes reachable, or is reachable while the outbox
has items waiting, it starts the same sync job as the "Synchronise now" button (through the
window's :class:`SyncController`, so never two at once). Its state is what the status bar and
the dashboard show: online, offline, syncing or not configured.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.workflows import dashboard
from desktop_app.workflows.dashboard import ConnectionState
from ui.context import UiContext
from ui.errors import logged
from ui.sync_control import SyncController, SyncOutcome

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LinkTiming:
    """How often the watcher looks (milliseconds; tests use a few)."""

    offline_interval_ms: int = 30_000  # offline, unknown or not configured
    online_interval_ms: int = 300_000  # reachable, after a sync went through
    first_probe_ms: int = 1_000  # after the window opened
    nudge_ms: int = 2_000  # after more items joined the outbox while online


class LinkWatcher(QObject):
    state_changed = Signal(str)  # a ConnectionState value

    def __init__(self, ctx: UiContext, controller: SyncController,
                 timing: LinkTiming | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._controller = controller
        self.timing = timing or LinkTiming()
        self.state: ConnectionState | None = None  # None: not looked yet
        self.is_active = False
        self.probes = 0
        self._reachable: bool | None = None  # from the last probe; None: unknown
        self._probing = False
        self._failures = 0  # automatic syncs that failed in a row
        self._held_until = 0.0  # monotonic time before which waiting items do not start one
        self._last_queue = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        controller.started.connect(self._sync_started)
        controller.finished.connect(self._sync_finished)

    @property
    def is_available(self) -> bool:
        return self._ctx.hooks.probe_server is not None

    # -- life -----------------------------------------------------------------------------
    def start(self) -> bool:
        if not self.is_available:
            return False
        self.is_active = True
        self._schedule(self.timing.first_probe_ms)
        return True

    def stop(self) -> None:
        """No more probes or automatic syncs (a running probe's answer is dropped)."""
        self.is_active = False
        self._timer.stop()

    def check_now(self) -> None:
        if self.is_active:
            self._schedule(0)

    def queue_changed(self, size: int) -> None:
        """The status bar counted the outbox: more waiting while online means sync soon."""
        grew, self._last_queue = size > self._last_queue, size
        if (grew and self.is_active and self._reachable and not self._controller.is_running
                and not self._held()):
            remaining = self._timer.remainingTime() if self._timer.isActive() else -1
            if remaining < 0 or remaining > self.timing.nudge_ms:
                self._schedule(self.timing.nudge_ms)

    # -- probing --------------------------------------------------------------------------
    def _schedule(self, msecs: int) -> None:
        if self.is_active:
            self._timer.start(max(0, msecs))

    def _tick(self) -> None:
        probe = self._ctx.hooks.probe_server
        if not self.is_active or probe is None or self._probing:
            return
        if self._controller.is_running:
            return  # its end reschedules
        self._probing = True
        self.probes += 1
        session = self._ctx.session
        self._ctx.runner.run(lambda: probe(session), self._probed, self._probe_failed,
                             lane="general")

    def _probe_failed(self, error: BaseException) -> None:
        # probe_server answers every expected failure itself: this one is logged in full,
        # and the link shows as offline (no sync can start) until a probe succeeds.
        logged("link probe")(error)
        self._probed(False)

    def _probed(self, result: bool | None) -> None:
        self._probing = False
        if not self.is_active:
            return
        if self._controller.is_running:
            return  # a sync started meanwhile (manual): it tells the state
        if result is None:
            self._reachable = None
            self._set_state(ConnectionState.NOT_CONFIGURED)
            self._schedule(self.timing.offline_interval_ms)
            return
        if not result:
            self._reachable = False
            self._set_state(ConnectionState.OFFLINE)
            self._schedule(self.timing.offline_interval_ms)
            return
        came_online = self._reachable is not True
        self._reachable = True
        self._set_state(ConnectionState.ONLINE)
        if came_online:
            log.info("central server reachable: automatic sync")
            self._auto_sync()
            return
        session = self._ctx.session
        self._ctx.runner.run(lambda: dashboard.queue_size(session), self._queue_counted,
                             self._count_failed)

    def _count_failed(self, error: BaseException) -> None:
        # The status bar's own count shows the problem; here: look again later.
        logged("link watcher queue count")(error)
        self._schedule(self.timing.online_interval_ms)

    def _queue_counted(self, waiting: int) -> None:
        self._last_queue = waiting
        if not self.is_active or self._controller.is_running:
            return
        if waiting and not self._held():
            self._auto_sync()
        else:
            self._schedule(self._next_online_look())

    def _auto_sync(self) -> None:
        if not (self._controller.is_available and self._controller.start(automatic=True)):
            self._schedule(self.timing.online_interval_ms)

    def _held(self) -> bool:
        return time.monotonic() < self._held_until

    def _next_online_look(self) -> int:
        held_ms = int((self._held_until - time.monotonic()) * 1000)
        if held_ms > 0:
            return min(self.timing.online_interval_ms, held_ms + 1)
        return self.timing.online_interval_ms

    # -- syncs (automatic or manual) ------------------------------------------------------
    def _sync_started(self, _automatic: bool) -> None:
        self._timer.stop()
        self._set_state(ConnectionState.SYNCING)

    def _sync_finished(self, outcome: SyncOutcome) -> None:
        if outcome.is_ok:
            self._failures = 0
            self._held_until = 0.0
            self._reachable = True
            self._set_state(ConnectionState.ONLINE)
            self._schedule(self.timing.online_interval_ms)
            return
        if outcome.is_cancelled:  # the user stopped it: leave waiting items alone a while
            self._held_until = time.monotonic() + self.timing.online_interval_ms / 1000
            self._set_state(ConnectionState.ONLINE if self._reachable
                            else ConnectionState.OFFLINE)
            self._schedule(self.timing.online_interval_ms)
            return
        # Failed: back off before waiting items start another, then look again at once so
        # the state shown is the real one (a link that dropped shows offline, and its return
        # starts a sync as soon as it is seen).
        self._failures += 1
        backoff_ms = min(self.timing.offline_interval_ms * 2 ** (self._failures - 1),
                         self.timing.online_interval_ms)
        self._held_until = time.monotonic() + backoff_ms / 1000
        self._set_state(ConnectionState.OFFLINE)
        self._schedule(0)

    def _set_state(self, state: ConnectionState) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state.value)
