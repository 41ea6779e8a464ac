"""Syncing every minute: the loop of `hotich sync` without ``--once``.

One whole sync (desktop_app.workflows.sync_run), then ``wait(interval)``, again and again. A
failure of the link (unreachable, a request past its deadline, a run past its budget, a
server answering 5xx) is reported and the next round tries again: the queue is intact after
each (every call is idempotent). Anything else (revoked device, TLS, a refused signature...)
ends the loop, for a person to act on.

``wait`` is the clock of the loop: the CLI waits real seconds; a soak test hands a wait that
moves a simulated clock and returns False to end the loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from desktop_app.ports import ExtractService, SyncTransport
from desktop_app.session import Session
from desktop_app.workflows.sync_apply import SyncReport
from desktop_app.workflows.sync_run import run_sync
from sync.errors import ServerUnreachableError, SyncError

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = 60.0  # seconds between two rounds
LINK_FAILURES: tuple[type[SyncError], ...] = (ServerUnreachableError,)


def sync_periodically(session: Session, transport: SyncTransport, *,
                      wait: Callable[[float], bool], interval: float = DEFAULT_INTERVAL,
                      extracts: ExtractService | None = None,
                      on_report: Callable[[SyncReport], None] = lambda _report: None,
                      on_link_failure: Callable[[SyncError], None] = lambda _error: None,
                      ) -> None:
    """Rounds of sync ``interval`` seconds apart until ``wait`` returns False."""
    rounds = 0
    while True:
        rounds += 1
        try:
            report = run_sync(session, transport, extracts=extracts)
        except LINK_FAILURES as exc:
            log.info("periodic sync round %d: link failure %s", rounds, exc.code)
            on_link_failure(exc)
        else:
            on_report(report)
        if not wait(interval):
            return
