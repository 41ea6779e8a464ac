"""`hotich books open/pages/key/disagreements/decide/digitisation/accuracy`: one book from its
photographed pages to double-entered, decided entries, through the command line (in-process
with real accounts) and `books digitisation` in a real subprocess."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from tests.conftest import ADMIN_PASSWORD, CliResult, run_hotich
from tests.samples import build

PW = "staff-password"
DEATH = {"registered_on": "1990-03-02", "registration_number": "7",
         "time_of_death": "1990-03-01T08:00", "deceased.full_name": "Nguyễn Văn Bảy"}


def _setup(cli: Callable[..., CliResult], data_dir: Path) -> None:
    for name, role in (("canbo", "officer"), ("canbo2", "officer"), ("chutich", "supervisor")):
        result = cli("--data-dir", data_dir, "--user", "admin", "user", "add", name, "--role",
                     role, "--password-stdin", stdin=PW + "\n", password=ADMIN_PASSWORD)
        assert result.code == 0, result.err


def _jpeg(shade: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 60), (shade, shade, shade)).save(out, "JPEG")
    return out.getvalue()


def test_a_book_from_pages_to_decided_entries(cli: Callable[..., CliResult], data_dir: Path,
                                              tmp_path: Path) -> None:
    _setup(cli, data_dir)

    def as_(user: str, *args: object) -> CliResult:
        return cli("--data-dir", data_dir, "--user", user, "--json", *args, password=PW)

    status_before = as_("canbo", "books", "status")
    assert status_before.code == 0 and "books" in json.loads(status_before.out)
    assert as_("chutich", "books", "double-entry", "on").code == 0
    assert as_("canbo", "books", "double-entry", "on").code == 1  # supervisors only

    opened = as_("canbo", "books", "open", "--type", "death", "--year", "1990", "--number",
                 "01/1990", "--office", "UBND xã Tân Lập", "--phase", "3")
    assert opened.code == 0, opened.err
    book = json.loads(opened.out)["id"]
    folder = tmp_path / "usb"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"IMG_000{n}.jpg").write_bytes(_jpeg(60 * n))
    pages = as_("canbo", "books", "pages", book[:8], "--from", folder, "--rotation", "90")
    assert pages.code == 0, pages.err
    assert [(p["page"], p["rotation"]) for p in json.loads(pages.out)["pages"]] == \
        [(1, 90), (2, 90)]
    assert json.loads(as_("canbo", "books", "rotate", book, "2", "0").out)["rotation"] == 0
    assert as_("canbo", "books", "rotate", book, "2", "45").code == 2  # a usage error

    first = tmp_path / "first.json"
    first.write_text(json.dumps(build("death", {**DEATH, "registration_number": "8"}),
                                ensure_ascii=False), encoding="utf-8")
    second = tmp_path / "second.json"
    second.write_text(json.dumps(build("death", {**DEATH, "registration_number": "3"}),
                                 ensure_ascii=False), encoding="utf-8")
    keyed = as_("canbo", "books", "key", book, "--page", "1", "--position", "1", "--from", first)
    assert keyed.code == 0, keyed.err
    assert json.loads(keyed.out)["stage"] == "first"
    same = as_("canbo", "books", "key", book, "--page", "1", "--position", "1", "--from", first)
    assert same.code == 1 and "\n" not in same.err.strip()  # one line, no traceback
    split = json.loads(as_("canbo2", "books", "key", book, "--page", "1", "--position", "1",
                           "--from", second).out)
    assert split["stage"] == "disagreed"
    assert split["disagreements"] == [{"field": "registration_number", "first": "8",
                                       "second": "3", "decided": False}]
    rid = split["id"]
    listed = json.loads(as_("chutich", "books", "disagreements", rid[:8]).out)
    assert [d["field"] for d in listed["disagreements"]] == ["registration_number"]
    assert as_("canbo2", "books", "decide", rid, "--take", "registration_number=1").code == 1
    assert as_("chutich", "books", "decide", rid).code == 1  # nothing decided: E-USAGE
    decided = as_("chutich", "books", "decide", rid, "--take", "registration_number=1")
    assert decided.code == 0, decided.err
    assert json.loads(decided.out) | {"id": rid} == {
        "ok": True, "id": rid, "status": "submitted", "stage": "agreed", "disagreements": []}
    shown = json.loads(as_("canbo", "record", "show", rid).out)
    assert shown["registration_number"] == "8" and shown["verified_by"] == "chutich"

    progress = json.loads(as_("canbo", "books", "digitisation").out)
    assert [(b["id"], b["pages"], b["entries"], b["verified"]) for b in progress["books"]] == \
        [(book, 2, 1, 1)]
    assert progress["communes"][0]["commune"] == "00070"
    accuracy = json.loads(as_("chutich", "books", "accuracy").out)
    officers = {o["officer"]: o for o in accuracy["officers"]}
    assert officers["canbo"]["wrong"] == 0 and officers["canbo2"]["wrong"] == 1
    assert officers["canbo2"]["disagreed"] == 1 and 0 < officers["canbo2"][
        "disagreement_share"] < 1
    assert accuracy["fields"] == [{"field": "registration_number", "disagreements": 1}]
    assert accuracy["corrected_later"] == {"books": {}, "officers": {}}

    # the same report, in words, from a real process
    text = run_hotich("--data-dir", str(data_dir), "--user", "canbo", "books", "digitisation",
                      env={"HOTICH_PASSWORD": PW})
    assert text.returncode == 0, text.stderr
    assert "01/1990" in text.stdout and "00070" in text.stdout


def test_blind_keying_crop_and_recheck_from_the_command_line(
        cli: Callable[..., CliResult], data_dir: Path, tmp_path: Path) -> None:
    _setup(cli, data_dir)

    def as_(user: str, *args: object) -> CliResult:
        return cli("--data-dir", data_dir, "--user", user, "--json", *args, password=PW)

    assert as_("chutich", "books", "double-entry", "on").code == 0
    book = json.loads(as_("canbo", "books", "open", "--type", "death", "--year", "1990",
                          "--number", "01/1990", "--office", "UBND xã Tân Lập", "--phase",
                          "3").out)["id"]
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "IMG_0001.jpg").write_bytes(_jpeg(90))
    assert as_("canbo", "books", "pages", book, "--from", folder).code == 0
    cropped = as_("canbo", "books", "crop", book, "1", "--box", "0.05,0.1,0.95,0.6")
    assert json.loads(cropped.out)["crop"] == [0.05, 0.1, 0.95, 0.6], cropped.err
    assert as_("canbo", "books", "crop", book, "1", "--box", "0.9,0.1,0.2,0.6").code == 1
    assert json.loads(as_("canbo", "books", "crop", book, "1", "--clear").out)["crop"] is None

    entry = tmp_path / "entry.json"
    entry.write_text(json.dumps(build("death", DEATH), ensure_ascii=False), encoding="utf-8")
    first = json.loads(as_("canbo", "books", "key", book, "--page", "1", "--position", "1",
                           "--from", entry).out)
    assert first["stage"] == "first" and first["id"] is None
    # the second officer finds nothing of it: not by search, nor in the list
    assert json.loads(as_("canbo2", "search", "Bảy").out)["records"] == []
    assert json.loads(as_("canbo2", "record", "list").out)["records"] == []
    second = json.loads(as_("canbo2", "books", "key", book, "--page", "1", "--position", "1",
                            "--from", entry).out)
    assert second["stage"] == "agreed"
    shown = json.loads(as_("canbo2", "record", "show", second["id"]).out)
    assert shown["officer"] == "canbo" and shown["status"] == "submitted"

    drawn = json.loads(as_("chutich", "books", "recheck", "draw", book, "--seed", "3").out)
    assert drawn["population"] == 1 and [e["id"] for e in drawn["entries"]] == [second["id"]]
    assert (drawn["entries"][0]["page"], drawn["entries"][0]["position"]) == (1, 1)
    rekeyed = json.loads(as_("chutich", "books", "recheck", "key", drawn["sample"][:8],
                             second["id"], "--from", entry).out)
    assert rekeyed["wrong"] == 0 and rekeyed["fields"] > 3
    report = json.loads(as_("chutich", "books", "recheck", "report", drawn["sample"]).out)
    assert report["fields"]["errors"] == 0 and report["fields"]["low"] == 0
    assert report["interval"] == "wilson-95" and 0 < report["fields"]["high"] < 1
    said = cli("--data-dir", data_dir, "--user", "chutich", "books", "recheck", "report",
               drawn["sample"], password=PW)
    assert "khung mẫu: 1 mục đã kiểm tra người kiểm tra lại không tham gia" in said.out
    accuracy = json.loads(as_("chutich", "books", "accuracy").out)
    assert [r["sample"] for r in accuracy["rechecks"]] == [drawn["sample"]]
    words = cli("--data-dir", data_dir, "--user", "chutich", "books", "accuracy", password=PW)
    assert "khoảng tin cậy 95 %" in words.out
    # Vietnamese lines, Vietnamese numbers: a decimal comma and a space before the sign.
    assert re.search(r"^canbo2 .* khác \(\d+,\d %\)", words.out, re.MULTILINE), words.out
    high = f"{report['fields']['high'] * 100:.2f}".replace(".", ",")
    assert f"= 0,00 % (khoảng tin cậy 95 %: 0,00 % - {high} %)" in words.out


def test_a_first_keyer_corrects_or_discards_their_blind_keying(
        cli: Callable[..., CliResult], data_dir: Path, tmp_path: Path) -> None:
    _setup(cli, data_dir)

    def as_(user: str, *args: object) -> CliResult:
        return cli("--data-dir", data_dir, "--user", user, "--json", *args, password=PW)

    assert as_("chutich", "books", "double-entry", "on").code == 0
    book = json.loads(as_("canbo", "books", "open", "--type", "death", "--year", "1990",
                          "--number", "01/1990", "--office", "UBND xã Tân Lập", "--phase",
                          "3").out)["id"]
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "IMG_0001.jpg").write_bytes(_jpeg(60))
    assert as_("canbo", "books", "pages", book, "--from", folder).code == 0
    slip, right = tmp_path / "slip.json", tmp_path / "right.json"
    for path, number in ((slip, "8"), (right, "7")):
        path.write_text(json.dumps(build("death", {**DEATH, "registration_number": number}),
                                   ensure_ascii=False), encoding="utf-8")
    where = ("--page", "1", "--position", "1")
    assert as_("canbo", "books", "key", book, *where, "--from", slip).code == 0
    other = as_("canbo2", "books", "key", book, *where, "--correct", "--from", right)
    assert other.code == 1 and "\n" not in other.err.strip()  # not theirs
    corrected = as_("canbo", "books", "key", book, *where, "--correct", "--from", right)
    assert corrected.code == 0, corrected.err
    assert json.loads(corrected.out)["stage"] == "first"
    agreed = json.loads(as_("canbo2", "books", "key", book, *where, "--from", right).out)
    assert agreed["stage"] == "agreed"  # the slip was corrected before the second keying

    where = ("--page", "1", "--position", "2")
    assert as_("canbo", "books", "key", book, *where, "--from", slip).code == 0
    assert as_("canbo2", "books", "discard", book, *where).code == 1
    discarded = as_("canbo", "books", "discard", book, *where)
    assert discarded.code == 0, discarded.err
    assert json.loads(as_("canbo2", "books", "key", book, *where, "--from", right).out)[
        "stage"] == "first"  # the position was free again
