"""JSON Schema (draft 2020-12) of each record type, generated from the field definitions.

``historical=False`` (new registrations) lists the required fields; ``historical=True``
requires nothing, since an old book is recorded as found. Both carry ``source`` and
``illegible`` and the read-only system fields of ``record show --json``.
"""

from __future__ import annotations

from desktop_app.domain.fields import FieldDef, FieldKind, record_fields
from desktop_app.domain.record_types import RECORD_TYPE_LABELS, RecordType, record_type
from desktop_app.domain.types import JSONObject, JSONValue

DRAFT = "https://json-schema.org/draft/2020-12/schema"
PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
DATE_TIME_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2})?)?)?$"


def _base(d: FieldDef, historical: bool) -> JSONObject:
    kind = d.kind
    if kind.is_object:
        if kind is FieldKind.PERSON_OR_ORGANISATION:
            return {
                "oneOf": [
                    _object(d.children, historical),
                    _object(d.alternative, historical),
                ]
            }
        return _object(d.children, historical)
    if kind is FieldKind.LIST:
        item: JSONObject = _base(d.item, historical) if d.item is not None else {}
        return {"type": "array", "items": item}
    if kind is FieldKind.FIELD_PATHS:
        return {"type": "array", "items": {"type": "string"}}
    if kind is FieldKind.DATE:
        return {"type": "string", "pattern": PARTIAL_DATE_PATTERN}
    if kind is FieldKind.DATE_TIME:
        return {"type": "string", "pattern": DATE_TIME_PATTERN}
    if kind is FieldKind.INTEGER:
        return {"type": "integer", "minimum": 0}
    if kind in (FieldKind.TEXT_OR_INTEGER, FieldKind.COMMUNE):
        return {"type": ["string", "integer"]}
    if kind is FieldKind.BOOLEAN:
        return {"type": "boolean"}
    if kind is FieldKind.SELECT:
        values: list[JSONValue] = (
            [int(v) for v in d.choices]
            if d.choices and all(v.isdigit() for v in d.choices)
            else list(d.choices)
        )
        return {"enum": values}
    if kind is FieldKind.PERSONAL_ID:
        return {"type": "string", "pattern": r"^[0-9]{12}$"}
    if kind is FieldKind.ANY:
        return {}
    return {"type": "string"}


def _property(d: FieldDef, historical: bool) -> JSONObject:
    schema = _base(d, historical)
    if not d.required or historical:
        schema = {"anyOf": [schema, {"type": "null"}]} if schema else {}
    schema = {"title": d.label_vi, "description": d.label_en, "x-kind": str(d.kind), **schema}
    if d.read_only:
        schema["readOnly"] = True
    return schema


def _object(fields: tuple[FieldDef, ...], historical: bool) -> JSONObject:
    schema: JSONObject = {
        "type": "object",
        "properties": {f.name: _property(f, historical) for f in fields},
        "additionalProperties": False,
    }
    required: list[JSONValue] = [f.name for f in fields if f.required and not historical]
    if required:
        schema["required"] = required
    return schema


def json_schema(rt: RecordType | str, *, historical: bool = False) -> JSONObject:
    """The JSON Schema of a record type's canonical JSON (input and ``record show --json``)."""
    t = record_type(rt)
    vi, en = RECORD_TYPE_LABELS[t]
    body = _object(record_fields(t, with_system=True), historical)
    return {
        "$schema": DRAFT,
        "$id": f"urn:hotich:record:{t}{':historical' if historical else ''}",
        "title": vi,
        "description": en,
        **body,
    }
