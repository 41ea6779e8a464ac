"""A bulk import whose rows a second process prepares (issue 13): the entries, their findings
and the summary are the ones the writer alone gives, whatever the worker does."""

from __future__ import annotations

import json
import logging
import multiprocessing
import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop_app.paths import DataPaths
from desktop_app.workflows import bulk_import
from tests.samples import build
from tests.unit.conftest import Office

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Em", "Giang", "Hà", "Khoa", "Lan", "Minh", "Ngọc")


def _birth(k: int, **edits: Any) -> dict[str, Any]:
    """Child k of mother k // 2 (so the mother comes back), registered in 2004."""
    mother = f"{FAMILY[k // 2 % 8]} Thị {GIVEN[k // 2 % 11]} {k // 2}"
    return build("birth", {"child.full_name": f"{FAMILY[k % 8]} Văn {GIVEN[k % 11]} {k}",
                           "child.date_of_birth": f"2004-{k % 12 + 1:02d}-{k % 27 + 1:02d}",
                           "mother.full_name": mother, "registered_on": "2004-12-30",
                           "registration_number": str(k), **edits})


def _entries(count: int) -> list[object]:
    items: list[object] = []
    for k in range(count):
        items.append({"type": "birth", "data": _birth(k)})
        if k % 9 == 4:  # a twin: same mother, same day, another child (W-TWINS)
            twin = _birth(k, **{"child.full_name": f"Đỗ Văn Sinh Đôi {k}",
                                "birth_evidence.number": f"GCS-T{k}"})
            items.append({"type": "birth", "data": twin})
        if k % 13 == 6:  # the same child again (a duplicate candidate)
            items.append({"type": "birth", "data": _birth(k)})
        if k % 17 == 8:  # refused: a value outside its list
            items.append({"type": "birth", "data": _birth(k, **{"child.sex": "?"})})
        if k % 19 == 9:
            items.append("not a record")
            items.append({"type": "death", "data": build("death", {
                "time_of_death": "2003-02-01", "registered_on": "2003-02-03"})})
    return items


def _file_and_copy(office: Office, tmp_path: Path, items: list[object]) -> tuple[Path, Office]:
    """The entries as the project's JSON, and a copy of the office to import them into too."""
    source = tmp_path / "entries.json"
    source.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return source, _copy_office(office, tmp_path)


def _copy_office(office: Office, tmp_path: Path) -> Office:
    root = tmp_path / "second"
    shutil.copytree(office.paths.root, root)
    return Office(DataPaths(root), office.clock, {})


def _stored(office: Office) -> list[tuple[str, str]]:
    """Every entry as (data, findings) in text, sorted; the record ids the findings name (the
    twin, the duplicate) replaced by that record's data, as ids differ from store to store."""
    records = []
    with office("canbo").store.read() as uow:
        after = None
        while True:
            page = uow.records.list_page(after=after, limit=500)
            records += page.records
            if page.after is None:
                break
            after = page.after
    data = {r.id: json.dumps(r.data, sort_keys=True, ensure_ascii=False) for r in records}
    found = []
    for rec in records:
        issues = json.dumps(list(rec.issues), sort_keys=True, ensure_ascii=False)
        for record_id, text in data.items():
            issues = issues.replace(record_id, f"<{hash(text)}>")
        found.append((data[rec.id], issues))
    return sorted(found)


def _summary(summary: bulk_import.ImportSummary) -> dict[str, object]:
    return summary.to_json()


def test_the_worker_gives_what_the_writer_alone_gives(office: Office, tmp_path: Path) -> None:
    source, second = _file_and_copy(office, tmp_path, _entries(60))
    try:
        alone = bulk_import.run_import(office("canbo"), source, book="BOOK-1", batch=7,
                                       worker=False)
        shared = bulk_import.run_import(second("canbo"), source, book="BOOK-1", batch=7,
                                        worker=True, wait_for_worker=True)
        assert _summary(shared) == _summary(alone)
        assert alone.rules["W-TWINS"] >= 5 and alone.refused  # the context mattered
        assert _stored(second) == _stored(office)
        assert multiprocessing.active_children() == []  # the worker has ended
    finally:
        for session in second.sessions.values():
            session.close()


def test_a_worker_that_dies_leaves_the_rest_to_the_writer(
        office: Office, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # Batches far bigger than a pipe holds: the worker is at most a batch or two ahead
    # when it is killed after the first one.
    source, second = _file_and_copy(office, tmp_path, _entries(600))

    def kill_the_worker(_stage: str, _line: int, _total: int) -> None:
        for child in multiprocessing.active_children():
            child.kill()

    try:
        alone = bulk_import.run_import(office("canbo"), source, book="BOOK-2", batch=60,
                                       worker=False)
        with caplog.at_level(logging.WARNING, logger="desktop_app.workflows"):
            shared = bulk_import.run_import(second("canbo"), source, book="BOOK-2",
                                            batch=60, worker=True, wait_for_worker=True,
                                            progress=kill_the_worker)
        assert "preparing in this process" in caplog.text
        assert _summary(shared) == _summary(alone)
        assert _stored(second) == _stored(office)
    finally:
        for session in second.sessions.values():
            session.close()


def test_writer_and_worker_sharing_the_batches_give_what_the_writer_alone_gives(
        office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """Both take batches from the shared counter (small ones here, so that both get many):
    however they interleave, every entry is written once, in file order, with the findings
    the writer alone gives."""
    source, second = _file_and_copy(office, tmp_path, _entries(900))
    try:
        alone = bulk_import.run_import(office("canbo"), source, book="BOOK-3", batch=100,
                                       worker=False)
        monkeypatch.setattr(bulk_import, "CHUNK", 5)
        with caplog.at_level(logging.INFO, logger="desktop_app.workflows"):
            shared = bulk_import.run_import(second("canbo"), source, book="BOOK-3",
                                            batch=100, worker=True, wait_for_worker=True)
        prepared = [r.getMessage() for r in caplog.records if "prepared" in r.getMessage()]
        assert prepared and not prepared[0].startswith("import: the worker prepared 0 ")
        assert _summary(shared) == _summary(alone)
        assert _stored(second) == _stored(office)
        assert multiprocessing.active_children() == []
    finally:
        for session in second.sessions.values():
            session.close()
