"""The notes of a record (Ghi chú): what later registered acts changed in it.

Registered entries are append-only: a correction, a recognition or the end of a guardianship
is a new record linked to the original, and the original then shows it in its notes (TT04
Arts 31.9, 35). The screens, the command line and the extracts all take the notes from here,
so they list the same acts: only registered ones. A draft, submitted or refused correction is
no note; :func:`pending_changes` lists the ones still on their way, for a screen that shows
them apart, marked as not registered yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Protocol

from desktop_app.domain.addresses import commune_name
from desktop_app.domain.dates import InvalidDateError, as_partial_date
from desktop_app.domain.ethnicity import ethnic_group
from desktop_app.domain.text import nfc
from desktop_app.domain.vocabulary import Vocabulary, labels, value_label
from desktop_app.domain.workflow import REGISTERED_STATUSES, Status

_PENDING_STATUSES = frozenset({Status.DRAFT, Status.SUBMITTED})


class LinkedRecord(Protocol):
    """What the notes read of a record linked to the original (a StoredRecord is one)."""

    @property
    def id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def data(self) -> Mapping[str, object]: ...
    @property
    def registration_number(self) -> str | None: ...
    @property
    def registered_on(self) -> str | None: ...


@dataclass(frozen=True)
class Note:
    """One line: a changed field ("child.full_name" from -> to) or, with no field, a whole act
    (a recognition, the end of a guardianship). The extracts print it as it is (it crosses
    the extract port and is signing's ChangeNote).

    ``kind`` is the linked act's kind ("correction", "father_recognises_child",
    "termination"); ``registration_number`` / ``registered_on`` (ISO) / ``office_name`` those
    of the act; ``record_id`` / ``record_type`` the linked record, when it is held here.
    """

    kind: str
    field: str = ""
    from_value: str | None = None
    to_value: str | None = None
    registration_number: str | None = None
    registered_on: str | None = None
    office_name: str | None = None
    record_id: str = ""
    record_type: str = ""


def _text(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def _office_name(linked: LinkedRecord, home_office: str | None) -> str | None:
    """The commune that registered an act for a record held elsewhere ("tại Xã Ea Tu")."""
    office = getattr(linked, "office", None)
    if not home_office or not isinstance(office, str) or not office or office == home_office:
        return None
    return commune_name(office) or office


def _notes_of(linked: LinkedRecord, home_office: str | None = None) -> list[Note]:
    kind = str(linked.data.get("kind") or ("change" if linked.type == "change" else ""))
    base = Note(kind, registration_number=linked.registration_number,
                registered_on=linked.registered_on, record_id=linked.id,
                record_type=linked.type, office_name=_office_name(linked, home_office))
    changes = linked.data.get("changes")
    items = [c for c in changes if isinstance(c, Mapping)] if isinstance(changes, list) else []
    if not items:
        return [base]
    return [
        replace(base, field=str(item.get("field") or ""), from_value=_text(item.get("from")),
                to_value=_text(item.get("to")))
        for item in items
    ]


def record_notes(linked: Iterable[LinkedRecord], home_office: str | None = None
                 ) -> tuple[Note, ...]:
    """The notes of a record from the records linked to it: registered acts only, in order.
    An act registered at another commune than ``home_office`` (the original's) names it."""
    return tuple(n for rec in linked if rec.status in REGISTERED_STATUSES
                 for n in _notes_of(rec, home_office))


def pending_changes(linked: Iterable[LinkedRecord]) -> tuple[Note, ...]:
    """Linked acts not registered yet (draft or submitted): never notes, shown apart."""
    return tuple(n for rec in linked if rec.status in _PENDING_STATUSES for n in _notes_of(rec))


# The verb of a changed field's note ("Cải chính họ, chữ đệm, tên từ … thành …").
NOTE_VERBS: dict[str, str] = {
    "change": "Thay đổi",
    "correction": "Cải chính",
    "supplement": "Bổ sung",
    "ethnicity_redetermination": "Xác định lại dân tộc",
}
# The note of a whole act, by its kind (domain.md: "Đã đăng ký nhận cha/mẹ, con số … ngày …").
ACT_NOTES: dict[str, str] = {
    **{k: f"Đã đăng ký {v[:1].lower()}{v[1:]}" for k, v in labels(Vocabulary.CHANGE_KIND).items()},
    **dict.fromkeys(labels(Vocabulary.RECOGNITION_KIND), "Đã đăng ký nhận cha, mẹ, con"),
    "appointed": "Đã đăng ký giám hộ",
    "statutory": "Đã đăng ký giám hộ",
    "termination": "Đã đăng ký chấm dứt giám hộ",
}
# Changed fields as a note (and the change extract's "Nội dung:") names them, by the last
# part of the path; a path not listed is printed as it is.
CHANGED_FIELD_NAMES: dict[str, str] = {
    "full_name": "họ, chữ đệm, tên",
    "family_name": "họ",
    "middle_name": "chữ đệm",
    "given_name": "tên",
    "date_of_birth": "ngày, tháng, năm sinh",
    "sex": "giới tính",
    "ethnicity": "dân tộc",
    "nationality": "quốc tịch",
    "place_of_birth": "nơi sinh",
    "hometown": "quê quán",
    "personal_id": "số định danh cá nhân",
    "residence": "nơi cư trú",
    "mother": "thông tin người mẹ",
    "father": "thông tin người cha",
}


def changed_field_name(path: str) -> str:
    """ "child.full_name" -> "họ, chữ đệm, tên"."""
    return CHANGED_FIELD_NAMES.get(path.rsplit(".", 1)[-1], path)


def _figures(value: str) -> str:
    try:
        return as_partial_date(value).figures()
    except InvalidDateError:
        return nfc(value)  # a registration date typed as found in an old book


def _value_words(path: str, value: str | None) -> str:
    """A changed value as the extract prints it: "Nữ", not "female"; "10/01/2026", not
    "2026-01-10"; a commune by its name; anything else (a name) exactly as written."""
    if not value:
        return ""
    leaf = path.rsplit(".", 1)[-1].split("[", 1)[0]
    if leaf.startswith("date") or leaf.endswith(("_date", "_on")):
        return _figures(value)
    if leaf in ("commune", "commune_code"):
        return commune_name(value) or nfc(value)
    if leaf == "ethnicity" and value.isdigit():
        group = ethnic_group(value)
        return group.common_spelling if group is not None else value
    return nfc(value_label("", path, value))


def note_text(note: Note) -> str:
    """The Ghi chú line, the same on the extract, the screens and the command line:
    "Cải chính họ, chữ đệm, tên từ “A” thành “B” (đăng ký số 12/2026, ngày 05/03/2026)",
    "Đã đăng ký nhận cha, mẹ, con số 3/2026, ngày 05/01/2026"."""
    if note.field:
        verb = NOTE_VERBS.get(note.kind, nfc(note.kind))
        name = changed_field_name(note.field)
        # "Xác định lại dân tộc" already names the field: "dân tộc" once.
        what = verb if verb.endswith(f" {name}") else f"{verb} {name}"
        text = (
            f"{what} từ “{_value_words(note.field, note.from_value)}” "
            f"thành “{_value_words(note.field, note.to_value)}”"
        )
    else:  # a whole act: a recognition, the end of a guardianship
        text = ACT_NOTES.get(note.kind, nfc(note.kind))
    basis = []
    if note.registration_number:
        basis.append(f"số {nfc(note.registration_number)}")
    if note.registered_on:
        basis.append(f"ngày {_figures(note.registered_on)}")
    if note.office_name:
        basis.append(f"tại {nfc(note.office_name)}")
    if basis and not note.field:
        text += " " + ", ".join(basis)
    elif basis:
        text += " (đăng ký " + ", ".join(basis) + ")"
    return text
