"""Numbers as the officer reads them: Vietnamese writes 1.234.567 and 0,5 (points group the
thousands, a comma marks the decimals), English 1,234,567 and 0.5. Every count, duration,
size or share the UI prints goes through here, never through an f-string's ``:.1f``."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def locale_of(lang: str) -> QLocale:
    """The locale of the UI's language (Vietnam's for Vietnamese, the default)."""
    if lang == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def count_text(n: int, lang: str) -> str:
    """A count: 1.234.567 in Vietnamese, 1,234,567 in English."""
    return locale_of(lang).toString(n)


def decimal_text(value: float, lang: str, decimals: int = 1) -> str:
    """A measured value with a fixed number of decimals: 0,5 in Vietnamese, 0.5 in English."""
    return locale_of(lang).toString(float(value), "f", decimals)


def seconds_text(ms: float, lang: str) -> str:
    """A duration given in milliseconds, in seconds to a tenth: 450 -> "0,5"."""
    return decimal_text(ms / 1000, lang)


def percent_text(share: float, lang: str, decimals: int = 1) -> str:
    """A share (0.125) in per cent with its sign: "12,5 %" (a space before the sign, as
    Vietnamese typesetting and the rest of the UI write it)."""
    return f"{decimal_text(share * 100, lang, decimals)} %"


def size_text(size: int, lang: str) -> str:
    """A file's size in bytes: "1,5 MB" from a mebibyte on, else whole kB ("12 KB", at
    least 1)."""
    if size >= 1024 * 1024:
        return f"{decimal_text(size / (1024 * 1024), lang)} MB"
    return f"{count_text(max(1, round(size / 1024)), lang)} KB"
