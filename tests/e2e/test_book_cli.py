"""One paper book from the command line, from its photographed pages to reconciled entries
(issue 17), as tests/ui/test_whole_book.py does in the window: double entry required, the
2010 birth book opened, two photographed pages imported from a folder and marked printed,
OCR read for real (its right values taken, the rest typed), a field illegible and a lunar
date as written, the second officer's blind keying, the one disagreement decided by the
supervisor, the entries approved, the book reconciled with the real central server's
registry (seeded with a deliberate mismatch) and the mismatch resolved, then the progress,
the accuracy and a sample re-check."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.domain.access import put
from desktop_app.domain.lunar import from_gregorian
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.e2e.conftest import CentralProcess
from tests.support.register_pages import PageEntry, birth_page

PW = "staff-password-1"
ILLEGIBLE = "father.full_name"  # page 1, entry 2
LUNAR = "child.date_of_birth"  # page 2, entry 1: written in the lunar calendar
TYPO = "Thị Lann"  # the first keyer's slip: page 1, entry 3, the mother's name

Run = Callable[..., CliResult]


def _office(cli: Run, data_dir: Path, central: CentralProcess) -> Run:
    for name, role in (("canbo", "officer"), ("canbo2", "officer"),
                       ("chutich", "supervisor")):
        assert cli("--data-dir", data_dir, "--user", "admin", "user", "add", name, "--role",
                   role, "--password-stdin", stdin=PW + "\n", password=ADMIN_PASSWORD).code == 0
    central.enroll(cli, data_dir)

    def run(user: str, *args: object) -> Any:
        """The command as ``user``, its JSON answer (it must succeed)."""
        done = cli("--data-dir", data_dir, "--user", user, "--json", *map(str, args),
                   password=PW)
        assert done.code == 0, (args, done.err)
        return json.loads(done.out)

    return run


def _entry(truth: PageEntry, read: dict[str, object], *, illegible: str | None = None,
           lunar: str | None = None, change: dict[str, str] | None = None
           ) -> tuple[dict[str, Any], int]:
    """What the officer keys: each OCR value that is what the page shows, the rest typed;
    returns the entry and how many OCR values were taken."""
    data: dict[str, Any] = {}
    taken = 0
    for path, value in truth.values.items():
        if path in (illegible, lunar):
            continue
        typed = (change or {}).get(path, value)
        taken += read.get(path) == typed
        put(data, path, typed)
    if illegible is not None:
        data["illegible"] = [illegible]
    if lunar is not None:
        moon = from_gregorian(date.fromisoformat(truth.values[lunar]))
        data["lunar_dates"] = [{"field": lunar,
                                "as_written": f"{moon.day}/{moon.month}/{moon.year} âm lịch"}]
    return data, taken


def _registry(entries: list[PageEntry], mismatch: PageEntry) -> list[dict[str, object]]:
    persons = []
    for n, entry in enumerate(entries, 1):
        v = entry.values
        sex = v["child.sex"]
        if entry is mismatch:  # the centre holds this boy as a girl
            sex = "female" if sex == "male" else "male"
        persons.append({"event": "birth", "personal_id": f"0011100000{n:02d}",
                        "commune": "00070", "year": 2010, "full_name": v["child.full_name"],
                        "sex": sex, "date_of_birth": v["child.date_of_birth"],
                        "mother_name": v["mother.full_name"]})
    return persons


def test_one_book_from_its_photographed_pages_to_reconciled_entries(
        cli: Run, data_dir: Path, central: CentralProcess, tmp_path: Path) -> None:
    run = _office(cli, data_dir, central)
    printed = [birth_page(51, 3, page_no=1, rows=4), birth_page(52, 3, page_no=2, rows=4)]
    folder = tmp_path / "usb"
    folder.mkdir()
    for n, p in enumerate(printed, 1):
        (folder / f"IMG_000{n}.jpg").write_bytes(p.image)

    assert run("chutich", "books", "double-entry", "on")["double_entry"] is True
    book = run("canbo", "books", "open", "--type", "birth", "--year", "2010", "--number",
               "01/2010", "--office", "UBND xã Hòa Phú", "--phase", "1")["id"]
    pages = run("canbo", "books", "pages", book, "--from", folder)["pages"]
    assert [p["page"] for p in pages] == [1, 2]
    for page_no in (1, 2):
        run("canbo", "books", "writing", book, page_no, "printed")

    def keyed(user: str, page_no: int, position: int, data: dict[str, Any]) -> Any:
        source = tmp_path / f"{user}-{page_no}-{position}.json"
        source.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        return run(user, "books", "key", book, "--page", page_no, "--position", position,
                   "--from", source)

    readings = {n: run("canbo", "books", "ocr", book, n) for n in (1, 2)}
    taken = 0
    for user in ("canbo", "canbo2"):
        for page_no, page in enumerate(printed, 1):
            read = {e["position"]: {f["field"]: f["value"] for f in e["fields"]}
                    for e in readings[page_no]["entries"]}
            for position, truth in enumerate(page.entries, 1):
                where = (page_no, position)
                slip = {"mother.full_name": truth.values["mother.full_name"].rsplit(" ", 2)[0]
                        + " " + TYPO} if user == "canbo" and where == (1, 3) else None
                data, n = _entry(truth, read.get(position, {}), change=slip,
                                 illegible=ILLEGIBLE if where == (1, 2) else None,
                                 lunar=LUNAR if where == (2, 1) else None)
                taken += n
                answer = keyed(user, page_no, position, data)
                expected = "first" if user == "canbo" else (
                    "disagreed" if where == (1, 3) else "agreed")
                assert answer["stage"] == expected, (user, where, answer)
    assert taken >= 12, "OCR read almost nothing right on clean printed pages"
    entries = run("chutich", "books", "digitisation")["books"]
    assert [(b["pages"], b["entries"], b["verified"]) for b in entries] == [(2, 6, 5)]

    # the supervisor decides the one disagreement, with the page (the CLI names the field)
    listed = run("chutich", "record", "list")
    records = listed["records"] if isinstance(listed, dict) else listed
    assert len(records) == 6
    waiting = [r["id"] for r in records if r["status"] == "draft"]
    assert len(waiting) == 1
    [differs] = run("chutich", "books", "disagreements", waiting[0])["disagreements"]
    truth = printed[0].entries[2].values["mother.full_name"]
    assert (differs["field"], differs["second"]) == ("mother.full_name", truth)
    assert TYPO in differs["first"]
    refused = cli("--data-dir", data_dir, "--user", "canbo2", "books", "decide", waiting[0],
                  "--take", "mother.full_name=2", password=PW)
    assert refused.code == 1 and len(refused.err.strip().splitlines()) == 1  # a keyer
    decided = run("chutich", "books", "decide", waiting[0], "--take", "mother.full_name=2")
    assert (decided["stage"], decided["status"]) == ("agreed", "submitted")

    # approved, each warning with its reason
    for rec in records:
        shown = run("chutich", "record", "show", rec["id"])
        assert shown["status"] == "submitted" and shown["verified_by"] in ("canbo2", "chutich")
        rules = sorted({i["rule"] for i in shown["warnings"] if i["rule"].startswith("W-")})
        overrides = [a for r in rules for a in ("--override", f"{r}=Đã đối chiếu sổ gốc")]
        run("chutich", "record", "approve", rec["id"], *overrides)
    by_place = {}
    for rec in records:
        shown = run("chutich", "record", "show", rec["id"])
        assert shown["status"] != "submitted"
        by_place[shown["child"]["full_name"]] = shown
    page2 = printed[1].entries[0].values
    lunar = by_place[page2["child.full_name"]]
    assert lunar["child"]["date_of_birth"] == page2[LUNAR]  # converted from the lunar date
    assert "âm lịch" in lunar["lunar_dates"][0]["as_written"]
    unread = by_place[printed[0].entries[1].values["child.full_name"]]
    assert unread["illegible"] == [ILLEGIBLE] and "full_name" not in unread.get("father", {})

    # reconciled with the centre's registry
    all_entries = [e for p in printed for e in p.entries]
    mismatch = all_entries[4]
    seed = tmp_path / "registry.json"
    seed.write_text(json.dumps(_registry(all_entries, mismatch), ensure_ascii=False), "utf-8")
    assert cli("central", "registry-import", "--db", central.db, seed).code == 0
    report = run("canbo", "books", "reconcile", book)
    assert (report["entries"], report["registry"], report["matched"]) == (6, 6, 6)
    [found] = report["mismatches"]
    assert (found["kind"], found["field"], found["name"]) == (
        "field_differs", "child.sex", mismatch.values["child.full_name"])
    run("canbo", "books", "reconcile", book, "--resolve", found["key"], "--as", "accept_book")
    again = run("canbo", "books", "reconcile", book)
    assert [m["resolution"] for m in again["mismatches"]] == ["accept_book"]

    # the progress, the accuracy, a sample re-checked blind
    [progress] = run("canbo", "books", "digitisation")["books"]
    assert (progress["pages"], progress["entries"], progress["verified"]) == (2, 6, 6)
    accuracy = run("chutich", "books", "accuracy")
    officers = {a["officer"]: a for a in accuracy["officers"]}
    assert (officers["canbo"]["disagreed"], officers["canbo"]["wrong"]) == (1, 1)
    assert (officers["canbo2"]["disagreed"], officers["canbo2"]["wrong"]) == (1, 0)
    assert accuracy["fields"] == [{"field": "mother.full_name", "disagreements": 1}]
    sample = run("chutich", "books", "recheck", "draw", book, "--seed", "3")
    # the frame: the entries the supervisor had no hand in (not the one they decided)
    assert len(sample["entries"]) == 5 and sample["population"] == 5
    assert waiting[0] not in {drawn["id"] for drawn in sample["entries"]}
    rekeyed = 0
    for drawn in sample["entries"]:
        truth_entry = printed[drawn["page"] - 1].entries[drawn["position"] - 1]
        where = (drawn["page"], drawn["position"])
        data, _n = _entry(truth_entry, {}, illegible=ILLEGIBLE if where == (1, 2) else None,
                          lunar=LUNAR if where == (2, 1) else None,
                          change={"declarant.full_name": truth_entry.values[
                              "declarant.full_name"] + "h"} if rekeyed == 0 else None)
        source = tmp_path / f"recheck-{drawn['id']}.json"
        source.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        item = run("chutich", "books", "recheck", "key", sample["sample"], drawn["id"],
                   "--from", source)
        assert item["differences"] == (["declarant.full_name"] if rekeyed == 0 else [])
        rekeyed += 1
    estimate = run("chutich", "books", "recheck", "report", sample["sample"])
    assert estimate["rekeyed"] == rekeyed and estimate["fields"]["errors"] == 1
    assert estimate["fields"]["low"] <= estimate["fields"]["rate"] <= estimate["fields"]["high"]
    assert estimate["by_field"] == [{"field": "declarant.full_name", "errors": 1}]
