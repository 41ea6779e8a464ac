"""The six record types, their registration kinds and their book codes."""

from __future__ import annotations

from enum import StrEnum

from desktop_app.domain.errors import UnknownRecordTypeError


class RecordType(StrEnum):
    BIRTH = "birth"
    DEATH = "death"
    MARRIAGE = "marriage"
    RECOGNITION = "recognition"
    CHANGE = "change"
    GUARDIANSHIP = "guardianship"


RECORD_TYPE_LABELS: dict[RecordType, tuple[str, str]] = {
    RecordType.BIRTH: ("Khai sinh", "Birth"),
    RecordType.DEATH: ("Khai tử", "Death"),
    RecordType.MARRIAGE: ("Kết hôn", "Marriage"),
    RecordType.RECOGNITION: ("Nhận cha, mẹ, con", "Parent-child recognition"),
    RecordType.CHANGE: (
        "Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc",
        "Change, correction, supplement of civil status, re-determination of ethnicity",
    ),
    RecordType.GUARDIANSHIP: ("Giám hộ", "Guardianship"),
}

BOOK_CODES: dict[RecordType, str] = {
    RecordType.BIRTH: "KS",
    RecordType.DEATH: "KT",
    RecordType.MARRIAGE: "KH",
    RecordType.RECOGNITION: "CMC",
    RecordType.CHANGE: "TĐ",
    RecordType.GUARDIANSHIP: "GH",
}
"""Quyển số suffixes. GH and CMC are confirmed (TT04 Art 36.1); KS, KT, KH, TĐ are expected."""

REGISTRATION_KINDS: dict[RecordType, tuple[str, ...]] = {
    RecordType.BIRTH: (
        "on_time",
        "late",
        "re_registration",
        "parents_unknown",
        "abandoned",
        "recorded_from_abroad",
    ),
    RecordType.DEATH: ("on_time", "late", "re_registration", "recorded_from_abroad"),
    RecordType.MARRIAGE: ("first", "re_registration", "recorded_from_abroad"),
}


def record_type(value: str | RecordType) -> RecordType:
    """The RecordType named by value; raises UnknownRecordTypeError."""
    try:
        return RecordType(value)
    except ValueError:
        raise UnknownRecordTypeError(record_type=str(value)) from None
