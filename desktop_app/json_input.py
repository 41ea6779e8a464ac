"""Reading JSON that comes from outside (files, stdin): refused clearly, never half-parsed.

The standard decoder accepts what the rest of the program cannot hold: nesting deep enough to
exhaust the interpreter's stack, NaN and infinities (canonical JSON refuses them), lone
surrogates (not encodable as UTF-8). Each becomes a UsageError here, at the boundary.
"""

from __future__ import annotations

import json
import math
from typing import cast

from desktop_app.domain.types import JSONObject, JSONValue
from desktop_app.errors import UsageError

BOM = "\ufeff"
MAX_DEPTH = 32  # records nest three or four levels; anything far deeper is not a record


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("number out of range")
    return value


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def parse_json(text: str, *, max_depth: int = MAX_DEPTH) -> JSONValue:
    """The value of ``text`` (a leading BOM is ignored); UsageError when it is unusable."""
    text = text.removeprefix(BOM)  # Windows editors save UTF-8 with a byte order mark
    try:
        value = json.loads(text, parse_float=_finite, parse_constant=_no_constant)
    except RecursionError as exc:  # the C decoder stops cleanly at the interpreter's limit
        raise UsageError(detail="the input is nested too deeply") from exc
    except ValueError as exc:  # includes integers longer than Python converts
        raise UsageError(detail="the input is not valid JSON") from exc
    _check(value, max_depth)
    return cast("JSONValue", value)


def parse_json_object(text: str, *, max_depth: int = MAX_DEPTH) -> JSONObject:
    value = parse_json(text, max_depth=max_depth)
    if not isinstance(value, dict):
        raise UsageError(detail="the input must be a JSON object")
    return value


def _check(value: object, max_depth: int) -> None:
    """Depth and text checks without recursion (the value may be deep)."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > max_depth:
                raise UsageError(detail="the input is nested too deeply")
            children = list(item.values()) if isinstance(item, dict) else item
            if isinstance(item, dict):
                children.extend(item.keys())
            stack.extend((child, depth + 1) for child in children)
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as exc:  # a lone surrogate escaped as \\ud800
                raise UsageError(detail="the input is not valid JSON") from exc
