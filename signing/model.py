"""Inputs of extract rendering that the system sets (not typed by the officer)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.notes import Note

# One line of Ghi chú: a later registered change or act of this record (TT04 Arts 31.9, 35).
# The core's note, as the extract port carries it: not a copy to convert to.
ChangeNote = Note


@dataclass(frozen=True)
class ExtractInfo:
    """System fields of one extract.

    ``office_name`` is the commune's name with its type ("Phường Minh Phụng", "Xã Ea Tu");
    ``province_name`` likewise ("Thành phố Hồ Chí Minh", "Tỉnh Đắk Lắk"). ``place_name``
    overrides the place of the date line (default: the commune's name without its type).
    ``signer_title`` is the position ("CHỦ TỊCH", "PHÓ CHỦ TỊCH"); with ``is_deputy`` the
    block reads "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" (``principal_title`` is the first line).
    ``notes`` are Ghi chú lines: :class:`ChangeNote` or free text. ``source`` is the
    "Thực hiện trích lục từ" line (None to leave it out).
    """

    office_code: str
    office_name: str
    province_name: str
    extract_number: str
    issued_on: date
    registration_number: str | None = None
    book_number: str | None = None
    registered_on: str | None = None
    registration_office_name: str | None = None  # when the event was registered elsewhere
    signer_name: str = ""
    signer_title: str = "CHỦ TỊCH"
    is_deputy: bool = False
    principal_title: str = "CHỦ TỊCH"
    is_copy: bool = False
    place_name: str | None = None
    notes: tuple[ChangeNote | str, ...] = field(default_factory=tuple)
    source: str | None = "Cơ sở dữ liệu hộ tịch điện tử"
