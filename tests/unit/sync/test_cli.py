"""The sync commands of the command-line contract, in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO

import pytest
from support import Pki, ServerThread, push_item

from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.sync_types import DeviceIdentity
from desktop_app.workflows.accounts import login
from desktop_app.workflows.enrolment import device_identity
from sync.bundle import build_bundle, read_answer
from sync.cli import stats_text
from sync.server.store import CentralStore
from tests.conftest import ADMIN_PASSWORD, CliResult


def _identity(data_dir: Path) -> DeviceIdentity | None:
    session = login(DataPaths(data_dir), "admin", ADMIN_PASSWORD, SystemClock())
    try:
        with session.store.read() as uow:
            assert any(e.action == "device.enrol" for e in uow.audit.entries())
        return device_identity(session)
    finally:
        session.close()


def test_enroll_keeps_the_identity_only_in_the_encrypted_store(
        cli: Callable[..., CliResult], data_dir: Path, server: ServerThread,
        store: CentralStore, pki: Pki, tmp_path: Path) -> None:
    db = str(tmp_path / "central.db")
    issued = cli("--json", "central", "issue-code", "--db", db, "--commune", "00070")
    assert issued.code == 0, issued.err
    code = json.loads(issued.out)["code"]
    result = cli("--data-dir", data_dir, "--user", "admin", "--json", "enroll", "--server",
                 server.url, "--code", code, "--ca-file", pki.ca, password=ADMIN_PASSWORD)
    assert result.code == 0, result.err
    shown = json.loads(result.out)
    identity = _identity(data_dir)
    assert identity is not None and identity.device_id == shown["device_id"]
    assert "private" not in result.out
    for path in data_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert identity.signing_private.encode() not in content, path
            assert identity.box_private.encode() not in content, path
    again = cli("--data-dir", data_dir, "--user", "admin", "enroll", "--server", server.url,
                "--code", code, "--ca-file", pki.ca, password=ADMIN_PASSWORD)
    assert again.code == 1 and "đã được đăng ký" in again.err

    answer_file = tmp_path / "answer.json"
    bundle = tmp_path / "bundle.htb"
    bundle.write_bytes(build_bundle(identity, [push_item("death")]))
    imported = cli("--json", "central", "import-bundle", "--db", db, bundle, "--out",
                   answer_file)
    assert imported.code == 0, imported.err
    assert json.loads(imported.out)["results"] == {"accepted": 1}
    assert read_answer(identity, answer_file.read_bytes()).results[0].status == "accepted"

    stats = cli("--json", "central", "stats", "--db", db)
    assert json.loads(stats.out)["by_type_and_commune"] == [
        {"record_type": "death", "commune": "00070", "records": 1}]
    caps = cli("--json", "central", "capabilities", "--db", db, "--set", "death,birth")
    assert json.loads(caps.out)["procedures"] == ["birth", "death"]
    revoked = cli("central", "revoke-device", "--db", db, identity.device_id)
    assert revoked.code == 0
    refused = cli("central", "import-bundle", "--db", db, bundle, "--out", answer_file)
    assert refused.code == 1 and "thu hồi" in refused.err


def test_user_errors_are_one_line(cli: Callable[..., CliResult], tmp_path: Path,
                                  data_dir: Path) -> None:
    db = str(tmp_path / "c.db")
    unknown = cli("central", "issue-code", "--db", db, "--commune", "99999")
    assert unknown.code == 1 and unknown.err.count("\n") == 1
    bad_url = cli("central", "stats", "--db", "mysql://nowhere/x")
    assert bad_url.code == 1 and "Traceback" not in bad_url.err
    code = cli("central", "issue-code", "--db", db, "--commune", "00070").out.strip()
    wrong = cli("--data-dir", data_dir, "--user", "admin", "enroll", "--server",
                "http://127.0.0.1:1", "--code", code, password=ADMIN_PASSWORD)
    assert wrong.code == 1 and "https://" in wrong.err
    no_device = cli("central", "revoke-device", "--db", db, "nope")
    assert no_device.code == 1
    usage = cli("central", "issue-code", "--db", db)
    assert usage.code == 2
    half_tls = cli("serve", "--db", db, "--port", "0", "--tls-cert", str(tmp_path / "x.pem"))
    assert half_tls.code == 1


def test_a_sync_report_is_worded_at_the_edge(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.workflows.sync_apply import ItemOutcome, SyncReport
    from sync.cli import report_json, report_text

    report = SyncReport(accepted=2, rejected=1, pulled=5, blocks_leased=3, timestamped=1,
                        items=[ItemOutcome("r1", 1, "accepted"),
                               ItemOutcome("r2", 2, "rejected", "E-SYNC-X")])
    monkeypatch.delenv("HOTICH_LANG", raising=False)
    assert report_text(report) == ("đã gửi 2, bị từ chối 1, chờ 0, nhận 5 thay đổi, 3 dải số "
                                   "mới, 1 trích lục được gắn dấu thời gian")
    monkeypatch.setenv("HOTICH_LANG", "en")
    assert report_text(report) == ("sent: 2, rejected: 1, waiting: 0, changes received: 5, "
                                   "new number blocks: 3, extracts timestamped: 1")
    assert "trích lục" not in report_text(SyncReport())
    shown = json.loads(json.dumps(report_json(report)))
    assert (shown["accepted"], shown["rejected"], shown["pulled"]) == (2, 1, 5)
    assert shown["items"][1] == {"record_id": "r2", "version": 2, "state": "rejected",
                                 "code": "E-SYNC-X"}


def test_central_stats_speak_the_messages_language_with_grouped_counts(
        cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows: list[dict[str, object]] = [
        {"record_type": "birth", "commune": "00070", "records": 1234},
        {"record_type": "death", "commune": "00070", "records": 5}]
    monkeypatch.setenv("HOTICH_LANG", "vi")
    assert stats_text(rows) == ("00070  birth         1.234\n00070  death         5\n"
                                "Tổng: 1.239 hồ sơ đã nhận")
    monkeypatch.setenv("HOTICH_LANG", "en")
    assert stats_text(rows) == ("00070  birth         1,234\n00070  death         5\n"
                                "Total: 1,239 records accepted")
    empty = cli("central", "stats", "--db", str(tmp_path / "central.db"))
    assert empty.code == 0, empty.err
    assert empty.out == "Total: 0 records accepted\n"
    as_json = cli("--json", "central", "stats", "--db", str(tmp_path / "central.db"))
    assert json.loads(as_json.out) == {"ok": True, "total": 0, "by_type_and_commune": []}


@pytest.mark.parametrize(("lang", "listening", "warning"), [
    ("en", "Central server listening on http://127.0.0.1:", "Warning: no TLS, for trying "
     "out on this machine only."),
    ("vi", "Máy chủ trung ương đang chạy tại http://127.0.0.1:", "Cảnh báo: không có TLS, "
     "chỉ dùng thử trên máy này.")])
def test_serve_says_where_it_listens_in_the_messages_language(
        tmp_path: Path, lang: str, listening: str, warning: str) -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "serve", "--db", str(tmp_path / "c.db"),
         "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "HOTICH_LANG": lang})
    # The warning comes on stderr just after the address: read until it, with a deadline
    # (stopping the server as soon as the address came raced it).
    pool = ThreadPoolExecutor(1)
    try:
        assert server.stdout is not None and server.stderr is not None
        said = server.stdout.readline()
        warned = pool.submit(_reads_line, server.stderr, warning).result(timeout=30)
    finally:
        server.terminate()
        server.communicate(timeout=30)
        pool.shutdown(wait=False)
    assert said.startswith(listening) and " / " not in said, said
    assert warned, warning


def _reads_line(stream: IO[str], wanted: str) -> bool:
    """Whether ``wanted`` is one of the lines read before the stream ends."""
    return any(line.rstrip("\n") == wanted for line in iter(stream.readline, ""))
