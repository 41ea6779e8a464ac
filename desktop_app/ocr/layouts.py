"""The columns of old register books: how each is headed on the printed page and which field
of the historical form it fills.

Books of different years order and word their columns differently, so a page's columns are
found by reading its header row and matching it against these headings (folded, fuzzy);
a column whose heading matches nothing is left alone, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Value(StrEnum):
    """How a cell's text becomes the value the form's field takes."""

    TEXT = "text"  # as read (NFC, blanks collapsed)
    NAME = "name"  # a person's name: letters kept as read
    NUMBER = "number"  # a registration number as printed ("12", "12a")
    DATE = "date"  # dd/mm/yyyy (or mm/yyyy, yyyy) -> ISO partial date
    SEX = "sex"  # Nam / Nữ -> male / female
    ETHNICITY = "ethnicity"  # one of the 54 groups
    NATIONALITY = "nationality"  # Việt Nam -> VN


@dataclass(frozen=True)
class Column:
    path: str  # field path of the historical form
    value: Value
    headings: tuple[str, ...]  # as printed in the books' header rows


_BIRTH = (
    Column("registration_number", Value.NUMBER, ("Số", "Số thứ tự", "STT", "Số đăng ký")),
    Column("child.full_name", Value.NAME,
           ("Họ và tên", "Họ, chữ đệm, tên", "Họ và tên người được khai sinh", "Họ tên")),
    Column("child.date_of_birth", Value.DATE, ("Ngày, tháng, năm sinh", "Ngày sinh")),
    Column("child.place_of_birth.as_written", Value.TEXT, ("Nơi sinh",)),
    Column("child.sex", Value.SEX, ("Giới tính", "Nam, nữ")),
    Column("child.ethnicity", Value.ETHNICITY, ("Dân tộc",)),
    Column("child.nationality", Value.NATIONALITY, ("Quốc tịch",)),
    Column("child.hometown.as_written", Value.TEXT, ("Quê quán",)),
    Column("father.full_name", Value.NAME, ("Họ và tên cha", "Họ tên cha", "Cha")),
    Column("mother.full_name", Value.NAME, ("Họ và tên mẹ", "Họ tên mẹ", "Mẹ")),
    Column("declarant.full_name", Value.NAME,
           ("Người đi khai", "Họ tên người đi khai", "Người đi đăng ký")),
    Column("registered_on", Value.DATE, ("Ngày đăng ký", "Ngày, tháng, năm đăng ký")),
)

_DEATH = (
    Column("registration_number", Value.NUMBER, ("Số", "Số thứ tự", "STT")),
    Column("deceased.full_name", Value.NAME,
           ("Họ và tên", "Họ và tên người chết", "Họ, chữ đệm, tên")),
    Column("deceased.date_of_birth", Value.DATE, ("Ngày, tháng, năm sinh", "Ngày sinh")),
    Column("deceased.sex", Value.SEX, ("Giới tính",)),
    Column("deceased.ethnicity", Value.ETHNICITY, ("Dân tộc",)),
    Column("deceased.nationality", Value.NATIONALITY, ("Quốc tịch",)),
    Column("time_of_death", Value.DATE, ("Ngày chết", "Ngày, tháng, năm chết", "Chết ngày")),
    Column("place_of_death.as_written", Value.TEXT, ("Nơi chết",)),
    Column("cause_of_death", Value.TEXT, ("Nguyên nhân chết", "Nguyên nhân")),
    Column("declarant.full_name", Value.NAME, ("Người đi khai", "Người đi khai tử")),
    Column("registered_on", Value.DATE, ("Ngày đăng ký", "Ngày, tháng, năm đăng ký")),
)

# Columns printed in the books that no field takes: matched so they are not mistaken.
IGNORED = ("Ghi chú", "Chữ ký", "Cán bộ tư pháp hộ tịch", "Nơi cư trú")

LAYOUTS: dict[str, tuple[Column, ...]] = {"birth": _BIRTH, "death": _DEATH}


def columns_for(record_type: str) -> tuple[Column, ...]:
    """The known columns of a record type's books (empty: no OCR for that type yet)."""
    return LAYOUTS.get(record_type, ())
