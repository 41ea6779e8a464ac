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

from desktop_app.domain.address_library import admin_units
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
            units = admin_units()
            old = units.parse_address(text, mode=units.ParseMode.LEGACY, keep_street=True,
                                      level=3)
            if not (old.ward and old.district and old.province):
                return None
            # Without the street the library picks the default successor commune and never
            # geocodes (which would send the address to a web service).
            new = units.convert_address(", ".join((old.ward, old.district, old.province)))
    except Exception:  # noqa: BLE001 - a third-party parser; any failure means "unknown"
        return None
    found = commune(new.ward_code) if new.ward_code else None
    if found is None:
        return None
    detail = old.street.strip() if isinstance(old.street, str) and old.street.strip() else None
    return LegacyConversion(found.code, found.name, found.province_code, detail)


# -- older place names: provinces of 1976-1991 and of before 1975 ---------------------------
# Each old province whose whole territory lies in one 2025 province gives that province;
# one split between 2025 provinces gives its candidates and no unit (never a guess).
# Sources: the resolutions of the National Assembly on provincial boundaries (1975-1976
# mergers, 1989-1997 splits, 2008 Hà Tây into Hà Nội, 2025 Resolution 202/2025/QH15) and the
# provinces of the Republic of Vietnam (1956-1975) by the territory they became.
_HISTORICAL: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # (old name, period, 2025 province names it lies in)
    ("Hà Nam Ninh", "1975-1991", ("Ninh Bình",)),
    ("Hà Sơn Bình", "1975-1991", ("Hà Nội", "Phú Thọ")),
    ("Hà Tây", "1965-1975, 1991-2008", ("Hà Nội",)),
    ("Hà Đông", "trước 1965", ("Hà Nội",)),
    ("Vĩnh Phú", "1968-1996", ("Phú Thọ",)),
    ("Hà Bắc", "1962-1996", ("Bắc Ninh",)),
    ("Hải Hưng", "1968-1996", ("Hải Phòng", "Hưng Yên")),
    ("Bắc Thái", "1965-1996", ("Thái Nguyên",)),
    ("Hà Tuyên", "1976-1991", ("Tuyên Quang",)),
    ("Hoàng Liên Sơn", "1976-1991", ("Lào Cai", "Lai Châu")),
    ("Cao Lạng", "1976-1978", ("Cao Bằng", "Lạng Sơn")),
    ("Kiến An", "trước 1962", ("Hải Phòng",)),
    ("Hồng Quảng", "1955-1963", ("Quảng Ninh",)),
    ("Hải Ninh", "trước 1963", ("Quảng Ninh",)),
    ("Nghệ Tĩnh", "1976-1991", ("Nghệ An", "Hà Tĩnh")),
    ("Bình Trị Thiên", "1976-1989", ("Quảng Trị", "Huế")),
    ("Vĩnh Linh", "1954-1976", ("Quảng Trị",)),
    ("Quảng Nam - Đà Nẵng", "1975-1996", ("Đà Nẵng",)),
    ("Quảng Tín", "1962-1975", ("Đà Nẵng",)),
    ("Nghĩa Bình", "1976-1989", ("Quảng Ngãi", "Gia Lai")),
    ("Phú Khánh", "1976-1989", ("Đắk Lắk", "Khánh Hòa")),
    ("Thuận Hải", "1976-1992", ("Khánh Hòa", "Lâm Đồng")),
    ("Gia Lai - Kon Tum", "1975-1991", ("Gia Lai", "Quảng Ngãi")),
    ("Pleiku", "1956-1975", ("Gia Lai",)),
    ("Phú Bổn", "1962-1975", ("Gia Lai",)),
    ("Darlac", "1956-1975", ("Đắk Lắk",)),
    ("Quảng Đức", "1959-1975", ("Lâm Đồng",)),
    ("Tuyên Đức", "1958-1975", ("Lâm Đồng",)),
    ("Bình Tuy", "1956-1975", ("Lâm Đồng",)),
    ("Sông Bé", "1976-1997", ("Hồ Chí Minh", "Đồng Nai")),
    ("Sài Gòn", "trước 1976", ("Hồ Chí Minh",)),
    ("Gia Định", "trước 1976", ("Hồ Chí Minh",)),
    ("Phước Tuy", "1956-1975", ("Hồ Chí Minh",)),
    ("Long Khánh", "1957-1975", ("Đồng Nai",)),
    ("Bình Long", "1956-1975", ("Đồng Nai",)),
    ("Phước Long", "1956-1975", ("Đồng Nai",)),
    ("Hậu Nghĩa", "1963-1975", ("Hồ Chí Minh", "Tây Ninh")),
    ("Kiến Tường", "1956-1975", ("Tây Ninh",)),
    ("Kiến Phong", "1956-1975", ("Đồng Tháp",)),
    ("Định Tường", "1956-1975", ("Đồng Tháp",)),
    ("Gò Công", "trước 1976", ("Đồng Tháp",)),
    ("Kiến Hòa", "1956-1975", ("Vĩnh Long",)),
    ("Vĩnh Bình", "1956-1975", ("Vĩnh Long",)),
    ("Cửu Long", "1976-1991", ("Vĩnh Long",)),
    ("Hậu Giang", "1976-1991", ("Cần Thơ",)),
    ("Phong Dinh", "1961-1975", ("Cần Thơ",)),
    ("Ba Xuyên", "1956-1975", ("Cần Thơ",)),
    ("Chương Thiện", "1961-1975", ("Cần Thơ",)),
    ("Minh Hải", "1976-1996", ("Cà Mau",)),
    ("An Xuyên", "1956-1975", ("Cà Mau",)),
    ("Châu Đốc", "1956-1975", ("An Giang",)),
)


