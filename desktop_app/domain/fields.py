"""Field definitions of every record type: the one source for forms, labels and JSON Schema.

Each type is an ordered tuple of FieldDef. ``required`` means "required for a new
registration whenever the enclosing object is present" (E-REQUIRED); historical entries
require nothing (a missing field there is W-LEGACY-MISSING). Conditional requirements (the
mother unless the parents are unknown, ...) are rules in ``rules_*``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum

from desktop_app.domain.record_types import REGISTRATION_KINDS, RecordType, record_type


class FieldKind(StrEnum):
    TEXT = "text"
    NAME = "name"  # a person's full name: NFC, kept as typed, printed in capitals
    DATE = "date"  # partial ISO date
    DATE_TIME = "date_time"  # time of death: "2025-11-20T14:30" or a partial date
    INTEGER = "integer"
    TEXT_OR_INTEGER = "text_or_integer"  # numbers typed as found in old books ("12a")
    BOOLEAN = "boolean"
    SELECT = "select"
    PERSONAL_ID = "personal_id"
    ETHNICITY = "ethnicity"
    COUNTRY = "country"
    COMMUNE = "commune"
    ADDRESS = "address"
    DOCUMENT = "document"
    PERSON = "person"
    DECLARANT = "declarant"
    REFERENCE = "reference"
    PERSON_OR_ORGANISATION = "person_or_organisation"
    GROUP = "group"
    LIST = "list"
    FIELD_PATHS = "field_paths"  # list of field paths (illegible flags)
    ANY = "any"

    @property
    def is_object(self) -> bool:
        return self in _OBJECT_KINDS


_OBJECT_KINDS = frozenset(
    {
        FieldKind.ADDRESS,
        FieldKind.DOCUMENT,
        FieldKind.PERSON,
        FieldKind.DECLARANT,
        FieldKind.REFERENCE,
        FieldKind.PERSON_OR_ORGANISATION,
        FieldKind.GROUP,
    }
)


@dataclass(frozen=True)
class FieldDef:
    name: str
    label_vi: str
    label_en: str
    kind: FieldKind
    required: bool = False
    choices: tuple[str, ...] = ()
    children: tuple[FieldDef, ...] = ()
    alternative: tuple[FieldDef, ...] = ()  # organisation fields of PERSON_OR_ORGANISATION
    item: FieldDef | None = None  # element of a LIST
    read_only: bool = False  # set by the system, never typed
    historical_only: bool = False  # typed only for historical entries

    def child(self, name: str) -> FieldDef | None:
        for f in (*self.children, *self.alternative):
            if f.name == name:
                return f
        return None

    def but(self, **changes: object) -> FieldDef:
        return replace(self, **changes)  # type: ignore[arg-type]


SEXES = ("male", "female")
ID_DOCUMENT_KINDS = ("can_cuoc", "cccd", "cmnd", "passport", "other")
BIRTH_EVIDENCE_KINDS = ("birth_certificate", "witness", "pledge", "abandonment_report", "surrogacy")
RELATIONSHIPS = (
    "self",
    "mother",
    "father",
    "spouse",
    "child",
    "grandparent",
    "grandchild",
    "sibling",
    "relative",
    "carer",
    "representative",
    "other",
)
RECOGNITION_KINDS = (
    "father_recognises_child",
    "mother_recognises_child",
    "child_recognises_father",
    "child_recognises_mother",
)
CHANGE_KINDS = ("change", "correction", "supplement", "ethnicity_redetermination")
GUARDIANSHIP_KINDS = ("appointed", "statutory", "termination")
GUARDIAN_RELATIONSHIPS = ("parent", "grandparent", "sibling", "relative", "other")
TERMINATION_REASONS = (
    "ward_full_capacity",
    "ward_died",
    "parents_resume",
    "ward_adopted",
    "other",
)
SOURCE_PHASES = (1, 2, 3, 4, 5)
"""Digitisation phases: 1 2006-2015 (NĐ 158/2005), 2 1999-2006 (NĐ 83/1998), 3 1976-1999,
4 1975 and before, 5 from 2016."""


def _f(name: str, vi: str, en: str, kind: FieldKind = FieldKind.TEXT, **kw: object) -> FieldDef:
    return FieldDef(name, vi, en, kind, **kw)  # type: ignore[arg-type]


ADDRESS_FIELDS: tuple[FieldDef, ...] = (
    _f("commune_code", "Xã, phường, đặc khu (mã 2025)", "Commune (2025 code)", FieldKind.COMMUNE),
    _f("detail", "Số nhà, đường, thôn, ấp", "House, street, village"),
    _f("country", "Quốc gia", "Country", FieldKind.COUNTRY),
    _f("as_written", "Địa danh như được ghi", "Place as written"),
    _f("facility", "Cơ sở y tế", "Health facility"),
    _f(
        "converted",
        "Đã chuyển từ địa giới trước năm 2025",
        "Converted from a pre-2025 address",
        FieldKind.BOOLEAN,
        read_only=True,
    ),
    # An old place of which only the 2025 province can be told (addresses.resolve_place).
    _f("province_code", "Tỉnh, thành phố (mã 2025)", "Province (2025 code)", read_only=True),
)


def _document(kinds: tuple[str, ...] = (), *, kind_required: bool = False) -> tuple[FieldDef, ...]:
    kind = (
        _f("kind", "Loại giấy tờ", "Kind", FieldKind.SELECT, choices=kinds, required=kind_required)
        if kinds
        else _f("kind", "Loại giấy tờ", "Kind", required=kind_required)
    )
    return (
        kind,
        _f("number", "Số", "Number"),
        _f("issued_by", "Cơ quan cấp", "Issued by"),
        _f("issued_on", "Ngày cấp", "Issued on", FieldKind.DATE),
    )


def _address(name: str, vi: str, en: str, *, required: bool = False) -> FieldDef:
    return _f(name, vi, en, FieldKind.ADDRESS, children=ADDRESS_FIELDS, required=required)


def _doc(name: str, vi: str, en: str, kinds: tuple[str, ...] = (), **kw: object) -> FieldDef:
    kind_required = bool(kw.pop("kind_required", False))
    return _f(
        name,
        vi,
        en,
        FieldKind.DOCUMENT,
        children=_document(kinds, kind_required=kind_required),
        **kw,
    )


ID_DOCUMENT = _doc("id_document", "Giấy tờ tùy thân", "Identity document", ID_DOCUMENT_KINDS)


def person_fields(
    *,
    date_required: bool = False,
    sex_required: bool = False,
    extra: tuple[FieldDef, ...] = (),
    required: tuple[str, ...] = (),
) -> tuple[FieldDef, ...]:
    """The person shape of domain.md, with per-role requirements and extra fields."""
    fields = (
        _f("full_name", "Họ, chữ đệm, tên", "Full name", FieldKind.NAME, required=True),
        _f("family_name", "Họ", "Family name"),
        _f("middle_name", "Chữ đệm", "Middle name"),
        _f("given_name", "Tên", "Given name"),
        _f("sex", "Giới tính", "Sex", FieldKind.SELECT, choices=SEXES, required=sex_required),
        _f(
            "date_of_birth",
            "Ngày, tháng, năm sinh",
            "Date of birth",
            FieldKind.DATE,
            required=date_required,
        ),
        _f("age_at_event", "Tuổi khi xảy ra sự kiện", "Age at the event", FieldKind.INTEGER),
        _f("ethnicity", "Dân tộc", "Ethnicity", FieldKind.ETHNICITY),
        _f("nationality", "Quốc tịch", "Nationality", FieldKind.COUNTRY),
        _f("personal_id", "Số định danh cá nhân", "Personal ID number", FieldKind.PERSONAL_ID),
        ID_DOCUMENT,
        _address("residence", "Nơi cư trú", "Residence"),
        *extra,
    )
    return tuple(f.but(required=True) if f.name in required else f for f in fields)


def _person(name: str, vi: str, en: str, children: tuple[FieldDef, ...], **kw: object) -> FieldDef:
    return _f(name, vi, en, FieldKind.PERSON, children=children, **kw)


DECLARANT_FIELDS: tuple[FieldDef, ...] = (
    _f("full_name", "Họ, chữ đệm, tên", "Full name", FieldKind.NAME, required=True),
    ID_DOCUMENT,
    _f(
        "relationship",
        "Quan hệ với người được đăng ký",
        "Relationship to the person registered",
        FieldKind.SELECT,
        choices=RELATIONSHIPS,
    ),
)


def _declarant(*, required: bool = False) -> FieldDef:
    return _f(
        "declarant",
        "Người đi đăng ký",
        "Declarant",
        FieldKind.DECLARANT,
        children=DECLARANT_FIELDS,
        required=required,
    )


REFERENCE_FIELDS: tuple[FieldDef, ...] = (
    _f("record_id", "Mã hồ sơ", "Record id"),
    _f("registration_number", "Số", "Registration number", FieldKind.TEXT_OR_INTEGER),
    _f("book_number", "Quyển số", "Book number"),
    _f("office", "Nơi đăng ký", "Registering office"),
    _f("registered_on", "Ngày đăng ký", "Registered on", FieldKind.DATE),
)


def _reference(name: str, vi: str, en: str, **kw: object) -> FieldDef:
    return _f(name, vi, en, FieldKind.REFERENCE, children=REFERENCE_FIELDS, **kw)


ORGANISATION_FIELDS: tuple[FieldDef, ...] = (
    _f("name", "Tên tổ chức", "Organisation name", required=True),
    _address("address", "Địa chỉ", "Address"),
    _f("representative", "Người đại diện", "Representative"),
)

SOURCE_FIELDS: tuple[FieldDef, ...] = (
    # TT04 Art 30: the registering office as the book names it ("UBND xã Tân Lập, huyện
    # Krông Búk"), printed on the extract instead of today's commune.
    _f("office", "Cơ quan đăng ký (như ghi trong sổ)", "Registering office (as in the book)"),
    _f("book_number", "Quyển số của sổ", "Book number"),
    _f("year", "Năm của sổ", "Book year", FieldKind.INTEGER),
    _f("page", "Trang", "Page", FieldKind.TEXT_OR_INTEGER),
    _f("entry_number", "Số thứ tự trong sổ", "Entry number", FieldKind.TEXT_OR_INTEGER),
    _f(
        "phase",
        "Giai đoạn số hóa",
        "Digitisation phase",
        FieldKind.SELECT,
        choices=tuple(str(p) for p in SOURCE_PHASES),
    ),
    _f("scan", "Ảnh chụp trang sổ", "Scan of the page"),
)

COMMON_FIELDS: tuple[FieldDef, ...] = (
    _f("registered_on", "Ngày, tháng, năm đăng ký", "Registration date", FieldKind.DATE),
    _f("registration_number", "Số", "Registration number", FieldKind.TEXT_OR_INTEGER),
    _f("book_number", "Quyển số", "Book number"),
    _f(
        "source",
        "Nguồn: sổ hộ tịch cũ",
        "Source: old register book",
        FieldKind.GROUP,
        children=SOURCE_FIELDS,
        historical_only=True,
    ),
    _f(
        "illegible",
        "Thông tin không đọc được",
        "Illegible fields",
        FieldKind.FIELD_PATHS,
        historical_only=True,
    ),
    # A date written in the lunar calendar: kept as written; its field holds the Gregorian
    # date computed from it (domain/lunar.py), which this item flags as converted.
    _f(
        "lunar_dates",
        "Ngày ghi theo âm lịch",
        "Dates written in the lunar calendar",
        FieldKind.LIST,
        historical_only=True,
        item=_f(
            "item",
            "Ngày âm lịch",
            "Lunar date",
            FieldKind.GROUP,
            children=(
                _f("field", "Thông tin", "Field", required=True),
                _f("as_written", "Như ghi trong sổ", "As written", required=True),
                _f("lunar", "Ngày âm lịch", "Lunar date", required=True),
                _f("leap_month", "Tháng nhuận", "Leap month", FieldKind.BOOLEAN),
                _f("converted", "Đã chuyển sang dương lịch", "Converted to Gregorian",
                   FieldKind.DATE, required=True),
            ),
        ),
    ),
)

SYSTEM_FIELDS: tuple[FieldDef, ...] = tuple(
    _f(name, vi, en, kind, read_only=True)
    for name, vi, en, kind in (
        ("id", "Mã hồ sơ", "Record id", FieldKind.TEXT),
        ("status", "Trạng thái", "Status", FieldKind.TEXT),
        ("office", "Cơ quan đăng ký", "Registering office", FieldKind.TEXT),
        ("officer", "Công chức tư pháp - hộ tịch", "Officer", FieldKind.TEXT),
        ("verified_by", "Người kiểm tra", "Verified by", FieldKind.TEXT),
        ("approved_by", "Người phê duyệt", "Approved by", FieldKind.TEXT),
        ("signed_by", "Người ký", "Signed by", FieldKind.TEXT),
        ("overrides", "Chấp thuận cảnh báo", "Overrides", FieldKind.ANY),
        ("central_id", "Mã hồ sơ trung ương", "Central id", FieldKind.TEXT),
        ("historical", "Số hóa sổ cũ", "Historical entry", FieldKind.BOOLEAN),
        ("notes", "Ghi chú", "Notes", FieldKind.ANY),
    )
)
SYSTEM_FIELD_NAMES = frozenset(f.name for f in SYSTEM_FIELDS)


def _kind_select(kinds: tuple[str, ...], vi: str = "Loại việc", en: str = "Kind") -> FieldDef:
    return _f("kind", vi, en, FieldKind.SELECT, choices=kinds, required=True)


def _registration_kind(rt: RecordType) -> FieldDef:
    return _f(
        "registration_kind",
        "Loại việc",
        "Registration kind",
        FieldKind.SELECT,
        choices=REGISTRATION_KINDS[rt],
        required=True,
    )


_PARENT_EXTRA = (_address("hometown", "Quê quán", "Home town"),)

BIRTH_FIELDS: tuple[FieldDef, ...] = (
    _person(
        "child",
        "Người được khai sinh",
        "Child",
        person_fields(
            date_required=True,
            sex_required=True,
            required=("ethnicity", "nationality"),
            extra=(
                _address("place_of_birth", "Nơi sinh", "Place of birth", required=True),
                _address("hometown", "Quê quán", "Home town"),
            ),
        ),
        required=True,
    ),
    _person("mother", "Người mẹ", "Mother", person_fields(extra=_PARENT_EXTRA)),
    _person("father", "Người cha", "Father", person_fields(extra=_PARENT_EXTRA)),
    _declarant(required=True),
    _doc(
        "birth_evidence",
        "Giấy chứng sinh hoặc giấy tờ thay thế",
        "Birth evidence",
        BIRTH_EVIDENCE_KINDS,
        kind_required=True,
        required=True,
    ),
    _registration_kind(RecordType.BIRTH),
)

DEATH_FIELDS: tuple[FieldDef, ...] = (
    _person("deceased", "Người chết", "Deceased", person_fields(), required=True),
    _f("time_of_death", "Đã chết vào lúc", "Time of death", FieldKind.DATE_TIME, required=True),
    _address("place_of_death", "Nơi chết", "Place of death", required=True),
    _f("cause_of_death", "Nguyên nhân chết", "Cause of death"),
    _doc("death_notice", "Giấy báo tử hoặc giấy tờ thay thế", "Death notice"),
    _address("last_residence", "Nơi cư trú cuối cùng", "Last residence"),
    _declarant(),
    _registration_kind(RecordType.DEATH),
)

MARRIAGE_FIELDS: tuple[FieldDef, ...] = (
    _person("husband", "Chồng", "Husband", person_fields(date_required=True), required=True),
    _person("wife", "Vợ", "Wife", person_fields(date_required=True), required=True),
    _f(
        "both_present",
        "Hai bên có mặt, ký hoặc điểm chỉ vào Sổ",
        "Both present and signed",
        FieldKind.BOOLEAN,
    ),
    _f(
        "effective_date",
        "Ngày, tháng, năm xác lập quan hệ hôn nhân",
        "Date the marriage took effect",
        FieldKind.DATE,
    ),
    _registration_kind(RecordType.MARRIAGE),
)

RECOGNITION_FIELDS: tuple[FieldDef, ...] = (
    _kind_select(RECOGNITION_KINDS),
    _person("parent", "Người cha, mẹ", "Parent", person_fields(), required=True),
    _person(
        "child",
        "Người con",
        "Child",
        person_fields(
            extra=(_reference("birth_record", "Giấy khai sinh của người con", "Birth record"),)
        ),
        required=True,
    ),
    _doc("evidence", "Chứng cứ chứng minh quan hệ cha, mẹ, con", "Evidence", required=True),
    _declarant(),
)

CHANGE_ITEM = _f(
    "item",
    "Nội dung",
    "Item",
    FieldKind.GROUP,
    children=(
        _f("field", "Thông tin", "Field", required=True),
        _f("from", "Từ", "From", FieldKind.ANY),
        _f("to", "Thành", "To", FieldKind.ANY),
    ),
)

CHANGE_FIELDS: tuple[FieldDef, ...] = (
    _kind_select(CHANGE_KINDS),
    _person(
        "subject",
        "Người được thay đổi, cải chính, bổ sung thông tin hộ tịch",
        "Person concerned",
        person_fields(),
        required=True,
    ),
    _reference("original_record", "Việc hộ tịch đã đăng ký", "Original record", required=True),
    _f("changes", "Nội dung thay đổi", "Changes", FieldKind.LIST, item=CHANGE_ITEM),
    _doc("basis", "Căn cứ", "Basis document"),
    _f(
        "consent_given",
        "Người được thay đổi đã đồng ý",
        "Consent of the person concerned",
        FieldKind.BOOLEAN,
    ),
    _declarant(),
)

GUARDIANSHIP_FIELDS: tuple[FieldDef, ...] = (
    _kind_select(GUARDIANSHIP_KINDS, "Loại giám hộ", "Kind"),
    _f(
        "guardian",
        "Người giám hộ",
        "Guardian",
        FieldKind.PERSON_OR_ORGANISATION,
        children=person_fields(),
        alternative=ORGANISATION_FIELDS,
        required=True,
    ),
    _person("ward", "Người được giám hộ", "Ward", person_fields(), required=True),
    _f(
        "guardian_relationship",
        "Quan hệ của người giám hộ với người được giám hộ",
        "Guardian's relationship to the ward",
        FieldKind.SELECT,
        choices=GUARDIAN_RELATIONSHIPS,
    ),
    _doc("basis", "Căn cứ", "Basis document"),
    _reference("original_record", "Việc giám hộ đã đăng ký", "Original guardianship record"),
    _f(
        "termination_reason",
        "Lý do chấm dứt giám hộ",
        "Termination reason",
        FieldKind.SELECT,
        choices=TERMINATION_REASONS,
    ),
    _declarant(),
)

_TYPE_FIELDS: dict[RecordType, tuple[FieldDef, ...]] = {
    RecordType.BIRTH: BIRTH_FIELDS,
    RecordType.DEATH: DEATH_FIELDS,
    RecordType.MARRIAGE: MARRIAGE_FIELDS,
    RecordType.RECOGNITION: RECOGNITION_FIELDS,
    RecordType.CHANGE: CHANGE_FIELDS,
    RecordType.GUARDIANSHIP: GUARDIANSHIP_FIELDS,
}

TYPE_FIELD = _f("type", "Loại hồ sơ", "Record type", FieldKind.SELECT, choices=tuple(RecordType))


def record_fields(rt: RecordType | str, *, with_system: bool = False) -> tuple[FieldDef, ...]:
    """The ordered top-level fields of a record type (the form order)."""
    fields = (TYPE_FIELD, *_TYPE_FIELDS[record_type(rt)], *COMMON_FIELDS)
    return (*fields, *SYSTEM_FIELDS) if with_system else fields


def root_field(rt: RecordType | str) -> FieldDef:
    """A GROUP holding the top-level fields of a type, for walkers."""
    t = record_type(rt)
    return FieldDef(str(t), t, t, FieldKind.GROUP, children=record_fields(t, with_system=True))


@dataclass(frozen=True)
class FieldInfo:
    """One leaf or object of a type, flattened for forms: path and labels resolved."""

    path: str
    label_vi: str
    label_en: str
    kind: FieldKind
    required: bool
    choices: tuple[str, ...]
    depth: int


def iter_fields(rt: RecordType | str, *, with_system: bool = False) -> Iterator[FieldInfo]:
    """Every field of a type in form order, depth first, with composed labels."""

    def walk(
        defs: tuple[FieldDef, ...], prefix: str, vi: str, en: str, depth: int
    ) -> Iterator[FieldInfo]:
        for d in defs:
            path = f"{prefix}.{d.name}" if prefix else d.name
            label_vi = f"{d.label_vi} của {_lower_first(vi)}" if vi else d.label_vi
            label_en = f"{en}: {_lower_first(d.label_en)}" if en else d.label_en
            yield FieldInfo(path, label_vi, label_en, d.kind, d.required, d.choices, depth)
            if d.children or d.alternative:
                yield from walk((*d.children, *d.alternative), path, label_vi, label_en, depth + 1)
            if d.item is not None and d.item.children:
                yield from walk(d.item.children, f"{path}[]", label_vi, label_en, depth + 1)

    yield from walk(record_fields(rt, with_system=with_system), "", "", "", 0)


@functools.cache
def reference_paths(rt: RecordType | str) -> tuple[str, ...]:
    """Where a record of this type points at another record ("original_record",
    "child.birth_record")."""
    return tuple(i.path for i in iter_fields(rt) if i.kind is FieldKind.REFERENCE)


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[1].isupper():  # keep acronyms
        return text
    return text[:1].lower() + text[1:]


_INDEX = re.compile(r"\[\d+\]")


def find_field(rt: RecordType | str, path: str) -> FieldDef | None:
    """The definition at a path such as "child.place_of_birth.commune_code" or "changes[0].to"."""
    current: FieldDef | None = root_field(rt)
    for part in _INDEX.sub("[]", path).split("."):
        if current is None or not part:
            return None
        is_item = part.endswith("[]")
        current = current.child(part.removesuffix("[]"))
        if is_item and current is not None:
            current = current.item
    return current


def field_label(rt: RecordType | str, path: str, lang: str = "vi") -> str:
    """The label of a path in Vietnamese ("Họ, chữ đệm, tên của người mẹ") or English."""
    if not path:
        return ""
    parts = _INDEX.sub("", path).split(".")
    node: FieldDef | None = root_field(rt)
    labels: list[str] = []
    for part in parts:
        node = node.child(part) if node is not None else None
        if node is None:
            labels.append(part)
            break
        labels.append(node.label_vi if lang == "vi" else node.label_en)
        if node.item is not None:
            node = node.item
    if lang == "vi":
        text = labels[-1]
        for outer in reversed(labels[:-1]):
            text = f"{text} của {_lower_first(outer)}"
        return text
    return ": ".join([labels[0], *(_lower_first(lbl) for lbl in labels[1:])])
