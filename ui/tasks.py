"""Running core work off the GUI thread, results delivered back on it.

Database work goes through one serialized lane (a pool of one thread), so two tasks never
race on the store; other work (network, signing, address conversion) uses the general lane.
The lanes' threads are Python threads that live as long as the runner: each keeps its Python
thread state, and with it what it keeps in ``threading.local`` (the store's connection of that
thread). On a QThreadPool thread PySide made a new thread state for every task, so the store
opened a new connection per task and kept them all open: at a million records the desktop
grew by ~10 MB per page of the sync queue, each task also starting with a cold page cache.

Long work takes a :class:`JobControl`: ``control.progress(stage, done, total)`` is the
Qt-free ``Progress`` callback the core accepts (updates are throttled before they reach the
GUI: one each 0.1 s, or each visible step) and raises :class:`Cancelled` once the user
pressed cancel, so any core loop that reports progress is also cancellable.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.errors import Cancelled

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.1


def is_complete(done: int, total: int) -> bool:
    """Whether a progress report says the work is all done."""
    return done >= total if total > 0 else done == 0


class JobControl:
    """Handed to a long job on its worker thread: progress out, cancellation in."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancelled = threading.Event()
        self._last = 0.0
        self._relayed: tuple[str, int, int] | None = None

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled()

    def progress(self, stage: str, done: int, total: int) -> None:
        """Relayed to the GUI (throttled); raises Cancelled once cancelled, but not on the
        report that the work is complete (all of a known total done, or nothing to do):
        nothing is left to stop there, and raising would fail a job whose work is all done
        (the search re-index's "all done", after its last batch, failed the login after an
        upgrade before it noted the program's version). A total of 0 with some done is a
        count with no known end (the pages pulled so far): it stops."""
        if not is_complete(done, total):
            self.check()
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL_S or \
                self._moves_visibly(stage, done, total):
            self._last = now
            self._relayed = (stage, done, total)
            self._relay.progressed.emit(stage, int(done), int(total))

    def _moves_visibly(self, stage: str, done: int, total: int) -> bool:
        """A new stage, or a step of at least 1 % since the last report relayed: never
        dropped (at most a hundred a stage), since the next report may be long in coming.
        A migration reported just after a quick one would otherwise leave the window
        telling the quick one's step for a minute."""
        last = self._relayed
        if last is None or last[0] != stage or last[2] != total:
            return True
        return total > 0 and (done - last[1]) * 100 >= total


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


def _task(fn: Callable[[], Any], relay: _Relay) -> Callable[[], None]:
    def run() -> None:
        try:
            result = fn()
        except BaseException as exc:  # handed to on_error on the GUI thread
            relay.failed.emit(exc)
        else:
            relay.succeeded.emit(result)
    return run


class _Lane:
    """Worker threads for good (Python threads: see the module's note), tasks in order."""

    def __init__(self, name: str, threads: int) -> None:
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix=name)
        self._futures: set[Future[None]] = set()
        self._lock = threading.Lock()

    def start(self, fn: Callable[[], None]) -> None:
        future = self._pool.submit(fn)
        with self._lock:
            self._futures.add(future)
        future.add_done_callback(self._forget)

    def _forget(self, future: Future[None]) -> None:
        with self._lock:
            self._futures.discard(future)

    def wait(self, msecs: int) -> bool:
        """Until every task given so far has run (False: some still run after ``msecs``)."""
        with self._lock:
            pending = list(self._futures)
        return not wait(pending, timeout=msecs / 1000).not_done

    def close(self) -> None:
        """The threads end once their tasks are done."""
        self._pool.shutdown(wait=False)


class TaskRunner(QObject):
    busy_changed = Signal(int)  # number of tasks not yet delivered

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_lane = _Lane("db-lane", 1)  # one thread for good: its connection stays its own
        # Threads for good here too: each one that touches the store opens its own connection,
        # which would pile up in the session if periodic work (the link probe) got a new
        # thread every time.
        self.general_lane = _Lane("general-lane", 2)
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
        pool.start(_task(fn, relay))
        self.busy_changed.emit(len(self._relays))

    def cancel_all(self) -> None:
        for control in list(self._controls):
            control.cancel()

    def wait_all(self, msecs: int = 30000) -> bool:
        return self.db_lane.wait(msecs) and self.general_lane.wait(msecs)

    def shutdown(self, msecs: int = 30000) -> bool:
        """Cancel long jobs, stop delivering results and wait for the worker threads."""
        self._closed = True
        self.cancel_all()
        done = self.wait_all(msecs)
        self.db_lane.close()
        self.general_lane.close()
        return done
