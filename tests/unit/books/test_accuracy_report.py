"""The accuracy report saved from the books page: officers by full name, the shares as per
cents, the fields most often wrong in the form's words, the re-checks with their interval."""

from __future__ import annotations

import csv
from pathlib import Path

from desktop_app.workflows import accounts, accuracy_report, books, recheck
from tests.samples import build
from tests.unit.books.test_books import DEATH, _book, _folder
from tests.unit.books.test_recheck_and_crop import _verified_book
from tests.unit.conftest import Office


def test_the_report_names_officers_and_fields_in_words(office: Office,
                                                        tmp_path: Path) -> None:
    first, second, boss = office("canbo"), office("canbo2"), office("chutich")
    assert accounts.full_names(boss)["canbo"] == "Lò Thị Cán"
    books.set_double_entry(boss, True)
    book = _book(first)
    books.import_pages(first, book.id, _folder(tmp_path))
    books.key_entry(first, book.id, 1, 1, build("death", {**DEATH, "registration_number": "8"}))
    split = books.key_entry(second, book.id, 1, 1, build("death", {
        **DEATH, "registration_number": "3"}))
    assert split.record is not None
    books.decide(boss, split.record.id, {"registration_number": "8"})

    rows = accuracy_report.report_rows(boss)
    officers = {r[1]: r for r in rows if r[0] == "Cán bộ nhập"}
    assert set(officers) == {"Lò Thị Cán", "Vàng A Hai"}  # not canbo, canbo2
    compared = int(officers["Vàng A Hai"][3])
    assert officers["Vàng A Hai"][4:7] == ["1", accuracy_report.percent(1, compared), "1"]
    assert "," in officers["Vàng A Hai"][5] and officers["Lò Thị Cán"][6] == "0"
    [field] = [r for r in rows if r[0] == "Trường hay sai nhất"]
    assert field[1] == "Số" and field[4] == "1"  # the form's label, not the path

    out = tmp_path / "accuracy.csv"
    assert accuracy_report.save_report(boss, out) == len(rows) - 1
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode())
    assert list(csv.reader(raw.decode("utf-8-sig").splitlines())) == rows
    assert "registration_number" not in raw.decode("utf-8-sig")


def test_a_recheck_shows_in_the_report_with_its_interval(office: Office,
                                                         tmp_path: Path) -> None:
    boss = office("chutich")
    book = _verified_book(office, tmp_path, 5)
    sample = recheck.draw_recheck(boss, book_id=book.id, seed=1)
    [row] = [r for r in accuracy_report.report_rows(boss, "en") if r[0] == "Sample re-check"]
    assert row[1] == f"{book.book_number} ({book.year})" and row[2] == f"0/{5}"
    assert row[7] == "0.0 % – 100.0 %"  # nothing re-keyed yet: the interval is the whole
    [vi] = [r for r in accuracy_report.report_rows(boss, "vi") if r[0] == "Kiểm tra lại theo mẫu"]
    assert vi[7] == "0,0 % – 100,0 %"  # each language writes its own decimals
    assert recheck.recheck_report(boss, sample.id).drawn == 5
