"""The extracts print the codes of a record in the domain's vocabulary, the words the
screens show: a value reads the same on the screen and on the signed paper."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from signing_support import info, pdftotext, records

from desktop_app.domain.vocabulary import Vocabulary, label, labels, vocabulary_for
from signing import layouts
from signing.render import render_extract

TOKEN = "eyJ2IjoxfQ." + "A" * 86
# What the extract layouts print of a record's codes (relationships and registration kinds
# are not printed on any extract).
PRINTED = {
    Vocabulary.SEX,
    Vocabulary.NATIONALITY,
    Vocabulary.ID_DOCUMENT,
    Vocabulary.DOCUMENT,
    Vocabulary.RECOGNITION_KIND,
    Vocabulary.CHANGE_KIND,
    Vocabulary.GUARDIANSHIP_KIND,
    Vocabulary.TERMINATION_REASON,
}


def _codes(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _codes(child, f"{path}.{key}" if path else str(key))
    elif isinstance(value, str):
        yield path, value


def _layout_paths(rows: tuple[layouts.Row, ...]) -> set[str]:
    paths: set[str] = set()
    for row in rows:
        cells = row.cells if isinstance(row, layouts.Line) else (row,)
        paths.update(c.path for c in cells if isinstance(c, layouts.Field))
    return paths


def _printed_codes(form: str) -> list[tuple[str, str, str]]:
    record = records()[form]
    rtype = str(record["type"])
    fields = _layout_paths(layouts.FORMS[form].body)
    found = []
    for path, code in _codes(record):
        vocabulary = vocabulary_for(rtype, path)
        if vocabulary not in PRINTED or not any(
            path == f or path.startswith(f"{f}.") for f in fields
        ):
            continue
        word = label(vocabulary, code)
        if word is not None:
            found.append((path, code, word))
    return found


@pytest.mark.parametrize("form", sorted(records()))
def test_every_code_an_extract_prints_reads_as_the_vocabulary_says(
    form: str, tmp_path: Path
) -> None:
    text = " ".join(pdftotext(render_extract(records()[form], info(), token=TOKEN).pdf,
                              tmp_path).split())
    for path, code, word in _printed_codes(form):
        assert word in text, (path, code)


def test_the_sample_records_cover_every_printed_vocabulary() -> None:
    """So that the test above cannot pass by finding nothing to check."""
    covered = {
        vocabulary_for(str(records()[form]["type"]), path)
        for form in records()
        for path, _code, _word in _printed_codes(form)
    }
    assert covered == PRINTED


def test_the_layout_tables_are_the_vocabulary_not_copies() -> None:
    assert layouts.SEX == labels(Vocabulary.SEX)
    assert layouts.NATIONALITIES == labels(Vocabulary.NATIONALITY)
    assert layouts.ID_KINDS == labels(Vocabulary.ID_DOCUMENT)
    assert layouts.DOCUMENT_KINDS == labels(Vocabulary.DOCUMENT)
    assert layouts.TERMINATION_REASONS == labels(Vocabulary.TERMINATION_REASON)
    for vocabulary in (Vocabulary.RECOGNITION_KIND, Vocabulary.CHANGE_KIND,
                       Vocabulary.GUARDIANSHIP_KIND):
        assert labels(vocabulary).items() <= layouts.KINDS.items()
