"""A bulk import's rows prepared in a second process while this one writes (issue 13).

Preparing (reading, typing, NFC, legacy addresses, validation without the store, index
entries) is about half of an entry's time and needs no store, so on a machine with two cores
a worker process does it while the writer builds each entry's context and writes. The worker
takes ~2 s to start (interpreter, imports, the administrative-unit tables), so the writer
prepares the first batches itself until the worker says it is ready, then hands it the rest.

The worker is only ever a shortcut: the writer commits every batch, in file order, and
whenever the worker stops (it failed, or its answers stop coming) the writer goes on
preparing the remaining batches itself. The worker holds no key and never opens the store.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import multiprocessing
import os
import queue
import threading
import traceback
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from desktop_app.workflows.bulk_import_prepare import Item, Plan, prepare_rows
from desktop_app.workflows.bulk_import_rows import Row, read_rows

log = logging.getLogger(__name__)

WORKER_FROM = 4_000  # rows: a smaller file is done before a worker would be ready
WAIT_SECONDS = 120.0  # longest wait for one batch from the worker before going on alone
_WARM_ADDRESS = "xã Tân Phú, huyện Châu Thành, tỉnh Đồng Tháp"  # loads the unit tables


def chunks(rows: Iterator[Row], after_line: int, size: int) -> Iterator[list[Row]]:
    """The rows after ``after_line`` (done by an earlier run), ``size`` at a time."""
    pending: list[Row] = []
    for row in rows:
        if row[0] <= after_line:
            continue
        pending.append(row)
        if len(pending) >= size:
            yield pending
            pending = []
    if pending:
        yield pending


@dataclass
class Flow:
    """What the writer may ask while it takes the batches: are prepared rows waiting now?
    (Before the worker has caught up, the writer commits what it has rather than idle.) And
    about how many lines the file has, once it is read (for a progress bar)."""

    waiting: Callable[[], bool] = field(default=lambda: True)
    total: int = 0


def worth_a_worker(path: Path, content: bytes) -> bool:
    """A file big enough (by its lines for CSV; JSON and XLSX by size, before they are read)
    and a core to spare: on a machine already busy the two processes mostly wait for each
    other (measured on a 2-core machine with one core kept busy: no faster; with several
    busy, slower)."""
    if path.suffix.lower() == ".csv":
        big = content.count(b"\n") >= WORKER_FROM
    else:
        big = len(content) >= 400 * WORKER_FROM  # JSON: ~650 bytes an entry
    cores = os.cpu_count() or 1
    busy = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return big and cores >= 2 and busy < cores


def prepared_batches(read: Callable[[], tuple[Iterator[Row], int]], path: Path,
                     content: bytes, mapping: dict[str, str] | None, plan: Plan, *,
                     after_line: int, size: int, worker: bool, ahead: int = 1,
                     wait_for_worker: bool = False, flow: Flow | None = None
                     ) -> Generator[list[Item], None, None]:
    """Every batch after ``after_line``, prepared, in file order: ``read`` gives the file's
    rows and about how many lines (read_rows of ``path``, ``content`` and ``mapping``, which
    the worker reads again; an unreadable file raises its error here). The worker is
    started first, so that it gets ready while this process reads the file.
    ``ahead``: batches the worker may prepare before the writer takes them (a commit's
    worth, so preparing goes on while it writes); ``wait_for_worker``: the worker prepares
    every batch (tests: the path always taken)."""
    flow = flow or Flow()
    if not worker:
        rows, flow.total = read()
        for chunk in chunks(rows, after_line, size):
            yield prepare_rows(chunk, plan)
        return
    ctx = multiprocessing.get_context("spawn")  # never fork: the desktop runs threads
    mine, theirs = ctx.Pipe()
    # The worker reads the file itself (a pipe would hold this process until the new one
    # has read it all) and checks it is the same content.
    process = ctx.Process(target=_work, name="hotich-import-prepare", daemon=True,
                          args=(theirs, path, hashlib.sha256(content).hexdigest(), mapping,
                                plan, after_line, size))
    try:
        process.start()
    except Exception:  # noqa: BLE001 - e.g. no process allowed: the writer prepares alone
        log.warning("import worker could not start; preparing in this process")
        rows, flow.total = read()
        yield from (prepare_rows(chunk, plan) for chunk in chunks(rows, after_line, size))
        return
    theirs.close()
    pump = _Pump(mine, ahead, wait_for_worker)
    pump.start()
    try:
        rows, flow.total = read()
        yield from _shared(pump, chunks(rows, after_line, size), plan, flow)
    finally:
        process.join(timeout=0.5)  # done by now, unless the writer stopped early (Cancel)
        if process.is_alive():
            process.kill()  # its pipe closes: the pump's read ends
            process.join()
        pump.stop()
        mine.close()


class _Pump:
    """Talks to the worker on a thread of its own, so the worker never waits for the writer
    to finish a commit: answers its "ready" at once with the first batch it is to prepare
    (the next one the writer has not begun), then receives its batches as they come (up to
    ``ahead`` wait here; then the worker waits too).

    Until that answer the writer prepares batches itself (``claim``); with ``wait`` it
    prepares none while the worker starts (tests: the worker's path always taken)."""

    def __init__(self, conn: Connection, ahead: int, wait: bool) -> None:
        self._queue: queue.Queue[tuple[Any, ...] | None] = queue.Queue(maxsize=max(1, ahead))
        self._stopping = threading.Event()
        self._decided = threading.Event()  # the handoff is known, or there is no worker
        self._lock = threading.Lock()
        self._conn = conn
        self._wait = wait
        self._claimed = 0  # batches the writer has begun itself
        self.handoff: int | None = None  # the worker's first batch, once it is under way
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="import-receive", daemon=True)
        self._thread.start()

    def claim(self, index: int) -> bool:
        """True: the writer prepares batch ``index`` itself; False: the worker does."""
        if self._wait:
            self._decided.wait(WAIT_SECONDS)
        with self._lock:
            if self.handoff is None or index < self.handoff:
                self._claimed = max(self._claimed, index + 1)
                return True
            return False

    def _run(self) -> None:
        try:
            if not _ready(self._conn, WAIT_SECONDS):
                return  # the worker failed or never started: the writer goes on alone
            with self._lock:
                self.handoff = self._claimed
                self._conn.send(("start", self.handoff))
        except OSError:
            return
        finally:
            self._decided.set()
        while not self._stopping.is_set():
            message = _receive(self._conn)
            while not self._stopping.is_set():
                try:
                    self._queue.put(message, timeout=0.5)
                    break
                except queue.Full:
                    continue
            if message is None or message[0] != "batch":
                return

    def has_ready(self) -> bool:
        return not self._queue.empty()

    def get(self) -> tuple[Any, ...] | None:
        try:
            return self._queue.get(timeout=WAIT_SECONDS)
        except queue.Empty:
            return None

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=WAIT_SECONDS)


