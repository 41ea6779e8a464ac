"""A full disk is a full disk (issue 16 item 6), on a real small filesystem.

The data folder lives on a tmpfs of a few megabytes filled to the last byte. Each command
runs in its own process, as the user would run it: a write is refused as "Ổ đĩa đầy" (never
as a damaged store, never an incident) and rolled back; reading, verifying and a backup to
another disk still work; once room is made nothing saved is missing. Large writes check
the room first and refuse only what cannot fit.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.clock import SystemClock
from desktop_app.errors import DiskFullError, DiskNoRoomError
from desktop_app.paths import DataPaths
from desktop_app.workflows import accounts, attachments, records
from tests.conftest import ADMIN_PASSWORD, run_hotich
from tests.samples import build

OFFICER_PASSWORD = "can-bo-mat-khau-1"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem (tmpfs) needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk: Path, leave: int = 0) -> Path:
    """Fill the filesystem to the last block, then give ``leave`` bytes back."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (1 << 16, 1 << 12, 1 << 9):
            try:
                while os.write(fd, b"\0" * size):
                    pass
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    if leave:
        os.truncate(filler, max(filler.stat().st_size - leave, 0))
    return filler


def _hotich(root: Path, *args: str, user: str = "canbo", password: str = OFFICER_PASSWORD,
            stdin: str = "") -> subprocess.CompletedProcess[str]:
    return run_hotich("--data-dir", str(root), "--user", user, *args, stdin=stdin,
                      env={"HOTICH_PASSWORD": password, "HOTICH_LANG": "vi"})


def _office(disk: Path, tmp_path: Path) -> tuple[Path, Path]:
    root = disk / "data"
    made = run_hotich("--data-dir", str(root), "init", "--commune", "00070", "--admin",
                      "admin", "--password-stdin", stdin=ADMIN_PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
    added = _hotich(root, "user", "add", "canbo", "--role", "officer", "--full-name",
                    "Lò Thị Cán", "--password-stdin", user="admin", password=ADMIN_PASSWORD,
                    stdin=OFFICER_PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    source = tmp_path / "death.json"
    source.write_text(json.dumps(build("death"), ensure_ascii=False), encoding="utf-8")
    return root, source


def _ids(root: Path) -> list[str]:
    listed = _hotich(root, "--json", "record", "list")
    assert listed.returncode == 0, listed.stderr
    return sorted(r["id"] for r in json.loads(listed.stdout)["records"])


def test_a_full_disk_is_told_as_such_and_loses_nothing(small_disk: Path,
                                                       tmp_path: Path) -> None:
    root, source = _office(small_disk, tmp_path)
    first = _hotich(root, "record", "new", "death", "--from", str(source))
    assert first.returncode == 0, first.stderr
    saved = first.stdout.strip()
    filler = _fill(small_disk)

    refused = _hotich(root, "record", "new", "death", "--from", str(source))
    assert refused.returncode == 1
    assert "Ổ đĩa đầy" in refused.stderr, refused.stderr
    assert "hỏng" not in refused.stderr and "ngoài dự kiến" not in refused.stderr
    assert "Traceback" not in refused.stderr

    # Reading still works, and says early that the disk is (nearly) full.
    assert _ids(root) == [saved]
    shown = _hotich(root, "record", "show", saved)
    assert shown.returncode == 0, shown.stderr
    assert "sắp đầy" in shown.stderr
    found = _hotich(root, "search", "Nguyễn")
    assert found.returncode == 0, found.stderr
    verified = _hotich(root, "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    usb = tmp_path / "usb"
    usb.mkdir()
    backed = _hotich(root, "backup", "--out", str(usb / "hotich.htbak"), user="admin",
                     password=ADMIN_PASSWORD)
    assert backed.returncode == 0, backed.stderr
    assert (usb / "hotich.htbak").stat().st_size > 0

    # The desktop reads from several threads (one connection each) on the full disk too.
    session = accounts.login(DataPaths(root), "canbo", OFFICER_PASSWORD, SystemClock())
    try:
        seen: list[object] = []
        worker = threading.Thread(target=lambda: seen.append(
            [r.id for r in records.list_records(session)]))
        worker.start()
        worker.join(timeout=120)
        assert seen == [[saved]]
        with pytest.raises(DiskFullError):
            records.create_record(session, "death", build("death"))
    finally:
        session.close()

    # Room again: the refused record was rolled back, the saved one is there, writing works.
    filler.unlink()
    assert _ids(root) == [saved]
    assert _hotich(root, "audit", "verify").returncode == 0
    again = _hotich(root, "record", "new", "death", "--from", str(source))
    assert again.returncode == 0, again.stderr
    assert len(_ids(root)) == 2


def test_a_large_write_that_cannot_fit_is_refused_before_it_starts(
        small_disk: Path, tmp_path: Path) -> None:
    root, source = _office(small_disk, tmp_path)
    created = _hotich(root, "record", "new", "death", "--from", str(source))
    assert created.returncode == 0, created.stderr
    record_id = created.stdout.strip()
    _fill(small_disk, leave=3 << 20)
    scan = b"%PDF-1.4\n" + b"0" * (3 << 20)  # a 3 MB scan, 3 MB left: no room for its log
    session = accounts.login(DataPaths(root), "canbo", OFFICER_PASSWORD, SystemClock())
    try:
        with pytest.raises(DiskNoRoomError) as refused:
            attachments.add_attachment(session, record_id, scan)
        assert set(refused.value.params) == {"needed", "free"}
        small = b"%PDF-1.4\n" + b"0" * 1000  # what fits is still accepted
        attachments.add_attachment(session, record_id, small)
        assert [a.size for a in attachments.attachments_of(session, record_id)] == [len(small)]
    finally:
        session.close()
    _fill(small_disk)
    backed = _hotich(root, "backup", "--out", str(small_disk / "copy.htbak"), user="admin",
                     password=ADMIN_PASSWORD)
    assert backed.returncode == 1
    assert "không đủ chỗ" in backed.stderr, backed.stderr
    assert not (small_disk / "copy.htbak").exists()
