"""Hộ Tịch Offline core: domain, workflows, encrypted store, accounts, audit, command line."""

from __future__ import annotations

from functools import cache


def __getattr__(name: str) -> str:
    # ``__version__`` is read from the installed metadata when first asked for:
    # importlib.metadata costs ~25 ms, which a process that never shows or stores the
    # version (a bulk import's spawned worker) should not pay at its start.
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("hotich-offline")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0.0.0+source"
