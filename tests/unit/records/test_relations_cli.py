"""The rules between records at the command line (issue 15): refused with exit code 1 and
one Vietnamese line naming the field and the other record."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.samples import build

PW = "staff-password"


def _setup(cli: Callable[..., CliResult], data_dir: Path) -> None:
    for name, role in (("canbo", "officer"), ("chutich", "supervisor")):
        result = cli("--data-dir", data_dir, "--user", "admin", "user", "add", name, "--role",
                     role, "--password-stdin", stdin=f"{PW}\n", password=ADMIN_PASSWORD)
        assert result.code == 0, result.err


def _new(cli: Callable[..., CliResult], data_dir: Path, rtype: str,
         data: dict[str, Any]) -> CliResult:
    return cli("--data-dir", data_dir, "--user", "canbo", "--json", "record", "new", rtype,
               "--from", "-", stdin=json.dumps(data, ensure_ascii=False), password=PW)


def _register(cli: Callable[..., CliResult], data_dir: Path, rtype: str,
              data: dict[str, Any]) -> dict[str, Any]:
    created = _new(cli, data_dir, rtype, data)
    assert created.code == 0, created.err
    out = json.loads(created.out)
    rid = out["id"]
    assert cli("--data-dir", data_dir, "--user", "canbo", "record", "submit", rid,
               password=PW).code == 0
    overrides = [a for w in out["warnings"] for a in ("--override", f"{w['rule']}=đã kiểm tra")]
    approved = cli("--data-dir", data_dir, "--user", "chutich", "--json", "record", "approve",
                   rid, *overrides, password=PW)
    assert approved.code == 0, approved.err
    return dict(json.loads(approved.out), id=rid)


def test_recognition_and_guardianship_refused_naming_the_other_record(
        cli: Callable[..., CliResult], data_dir: Path) -> None:
    _setup(cli, data_dir)
    birth = _register(cli, data_dir, "birth", build("birth"))
    other_father = build("recognition", {
        "child.birth_record": {"record_id": birth["id"]}, "parent.full_name": "Lê Văn Sơn",
        "child.date_of_birth": "2026-01-10"})
    refused = _new(cli, data_dir, "recognition", other_father)
    assert refused.code == 1
    errors = json.loads(refused.out)["errors"]
    assert [e["field"] for e in errors if e["rule"] == "E-RECOG-OTHER-PARENT"] == \
        ["parent.full_name"]
    assert f"Giấy khai sinh số {birth['registration_number']}" in refused.err
    assert "Nguyễn Văn Cường" in refused.err and "Traceback" not in refused.err

    guardianship = _register(cli, data_dir, "guardianship", build("guardianship"))
    term = build("guardianship", {"kind": "termination", "termination_reason": "parents_resume",
                                  "original_record": {"record_id": guardianship["id"]}})
    _register(cli, data_dir, "guardianship", term)
    twice = _new(cli, data_dir, "guardianship", term)
    assert twice.code == 1
    assert "E-GUARD-TERM-ENDED" in {e["rule"] for e in json.loads(twice.out)["errors"]}
    assert "đã được chấm dứt" in twice.err


def test_new_birth_and_consent_errors_name_the_field(
        cli: Callable[..., CliResult], data_dir: Path) -> None:
    _setup(cli, data_dir)
    digits = _new(cli, data_dir, "birth", build("birth", {"child.full_name": "Nguyễn Văn 3"}))
    assert digits.code == 1 and "E-NAME-DIGITS" in {
        e["rule"] for e in json.loads(digits.out)["errors"]}
    assert "Họ, chữ đệm, tên" in digits.err and "Traceback" not in digits.err
    birth = _register(cli, data_dir, "birth", build("birth"))
    rename = build("change", {
        "kind": "change", "original_record": {"record_id": birth["id"]},
        "subject": {"full_name": "Nguyễn Văn An", "date_of_birth": "2016-01-15"},
        "changes": [{"field": "full_name", "from": "Nguyễn Văn An", "to": "Nguyễn Văn Ân"}]})
    # The birth's child is 0 days old; the subject's age decides consent: 10 here.
    refused = _new(cli, data_dir, "change", rename)
    assert refused.code == 1
    assert "E-NAME-CHANGE-CONSENT" in {e["rule"] for e in json.loads(refused.out)["errors"]}
    assert "đồng ý" in refused.err
    assert _new(cli, data_dir, "change", dict(rename, consent_given=True)).code == 0


def test_a_historical_entry_keeps_the_office_of_the_book(
        cli: Callable[..., CliResult], data_dir: Path) -> None:
    _setup(cli, data_dir)
    data = build("birth", {
        "registered_on": "1979-03-02", "registration_number": "45",
        "child.date_of_birth": "1979-02-20", "mother.date_of_birth": "1955",
        "source": {"office": "UBND xã Tân Lập, huyện Krông Búk", "year": 1979, "page": 12}})
    new = cli("--data-dir", data_dir, "--user", "canbo", "--json", "record", "new", "birth",
              "--historical", "--from", "-", stdin=json.dumps(data, ensure_ascii=False),
              password=PW)
    assert new.code == 0, new.err
    shown = json.loads(cli("--data-dir", data_dir, "--user", "canbo", "--json", "record",
                           "show", json.loads(new.out)["id"], password=PW).out)
    assert shown["source"]["office"] == "UBND xã Tân Lập, huyện Krông Búk"
    schema = json.loads(cli("schema", "birth").out)
    assert "office" in json.dumps(schema["properties"]["source"], ensure_ascii=False)
