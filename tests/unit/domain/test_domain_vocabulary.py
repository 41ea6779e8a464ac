"""One vocabulary of value labels: every code a form offers has a label in both languages,
found from the field that holds it."""

from __future__ import annotations

import pytest

from desktop_app.domain.fields import FieldKind, iter_fields
from desktop_app.domain.record_types import RecordType
from desktop_app.domain.vocabulary import (
    TERMS,
    Vocabulary,
    label,
    label_or_code,
    value_label,
    vocabulary_for,
)


@pytest.mark.parametrize("rt", list(RecordType))
def test_every_choice_of_every_select_field_has_both_labels(rt: RecordType) -> None:
    for info in iter_fields(rt):
        if info.kind is FieldKind.COUNTRY:
            assert vocabulary_for(rt, info.path) is Vocabulary.NATIONALITY, info.path
        if info.kind is not FieldKind.SELECT:
            continue
        vocabulary = vocabulary_for(rt, info.path)
        assert vocabulary is not None, info.path
        for choice in info.choices:
            vi, en = label(vocabulary, choice, "vi"), label(vocabulary, choice, "en")
            assert vi and en, (info.path, choice)


def test_a_code_is_read_in_the_vocabulary_of_its_field() -> None:
    assert value_label("birth", "declarant.relationship", "other") == "Khác"
    assert value_label("birth", "declarant.id_document.kind", "other") == "Giấy tờ"
    assert value_label("guardianship", "termination_reason", "other") == "Lý do khác"
    assert value_label("change", "kind", "change") == "Thay đổi hộ tịch"
    assert value_label("recognition", "kind", "father_recognises_child", "en") == (
        "Father recognises child"
    )
    assert value_label("birth", "birth_evidence.kind", "witness") == (
        "Văn bản xác nhận của người làm chứng"
    )
    assert value_label("birth", "child.id_document.kind", "cccd") == "Thẻ căn cước công dân"
    assert value_label("death", "place_of_death.country", "vn") == "Việt Nam"
    assert value_label("birth", "child.sex", "female", "en") == "Female"
    assert value_label("birth", "source.phase", "4") == "4: 1975 trở về trước"
    assert value_label("marriage", "changes[0].field", "x") == "x"


def test_free_text_and_unknown_codes_read_as_stored() -> None:
    assert value_label("birth", "child.full_name", "female") == "female"  # not a coded field
    assert value_label("birth", "child.sex", "unknown") == "unknown"
    assert value_label("birth", "", "x") == "x"
    assert label_or_code(None, "Giấy chứng sinh") == "Giấy chứng sinh"
    assert label(Vocabulary.DOCUMENT, "nothing") is None


def test_every_vocabulary_has_terms_in_both_languages() -> None:
    assert set(TERMS) == set(Vocabulary)
    for vocabulary, terms in TERMS.items():
        assert terms, vocabulary
        for code, term in terms.items():
            assert term.vi.strip() and term.en.strip(), (vocabulary, code)
