import json
from datetime import date

from domain_support import BASE, TODAY, codes, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain import RecordType, iter_fields, json_schema, prepare_record, validate

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["child", "full_name", "date_of_birth", "mother", "x", "changes", "kind"]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


def test_unknown_fields_and_wrong_types_are_reported() -> None:
    issues = run("birth", {"child.nick": "A", "child.sex": "m", "child.full_name": 5})
    found = {(i.code, i.field) for i in issues}
    assert ("E-FIELD-UNKNOWN", "child.nick") in found
    assert ("E-FIELD-VALUE", "child.sex") in found
    assert ("E-FIELD-TYPE", "child.full_name") in found
    assert codes(validate("birth", "not an object", today=TODAY)) == {"E-FIELD-TYPE"}


def test_type_field_must_match() -> None:
    assert "E-FIELD-VALUE" in codes(run("birth", {"type": "death"}))
    assert "E-FIELD-VALUE" not in codes(run("birth", {"type": "birth"}))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(list(RecordType)), JSON, st.booleans())
def test_validation_never_raises_on_arbitrary_json(
    rt: RecordType, data: object, hist: bool
) -> None:
    issues = validate(rt, data, historical=hist, today=date(2026, 1, 1))  # type: ignore[arg-type]
    assert "E-RULE-FAILED" not in codes(issues)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(list(RecordType)),
    st.dictionaries(
        st.sampled_from(
            [
                "child",
                "mother",
                "husband",
                "wife",
                "deceased",
                "subject",
                "guardian",
                "ward",
                "parent",
                "declarant",
                "changes",
                "basis",
                "time_of_death",
                "registered_on",
                "source",
                "illegible",
            ]
        ),
        JSON,
        max_size=6,
    ),
    st.booleans(),
)
def test_validation_never_raises_on_typed_keys(rt: RecordType, data: dict, hist: bool) -> None:
    merged = dict(BASE[rt], **data)
    assert "E-RULE-FAILED" not in codes(validate(rt, merged, historical=hist, today=TODAY))


def test_schema_is_draft_2020_12_and_covers_every_field() -> None:
    for rt in RecordType:
        schema = json_schema(rt)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        json.dumps(schema)
        assert {"source", "illegible", "registered_on"} <= set(schema["properties"])
        for info in iter_fields(rt):
            node = schema
            for part in info.path.replace("[]", "").split("."):
                props = _props(node)
                assert part in props, (rt, info.path)
                node = props[part]


def _props(node: dict) -> dict:
    """Union of the properties reachable through anyOf / oneOf / array items."""
    props: dict = dict(node.get("properties", {}))
    if node.get("type") == "array":
        props |= _props(node["items"])
    for alt in [*node.get("anyOf", []), *node.get("oneOf", [])]:
        props |= _props(alt)
    return props


def test_schema_required_only_for_new_registrations() -> None:
    assert "child" in json_schema("birth")["required"]
    assert "required" not in json_schema("birth", historical=True)
    child = json_schema("birth")["properties"]["child"]
    assert "full_name" in child["required"]


def test_prepare_record_converts_legacy_addresses_keeping_the_text() -> None:
    text = "Thôn 3, Xã Ea Tu, Thành phố Buôn Ma Thuột, Tỉnh Đắk Lắk"
    data = dict(BASE["death"], place_of_death={"as_written": text})
    prepared = prepare_record("death", data)
    place = prepared["place_of_death"]
    assert place == {
        "as_written": text,
        "commune_code": "24163",
        "converted": True,
        "detail": "Thôn 3",
    }
    assert data["place_of_death"] == {"as_written": text}  # input untouched
    assert "W-ADDRESS-LEGACY" in codes(validate("death", prepared, today=TODAY))
