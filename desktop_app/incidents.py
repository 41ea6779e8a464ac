"""Unexpected errors become incidents: a short random id for the user, the traceback for the log.

Every front end (the command line, the desktop, the reference server) reports an error it
did not expect through :func:`report_incident` and shows only the id. The traceback in the
log names files, lines, functions and exception types, never an exception's message: the
message of a library exception may quote the data it choked on (a name, an ID number).
"""

from __future__ import annotations

import logging
import secrets
import traceback

from desktop_app.errors import HotichError

log = logging.getLogger(__name__)

_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"


def new_incident_id() -> str:
    """Eight hex digits: short enough to read over the phone, random enough per install."""
    return secrets.token_hex(4)


def describe(error: BaseException) -> str:
    """The exception's type, and a typed error's code (which carries no data); no message."""
    kind = type(error)
    name = kind.__qualname__ if kind.__module__ == "builtins" else \
        f"{kind.__module__}.{kind.__qualname__}"
    return f"{name}: {error.code}" if isinstance(error, HotichError) else name


def redacted_traceback(error: BaseException) -> str:
    """The traceback of ``error`` and of its causes, like Python prints it, without messages."""
    chain: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    current: BaseException | None = error
    link = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = current.__cause__, _CAUSE
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, _CONTEXT
        else:
            current = None
    parts: list[str] = []
    for exc, link in reversed(chain):
        if exc.__traceback__ is not None:
            parts.append("Traceback (most recent call last):\n")
            parts.extend(traceback.extract_tb(exc.__traceback__).format())
        parts.append(describe(exc) + "\n")
        parts.append(link)
    return "".join(parts).rstrip("\n")


def report_incident(error: BaseException, where: str, logger: logging.Logger | None = None
                    ) -> str:
    """Log ``error`` as a new incident (one line with the id, then the redacted traceback);
    returns the id to show. ``where`` says what was running (a command, a request path's
    route, a window), never data."""
    incident = new_incident_id()
    (logger or log).error("incident %s in %s: %s", incident, where, describe(error),
                          exc_info=(type(error), error, error.__traceback__))
    return incident
