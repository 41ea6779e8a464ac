"""The 2025 communes (vietnam-provinces) needed before records exist: checking `init`."""

from __future__ import annotations

from functools import lru_cache

from vietnam_provinces import Ward

from desktop_app.errors import UsageError


@lru_cache(maxsize=64)
def commune_label(code: str) -> str:
    """'Phường Hoàn Kiếm' for '00070'; UsageError for a code that is not a 2025 commune."""
    if not code.strip().isdigit():
        raise UsageError(detail="commune code: the 2025 code in digits, e.g. 00070")
    try:
        return str(Ward.from_code(int(code)).name)
    except (ValueError, KeyError) as exc:
        raise UsageError(detail=f"no 2025 commune with code {code}") from exc


def normalise_commune_code(code: str) -> str:
    commune_label(code)
    return f"{int(code):05d}"
