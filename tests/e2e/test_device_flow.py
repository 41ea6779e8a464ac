"""A commune's whole day through the command line, against the real central server:
enrol -> lease numbers -> register -> approve -> sign -> sync -> personal ID back -> sign the
birth -> synced; a procedure the centre does not accept yet waits and goes out by itself;
a USB bundle round trip."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from signing.devca import make_ca, make_leaf, p12
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.e2e.conftest import CentralProcess
from tests.samples import build

STAFF_PW = "staff-password-1"
P12_PW = "p12-password-1"


@pytest.fixture
def office(cli: Callable[..., CliResult], data_dir: Path, central: CentralProcess,
           tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliResult]:
    """Accounts, a trusted CA with the supervisor's certificate, and the device enrolled."""
    monkeypatch.setenv("HOTICH_P12_PASSWORD", P12_PW)
    for name, role, full in (("canbo", "officer", "Lò Thị Cán"),
                             ("chutich", "supervisor", "Hoàng Văn Chủ")):
        assert cli("--data-dir", data_dir, "--user", "admin", "user", "add", name, "--role",
                   role, "--full-name", full, "--password-stdin", stdin=STAFF_PW + "\n",
                   password=ADMIN_PASSWORD).code == 0
    root = make_ca("E2E Root")
    (data_dir / "trust").mkdir()
    (data_dir / "trust" / "root.pem").write_bytes(root.pem)
    cert = tmp_path / "chutich.p12"
    cert.write_bytes(p12(make_leaf("Hoàng Văn Chủ", root), [root], P12_PW))
    central.enroll(cli, data_dir)

    def run(user: str, *args: object, stdin: str = "") -> CliResult:
        return cli("--data-dir", data_dir, "--user", user, *map(str, args), stdin=stdin,
                   password=ADMIN_PASSWORD if user == "admin" else STAFF_PW)

    imported = run("chutich", "cert", "import", cert)
    assert imported.code == 0, imported.err
    return run


def _register(run: Callable[..., CliResult], rtype: str, data: dict) -> str:
    new = run("canbo", "--json", "record", "new", rtype, "--from", "-", stdin=json.dumps(data))
    assert new.code == 0, new.err
    created = json.loads(new.out)
    assert run("canbo", "record", "submit", created["id"]).code == 0
    overrides = [f"--override={w['rule']}=đã kiểm tra giấy tờ gốc" for w in created["warnings"]]
    approved = run("chutich", "record", "approve", created["id"], *overrides)
    assert approved.code == 0, approved.err
    return str(created["id"])


def _status(run: Callable[..., CliResult], record_id: str) -> dict:
    return json.loads(run("canbo", "--json", "record", "show", record_id).out)


def test_register_sign_sync_and_personal_id(
    office: Callable[..., CliResult], tmp_path: Path,
    central: CentralProcess, cli: Callable[..., CliResult]
) -> None:
    run = office
    # Enrolment leased the first number blocks: approval works before the first sync.
    first = run("chutich", "books", "status", "--json")
    assert all(b["numbers_left"] > 0 for b in json.loads(first.out)["books"])
    assert run("canbo", "sync", "--once").code == 0
    death = _register(run, "death", build("death", {"deceased.full_name": "Ksor H'Bia"}))
    birth = _register(run, "birth", build("birth", {"child.full_name": "H’Hen Niê"}))
    assert _status(run, death)["registration_number"] == "1"
    assert _status(run, birth)["status"] == "awaiting_personal_id"
    refused = run("chutich", "extract", birth, "--out", tmp_path / "b.pdf", "--sign")
    assert refused.code == 1  # a birth is signed once its personal ID is back
    assert run("chutich", "extract", death, "--out", tmp_path / "d.pdf", "--sign").code == 0

    synced = run("canbo", "--json", "sync", "--once")
    assert synced.code == 0, synced.err
    assert json.loads(synced.out)["accepted"] == 2
    assert _status(run, death)["status"] == "synced"
    shown = _status(run, birth)
    assert len(shown["child"]["personal_id"]) == 12 and shown["central_id"]
    assert shown["status"] == "approved"  # its number is back: ready to sign
    signed = run("chutich", "extract", birth, "--out", tmp_path / "b.pdf", "--sign")
    assert signed.code == 0, signed.err
    assert run("canbo", "sync", "--once").code == 0
    assert _status(run, birth)["status"] == "synced"
    assert run("canbo", "verify", tmp_path / "b.pdf").code == 0
    again = json.loads(run("canbo", "--json", "sync", "--once").out)
    assert (again["accepted"], again["rejected"]) == (0, 0)  # nothing sent twice
    stats = json.loads(cli("--json", "central", "stats", "--db", central.db).out)
    assert json.dumps(stats).count("birth") >= 1
    # Operators publish a newer desktop version: the next sync tells the commune.
    assert cli("central", "release", "--db", central.db, "--version", "99.0",
               "--url", "https://tw.example/hotich-99.0.tar.gz").code == 0
    told = json.loads(run("canbo", "--json", "sync", "--once").out)["update"]
    assert told["version"] == "99.0" and told["url"].endswith("99.0.tar.gz")


