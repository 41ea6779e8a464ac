"""Text handling: NFC on input, names printed in capitals, folding for search and matching.

Storage keeps exactly what was typed (after NFC): apostrophe forms ’ ' ʼ, spacing and case are
never rewritten. Only search keys and duplicate keys are folded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache

from desktop_app.domain.types import JSONValue

APOSTROPHES = "’'ʼ‘`´"
"""Apostrophe forms found in ethnic-minority names (U+2019, U+0027, U+02BC) and look-alikes."""

_APOSTROPHE_TABLE = {ord(ch): None for ch in APOSTROPHES}
_WHITESPACE = re.compile(r"\s+")
_D_TABLE = {ord("Đ"): "D", ord("đ"): "d", ord("Ð"): "D", ord("ð"): "d"}


def nfc(text: str) -> str:
    """The NFC form of one string (idempotent)."""
    return unicodedata.normalize("NFC", text)


def nfc_deep(value: JSONValue) -> JSONValue:
    """NFC applied to every string (keys included) of a JSON value; everything else kept."""
    # Exact types first: parsed JSON holds only these, and the ABC checks below cost ~10x.
    kind = type(value)
    if kind is str:
        return unicodedata.normalize("NFC", value)  # type: ignore[arg-type]
    if kind is dict:
        return {unicodedata.normalize("NFC", k) if type(k) is str else nfc(str(k)): nfc_deep(v)
                for k, v in value.items()}  # type: ignore[union-attr]
    if kind is list:
        return [nfc_deep(v) for v in value]  # type: ignore[union-attr]
    if kind is int or kind is bool or value is None:
        return value
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, Mapping):
        return {nfc(str(k)): nfc_deep(v) for k, v in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, (bytes, bytearray)):
        return [nfc_deep(v) for v in value]
    return value


def upper_name(name: str) -> str:
    """A name in capitals for print, every diacritic and apostrophe kept: "H’HEN NIÊ"."""
    return nfc(nfc(name).upper())


def strip_marks(text: str) -> str:
    """Remove tone and vowel marks and map Đ/đ to D/d, keeping case."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Folding is pure and the same names come back on every save, index and duplicate check
# (a bulk import folds ~15 strings per entry): cached.
@lru_cache(maxsize=1 << 16)
def fold_for_search(text: str) -> str:
    """Search key: no case, no diacritics, Đ/đ -> d, apostrophes removed, spaces collapsed.

    "H’Hen  Niê" -> "hhen nie"; "Đặng" -> "dang".
    """
    folded = strip_marks(text).translate(_APOSTROPHE_TABLE).casefold()
    return _WHITESPACE.sub(" ", folded).strip()


@lru_cache(maxsize=1 << 16)
def fold_compact(text: str) -> str:
    """fold_for_search without any spaces or hyphens: the key used for fuzzy equality."""
    return "".join(ch for ch in fold_for_search(text) if ch.isalnum())


def name_tokens(name: str) -> list[str]:
    """The folded words of a name."""
    return [t for t in fold_for_search(name).replace("-", " ").split(" ") if t]
