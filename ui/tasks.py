"""Running core work off the GUI thread, results delivered back on it.

Database work goes through one serialized lane (a pool of one thread), so two tasks never
race on the store; other work (network, signing) may use the general lane.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


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
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_lane = QThreadPool(self)
        self.db_lane.setMaxThreadCount(1)
        self.general_lane = QThreadPool(self)
        self.general_lane.setMaxThreadCount(2)
        self._relays: set[_Relay] = set()

    def run(self, fn: Callable[[], Any], on_ok: Callable[[Any], None],
            on_error: Callable[[BaseException], None], *, lane: str = "db") -> None:
        relay = _Relay()  # lives on the GUI thread: its signals are queued back here
        self._relays.add(relay)

        def done(handler: Callable[[Any], None]) -> Callable[[Any], None]:
            def deliver(value: Any) -> None:
                self._relays.discard(relay)
                handler(value)
            return deliver

        relay.succeeded.connect(done(on_ok))
        relay.failed.connect(done(on_error))
        pool = self.db_lane if lane == "db" else self.general_lane
        pool.start(_Task(fn, relay))

    def wait_all(self, msecs: int = 30000) -> bool:
        return self.db_lane.waitForDone(msecs) and self.general_lane.waitForDone(msecs)