@dataclass(frozen=True)
class PlaceResolution:
    """What a place written in an old book is in 2025: the commune when the text names a
    pre-2025 commune, else the province when only that can be told (an old province wholly
    inside one 2025 province, or a province named without its commune). ``candidates``:
    the 2025 provinces an old province was split between (then no unit is given)."""

    commune: LegacyConversion | None
    province: Province | None
    old_name: str | None = None  # the old province recognised, with its period
    candidates: tuple[Province, ...] = ()


def _bare(name: str) -> str:
    return fold_for_search(name).removeprefix("thanh pho ").removeprefix("tinh ")


def _province_named(name: str) -> Province | None:
    """A 2025 province by its name, with or without "Tỉnh" / "Thành phố"."""
    key = _bare(name)
    return next((p for p in _gazetteer().provinces.values() if _bare(p.name) == key), None)


@cache
def _historical_index() -> tuple[tuple[str, str, tuple[Province, ...]], ...]:
    """Folded old names, longest first (so "Quảng Nam - Đà Nẵng" wins over "Đà Nẵng")."""
    rows = []
    for name, period, now in _HISTORICAL:
        provinces = tuple(p for p in (_province_named(n) for n in now) if p is not None)
        key = " ".join(fold_for_search(name).replace("-", " ").split())
        rows.append((key, f"{name} ({period})", provinces))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def _province_of_pre_2025(text: str) -> Province | None:
    """A pre-2025 province (of the 63) named in the text, as its 2025 province."""
    try:
        with _LOCK:
            units = admin_units()
            old = units.parse_address(text, mode=units.ParseMode.LEGACY, level=1)
            if not old.province:
                return None
            new = units.convert_address(old.province)
    except Exception:  # noqa: BLE001 - a third-party parser; any failure means "unknown"
        return None
    return _province_named(new.province) if isinstance(new.province, str) else None


@lru_cache(maxsize=4096)
def resolve_place(text: str) -> PlaceResolution | None:
    """The 2025 unit of a place as written in an old book, offline; None when nothing can
    be told. Kept beside the text, never instead of it."""
    if not isinstance(text, str) or not text.strip():
        return None
    converted = convert_legacy_address(text)
    if converted is not None:
        return PlaceResolution(converted, province(converted.province_code))
    folded = f" {' '.join(fold_for_search(text).replace('-', ' ').replace(',', ' ').split())} "
    for key, label, provinces in _historical_index():
        if f" {key} " in folded:
            if len(provinces) == 1:
                return PlaceResolution(None, provinces[0], label)
            return PlaceResolution(None, None, label, provinces)
    found = _province_of_pre_2025(text)
    return PlaceResolution(None, found) if found is not None else None