def test_unsupported_procedure_waits_then_goes_out_by_itself(
    office: Callable[..., CliResult], tmp_path: Path,
    central: CentralProcess, cli: Callable[..., CliResult]
) -> None:
    run = office
    assert cli("central", "capabilities", "--db", central.db, "--set",
               "birth,death,marriage,recognition,change").code == 0
    assert run("canbo", "sync", "--once").code == 0
    record = _register(run, "guardianship", build("guardianship"))
    assert run("chutich", "extract", record, "--out", tmp_path / "g.pdf", "--sign").code == 0
    assert run("canbo", "sync", "--once").code == 0
    assert _status(run, record)["status"] == "awaiting_central_support"
    assert cli("central", "capabilities", "--db", central.db, "--set",
               "birth,death,marriage,recognition,change,guardianship").code == 0
    assert run("canbo", "sync", "--once").code == 0
    assert _status(run, record)["status"] == "synced"


def test_usb_bundle_round_trip(
    office: Callable[..., CliResult], tmp_path: Path,
    central: CentralProcess, cli: Callable[..., CliResult]
) -> None:
    run = office
    assert run("canbo", "sync", "--once").code == 0  # number blocks, while online
    death = _register(run, "death", build("death"))
    assert run("chutich", "extract", death, "--out", tmp_path / "d.pdf", "--sign").code == 0
    bundle, answer = tmp_path / "usb.bundle", tmp_path / "usb.answer"
    assert run("canbo", "export-bundle", "--out", bundle).code == 0
    assert b"L\xc3\xaa V\xc4\x83n T\xc6\xb0" not in bundle.read_bytes()  # encrypted
    imported = cli("central", "import-bundle", "--db", central.db, bundle, "--out", answer)
    assert imported.code == 0, imported.err
    applied = run("canbo", "--json", "import-bundle", answer)
    assert applied.code == 0, applied.err
    assert _status(run, death)["status"] == "synced"
    # The same bundle imported twice changes nothing centrally (idempotent).
    twice = cli("central", "import-bundle", "--db", central.db, bundle, "--out",
                tmp_path / "again.answer")
    assert twice.code == 0
    assert json.loads(run("canbo", "--json", "sync", "--once").out)["accepted"] == 0


def test_a_central_rejection_is_corrected_and_sent_again_as_a_new_version(
    office: Callable[..., CliResult], tmp_path: Path,
    central: CentralProcess, cli: Callable[..., CliResult]
) -> None:
    run = office
    assert run("canbo", "sync", "--once").code == 0
    first = _register(run, "death", build("death", {"deceased.personal_id": "001040123456"}))
    assert run("chutich", "extract", first, "--out", tmp_path / "1.pdf", "--sign").code == 0
    # A second death typed with the same personal ID: only the centre can see the clash.
    typo = build("death", {"deceased.full_name": "Đinh Văn Năm",
                           "deceased.personal_id": "001040123456"})
    second = _register(run, "death", typo)
    number = _status(run, second)["registration_number"]
    refusal = run("canbo", "record", "reopen", second)
    assert refusal.code == 1 and "trung ương" in refusal.err  # not rejected yet
    assert run("chutich", "extract", second, "--out", tmp_path / "2.pdf", "--sign").code == 0
    report = json.loads(run("canbo", "--json", "sync", "--once").out)
    assert (report["accepted"], report["rejected"]) == (1, 1)
    assert _status(run, second)["status"] == "rejected"
    queue = run("canbo", "--json", "record", "history", second)
    assert "E-SYNC-DEATH-REGISTERED" in queue.out or "đã được đăng ký khai tử" in queue.out

    reopened = json.loads(run("canbo", "--json", "record", "reopen", second).out)
    assert (reopened["status"], reopened["version"]) == ("draft", 2)
    fixed = build("death", {"deceased.full_name": "Đinh Văn Năm",
                            "deceased.personal_id": "001040654321"})
    edited = run("canbo", "--json", "record", "edit", second, "--from", "-",
                 stdin=json.dumps(fixed))
    assert edited.code == 0, edited.err
    assert run("canbo", "record", "submit", second).code == 0
    approved = run("chutich", "record", "approve", second,
                   *[f"--override={w['rule']}=đã kiểm tra giấy tờ gốc"
                     for w in json.loads(edited.out)["warnings"]])
    assert approved.code == 0, approved.err
    assert _status(run, second)["registration_number"] == number  # the book entry's number
    signed = run("chutich", "extract", second, "--out", tmp_path / "2b.pdf", "--sign")
    assert signed.code == 0, signed.err
    again = json.loads(run("canbo", "--json", "sync", "--once").out)
    assert (again["accepted"], again["rejected"]) == (1, 0)
    assert _status(run, second)["status"] == "synced"
    stats = json.loads(cli("--json", "central", "stats", "--db", central.db).out)
    deaths = sum(int(row["records"]) for row in stats["by_type_and_commune"]
                 if row["record_type"] == "death")
    assert deaths == 2
