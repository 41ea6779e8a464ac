"""The record commands of the CLI contract: new/show/list/submit/approve/history/search."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.samples import build


def _setup(cli: Callable[..., CliResult], data_dir: Path) -> None:
    for name, role in (("canbo", "officer"), ("chutich", "supervisor")):
        result = cli("--data-dir", data_dir, "--user", "admin", "user", "add", name, "--role",
                     role, "--password-stdin", stdin="staff-password\n", password=ADMIN_PASSWORD)
        assert result.code == 0, result.err


def test_record_round_trip(cli: Callable[..., CliResult], data_dir: Path, tmp_path: Path) -> None:
    _setup(cli, data_dir)
    officer = ("--data-dir", data_dir, "--user", "canbo")
    boss = ("--data-dir", data_dir, "--user", "chutich")
    data = build("death", {"deceased.full_name": "Y Moan Êban", "time_of_death": "2025-11-20"})
    source = tmp_path / "death.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    new = cli(*officer, "--json", "record", "new", "death", "--from", source,
              password="staff-password")
    assert new.code == 0, new.err
    created = json.loads(new.out)
    assert set(created) >= {"id", "status", "warnings", "errors"}
    assert created["status"] == "draft" and created["errors"] == []
    assert {"rule", "field", "message"} <= set(created["warnings"][0])
    assert "W-KT-LATE" in {w["rule"] for w in created["warnings"]}
    rid = created["id"]

    plain = cli(*officer, "record", "new", "death", "--from", "-",
                stdin=json.dumps(data), password="staff-password")
    assert plain.code == 0 and len(plain.out.strip()) == 36  # prints the new id

    assert cli(*officer, "record", "submit", rid, password="staff-password").code == 0
    refused = cli(*boss, "record", "approve", rid, password="staff-password")
    assert refused.code == 1 and "W-KT-LATE" in refused.err
    bad = cli(*boss, "record", "approve", rid, "--override", "W-KT-LATE", password="staff-password")
    assert bad.code == 1
    ok = cli(*boss, "--json", "record", "approve", rid, "--override",
             "W-KT-LATE=Gia đình ở vùng sâu, lũ cắt đường", password="staff-password")
    assert ok.code == 0, ok.err
    assert json.loads(ok.out)["registration_number"] == "1"

    shown = json.loads(cli(*officer, "--json", "record", "show", rid[:8],
                           password="staff-password").out)
    assert shown["deceased"]["full_name"] == "Y Moan Êban"
    assert shown["status"] == "approved" and shown["book_number"].endswith("-KT")
    assert shown["overrides"][0]["reason"] == "Gia đình ở vùng sâu, lũ cắt đường"

    listed = json.loads(cli(*officer, "--json", "record", "list", "--status", "approved",
                            "--type", "death", password="staff-password").out)
    assert [r["id"] for r in listed["records"]] == [rid]
    found = json.loads(cli(*officer, "--json", "search", "y moan eban",
                           password="staff-password").out)
    assert rid in [r["id"] for r in found["records"]]
    history = json.loads(cli(*officer, "--json", "record", "history", rid,
                             password="staff-password").out)
    assert [e["action"] for e in history["events"]] == ["create", "submit", "approve"]
    audit = cli("--data-dir", data_dir, "--user", "admin", "audit", "verify",
                password=ADMIN_PASSWORD)
    assert audit.code == 0, audit.err


def test_invalid_record_prints_errors_naming_the_field(
    cli: Callable[..., CliResult], data_dir: Path
) -> None:
    _setup(cli, data_dir)
    data = build("birth", {"child.full_name": "", "child.date_of_birth": "2025-02-30"})
    result = cli("--data-dir", data_dir, "--user", "canbo", "--json", "record", "new", "birth",
                 "--from", "-", stdin=json.dumps(data), password="staff-password")
    assert result.code == 1
    out = json.loads(result.out)
    assert out["id"] is None
    assert {"E-REQUIRED", "E-DATE-INVALID"} <= {e["rule"] for e in out["errors"]}
    assert "Traceback" not in result.err
    assert "Họ, chữ đệm, tên" in result.err


def test_schema_and_usage(cli: Callable[..., CliResult]) -> None:
    schema = cli("schema", "guardianship")
    assert schema.code == 0
    assert json.loads(schema.out)["$schema"].startswith("https://json-schema.org/")
    assert cli("schema", "adoption").code == 2
    assert cli("record", "new", "birth").code == 2


def test_override_of_a_rule_covers_each_party_it_is_raised_on(
        cli: Callable[..., CliResult], data_dir: Path) -> None:
    """Two under-age spouses: two W-MARR-AGE warnings. RULE=REASON covers both; RULE@FIELD
    one, and a rule left without a reason for one party names that party."""
    _setup(cli, data_dir)
    officer = ("--data-dir", data_dir, "--user", "canbo")
    boss = ("--data-dir", data_dir, "--user", "chutich")
    data = build("marriage", {"husband.date_of_birth": "2008-03-01",
                              "wife.date_of_birth": "2010-02-02",
                              "registration_kind": "re_registration",
                              "effective_date": "2025-12-01"})
    new = cli(*officer, "--json", "record", "new", "marriage", "--from", "-",
              stdin=json.dumps(data), password="staff-password")
    created = json.loads(new.out)
    assert [(w["rule"], w["field"]) for w in created["warnings"]] == [
        ("W-MARR-AGE", "husband.date_of_birth"), ("W-MARR-AGE", "wife.date_of_birth")]
    rid = created["id"]
    assert cli(*officer, "record", "submit", rid, password="staff-password").code == 0
    partial = cli(*boss, "record", "approve", rid, "--override",
                  "W-MARR-AGE@husband.date_of_birth=bản án", password="staff-password")
    assert partial.code == 1 and "W-MARR-AGE@wife.date_of_birth" in partial.err
    ok = cli(*boss, "--json", "record", "approve", rid, "--override",
             "W-MARR-AGE=đã xác minh tại hộ gia đình", password="staff-password")
    assert ok.code == 0, ok.err
    shown = json.loads(cli(*officer, "--json", "record", "show", rid,
                           password="staff-password").out)
    assert [(o["field"], o["reason"]) for o in shown["overrides"]] == [
        ("husband.date_of_birth", "đã xác minh tại hộ gia đình"),
        ("wife.date_of_birth", "đã xác minh tại hộ gia đình")]


def test_a_record_with_no_name_yet_says_so_in_the_list(
        cli: Callable[..., CliResult], data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As the desktop's lists do: never an empty names column. The JSON keeps "name": ""."""
    _setup(cli, data_dir)
    officer = ("--data-dir", data_dir, "--user", "canbo")
    unnamed = {"child": {"sex": "male"}, "registered_on": "1990-05-02",
               "registration_number": "17"}
    new = cli(*officer, "record", "new", "birth", "--historical", "--from", "-",
              stdin=json.dumps(unnamed), password="staff-password")
    assert new.code == 0, new.err
    rid = new.out.strip()

    listed = cli(*officer, "record", "list", password="staff-password")
    line = next(x for x in listed.out.splitlines() if x.startswith(rid))
    assert line.endswith(" 17  (chưa có tên)")
    monkeypatch.setenv("HOTICH_LANG", "en")
    english = cli(*officer, "record", "list", password="staff-password")
    assert next(x for x in english.out.splitlines() if x.startswith(rid)).endswith(
        "  (no name yet)")
    as_json = json.loads(cli(*officer, "--json", "record", "list",
                             password="staff-password").out)
    assert [r["name"] for r in as_json["records"] if r["id"] == rid] == [""]
