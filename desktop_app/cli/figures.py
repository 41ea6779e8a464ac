"""The figures of the command line's own lines (the tables and summaries worded here in
Vietnamese, whatever HOTICH_LANG says): written as Vietnamese writes them, 1.234 mục and
12,5 %, like their words. Lines worded through the catalogue pass messages.Count instead,
which follows the message's language. --json output keeps plain numbers."""

from __future__ import annotations

from desktop_app.number_format import count_text, percent_text

WORDS = "vi"  # the language of these lines, and so of their numbers


def count(n: int) -> str:
    """A count in a Vietnamese line: 1.234."""
    return count_text(n, WORDS)


def percent(share: float, decimals: int = 1) -> str:
    """A share in a Vietnamese line: 12,5 %."""
    return percent_text(share, WORDS, decimals)
