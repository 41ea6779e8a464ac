"""Running core work off the GUI thread, results delivered back on it.

Database work goes through one serialized lane (a pool of one thread), so two tasks never
race on the store; other work (network, signing, address conversion) uses the general lane.

Long work takes a :class:`JobControl`: ``control.progress(stage, done, total)`` is the
Qt-free ``Progress`` callback the core accepts (updates are throttled before they reach the
GUI) and raises :class:`Cancelled` once the user pressed cancel, so any core loop that
reports progress is also cancellable.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop_app.errors import Cancelled

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.1


class JobControl:
    """Handed to a long job on its worker thread: progress out, cancellation in."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancelled = threading.Event()
        self._last = 0.0

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled()

    def progress(self, stage: str, done: int, total: int) -> None:
        self.check()
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL_S:
            self._last = now
            self._relay.progressed.emit(stage, int(done), int(total))


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(str, int, int)


class TaskHandle(QObject):
    """What the caller keeps of a running job: cancel it, follow its progress."""

    progressed = Signal(str, int, int)
    finished = Signal()

    def __init__(self, control: JobControl, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._control = control
        self.is_done = False

    def cancel(self) -> None:
        self._control.cancel()


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # handed to on_error on the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class TaskRunner(QObject):
    busy_changed = Signal(int)  # number of tasks not yet delivered

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_lane = QThreadPool(self)
        self.db_lane.setMaxThreadCount(1)
        self.db_lane.setExpiryTimeout(-1)  # one thread for good: its connection stays its own
        self.general_lane = QThreadPool(self)
        self.general_lane.setMaxThreadCount(2)
        # Threads for good here too: each one that touches the store opens its own connection,
        # which would pile up in the session if periodic work (the link probe) got a new
        # thread every time.
        self.general_lane.setExpiryTimeout(-1)
        self._relays: set[_Relay] = set()
        self._controls: set[JobControl] = set()
        self._closed = False

    @property
    def pending(self) -> int:
        return len(self._relays)

    def run(self, fn: Callable[[], Any], on_ok: Callable[[Any], None],
            on_error: Callable[[BaseException], None], *, lane: str = "db") -> None:
        self._start(fn, on_ok, on_error, lane, _Relay())

    def start_job(self, fn: Callable[[JobControl], Any], on_ok: Callable[[Any], None],
                  on_error: Callable[[BaseException], None], *, lane: str = "db",
                  on_progress: Callable[[str, int, int], None] | None = None) -> TaskHandle:
        relay = _Relay()
        control = JobControl(relay)
        handle = TaskHandle(control, self)
        relay.progressed.connect(handle.progressed)
        if on_progress is not None:
            relay.progressed.connect(on_progress)
        self._controls.add(control)

        def finish(handler: Callable[[Any], None]) -> Callable[[Any], None]:
            def deliver(value: Any) -> None:
                self._controls.discard(control)
                handle.is_done = True
                handle.finished.emit()
                handler(value)
            return deliver

        self._start(lambda: fn(control), finish(on_ok), finish(on_error), lane, relay)
        return handle

    def _start(self, fn: Callable[[], Any], on_ok: Callable[[Any], None],
               on_error: Callable[[BaseException], None], lane: str, relay: _Relay) -> None:
        if self._closed:
            return
        self._relays.add(relay)  # lives on the GUI thread: its signals are queued back here

        def done(handler: Callable[[Any], None]) -> Callable[[Any], None]:
            def deliver(value: Any) -> None:
                self._relays.discard(relay)
                self.busy_changed.emit(len(self._relays))
                if not self._closed:
                    handler(value)
            return deliver

        relay.succeeded.connect(done(on_ok))
        relay.failed.connect(done(on_error))
        pool = self.db_lane if lane == "db" else self.general_lane
        pool.start(_Task(fn, relay))
        self.busy_changed.emit(len(self._relays))

    def cancel_all(self) -> None:
        for control in list(self._controls):
            control.cancel()

    def wait_all(self, msecs: int = 30000) -> bool:
        return self.db_lane.waitForDone(msecs) and self.general_lane.waitForDone(msecs)

    def shutdown(self, msecs: int = 30000) -> bool:
        """Cancel long jobs, stop delivering results and wait for the worker threads."""
        self._closed = True
        self.cancel_all()
        return self.wait_all(msecs)
