"""The form's line under a place as written: the 2025 commune it became, only the 2025
province when no more can be told, or the provinces a split old province lies in now."""

from __future__ import annotations

from ui.place_words import place_description


def test_an_old_place_is_described_with_what_2025_unit_can_be_told() -> None:
    assert place_description("làng Phú Xá, tỉnh Hà Nam Ninh") == (
        "Ninh Bình (the province only: the commune cannot be told)")
    assert place_description("xã Tân Phú, huyện Không Còn, tỉnh Sông Bé") == (
        "Sông Bé (1976-1997): now in Thành phố Hồ Chí Minh / Đồng Nai (which one cannot be "
        "told)")
    assert place_description("Xã Hoàng Văn Thụ, Huyện Văn Lãng, Tỉnh Lạng Sơn").endswith(
        "(06172)")
    assert place_description("Bản Không Tên, đâu đó") == ""
