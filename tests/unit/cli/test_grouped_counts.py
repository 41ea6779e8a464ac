"""Counts in the command line's lines are grouped the way their language writes them:
"1.234 mục" in Vietnamese, "1,234" in English; --json keeps plain numbers."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.domain import Issue, issue_message
from desktop_app.messages import Count, render
from desktop_app.workflows.sync_apply import SyncReport
from sync.cli import report_text
from tests.conftest import ADMIN_PASSWORD, CliResult

SUPERVISOR_PASSWORD = "giam-sat-2026"


def test_backup_line_groups_its_size_and_json_keeps_the_number(
        data_dir: Path, tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    out = tmp_path / "usb" / "hotich.htbak"
    out.parent.mkdir()
    said = cli("--data-dir", data_dir, "--user", "admin", "backup", "--out", out,
               password=ADMIN_PASSWORD)
    assert said.code == 0, said.err
    size = out.stat().st_size
    assert size >= 1000  # so that its count has a group
    shown = re.search(r"\(([\d.]+) byte\)", said.out)
    assert shown is not None, said.out
    assert shown[1] == f"{size:,d}".replace(",", ".")
    again = cli("--data-dir", data_dir, "--user", "admin", "--json", "backup", "--out",
                tmp_path / "usb" / "again.htbak", password=ADMIN_PASSWORD)
    assert again.code == 0, again.err
    assert isinstance(json.loads(again.out)["size"], int)


def test_books_status_groups_the_numbers_left_not_the_numbers(
        data_dir: Path, cli: Callable[..., CliResult]) -> None:
    added = cli("--data-dir", data_dir, "--user", "admin", "user", "add", "giamsat", "--role",
                "supervisor", "--password-stdin", stdin=SUPERVISOR_PASSWORD + "\n",
                password=ADMIN_PASSWORD)
    assert added.code == 0, added.err
    as_supervisor = ("--data-dir", data_dir, "--user", "giamsat")
    block = cli(*as_supervisor, "books", "add-block", "--type", "birth", "--year", "2026",
                "--start", "1001", "--end", "13345", password=SUPERVISOR_PASSWORD)
    assert block.code == 0, block.err
    assert block.out.strip() == "birth 2026: 1001-13345"  # registration numbers stay plain
    status = cli(*as_supervisor, "books", "status", "--year", "2026",
                 password=SUPERVISOR_PASSWORD)
    assert status.code == 0, status.err
    assert "còn 12.345" in status.out, status.out
    listed = cli(*as_supervisor, "--json", "books", "status", "--year", "2026",
                 password=SUPERVISOR_PASSWORD)
    (book,) = [b for b in json.loads(listed.out)["books"] if b["record_type"] == "birth"]
    assert book["numbers_left"] == 12345


def test_sync_report_line_groups_in_the_messages_language(
        monkeypatch: pytest.MonkeyPatch) -> None:
    report = SyncReport(accepted=1234, rejected=2, pulled=1_050_000, timestamped=1000)
    monkeypatch.setenv("HOTICH_LANG", "vi")
    assert report_text(report) == ("đã gửi 1.234, bị từ chối 2, chờ 0, nhận 1.050.000 thay "
                                   "đổi, 0 dải số mới, 1.000 trích lục được gắn dấu thời gian")
    monkeypatch.setenv("HOTICH_LANG", "en")
    assert report_text(report) == ("sent: 1,234, rejected: 2, waiting: 0, changes received: "
                                   "1,050,000, new number blocks: 0, extracts timestamped: 1,000")


def test_reconcile_summary_groups_its_counts() -> None:
    counts = {"entries": 1500, "registry": 1498, "matched": 1490, "open": 18, "centre": 10,
              "book": 8, "fields": 0}
    vi = render("R-RECONCILE", {k: Count(n) for k, n in counts.items()}, lang="vi")
    assert vi.startswith("Đối chiếu sổ với Cơ sở dữ liệu dân cư: 1.500 mục trong sổ, 1.498 ở "
                         "trung tâm, 1.490 khớp; 18 chỗ"), vi
    en = render("R-RECONCILE", {k: Count(n) for k, n in counts.items()}, lang="en")
    assert "1,500 entries in the book, 1,498 at the centre, 1,490 matched" in en


def test_a_rule_message_groups_its_days_and_keeps_the_issue_a_number() -> None:
    late = Issue.of("W-KS-LATE", "registered_on", days=20075, limit=60)
    assert issue_message("birth", late, lang="vi") == (
        "Đăng ký khai sinh quá hạn: 20.075 ngày sau ngày sinh (hạn 60 ngày).")
    assert issue_message("birth", late, lang="en") == (
        "Late birth registration: 20,075 days after the birth (limit 60).")
    assert late.params["days"] == 20075 and type(late.params["days"]) is int
