"""The client's one retry policy: backoff, budget per request, give-up, cancel."""

from __future__ import annotations

import random

import pytest

from desktop_app.errors import Cancelled
from sync.client import CancelToken, TransportConfig, make_session
from sync.errors import ProtocolError
from sync.retry import RetryPolicy, Transient


class _Waits(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def _give_up(exc: Exception) -> Exception:
    return RuntimeError(f"gave up after {exc}") if isinstance(exc, Transient) else exc


def test_backoff_doubles_with_equal_jitter_up_to_the_cap() -> None:
    policy = RetryPolicy(backoff_base=1.0, backoff_max=8.0)
    rng = random.Random(7)
    for failure, full in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 8.0), (9, 8.0)]:
        delays = [policy.delay(failure, None, rng) for _ in range(200)]
        assert all(full / 2 <= d <= full for d in delays)
        assert max(delays) - min(delays) > full / 4  # jittered, not fixed


def test_retry_after_lengthens_the_wait_but_not_past_the_cap() -> None:
    policy = RetryPolicy(backoff_base=1.0, backoff_max=30.0)
    rng = random.Random(1)
    assert policy.delay(1, 20.0, rng) == 20.0
    assert policy.delay(1, 500.0, rng) == 30.0
    assert policy.delay(1, 0.0, rng) <= 1.0


def test_which_statuses_are_tried_again() -> None:
    assert all(RetryPolicy.is_transient_status(s) for s in (408, 429, 500, 502, 503, 504))
    assert not any(RetryPolicy.is_transient_status(s) for s in (200, 400, 401, 403, 404, 409))


def test_attempts_wait_between_failures_then_give_up() -> None:
    waits = _Waits()
    attempts = RetryPolicy(attempts=3).start(wait=waits, give_up=_give_up,
                                            rng=random.Random(0))
    attempts.failed(Transient("timeout"))
    attempts.failed(Transient("status", 503, retry_after=5.0))
    with pytest.raises(RuntimeError, match="gave up") as info:
        attempts.failed(Transient("connection"))
    assert isinstance(info.value.__cause__, Transient)
    assert len(waits) == 2 and waits[1] >= 5.0


def test_a_success_renews_the_budget_of_the_next_request() -> None:
    waits = _Waits()
    attempts = RetryPolicy(attempts=2).start(wait=waits, give_up=_give_up,
                                            rng=random.Random(0))
    for _ in range(5):
        attempts.failed(Transient("timeout"))
        attempts.succeeded()
    assert len(waits) == 5
    with pytest.raises(RuntimeError):
        attempts.failed(Transient("timeout"))
        attempts.failed(Transient("timeout"))


def test_a_non_transient_failure_is_raised_as_it_is_once_spent() -> None:
    attempts = RetryPolicy(attempts=1).start(wait=_Waits(), give_up=_give_up,
                                            rng=random.Random(0))
    original = ProtocolError(detail="malformed attachment state")
    with pytest.raises(ProtocolError) as info:
        attempts.failed(original)
    assert info.value is original


def test_a_cancel_ends_the_wait() -> None:
    cancel = CancelToken()
    cancel.cancel()
    attempts = RetryPolicy(attempts=5, backoff_base=3600, backoff_max=3600).start(
        wait=cancel.wait, give_up=_give_up, rng=random.Random(0))
    with pytest.raises(Cancelled):
        attempts.failed(Transient("timeout"))


def test_the_session_retries_connects_only_with_the_same_policy() -> None:
    config = TransportConfig(connect_retries=4, backoff_base=2.0, backoff_max=9.0)
    retry = make_session(config).get_adapter("https://x.example").max_retries
    assert (retry.total, retry.connect, retry.read, retry.other, retry.status) == (4, 4, False,
                                                                                   False, 0)
    assert retry.allowed_methods is None  # POSTs too: every write carries an idempotency key
    assert retry.backoff_max == 9.0
