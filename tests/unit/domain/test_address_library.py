"""vietnamadminunits is imported without its web geocoder (address_library)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

_PROBE = textwrap.dedent("""
    import sys
    from desktop_app.domain.addresses import convert_legacy_address

    found = convert_legacy_address("12 Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh")
    print(found.commune_code, found.detail)
    print(sorted(m for m in ("geopy", "shapely", "numpy", "aiohttp") if m in sys.modules))
    from vietnamadminunits.converter import converter_2025
    try:
        converter_2025.get_geo_location("12 Lê Lợi, Quận 1")
    except RuntimeError as exc:
        print("refused:", exc)
    import geopy.distance
    print(geopy.distance.geodesic((10.0, 106.0), (10.0, 106.01)).meters > 1000)
""")


def test_the_library_converts_with_no_geocoder_loaded_and_geopy_stays_importable() -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                         check=True, timeout=120).stdout.splitlines()
    # The split commune of the old ward, without asking the web for the street.
    assert out[0] == "26740 12 Lê Lợi"
    assert out[1] == "[]"  # neither geopy (with aiohttp) nor shapely (with numpy) loaded
    assert out[2] == "refused: geocoding is not available offline"
    assert out[3] == "True"  # the real geopy afterwards, for whoever imports it
