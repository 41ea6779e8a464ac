"""One value of a record as an extract prints it: addresses, documents, references, changes.

Plain strings in NFC, no markup and no reportlab: :mod:`signing.compose` places them in the
extract's lines. Commune and province names come from the core's gazetteer
(:func:`desktop_app.domain.addresses.commune`), the one the screens use.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from desktop_app.domain.addresses import commune
from desktop_app.domain.notes import changed_field_name, note_text
from desktop_app.domain.text import upper_name
from signing import layouts
from signing.model import ChangeNote
from signing.words import WordsStyle, date_in_figures, date_in_words

__all__ = [
    "format_address",
    "format_changes",
    "format_document",
    "format_id_document",
    "format_note",
    "format_record_ref",
    "is_present",
    "nfc",
    "safe_figures",
    "safe_words",
    "upper_name",
]


def is_present(value: object) -> bool:
    return value not in (None, "", [], {})


def nfc(value: object) -> str:
    return unicodedata.normalize("NFC", str(value))


def safe_figures(value: object) -> str:
    """A (partial) date in figures; a text that is no date is kept as found (historical
    entries)."""
    try:
        return date_in_figures(str(value))
    except ValueError:
        return nfc(value)


def safe_words(value: object, style: WordsStyle) -> str:
    try:
        return date_in_words(str(value), style)
    except ValueError:
        return ""


def format_address(value: object) -> str:
    """An address as printed: the text as found (``as_written``) when there is one, else
    facility, detail, commune and province (and the country when not Việt Nam)."""
    if value is None:
        return ""
    if not isinstance(value, Mapping):
        return nfc(value)
    parts: list[str] = []
    facility = value.get("facility")
    if is_present(facility):
        parts.append(nfc(facility))
    if is_present(value.get("as_written")):
        parts.append(nfc(value["as_written"]))
        return ", ".join(parts)
    if is_present(value.get("detail")):
        parts.append(nfc(value["detail"]))
    if is_present(value.get("commune_code")):
        found = commune(str(value["commune_code"]))
        if found is not None:
            parts.extend((found.name, found.province_name))
    country = value.get("country")
    if is_present(country) and str(country).upper() != "VN":
        parts.append(layouts.COUNTRY_FOR_ADDRESS.get(str(country).upper(), nfc(country)))
    return ", ".join(parts)


def format_id_document(value: object) -> str:
    """A personal paper: "<kind> số <n>, <issuer> cấp ngày <d>"."""
    if not isinstance(value, Mapping):
        return "" if value is None else nfc(value)
    kind = layouts.ID_KINDS.get(str(value.get("kind", "")), nfc(value.get("kind") or ""))
    return _issued_paper(value, kind, issuer="{}", dated="cấp ngày {}")


def format_document(value: object) -> str:
    """Any other paper: "<kind> số <n>, do <issuer> cấp ngày <d>"."""
    if not isinstance(value, Mapping):
        return "" if value is None else nfc(value)
    kind = str(value["kind"]) if is_present(value.get("kind")) else ""  # None: no kind, not "None"
    text = layouts.DOCUMENT_KINDS.get(kind, nfc(kind) if kind else "")
    return _issued_paper(value, text, issuer="do {} cấp", dated="ngày {}")


def _issued_paper(value: Mapping[str, object], kind: str, *, issuer: str, dated: str) -> str:
    """The kind's words, then its number, who issued it and when (each only when given)."""
    text = kind
    if is_present(value.get("number")):
        text = f"{text} số {nfc(value['number'])}".strip()
    on = value.get("issued_on")
    when = dated.format(safe_figures(on)) if is_present(on) else ""
    if is_present(value.get("issued_by")):
        text += ", " + issuer.format(nfc(value["issued_by"]))
        if when:
            text += f" {when}"
    elif when:
        text += f", {when}"
    return text


def format_record_ref(value: object) -> str:
    """A reference to another registration: "<kind> số <n>, quyển số <b>, ngày <d>, tại <o>"."""
    if not isinstance(value, Mapping):
        return ""  # a bare record id: the caller resolves it into a mapping
    parts: list[str] = []
    kind = value.get("type") or value.get("kind")
    head = layouts.RECORD_KINDS.get(str(kind), nfc(kind)) if is_present(kind) else ""
    if is_present(value.get("registration_number")):
        head = f"{head} số {nfc(value['registration_number'])}".strip()
    if head:
        parts.append(head)
    if is_present(value.get("book_number")):
        parts.append(f"quyển số {nfc(value['book_number'])}")
    if is_present(value.get("registered_on")):
        parts.append(f"ngày {safe_figures(value['registered_on'])}")
    office = value.get("office_name") or value.get("office")
    if is_present(office):
        parts.append(f"tại {nfc(office)}")
    return ", ".join(parts)




def _change_value(value: object) -> str:
    if isinstance(value, Mapping):
        if "full_name" in value:
            return nfc(value["full_name"])
        if any(k in value for k in ("commune_code", "detail", "as_written", "facility")):
            return format_address(value)
        return ", ".join(nfc(v) for v in value.values() if is_present(v))
    return "" if value is None else nfc(value)


def format_changes(value: object) -> list[str]:
    """One line per change of a change record: "Họ, chữ đệm, tên: từ “A” thành “B”"."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        return []
    lines = []
    for item in value:
        if not isinstance(item, Mapping):
            continue
        name = changed_field_name(str(item.get("field", "")))
        lines.append(
            f"{name[:1].upper()}{name[1:]}: từ “{_change_value(item.get('from'))}” "
            f"thành “{_change_value(item.get('to'))}”"
        )
    return lines


def format_note(note: ChangeNote | str) -> str:
    """One Ghi chú line: the core's note as the screens show it too, or a free text."""
    return nfc(note) if isinstance(note, str) else note_text(note)
