"""Số định danh cá nhân `AAA B CC DDDDDD`: format (error) and consistency checks (warnings).

AAA: province of birth registration, one of the 63 pre-2025 province codes (IDs issued before
the 2025 merger keep them; the 34 codes of 2025 are a subset). B: century and sex, even for
male, odd for female, 0/1 = 1900s, 2/3 = 2000s, 4/5 = 2100s... CC: the last two digits of the
year of birth. No check digit is known, so none is checked. (Structure from third-party
validators: UNCONFIRMED in the legal sources.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TWELVE_DIGITS = re.compile(r"^[0-9]{12}$")

LEGACY_PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn",
    "008": "Tuyên Quang", "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu",
    "014": "Sơn La", "015": "Yên Bái", "017": "Hòa Bình", "019": "Thái Nguyên",
    "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang", "025": "Phú Thọ",
    "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định",
    "037": "Ninh Bình", "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh",
    "044": "Quảng Bình", "045": "Quảng Trị", "046": "Thừa Thiên Huế", "048": "Đà Nẵng",
    "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên",
    "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng",
    "070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu", "079": "Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang",
    "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long", "087": "Đồng Tháp",
    "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
    "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}  # fmt: skip


@dataclass(frozen=True)
class PersonalIdParts:
    province_code: str
    century_sex_digit: int
    year_digits: str
    serial: str

    @property
    def sex(self) -> str:
        return "female" if self.century_sex_digit % 2 else "male"

    @property
    def century_start(self) -> int:
        """1900 for digits 0/1, 2000 for 2/3, 2100 for 4/5, ..."""
        return 1900 + 100 * (self.century_sex_digit // 2)

    @property
    def birth_year(self) -> int:
        return self.century_start + int(self.year_digits)


def century_sex_digit(birth_year: int, sex: str) -> int | None:
    """B for a birth year and sex (the inverse of PersonalIdParts.century_start and .sex):
    2026, "female" -> 3; None before 1900, after 2399 or for an unknown sex."""
    if birth_year < 1900 or sex not in ("male", "female"):
        return None
    digit = (birth_year // 100 - 19) * 2 + (1 if sex == "female" else 0)
    return digit if digit <= 9 else None


def is_well_formed(personal_id: str) -> bool:
    """Exactly 12 ASCII digits."""
    return isinstance(personal_id, str) and _TWELVE_DIGITS.match(personal_id) is not None


def split_personal_id(personal_id: str) -> PersonalIdParts | None:
    if not is_well_formed(personal_id):
        return None
    return PersonalIdParts(personal_id[:3], int(personal_id[3]), personal_id[4:6], personal_id[6:])


def personal_id_findings(
    personal_id: str, *, sex: str | None, birth_year: int | None
) -> list[tuple[str, dict[str, str | int]]]:
    """Rule codes with params for one ID: E-ID-FORMAT, else W-ID-PROVINCE/CENTURY/YEAR."""
    parts = split_personal_id(personal_id)
    if parts is None:
        return [
            ("E-ID-FORMAT", {"length": len(personal_id) if isinstance(personal_id, str) else 0})
        ]
    findings: list[tuple[str, dict[str, str | int]]] = []
    if parts.province_code not in LEGACY_PROVINCE_CODES:
        findings.append(("W-ID-PROVINCE", {"province_code": parts.province_code}))
    century_wrong = birth_year is not None and birth_year // 100 * 100 != parts.century_start
    sex_wrong = sex in ("male", "female") and sex != parts.sex
    if century_wrong or sex_wrong:
        findings.append(("W-ID-CENTURY", {"digit": parts.century_sex_digit}))
    if birth_year is not None and f"{birth_year % 100:02d}" != parts.year_digits:
        findings.append(("W-ID-YEAR", {"digits": parts.year_digits}))
    return findings
