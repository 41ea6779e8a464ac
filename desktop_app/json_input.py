"""Reading JSON that comes from outside (files, stdin): refused clearly, never half-parsed.

The standard decoder accepts what the rest of the program cannot hold: nesting deep enough to
exhaust the interpreter's stack, NaN and infinities (canonical JSON refuses them), lone
surrogates (not encodable as UTF-8). Each becomes a UsageError here, at the boundary.
"""

from __future__ import annotations

import json
import math
import re
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
    _check(value, max_depth, strings=_may_hold_lone_surrogates(text))
    return cast("JSONValue", value)


def parse_json_object(text: str, *, max_depth: int = MAX_DEPTH) -> JSONObject:
    value = parse_json(text, max_depth=max_depth)
    if not isinstance(value, dict):
        raise UsageError(detail="the input must be a JSON object")
    return value


# A lone surrogate comes from a \uD800-\uDFFF escape, or from a text decoded with
# surrogateescape (stdin under the C locale): without either, no string needs checking.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _may_hold_lone_surrogates(text: str) -> bool:
    if _SURROGATE_ESCAPE.search(text):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check(value: object, max_depth: int, *, strings: bool = True) -> None:
    """Depth (and, with ``strings``, text) checks without recursion (the value may be deep).
    Only containers are walked: a bulk import's file holds millions of plain values."""
    if not isinstance(value, dict | list):
        _check_text(value, strings)
        return
    stack: list[tuple[dict[object, object] | list[object], int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            raise UsageError(detail="the input is nested too deeply")
        if isinstance(item, dict):
            if strings:
                for key in item:
                    _check_text(key, strings)
            children: object = item.values()
        else:
            children = item
        for child in children:  # type: ignore[attr-defined]
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
            elif strings:
                _check_text(child, strings)


def _check_text(item: object, strings: bool) -> None:
    if strings and isinstance(item, str):
        try:
            item.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate escaped as \ud800
            raise UsageError(detail="the input is not valid JSON") from exc
