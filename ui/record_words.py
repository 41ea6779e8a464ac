"""A record's stored values as people read them on screen: codes as words ("Việt Nam", not
"VN"), dates as dd/mm/yyyy (a partial date as written: "05/1990", "1990"), a commune by its
name and province, and an address, a document or an old book's page in one line ("Trang 5,
sổ năm 2016"). The words are the domain vocabulary's, the ones the extracts print."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from desktop_app.domain import FieldKind, commune, field_label
from desktop_app.domain.notes import changed_field_name
from desktop_app.domain.vocabulary import Vocabulary, label, value_label
from ui.widgets.inputs import country_name
from ui.widgets.typed_dates import from_iso


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _put(template: str, *values: object) -> str:
    for n, value in enumerate(values, 1):
        template = template.replace(f"%{n}", str(value))
    return template


def _present(value: object) -> bool:
    return value not in (None, "", [], {})


def place(value: object, lang: str) -> str:
    """A 2025 commune by name and province, without its code."""
    found = commune(str(value)) if _present(value) else None
    return f"{found.name}, {found.province_name}" if found is not None else str(value or "")


def country(value: object, lang: str) -> str:
    named = label(Vocabulary.NATIONALITY, value, lang)
    return named if named is not None else country_name(str(value), lang)


def leaf_words(rtype: str, kind: FieldKind, path: str, value: object, lang: str) -> str:
    """One field's value in words."""
    if isinstance(value, bool):
        return translate("RecordWords", "Yes") if value else translate("RecordWords", "No")
    if kind in (FieldKind.DATE, FieldKind.DATE_TIME):
        return from_iso(value)
    if kind is FieldKind.COMMUNE:
        return place(value, lang)
    if kind is FieldKind.COUNTRY:
        return country(value, lang)
    if kind is FieldKind.FIELD_PATHS and isinstance(value, list):
        return "; ".join(field_label(rtype, str(p), lang) or str(p) for p in value)
    if kind is FieldKind.LIST and isinstance(value, list):
        return "; ".join(_change_line(item, lang) for item in value if isinstance(item, Mapping))
    if isinstance(value, str):
        return value_label(rtype, path, value, lang)
    return "" if value is None else str(value)


def _change_line(item: Mapping[str, object], lang: str) -> str:
    """One line of a change: "Họ, chữ đệm, tên: Nguyễn Văn An → Nguyễn Văn Ân"."""
    field = str(item.get("field") or "")
    name = changed_field_name(field) if lang == "vi" else field.rpartition(".")[2]
    name = name[:1].upper() + name[1:]
    old, new = item.get("from"), item.get("to")
    shown = " → ".join(from_iso(v) if isinstance(v, str) else str(v)
                       for v in (old, new) if _present(v))
    return f"{name}: {shown}" if shown else name


def object_words(rtype: str, kind: FieldKind, path: str, value: object, lang: str) -> str:
    """An object in one line, when it reads as one: an address, a document, a reference to
    a registration, an old book's page. A person or a group of the form: ""."""
    if not isinstance(value, Mapping):
        return ""
    if kind is FieldKind.ADDRESS:
        return _address(value, lang)
    if kind is FieldKind.DOCUMENT:
        return _document(rtype, path, value, lang)
    if kind is FieldKind.REFERENCE:
        return _reference(value)
    if path == "source":
        return _source(value)
    return ""


def _address(value: Mapping[str, object], lang: str) -> str:
    parts = [str(value[k]) for k in ("facility",) if _present(value.get(k))]
    if _present(value.get("as_written")):
        return ", ".join([*parts, str(value["as_written"])])
    if _present(value.get("detail")):
        parts.append(str(value["detail"]))
    if _present(value.get("commune_code")):
        parts.append(place(value["commune_code"], lang))
    where = value.get("country")
    if _present(where) and str(where).upper() != "VN":
        parts.append(country(where, lang))
    return ", ".join(parts)


def _document(rtype: str, path: str, value: Mapping[str, object], lang: str) -> str:
    text = value_label(rtype, f"{path}.kind", value["kind"], lang) \
        if _present(value.get("kind")) else ""
    if _present(value.get("number")):
        text = _put(translate("RecordWords", "%1 no. %2"), text, str(value["number"])).strip()
    if _present(value.get("issued_by")):
        text += ", " + str(value["issued_by"])
    if _present(value.get("issued_on")):
        text += ", " + _put(translate("RecordWords", "issued on %1"), from_iso(value["issued_on"]))
    return text.strip(", ")


def _reference(value: Mapping[str, object]) -> str:
    parts: list[str] = []
    if _present(value.get("registration_number")):
        parts.append(_put(translate("RecordWords", "No. %1"), str(value["registration_number"])))
    if _present(value.get("book_number")):
        parts.append(_put(translate("RecordWords", "book %1"), str(value["book_number"])))
    if _present(value.get("registered_on")):
        parts.append(_put(translate("RecordWords", "of %1"), from_iso(value["registered_on"])))
    if _present(value.get("office")):
        parts.append(_put(translate("RecordWords", "at %1"), str(value["office"])))
    return ", ".join(parts)


def _source(value: Mapping[str, object]) -> str:
    """Where an old book's entry was copied from: "Trang 5, sổ năm 2016, quyển số 01"."""
    parts: list[str] = []
    if _present(value.get("page")):
        parts.append(_put(translate("RecordWords", "Page %1"), str(value["page"])))
    if _present(value.get("year")):
        parts.append(_put(translate("RecordWords", "book of %1"), str(value["year"])))
    if _present(value.get("book_number")):
        parts.append(_put(translate("RecordWords", "book no. %1"), str(value["book_number"])))
    if _present(value.get("entry_number")):
        parts.append(_put(translate("RecordWords", "entry %1"), str(value["entry_number"])))
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def value_words(rtype: str, path: str, value: object, lang: str) -> str:
    """Any stored value at a field path in words (a leaf, or an object in one line)."""
    from desktop_app.domain.fields import find_field

    definition = find_field(rtype, path)
    kind = definition.kind if definition is not None else FieldKind.TEXT
    if kind.is_object:
        return object_words(rtype, kind, path, value, lang)
    return leaf_words(rtype, kind, path, value, lang)
