"""When and how the sync client tries a request again: one policy for every request.

Two layers share it:
- a connect that fails is retried by urllib3 (:meth:`RetryPolicy.connect_retry`, mounted on the
  session): nothing reached the server, so the same signed request may go again, and
  ``allowed_methods=None`` is safe because every write of the protocol is idempotent;
- anything later (read errors, timeouts, 408/429/5xx, garbled answers) is a :class:`Transient`
  failure that the client retries itself through :class:`Attempts`, re-signing each attempt
  (the server refuses a replayed nonce), after an exponential backoff with "equal jitter",
  never shorter than the server's Retry-After, waited out on the cancel token.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from urllib3.util.retry import Retry


class Transient(Exception):
    """One failed attempt that may succeed when tried again."""

    def __init__(self, reason: str, status: int = 0, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason  # "timeout", "connection", "status", "garbled"
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 6  # per operation, application level
    connect_retries: int = 2  # urllib3, before an attempt counts as failed
    backoff_base: float = 1.0
    backoff_max: float = 60.0

    @staticmethod
    def is_transient_status(status: int) -> bool:
        """Statuses worth trying again: timeouts, throttling and server errors."""
        return status in (408, 429) or status >= 500

    def delay(self, failure: int, retry_after: float | None, rng: random.Random) -> float:
        """The wait after the ``failure``-th failed attempt (1-based)."""
        delay = min(self.backoff_max, self.backoff_base * 2.0 ** (failure - 1))
        delay = delay / 2 + rng.uniform(0, delay / 2)  # "equal jitter"
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.backoff_max))
        return delay

    def connect_retry(self) -> Retry:
        # read/other=False: those errors surface at once (as requests' ReadTimeout etc.) and are
        # retried by Attempts with a fresh signature; only connects are retried down here.
        return Retry(total=self.connect_retries, connect=self.connect_retries, read=False,
                     status=0, other=False, redirect=0, allowed_methods=None,
                     backoff_factor=self.backoff_base / 2, backoff_max=self.backoff_max,
                     backoff_jitter=self.backoff_base / 2, raise_on_status=False)

    def start(self, *, wait: Callable[[float], None], give_up: Callable[[Exception], Exception],
              rng: random.Random) -> Attempts:
        return Attempts(self, wait=wait, give_up=give_up, rng=rng)


class Attempts:
    """The failed attempts of one operation so far.

    After a failure, :meth:`failed` either waits out the backoff (``wait`` is the cancel
    token's, so a cancel ends the wait with Cancelled) or, once the attempts are spent, raises
    ``give_up(exc)``. An operation made of several requests (batches, chunks) calls
    :meth:`succeeded` after each one that went through: the budget is per request."""

    def __init__(self, policy: RetryPolicy, *, wait: Callable[[float], None],
                 give_up: Callable[[Exception], Exception], rng: random.Random) -> None:
        self.policy = policy
        self.failures = 0
        self._wait = wait
        self._give_up = give_up
        self._rng = rng

    def failed(self, exc: Exception) -> None:
        self.failures += 1
        if self.failures >= self.policy.attempts:
            error = self._give_up(exc)
            if error is exc:
                raise exc
            raise error from exc
        retry_after = exc.retry_after if isinstance(exc, Transient) else None
        self._wait(self.policy.delay(self.failures, retry_after, self._rng))

    def succeeded(self) -> None:
        self.failures = 0