def _shared(pump: _Pump, own: Iterator[list[Row]], plan: Plan, flow: Flow
            ) -> Iterator[list[Item]]:
    """The batches in file order: the writer's own until the handoff, then the worker's;
    all that is left is the writer's again if the worker stops (failed or silent)."""
    position = 0
    alone = False
    # Rows are waiting while the writer prepares its own, or the worker's are queued: a
    # partial batch is written early only when neither holds (see run_import).
    flow.waiting = lambda: (alone or pump.handoff is None or position + 1 < pump.handoff
                            or pump.has_ready())
    message: tuple[Any, ...] | None = None
    try:
        for position, chunk in enumerate(own):
            if alone or pump.claim(position):
                yield prepare_rows(chunk, plan)
                continue
            message = pump.get()
            if message is None or message[0] != "batch" or message[1] != position:
                alone = True
                _stopped(message, pump.handoff, position)
                yield prepare_rows(chunk, plan)
                continue
            yield message[2]
    finally:
        flow.waiting = Flow().waiting
    if not alone and pump.handoff is not None:
        log.info("import: the worker prepared batches %d to %d", pump.handoff, position)


def _stopped(message: tuple[Any, ...] | None, handoff: int | None, position: int) -> None:
    log.info("import: the worker prepared batches %s to %d", handoff, position - 1)
    if message is not None and message[0] == "failed":
        log.warning("import worker stopped (%s); preparing in this process", message[1])
        log.debug("import worker stopped at:\n%s", message[2])
    else:
        log.warning("import worker gave no answer; preparing in this process")


def _ready(conn: Connection, wait: float = 0.0) -> bool:
    try:
        if not conn.poll(wait):
            return False
        message = conn.recv()
    except (EOFError, OSError):
        return False
    return bool(message == ("ready",))


def _receive(conn: Connection) -> tuple[Any, ...] | None:
    try:
        if not conn.poll(WAIT_SECONDS):
            return None
        message = conn.recv()
    except (EOFError, OSError):
        return None
    return message if isinstance(message, tuple) and message else None


def _work(conn: Connection, path: Path, digest: str, mapping: dict[str, str] | None,
          plan: Plan, after_line: int, size: int) -> None:
    """The worker process: read, warm up, say ready, then prepare from the batch named."""
    try:
        from desktop_app.domain.addresses import convert_legacy_address

        content = path.read_bytes()
        if hashlib.sha256(content).hexdigest() != digest:
            conn.send(("failed", "the file changed", ""))
            return
        convert_legacy_address(_WARM_ADDRESS)
        rows, _ = read_rows(path, content, mapping)
        batches = chunks(rows, after_line, size)
        conn.send(("ready",))
        message = conn.recv()
        if not (isinstance(message, tuple) and message and message[0] == "start"):
            return
        for index, chunk in enumerate(batches):
            if index >= message[1]:
                conn.send(("batch", index, prepare_rows(chunk, plan)))
        conn.send(("end",))
    except (EOFError, BrokenPipeError, ConnectionResetError):
        return  # the writer has gone (finished, cancelled or killed)
    except BaseException as exc:  # noqa: BLE001 - tell the writer, who carries on alone
        # The type and the code lines only: an exception's message may quote the file.
        with contextlib.suppress(OSError):
            conn.send(("failed", type(exc).__name__, "".join(traceback.format_tb(
                exc.__traceback__))))
    finally:
        conn.close()
