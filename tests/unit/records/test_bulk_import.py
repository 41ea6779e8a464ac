"""Bulk digitisation (issue 13): historical entries imported from CSV (with a column
mapping) and the project's JSON, validated like a hand-keyed entry, in batches, resumable."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.errors import Cancelled
from desktop_app.record import StoredRecord
from desktop_app.session import Session
from desktop_app.workflows import bulk_import, records
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.unit.conftest import PW, Office

MAPPING = {"Họ và tên": "deceased.full_name", "Giới tính": "deceased.sex",
           "Năm sinh": "deceased.date_of_birth", "Thời điểm chết": "time_of_death",
           "Nơi chết": "place_of_death.detail", "Xã": "place_of_death.commune_code",
           "Số": "registration_number", "Ngày đăng ký": "registered_on"}


def _row(n: int, **changes: str) -> dict[str, str]:
    row = {"Họ và tên": f"Lê Văn Tư {n}", "Giới tính": "male", "Năm sinh": "1940",
           "Thời điểm chết": "1990-03-01T08:00", "Nơi chết": "12 Lê Lợi", "Xã": "26740",
           "Số": str(n), "Ngày đăng ký": "1990-03-02"}
    return {**row, **changes}


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(MAPPING))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _all(session: Session) -> list[StoredRecord]:
    found: list[StoredRecord] = []
    after: str | None = None
    with session.store.read() as uow:
        while True:
            page = uow.records.list_page(record_type="death", after=after, limit=500)
            found += page.records
            if page.after is None:
                return found
            after = page.after


def test_csv_with_a_mapping_refused_lines_named_warnings_counted(office: Office,
                                                                 tmp_path: Path) -> None:
    officer = office("canbo")
    mapping_file = tmp_path / "map.json"
    bulk_import.save_mapping(mapping_file, MAPPING)
    mapping = bulk_import.load_mapping(mapping_file)
    assert mapping == MAPPING
    rows = [_row(1), _row(2, **{"Giới tính": "không rõ"}),
            _row(3, **{"Năm sinh": "", "Nơi chết": "", "Xã": ""}),  # no place of death
            _row(4)]
    source = _csv(tmp_path / "deaths.csv", rows)

    summary = bulk_import.run_import(officer, source, book="05/1990", rtype="death",
                                     mapping=mapping, batch=2)

    assert summary.imported == 3 and len(summary.refused) == 1
    [refused] = summary.refused
    assert refused.line == 3 and "E-FIELD-VALUE" in refused.rules  # the header is line 1
    assert "deceased.sex" in refused.fields
    saved = {r.data["deceased"]["full_name"]: r for r in _all(officer)}
    assert set(saved) == {"Lê Văn Tư 1", "Lê Văn Tư 3", "Lê Văn Tư 4"}
    missing = saved["Lê Văn Tư 3"]
    assert "W-LEGACY-MISSING" in {i["rule"] for i in missing.issues}
    assert summary.with_warnings == sum(1 for r in saved.values() if r.issues)
    kept = [i["rule"] for r in saved.values() for i in r.issues]
    assert summary.rules["W-LEGACY-MISSING"] == sum(
        1 for r in saved.values() if "W-LEGACY-MISSING" in {i["rule"] for i in r.issues})
    assert summary.rules["E-FIELD-VALUE"] == 1 and set(kept) <= set(summary.rules)
    for rec in saved.values():
        assert rec.is_historical and rec.status == "draft" and rec.verified_by is None
        assert rec.book_number == "05/1990" and rec.officer == "canbo"
        assert [e.action for e in records.history(officer, rec.id)] == ["create"]
    # Four eyes still apply: the officer submits, a second officer verifies.
    records.submit(officer, saved["Lê Văn Tư 1"].id)
    assert records.verify(office("canbo2"), saved["Lê Văn Tư 1"].id).verified_by == "canbo2"
    with officer.store.read() as uow:
        audit = [e for e in uow.audit.entries() if e.action == "record.import"]
    assert [json.loads(e.details)["count"] for e in audit] == [1, 2]


def test_json_list_of_records_nfc_and_rerun_adds_nothing(office: Office,
                                                         tmp_path: Path) -> None:
    officer = office("canbo")
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hoà")
    items = [
        {"type": "death", "data": {"deceased": {"full_name": decomposed, "sex": "female",
                                                "date_of_birth": "1931"},
                                   "time_of_death": "1989-05-01",
                                   "registered_on": "1989-05-03", "registration_number": "9"}},
        {"deceased": {"full_name": "Trần Văn Ba", "sex": "male"}, "time_of_death": "1989",
         "registered_on": "1989-06-01"},
        "not a record",
    ]
    source = tmp_path / "entries.json"
    source.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")

    summary = bulk_import.run_import(officer, source, book="02/1989", rtype="death")
    assert summary.imported == 2
    assert [(r.line, r.rules) for r in summary.refused] == [(3, ("E-IMPORT-NOT-OBJECT",))]
    names = sorted(r.data["deceased"]["full_name"] for r in _all(officer))
    assert names == sorted([unicodedata.normalize("NFC", decomposed), "Trần Văn Ba"])
    assert records.search(officer, "hoa")  # found without diacritics: indexed

    again = bulk_import.run_import(officer, source, book="02/1989", rtype="death")
    assert again.imported == 2 and again.resumed_from == 3 and len(_all(officer)) == 2


def test_a_killed_import_resumes_without_duplicates(office: Office, tmp_path: Path) -> None:
    total = 1500
    source = _csv(tmp_path / "big.csv", [_row(n) for n in range(1, total + 1)])
    mapping_file = tmp_path / "map.json"
    bulk_import.save_mapping(mapping_file, MAPPING)
    key = bulk_import.checkpoint_key(source.read_bytes(), "death", "07/1990", MAPPING)
    env = {**os.environ, "HOTICH_PASSWORD": PW}
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(office.paths.root),
         "--user", "canbo", "import", str(source), "--historical", "--book", "07/1990",
         "--type", "death", "--mapping", str(mapping_file), "--batch", "25"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watcher = office("canbo2")
    try:
        while True:  # wait for a committed batch, then kill the import without warning
            with watcher.store.read() as uow:
                saved = uow.meta.get(key)
            if saved is not None:
                break
            assert proc.poll() is None, "the import ended before its first batch was seen"
            try:
                proc.wait(timeout=0.02)
            except subprocess.TimeoutExpired:
                pass
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    with watcher.store.read() as uow:
        stopped_at = json.loads(uow.meta.get(key) or "{}")["line"]
    assert 1 < stopped_at < total + 1, "killed after the end: no resume tested"
    assert len(_all(watcher)) == stopped_at - 1  # committed batches only

    summary = bulk_import.run_import(office("canbo"), source, book="07/1990", rtype="death",
                                     mapping=MAPPING, batch=500)
    assert summary.resumed_from == stopped_at
    assert summary.imported == total and summary.refused == []
    numbers = sorted(int(r.registration_number or 0) for r in _all(watcher))
    assert numbers == list(range(1, total + 1))  # every line once


def test_a_cancel_stops_at_once_keeps_what_is_written_and_the_file_continues(
        office: Office, tmp_path: Path) -> None:
    # Batches of 250 over chunks of bulk_import.CHUNK (200; CSV lines from 2): progress is
    # told after each chunk and each commit. The first run stops after its first chunk (a
    # batch of 200 open), the second after its first commit (line 451).
    total = 900
    source = _csv(tmp_path / "big.csv", [_row(n) for n in range(1, total + 1)])
    officer = office("canbo")
    told: list[int] = []

    def run(cancel_at: int | None) -> bulk_import.ImportSummary:
        def progress(_stage: str, line: int, _total: int) -> None:
            told.append(line)
            if len(told) == cancel_at:
                raise Cancelled()
        return bulk_import.run_import(
            officer, source, book="08/1990", rtype="death", mapping=MAPPING, batch=250,
            worker=False, progress=progress)

    with pytest.raises(Cancelled):
        run(1)
    assert told == [201] and len(_all(officer)) == 200  # at once, the open batch kept
    told.clear()
    with pytest.raises(Cancelled):
        run(2)
    assert told == [401, 451] and len(_all(officer)) == 450
    summary = run(None)
    assert summary.resumed_from == 451 and summary.imported == total
    numbers = sorted(int(r.registration_number or 0) for r in _all(officer))
    assert numbers == list(range(1, total + 1))  # every line once


def test_cli_import_prints_the_summary(cli: Callable[..., CliResult], data_dir: Path,
                                       tmp_path: Path) -> None:
    added = cli("--data-dir", data_dir, "--user", "admin", "user", "add", "canbo", "--role",
                "officer", "--password-stdin", stdin="staff-password\n",
                password=ADMIN_PASSWORD)
    assert added.code == 0, added.err
    mapping_file = tmp_path / "map.json"
    bulk_import.save_mapping(mapping_file, MAPPING)
    source = _csv(tmp_path / "d.csv", [_row(1), _row(2, **{"Giới tính": "?"}), _row(3)])
    args = ("--data-dir", data_dir, "--user", "canbo", "import", source, "--historical",
            "--book", "03/1990", "--type", "death", "--mapping", mapping_file)
    no_flag = cli(*[a for a in args if a != "--historical"], password="staff-password")
    assert no_flag.code == 1 and "--historical" in no_flag.err
    out = cli("--json", *args, password="staff-password")
    assert out.code == 0, out.err
    report = json.loads(out.out)
    assert report["ok"] and report["imported"] == 2 and report["refused_count"] == 1
    assert report["refused"][0]["line"] == 3 and report["rules"]["E-FIELD-VALUE"] == 1
    text = cli(*args, password="staff-password")
    assert text.code == 0 and "Đã nhập: 2" in text.out and "dòng 3: E-FIELD-VALUE" in text.out


def test_xlsx_sheet_with_a_mapping(office: Office, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(MAPPING))
    sheet.append(list(_row(1).values()))
    sheet.append([None] * len(MAPPING))  # an empty row is no entry
    sheet.append(list(_row(2, **{"Giới tính": "?"}).values()))
    source = tmp_path / "deaths.xlsx"
    book.save(source)
    summary = bulk_import.run_import(office("canbo"), source, book="04/1990", rtype="death",
                                     mapping=MAPPING)
    assert summary.imported == 1 and [r.line for r in summary.refused] == [4]
    [rec] = _all(office("canbo"))
    assert rec.data["deceased"]["full_name"] == "Lê Văn Tư 1" and rec.registration_number == "1"


def test_entries_of_a_paper_book_take_its_type_and_source(office: Office,
                                                          tmp_path: Path) -> None:
    from desktop_app.workflows import books

    officer = office("canbo")
    book = books.open_book(officer, "death", 1990, "01/1990", "UBND xã Tân Lập", 3)
    source = _csv(tmp_path / "deaths.csv", [_row(1)])
    summary = bulk_import.run_import(officer, source, book=book.id[:8], mapping=MAPPING)
    assert summary.imported == 1 and summary.book == book.id
    [rec] = _all(officer)
    assert rec.type == "death" and rec.book_number == "01/1990"
    assert rec.data["source"] == {"office": "UBND xã Tân Lập", "book_number": "01/1990",
                                  "year": 1990, "phase": "3"}
    again = bulk_import.run_import(officer, source, book=book.id, mapping=MAPPING)
    assert again.resumed_from == 2 and len(_all(officer)) == 1  # same book, same import


def test_a_cell_of_superscript_figures_stays_text_for_validation_to_name() -> None:
    from desktop_app.workflows.bulk_import_rows import _as_integer

    assert _as_integer("12") == 12 and _as_integer("²") == "²"  # int("²") raised
