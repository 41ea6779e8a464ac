"""The parties a record is known by: the names lists show for it ("Nguyễn Văn An",
"Phạm Văn Hùng – Đỗ Thị Lan"), the same on the screens and on the command line."""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.domain.access import get_str

MAIN_PARTIES: dict[str, tuple[str, ...]] = {
    "birth": ("child",),
    "death": ("deceased",),
    "marriage": ("husband", "wife"),
    "recognition": ("parent", "child"),
    "change": ("subject",),
    "guardianship": ("ward",),
}


def main_names(rtype: str, data: Mapping[str, object]) -> tuple[str, ...]:
    """The full names of the record's main parties that are known, in order."""
    names = (get_str(data, f"{role}.full_name") for role in MAIN_PARTIES.get(rtype, ()))
    return tuple(name.strip() for name in names if name is not None)


def record_title(rtype: str, data: Mapping[str, object]) -> str:
    """The names joined for a list: "Chồng – Vợ"; empty when none is known yet."""
    return " – ".join(main_names(rtype, data))
