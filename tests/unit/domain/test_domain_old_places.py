"""Places as old books write them: a pre-2025 commune converts to its 2025 commune (as
before); an old province (1976-1991 mergers, before 1975) or a province named without its
commune gives the 2025 province when it lies wholly in one, and nothing when it was split."""

from __future__ import annotations

import pytest

from desktop_app.domain import prepare_record, validate
from desktop_app.domain.addresses import resolve_place
from tests.samples import TODAY, build


@pytest.mark.parametrize(("written", "province"), [
    ("làng Phú Xá, tỉnh Hà Nam Ninh", "Ninh Bình"),  # Hà Nam + Nam Định + Ninh Bình
    ("quận 3, Sài Gòn", "Thành phố Hồ Chí Minh"),
    ("tỉnh Quảng Nam - Đà Nẵng", "Thành phố Đà Nẵng"),  # not "Đà Nẵng" alone: the same
    ("xã Đông La, tỉnh Hà Tây", "Thành phố Hà Nội"),
    ("tỉnh Minh Hải", "Cà Mau"),
    ("Bệnh viện huyện Krông Pắc, tỉnh Đắk Lắk", "Đắk Lắk"),  # no commune named
    ("tỉnh Thái Bình", "Hưng Yên"),  # a province of the 63, merged in 2025
])
def test_an_old_place_gives_its_2025_province(written: str, province: str) -> None:
    found = resolve_place(written)
    assert found is not None and found.commune is None
    assert found.province is not None and found.province.name == province


def test_a_split_province_gives_candidates_and_no_unit() -> None:
    found = resolve_place("xã Tân Phú, huyện Không Còn, tỉnh Sông Bé")
    assert found is not None and found.province is None
    assert found.old_name == "Sông Bé (1976-1997)"
    assert {p.name for p in found.candidates} == {"Thành phố Hồ Chí Minh", "Đồng Nai"}
    assert resolve_place("Bản Không Tên, đâu đó") is None


def test_a_pre_2025_commune_still_converts_to_its_commune() -> None:
    found = resolve_place("Xã Hoàng Văn Thụ, Huyện Văn Lãng, Tỉnh Lạng Sơn")
    assert found is not None and found.commune is not None
    assert found.commune.commune_code == "06172" and found.province is not None


def test_the_entry_keeps_the_text_and_stores_the_province() -> None:
    data = build("birth", {"child.place_of_birth": {"as_written": "làng Phú Xá, tỉnh Hà Nam Ninh"}})
    stored = prepare_record("birth", data)
    place = stored["child"]["place_of_birth"]
    assert place["as_written"] == "làng Phú Xá, tỉnh Hà Nam Ninh"
    assert "commune_code" not in place
    found = resolve_place("Ninh Bình")
    assert found is not None and found.province is not None
    assert place["province_code"] == found.province.code
    issues = validate("birth", stored, historical=True, today=TODAY)
    [province] = [i for i in issues if i.code == "W-ADDRESS-PROVINCE"]
    assert province.field == "child.place_of_birth.as_written"
    assert province.params["province_name"] == "Ninh Bình"
    assert not any(i.code == "W-ADDRESS-UNKNOWN" for i in issues)
