"""vietnamadminunits, imported without its geocoder.

Its ``parser/utils.py`` imports geopy (an ArcGIS web geocoder, with aiohttp) and shapely
(with numpy) at its top, only to place the street of a split commune, which we never ask of
it (addresses.convert_legacy_address gives it no street). While it is first imported, those
modules are stand-ins that refuse any use: the first conversion of a process takes ~0.35 s
instead of ~0.75 s (the bulk import's worker pays it before its first batch), and no path to
the network is left in the library. The stand-ins are removed from ``sys.modules`` right
after, so anyone importing geopy or shapely later gets the real ones; where they are already
imported, the library gets the real ones too.
"""

from __future__ import annotations

import sys
import threading
import types
from typing import Any, NoReturn

_LOCK = threading.Lock()


def _refuse(*_args: object, **_kwargs: object) -> NoReturn:
    raise RuntimeError("geocoding is not available offline")


class _NoGeocoder:
    """geopy.geocoders.ArcGIS as the library makes it at import, refusing to geocode."""

    def __init__(self, *_args: object, **_kwargs: object) -> None:
        pass

    geocode = reverse = _refuse


_STAND_INS: dict[str, dict[str, Any]] = {
    "geopy": {},
    "geopy.distance": {"distance": _refuse, "geodesic": _refuse},
    "geopy.geocoders": {"ArcGIS": _NoGeocoder},
    "shapely": {},
    "shapely.geometry": {"Polygon": _refuse, "Point": _refuse},
}


def admin_units() -> types.ModuleType:
    """The vietnamadminunits package (imported once, without geopy and shapely)."""
    with _LOCK:
        if "vietnamadminunits" in sys.modules:
            return sys.modules["vietnamadminunits"]
        # A package already imported for real stays (its submodules with it).
        real = {name.partition(".")[0] for name in _STAND_INS if name in sys.modules}
        added: dict[str, types.ModuleType] = {}
        for name, attributes in _STAND_INS.items():
            if name.partition(".")[0] in real:
                continue
            stand_in = types.ModuleType(name)
            stand_in.__dict__.update(attributes)
            added[name] = sys.modules[name] = stand_in
        try:
            # A plain import, not importlib's: the bundle (PyInstaller) collects what the
            # code imports by name.
            import vietnamadminunits

            module: types.ModuleType = vietnamadminunits
        finally:
            for name, stand_in in added.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]
        return module
