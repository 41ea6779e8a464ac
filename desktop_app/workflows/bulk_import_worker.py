"""A bulk import's rows prepared in a second process while this one writes (issue 13).

Preparing (reading, typing, NFC, legacy addresses, validation without the store, index
entries) is about half of an entry's time and needs no store, so on a machine with two cores
a worker process prepares while the writer builds each entry's context and writes. Both
take the next batch nobody has begun from a counter they share: the writer whenever the
batch it must write next is not ready (while the worker starts, ~1 s: interpreter, imports,
the administrative-unit tables; and whenever preparing is the slower side), the worker as
soon as it has sent the last.

The worker is only ever a shortcut: the writer commits every batch, in file order, and
whenever the worker stops (it failed, or its answers stop coming) the writer prepares the
batches the worker had taken and the rest itself. The worker holds no key and never opens
the store.
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
from dataclasses import dataclass
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
    """What prepared_batches tells its reader: about how many lines the file has, once it is
    read (for a progress bar)."""

    total: int = 0


HELP_AHEAD = 5  # batches the writer prepares ahead of the one it waits for, at most


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
    worth, so preparing goes on while it writes); ``wait_for_worker``: the writer prepares
    none before the worker's first (tests: the worker's path always taken)."""
    flow = flow or Flow()
    if not worker:
        rows, flow.total = read()
        for chunk in chunks(rows, after_line, size):
            yield prepare_rows(chunk, plan)
        return
    ctx = multiprocessing.get_context("spawn")  # never fork: the desktop runs threads
    mine, theirs = ctx.Pipe()
    claims = _Claims(ctx)
    # The worker reads the file itself (a pipe would hold this process until the new one
    # has read it all) and checks it is the same content.
    process = ctx.Process(target=_work, name="hotich-import-prepare", daemon=True,
                          args=(theirs, claims, path, hashlib.sha256(content).hexdigest(),
                                mapping, plan, after_line, size))
    try:
        process.start()
    except Exception:  # noqa: BLE001 - e.g. no process allowed: the writer prepares alone
        log.warning("import worker could not start; preparing in this process")
        rows, flow.total = read()
        yield from (prepare_rows(chunk, plan) for chunk in chunks(rows, after_line, size))
        return
    theirs.close()
    pump = _Pump(mine, ahead)
    pump.start()
    try:
        rows, flow.total = read()
        yield from _shared(pump, claims, chunks(rows, after_line, size), plan,
                           wait_first=wait_for_worker)
    finally:
        process.join(timeout=0.5)  # done by now, unless the writer stopped early (Cancel)
        if process.is_alive():
            process.kill()  # its pipe closes: the pump's read ends
            process.join()
        pump.stop()
        mine.close()


class _Claims:
    """The next batch nobody has begun, shared by the two processes."""

    def __init__(self, ctx: Any) -> None:
        self._next = ctx.Value("q", 0)

    def take(self) -> int:
        with self._next.get_lock():
            index = int(self._next.value)
            self._next.value = index + 1
        return index


class _Pump:
    """Receives the worker's batches on a thread of its own, as they come: the worker goes on
    preparing while the writer commits (up to ``ahead`` batches wait here; then the worker
    waits too)."""

    def __init__(self, conn: Connection, ahead: int) -> None:
        self._queue: queue.Queue[tuple[Any, ...] | None] = queue.Queue(maxsize=max(1, ahead))
        self._stopping = threading.Event()
        self._conn = conn
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="import-receive", daemon=True)
        self._thread.start()

    def _run(self) -> None:
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

    def get(self, wait: bool) -> tuple[Any, ...] | None:
        """The next message; without ``wait`` None at once if there is none."""
        try:
            return self._queue.get(timeout=WAIT_SECONDS) if wait else self._queue.get_nowait()
        except queue.Empty:
            if not wait:
                raise
            return None

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=WAIT_SECONDS)


