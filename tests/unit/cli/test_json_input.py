"""JSON from outside: too deep or holding a lone surrogate is refused, anywhere in the value;
a well-formed record (paired surrogates, a raw emoji, deep enough) is read as it is."""

from __future__ import annotations

import pytest

from desktop_app.errors import UsageError
from desktop_app.json_input import MAX_DEPTH, parse_json


@pytest.mark.parametrize("text", [
    '{"a": "\\ud800"}', '{"\\udfff": 1}', '[1, [2, ["x\\uDC00y"]]]', '"\\ud83d"',
    '{"a": "\udc80"}',  # a byte that stdin under the C locale decoded with surrogateescape
])
def test_a_lone_surrogate_is_refused_wherever_it_is(text: str) -> None:
    with pytest.raises(UsageError):
        parse_json(text)


def test_paired_surrogates_and_raw_text_are_kept() -> None:
    assert parse_json('{"n": "\\ud83d\\ude00 H’Hen Niê", "k": ["\\\\ud800"]}') == {
        "n": "😀 H’Hen Niê", "k": ["\\ud800"]}


def test_depth_is_counted_in_containers_only() -> None:
    deep = "[" * MAX_DEPTH + '"x"' + "]" * MAX_DEPTH
    assert parse_json(deep) is not None
    with pytest.raises(UsageError):
        parse_json("[" + deep + "]")
    with pytest.raises(UsageError):
        parse_json('{"a": ' * (MAX_DEPTH + 1) + "1" + "}" * (MAX_DEPTH + 1))
