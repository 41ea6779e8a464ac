"""Run pyHanko's coroutines from synchronous code, on any thread.

pyHanko's synchronous API wraps ``asyncio.run``; called from inside a running event loop
it fails. :func:`run_sync` runs the coroutine on the current thread when no loop runs
there, and on a short-lived helper thread otherwise.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import TypeVar

T = TypeVar("T")


def run_sync(factory: Callable[[], Coroutine[object, object, T]]) -> T:
    """Run ``factory()`` to completion and return its result (or raise its exception)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(factory())
        except BaseException as exc:  # re-raised on the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="signing-async", daemon=True)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]