class _Shared:
    """The writer's side: which batches are ready, which the worker has taken, and the rows
    of every batch not yet handed on (the worker's too: it may stop before sending them)."""

    def __init__(self, pump: _Pump, claims: _Claims, own: Iterator[list[Row]],
                 plan: Plan) -> None:
        self.pump, self.claims, self.plan = pump, claims, plan
        self._own = own
        self.rows: dict[int, list[Row]] = {}
        self.ready: dict[int, list[Item]] = {}
        self.seen = 0  # batches of the file read so far
        self.ended = False  # the file has no more batches
        self.alone = False  # the worker has stopped: the writer prepares all the rest
        self.next = 0  # the batch the writer hands on next
        self.from_worker = 0

    def read_to(self, index: int) -> bool:
        """The rows of batches up to ``index`` read; False if the file ends before it."""
        while self.seen <= index and not self.ended:
            chunk = next(self._own, None)
            if chunk is None:
                self.ended = True
            else:
                self.rows[self.seen] = chunk
                self.seen += 1
        return index < self.seen

    def prepare(self, index: int) -> None:
        self.ready[index] = prepare_rows(self.rows[index], self.plan)

    def receive(self, wait: bool) -> bool:
        """Takes one message from the worker; False if there was none to take at once."""
        try:
            message = self.pump.get(wait)
        except queue.Empty:
            return False
        if message is not None and message[0] == "batch":
            if message[1] >= self.next and message[1] not in self.ready:  # else taken over
                self.ready[int(message[1])] = message[2]
                self.from_worker += 1
        else:
            self.stopped(message)
        return True

    def stopped(self, message: tuple[Any, ...] | None) -> None:
        if self.alone:
            return
        self.alone = True
        if message is not None and message[0] == "failed":
            log.warning("import worker stopped (%s); preparing in this process", message[1])
            log.debug("import worker stopped at:\n%s", message[2])
        elif message != ("end",):
            log.warning("import worker gave no answer; preparing in this process")


def _shared(pump: _Pump, claims: _Claims, own: Iterator[list[Row]], plan: Plan,
            *, wait_first: bool) -> Iterator[list[Item]]:
    """The batches in file order (the writer writes each as it comes). While the next is not
    ready, the writer takes the next batch nobody has begun and prepares it (with
    ``wait_first``, only once the worker has sent one), or takes over the one the worker is
    late with. Once the worker has stopped, the writer prepares every batch still missing."""
    state = _Shared(pump, claims, own, plan)
    while state.read_to(index := state.next):
        while index not in state.ready:
            helps = not wait_first or state.from_worker > 0
            if state.alone:
                state.prepare(index)
            elif state.receive(wait=False):
                continue
            elif helps and len(state.ready) < HELP_AHEAD and \
                    state.read_to(taken := claims.take()):
                state.prepare(taken)
            elif helps:  # the worker is late with the one needed now: take it over
                state.prepare(index)
            else:
                state.receive(wait=True)
        state.rows.pop(index, None)
        state.next += 1
        yield state.ready.pop(index)
    log.info("import: the worker prepared %d batches of %d", state.from_worker, state.next)


def _receive(conn: Connection) -> tuple[Any, ...] | None:
    try:
        if not conn.poll(WAIT_SECONDS):
            return None
        message = conn.recv()
    except (EOFError, OSError):
        return None
    return message if isinstance(message, tuple) and message else None


def _work(conn: Connection, claims: _Claims, path: Path, digest: str,
          mapping: dict[str, str] | None, plan: Plan, after_line: int, size: int) -> None:
    """The worker process: read, warm up, then prepare each batch it takes until the file
    ends."""
    try:
        from desktop_app.domain.addresses import convert_legacy_address

        content = path.read_bytes()
        if hashlib.sha256(content).hexdigest() != digest:
            conn.send(("failed", "the file changed", ""))
            return
        convert_legacy_address(_WARM_ADDRESS)
        rows, _ = read_rows(path, content, mapping)
        taken = claims.take()
        for index, chunk in enumerate(chunks(rows, after_line, size)):
            if index == taken:
                conn.send(("batch", index, prepare_rows(chunk, plan)))
                taken = claims.take()
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
