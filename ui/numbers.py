"""Numbers as the officer reads them: Vietnamese writes 1.234.567 and 0,5 (points group the
thousands, a comma marks the decimals), English 1,234,567 and 0.5. Every count, duration,
size or share the UI prints goes through here, never through an f-string's ``:.1f``. The
digits come from the core's desktop_app/number_format.py (the CLI's too), so both write a figure
alike; ``locale_of`` is for Qt's own widgets (a chart's axis)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from desktop_app.number_format import count_text, decimal_text, percent_text

__all__ = ["count_text", "decimal_text", "locale_of", "percent_text", "seconds_text",
           "size_text"]


def locale_of(lang: str) -> QLocale:
    """The locale of the UI's language (Vietnam's for Vietnamese, the default)."""
    if lang == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def seconds_text(ms: float, lang: str) -> str:
    """A duration given in milliseconds, in seconds to a tenth: 450 -> "0,5"."""
    return decimal_text(ms / 1000, lang)


def size_text(size: int, lang: str) -> str:
    """A file's size in bytes: "1,5 MB" from a mebibyte on, else whole kB ("12 KB", at
    least 1)."""
    if size >= 1024 * 1024:
        return f"{decimal_text(size / (1024 * 1024), lang)} MB"
    return f"{count_text(max(1, round(size / 1024)), lang)} KB"
