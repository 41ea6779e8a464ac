"""The OCR reviews of a blind first keying are kept (by its page and position: it is no record
yet), so the accepted share counts both keyers of a double entry; a correction replaces them,
a discard takes them away, and nobody saves reviews for another's keying."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.errors import HotichError
from desktop_app.ocr.review import reviews_of
from desktop_app.workflows import books, ocr
from tests.samples import build
from tests.unit.books.test_books import DEATH, _book, _folder
from tests.unit.conftest import Office

SUGGESTED = [("deceased.full_name", "Nguyễn Văn Bảy", 0.9, "trueocr"),
             ("registration_number", "7", 0.8, "trueocr")]


def test_both_keyers_count_in_the_accepted_share(office: Office, tmp_path: Path) -> None:
    first, second, boss = office("canbo"), office("canbo2"), office("chutich")
    books.set_double_entry(boss, True)
    book = _book(first)
    books.import_pages(first, book.id, _folder(tmp_path))
    typed = build("death", DEATH)
    assert books.key_entry(first, book.id, 1, 1, typed).record is None
    took_all = reviews_of(SUGGESTED, {"deceased.full_name", "registration_number"}, typed)
    with pytest.raises(HotichError):  # not theirs to review
        ocr.record_blind_reviews(second, book.id, 1, 1, took_all)
    ocr.record_blind_reviews(first, book.id, 1, 1, took_all)
    ocr.record_blind_reviews(first, book.id, 1, 1, took_all)  # again: replaced, not added
    [only_first] = ocr.ocr_stats(boss).officers
    assert (only_first.key, only_first.accepted) == ("canbo", 2)

    done = books.key_entry(second, book.id, 1, 1, typed)
    assert done.record is not None
    ocr.record_reviews(second, done.record.id,
                       reviews_of(SUGGESTED, {"deceased.full_name"}, done.record.data))
    stats = ocr.ocr_stats(boss)
    assert {(c.key, c.accepted, c.total) for c in stats.officers} == {("canbo", 2, 2),
                                                                      ("canbo2", 1, 2)}
    [engine] = stats.engines
    assert (engine.accepted, engine.total) == (3, 4)


def test_a_discarded_keying_takes_its_reviews_away(office: Office, tmp_path: Path) -> None:
    first, boss = office("canbo"), office("chutich")
    books.set_double_entry(boss, True)
    book = _book(first)
    books.import_pages(first, book.id, _folder(tmp_path))
    typed = build("death", DEATH)
    books.key_entry(first, book.id, 1, 1, typed)
    ocr.record_blind_reviews(first, book.id, 1, 1, reviews_of(SUGGESTED, set(), typed))
    assert ocr.ocr_stats(boss).engines[0].total == 2
    books.discard_own_keying(first, book.id, 1, 1)
    assert ocr.ocr_stats(boss).engines == []
