"""Numbers as the officer reads them, for the core, the CLI and the UI alike (no Qt):
Vietnamese writes 1.234.567 and 0,5 (points group the thousands, a comma marks the
decimals), English 1,234,567 and 0.5. Every count, share or measure shown to a person goes
through here, never through an f-string's ``:.1f`` or ``:.1%``."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

_VI = str.maketrans(",.", ".,")
_DIGITS = 310  # of the largest float's whole part


def _localised(grouped: str, lang: str) -> str:
    """``grouped`` is Python's "1,234.5": the same marks swapped for Vietnamese."""
    return grouped.translate(_VI) if lang == "vi" else grouped


def count_text(n: int, lang: str) -> str:
    """A count: 1.234.567 in Vietnamese, 1,234,567 in English."""
    return _localised(f"{n:,d}", lang)


def decimal_text(value: float, lang: str, decimals: int = 1) -> str:
    """A measured value with a fixed number of decimals: 0,5 and 6.144,0 in Vietnamese,
    0.5 and 6,144.0 in English."""
    # Halves of the exact binary value away from zero ("2,5" to 0 decimals is "3"), as
    # QLocale rounds: the UI's and the CLI's figures agree to the last digit.
    number = float(value) or 0.0  # -0.0 reads "0"
    if not math.isfinite(number):
        return str(number)  # "nan", "inf": as QLocale writes them
    exact = Decimal(number).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP,
                                     Context(prec=_DIGITS + decimals))
    return _localised(f"{exact:,f}", lang)


def percent_text(share: float, lang: str, decimals: int = 1) -> str:
    """A share (0.125) in per cent with its sign: "12,5 %" (a space before the sign, as
    Vietnamese typesetting writes it; the CLI's progress line and the UI do too)."""
    return f"{decimal_text(share * 100, lang, decimals)} %"
