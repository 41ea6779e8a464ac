"""`hotich books close`: each closed book's totals as a Vietnamese line, counts grouped;
--json keeps the totals as the store records them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from desktop_app.cli.records_cmd import _closed_line
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.samples import build

STAFF_PASSWORD = "staff-password"


def _approved_death(cli: Callable[..., CliResult], data_dir: Path, tmp_path: Path) -> str:
    for name, role in (("canbo", "officer"), ("chutich", "supervisor")):
        added = cli("--data-dir", data_dir, "--user", "admin", "user", "add", name, "--role",
                    role, "--password-stdin", stdin=STAFF_PASSWORD + "\n",
                    password=ADMIN_PASSWORD)
        assert added.code == 0, added.err
    source = tmp_path / "death.json"
    source.write_text(json.dumps(build("death"), ensure_ascii=False), encoding="utf-8")
    officer = ("--data-dir", data_dir, "--user", "canbo")
    rid = cli(*officer, "record", "new", "death", "--from", source,
              password=STAFF_PASSWORD).out.strip()
    assert cli(*officer, "record", "submit", rid, password=STAFF_PASSWORD).code == 0
    approved = cli("--data-dir", data_dir, "--user", "chutich", "--json", "record", "approve",
                   rid, "--override", "W-KT-LATE=Gia đình ở xa", password=STAFF_PASSWORD)
    assert approved.code == 0, approved.err
    return str(json.loads(approved.out)["book_number"])


def test_books_close_says_each_books_totals_in_a_line_and_json_keeps_them(
        cli: Callable[..., CliResult], data_dir: Path, tmp_path: Path) -> None:
    book_number = _approved_death(cli, data_dir, tmp_path)
    year = int(book_number.split("-")[-2])
    boss = ("--data-dir", data_dir, "--user", "chutich")
    closed = cli(*boss, "books", "close", "--year", year, password=STAFF_PASSWORD)
    assert closed.code == 0, closed.err
    assert closed.out == f"death        {book_number:<20} đã khóa sổ: 1 mục, số 1-1\n"
    again = cli(*boss, "books", "close", "--year", year, password=STAFF_PASSWORD)
    assert again.code == 0 and again.out == f"Năm {year} không còn sổ nào đang mở.\n"
    # --json: the totals as the store records them, as before
    other = tmp_path / "other"
    made = cli("--data-dir", other, "init", "--commune", "00070", "--admin", "admin",
               "--password-stdin", stdin=ADMIN_PASSWORD + "\n")
    assert made.code == 0, made.err
    assert _approved_death(cli, other, tmp_path) == book_number
    as_json = cli("--data-dir", other, "--user", "chutich", "--json", "books", "close",
                  "--year", year, password=STAFF_PASSWORD)
    assert json.loads(as_json.out) == {"ok": True, "closed": [{
        "book_number": book_number,
        "totals": {"entries": 1, "first_number": 1, "last_number": 1, "year_end": True}}]}


def test_a_closed_books_line_groups_its_count_not_its_numbers() -> None:
    totals = {"entries": 12345, "first_number": 1001, "last_number": 13345, "year_end": True}
    assert _closed_line("birth", "01-TP/HT-2026-KS", totals) == (
        "birth        01-TP/HT-2026-KS     đã khóa sổ: 12.345 mục, số 1001-13345")
    assert _closed_line("birth", "01-TP/HT-2026-KS", {"entries": 0, "first_number": None,
                                                       "last_number": None}) == (
        "birth        01-TP/HT-2026-KS     đã khóa sổ: 0 mục")
