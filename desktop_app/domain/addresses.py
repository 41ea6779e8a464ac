"""Administrative units: 2025 communes by code, completion, and pre-2025 address conversion.

The 34 provinces and 3,321 communes come from ``vietnam-provinces`` (loaded lazily, cached).
A pre-2025 three-level address typed as text is converted with ``vietnamadminunits``; the
conversion is done offline only: the street part is never sent to the library, because for a
split commune the library would geocode the street over the network (ArcGIS).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache, lru_cache

from desktop_app.domain.text import fold_for_search

_LOCK = threading.RLock()


@dataclass(frozen=True)
class Province:
    code: str  # 2 digits, e.g. "66"
    name: str


@dataclass(frozen=True)
class Commune:
    code: str  # 5 digits, e.g. "24163"
    name: str
    province_code: str
    province_name: str
    folded: str  # fold_for_search(name), for completion


@dataclass(frozen=True)
class _Gazetteer:
    communes: dict[int, Commune]
    provinces: dict[int, Province]
    ordered: tuple[Commune, ...]


@cache
def _gazetteer() -> _Gazetteer:
    with _LOCK:
        from vietnam_provinces.lookup import PROVINCE_MAPPING, WARD_MAPPING

        provinces = {
            int(code): Province(f"{int(code):02d}", p.name) for code, p in PROVINCE_MAPPING.items()
        }
        communes: dict[int, Commune] = {}
        for code, ward in WARD_MAPPING.items():
            province = provinces[int(ward.province_code)]
            communes[int(code)] = Commune(
                f"{int(code):05d}",
                " ".join(ward.name.split()),
                province.code,
                province.name,
                fold_for_search(" ".join(ward.name.split())),
            )
        ordered = tuple(sorted(communes.values(), key=lambda c: (c.folded, c.code)))
        return _Gazetteer(communes, provinces, ordered)


def _as_int(code: str | int | None) -> int | None:
    if isinstance(code, bool) or code is None:
        return None
    if isinstance(code, int):
        return code
    text = code.strip()
    return int(text) if text.isdigit() and len(text) <= 6 else None


def commune(code: str | int | None) -> Commune | None:
    """The 2025 commune with this code ("24163" or 24163), or None."""
    key = _as_int(code)
    return None if key is None else _gazetteer().communes.get(key)


def commune_name(code: str | int | None) -> str | None:
    found = commune(code)
    return found.name if found else None


def province_of(code: str | int | None) -> Province | None:
    """The 2025 province of a 2025 commune code."""
    found = commune(code)
    if found is None:
        return None
    return _gazetteer().provinces[int(found.province_code)]


def province(code: str | int | None) -> Province | None:
    """A 2025 province by its own code ("66")."""
    key = _as_int(code)
    return None if key is None else _gazetteer().provinces.get(key)


def all_provinces() -> list[Province]:
    return sorted(_gazetteer().provinces.values(), key=lambda p: p.code)


def search_communes(
    prefix: str, *, province_code: str | None = None, limit: int = 20
) -> list[Commune]:
    """Completion for forms: communes whose name, or a word of it, starts with the prefix.

    Folding as in search ("phuong sai" and "Sài" both find "Phường Sài Gòn"); a code prefix
    ("2416") matches codes. Whole-name matches come first.
    """
    query = fold_for_search(prefix)
    if not query:
        return []
    starts: list[Commune] = []
    words: list[Commune] = []
    for c in _gazetteer().ordered:
        if province_code is not None and c.province_code != province_code.zfill(2):
            continue
        if c.folded.startswith(query) or c.code.startswith(query):
            starts.append(c)
        elif f" {query}" in f" {c.folded}":
            words.append(c)
        if len(starts) >= limit:
            break
    return (starts + words)[:limit]


@dataclass(frozen=True)
class LegacyConversion:
    """A pre-2025 address converted to a 2025 commune; the original text is kept by callers."""

    commune_code: str
    commune_name: str
    province_code: str
    detail: str | None  # the street / village part found before the commune


@lru_cache(maxsize=4096)
def convert_legacy_address(text: str) -> LegacyConversion | None:
    """Convert "xã …, huyện …, tỉnh …" (diacritics optional) to a 2025 commune, offline.

    None when the text does not name a pre-2025 commune the library knows.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        with _LOCK:
            from vietnamadminunits import ParseMode, convert_address, parse_address

            old = parse_address(text, mode=ParseMode.LEGACY, keep_street=True, level=3)
            if not (old.ward and old.district and old.province):
                return None
            # Without the street the library picks the default successor commune and never
            # geocodes (which would send the address to a web service).
            new = convert_address(", ".join((old.ward, old.district, old.province)))
    except Exception:  # noqa: BLE001 - a third-party parser; any failure means "unknown"
        return None
    found = commune(new.ward_code) if new.ward_code else None
    if found is None:
        return None
    detail = old.street.strip() if isinstance(old.street, str) and old.street.strip() else None
    return LegacyConversion(found.code, found.name, found.province_code, detail)
