"""OCR over a real store: only pages the officer marked printed or typed are read; the
suggestions of a photographed page are read for real; reviews saved with the keyed entry
give the accepted share by engine, field and officer (workflow and `hotich books ...`)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.errors import HotichError
from desktop_app.ocr.review import reviews_of
from desktop_app.ports import TextRecogniser
from desktop_app.workflows import books, ocr
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.support.register_pages import RegisterPage
from tests.unit.conftest import Office


def test_only_printed_or_typed_pages_are_read_and_reviews_give_the_share(
        office: Office, photographed_page: RegisterPage, trueocr: TextRecogniser) -> None:
    officer = office("canbo")
    book = books.open_book(officer, "birth", 2010, "01/2010", "UBND xã Hòa Phú", 1)
    books.add_page(officer, book.id, photographed_page.image, file_name="IMG_0001.jpg")
    with pytest.raises(HotichError) as caught:
        ocr.suggest_page(officer, book.id, 1, trueocr)
    assert caught.value.code == "E-OCR-WRITING-UNSET"
    ocr.set_page_writing(officer, book.id, 1, "handwritten")
    with pytest.raises(HotichError) as caught:
        ocr.suggest_page(officer, book.id, 1, trueocr)
    assert caught.value.code == "E-OCR-HANDWRITTEN"
    with pytest.raises(HotichError):
        ocr.set_page_writing(officer, book.id, 1, "carved")

    assert ocr.set_page_writing(officer, book.id[:8], 1, "printed") is ocr.PageWriting.PRINTED
    assert ocr.page_writing(officer, book.id, 1) is ocr.PageWriting.PRINTED
    reading = ocr.suggest_page(officer, book.id, 1, trueocr)
    assert ocr.suggest_page(officer, book.id, 1, trueocr) is reading  # read once, kept
    entry = reading.entry(1)
    assert entry is not None and entry.number == str(photographed_page.entries[0].number)

    # The officer takes every suggestion but the sex, and changes the mother's name.
    data: dict[str, object] = {}
    for f in entry.fields:
        node = data
        *parents, last = f.path.split(".")
        for part in parents:
            node = node.setdefault(part, {})  # type: ignore[assignment]
        node[last] = f.value  # type: ignore[index]
    data["mother"] = {"full_name": "Tên Khác Hẳn"}
    accepted = {f.path for f in entry.fields} - {"child.sex"}
    keyed = books.key_entry(officer, book.id, 1, 1, data)
    reviews = reviews_of([(f.path, f.value, f.confidence, f.engine) for f in entry.fields],
                         accepted, keyed.record.data)
    ocr.record_reviews(officer, keyed.record.id, reviews)
    ocr.record_reviews(officer, keyed.record.id, reviews)  # saved again: replaced, not added

    stats = ocr.ocr_stats(office("chutich"))
    [engine] = stats.engines
    assert engine.key == "trueocr" and engine.total == len(entry.fields)
    assert engine.edited == 1 and engine.rejected == 1
    assert engine.accepted == len(entry.fields) - 2
    assert {c.key for c in stats.fields} == {f.path for f in entry.fields}
    assert [c.key for c in stats.officers] == ["canbo"]


def test_the_command_line_marks_reads_and_counts(cli: Callable[..., CliResult], data_dir: Path,
                                                 tmp_path: Path,
                                                 photographed_page: RegisterPage) -> None:
    PW = "staff-password"
    assert cli("--data-dir", data_dir, "--user", "admin", "user", "add", "canbo", "--role",
               "officer", "--password-stdin", stdin=PW + "\n",
               password=ADMIN_PASSWORD).code == 0

    def as_officer(*args: object) -> CliResult:
        return cli("--data-dir", data_dir, "--user", "canbo", "--json", *args, password=PW)

    opened = as_officer("books", "open", "--type", "birth", "--year", "2010", "--number",
                        "01/2010", "--office", "UBND xã Hòa Phú", "--phase", "1")
    book = json.loads(opened.out)["id"]
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "IMG_0001.jpg").write_bytes(photographed_page.image)
    assert as_officer("books", "pages", book, "--from", folder).code == 0
    refused = as_officer("books", "ocr", book, "1")
    assert refused.code == 1 and "Traceback" not in refused.err
    assert as_officer("books", "writing", book, "1", "typed").code == 0
    read = as_officer("books", "ocr", book, "1", "--engine", "trueocr")
    assert read.code == 0, read.err
    answer = json.loads(read.out)
    assert answer["engine"] == "trueocr"
    words = cli("--data-dir", data_dir, "--user", "canbo", "books", "ocr", book, "1",
                "--engine", "trueocr", password=PW)
    shares = [line for line in words.out.splitlines() if line.startswith("  ")]
    assert shares and all(re.search(r"  \(\d+ %\)$", line) for line in shares), words.out
    assert [e["number"] for e in answer["entries"]] == [
        str(e.number) for e in photographed_page.entries]
    stats = as_officer("books", "ocr-stats")
    assert stats.code == 0 and json.loads(stats.out)["engines"] == []
