"""Dotted paths into record data: the one reader and writer every layer uses."""

from __future__ import annotations

from desktop_app.domain.access import get, get_date, get_str, put
from desktop_app.domain.dates import PartialDate

RECORD = {
    "child": {"full_name": "Nguyễn An", "place_of_birth": {"commune_code": "26734"}},
    "mother": "not an object",
    "original_record": {"record_id": "abc"},
}


def test_get_walks_objects_and_reads_wrong_shapes_as_absent() -> None:
    assert get(RECORD, "child.place_of_birth.commune_code") == "26734"
    assert get(RECORD, "child") is RECORD["child"]
    assert get(RECORD, "child.missing.deeper") is None
    assert get(RECORD, "mother.full_name") is None  # a text where an object belongs
    assert get(RECORD, "child.full_name.x") is None
    assert get("text", "child") is None
    assert get(None, "child") is None


def test_typed_readers_use_the_same_walk() -> None:
    data = {"child": {"date_of_birth": "2025-03", "full_name": "  "}}
    assert get_date(data, "child.date_of_birth") == PartialDate(2025, 3)
    assert get_date({"child": {"date_of_birth": "2025-02-30"}}, "child.date_of_birth") is None
    assert get_str(data, "child.full_name") is None


def test_put_makes_the_objects_on_the_way_and_round_trips_with_get() -> None:
    data: dict[str, object] = {}
    put(data, "child.place_of_birth.commune_code", "26734")
    put(data, "child.full_name", "Nguyễn An")
    put(data, "kind", "late")
    assert data == {
        "child": {"place_of_birth": {"commune_code": "26734"}, "full_name": "Nguyễn An"},
        "kind": "late",
    }
    assert get(data, "child.place_of_birth.commune_code") == "26734"


def test_put_never_overwrites_a_value_that_is_not_an_object() -> None:
    data: dict[str, object] = {"mother": "as written"}
    put(data, "mother.full_name", "Lê Bình")
    assert data == {"mother": "as written"}
