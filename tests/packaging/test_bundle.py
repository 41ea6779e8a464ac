"""The Linux release as a user gets it: installer/build-linux.sh builds the PyInstaller bundle
and its tarball once per session; the bundled `hotich` then runs with no Python to be found
(PATH holds nothing, no PYTHONPATH/PYTHONHOME, cwd outside the repository): the command line,
the reference data, signing, the desktop offscreen, and install/update/rollback.

The one difference from a release: the test's build adds the GUI smoke runtime hook
(tests/packaging/hooks/gui_smoke.py), which a release bundle never contains.
"""

from __future__ import annotations

import io
import json
import os
import platform
import shutil
import subprocess
import sys
import tomllib
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.samples import build

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]

ROOT = Path(__file__).resolve().parents[2]
GUI_SMOKE_HOOK = Path(__file__).resolve().parent / "hooks" / "gui_smoke.py"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
ADMIN_PW, OFFICER_PW, SUPERVISOR_PW = "quan-tri-mk-1", "can-bo-mk-1", "chu-tich-mk-1"


def tail(text: str, lines: int = 40) -> str:
    return "\n".join(text.splitlines()[-lines:])


@dataclass(frozen=True)
class Release:
    exe: Path
    tarball: Path
    log: Path


@dataclass(frozen=True)
class Bundled:
    """Runs the bundled `hotich` in an environment where no Python can be found."""

    release: Release
    home: Path

    def env(self, **extra: str) -> dict[str, str]:
        empty = self.home / "empty-bin"
        empty.mkdir(exist_ok=True)
        env = {"PATH": str(empty), "HOME": str(self.home), "TMPDIR": str(self.home),
               "QT_QPA_PLATFORM": "offscreen", "HOTICH_LANG": "vi",
               "XDG_DATA_HOME": str(self.home / "share"), **extra}
        assert shutil.which("python3", path=env["PATH"]) is None
        return env

    def run(self, *args: str, stdin: str = "", timeout: float = 120,
            **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(self.release.exe), *args], input=stdin, capture_output=True,
                              encoding="utf-8", env=self.env(**env), cwd=self.home, timeout=timeout,
                              check=False)

    def json(self, *args: str, stdin: str = "", **env: str) -> dict[str, Any]:
        done = self.run("--json", *args, stdin=stdin, **env)
        assert done.returncode == 0, (f"hotich --json {' '.join(args)} exited "
                                      f"{done.returncode}\nstdout: {done.stdout}\n"
                                      f"stderr: {tail(done.stderr)}")
        try:
            return json.loads(done.stdout)
        except json.JSONDecodeError:
            pytest.fail(f"hotich --json {' '.join(args)} printed no JSON: {done.stdout!r}")


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Release]:
    out = tmp_path_factory.mktemp("release")
    # PyInstaller runs without the suite's test support (tests/support/sitecustomize.py).
    support = str(ROOT / "tests" / "support")
    path = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != support]
    try:
        done = subprocess.run(["bash", str(ROOT / "installer" / "build-linux.sh"), "--out",
                               str(out), "--runtime-hook", str(GUI_SMOKE_HOOK)],
                              capture_output=True, encoding="utf-8", timeout=1200, check=False,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(path)})
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"installer/build-linux.sh timed out\n{tail(str(exc.stdout or ''))}")
    log = out / "build" / "pyinstaller.log"
    if done.returncode != 0:
        pyi = tail(log.read_text("utf-8", "replace")) if log.exists() else "(no log)"
        pytest.fail(f"installer/build-linux.sh exited {done.returncode}\n"
                    f"--- output ---\n{tail(done.stdout)}\n{tail(done.stderr)}\n"
                    f"--- PyInstaller log ({log}) ---\n{pyi}")
    tarball = out / "dist" / f"hotich-offline-{VERSION}-linux-{platform.machine()}.tar.gz"
    assert tarball.is_file(), f"no tarball {tarball.name}:\n{done.stdout}"
    yield Release(out / "dist" / "hotich" / "hotich", tarball, log)
    shutil.rmtree(out, ignore_errors=True)  # ~500 MB; pytest keeps its last 3 temp folders


@pytest.fixture
def bundled(release: Release, tmp_path: Path) -> Bundled:
    home = tmp_path / "home"
    home.mkdir()
    return Bundled(release, home)


def test_version_is_the_project_version(bundled: Bundled) -> None:
    done = bundled.run("--version")
    assert done.returncode == 0, tail(done.stderr)
    assert done.stdout.strip() == f"hotich {VERSION}"  # not 0.0.0+source: metadata is bundled


def test_bundle_has_the_data_and_leaves_out_the_rest(release: Release) -> None:
    internal = release.exe.parent / "_internal"
    for needed in ("signing/fonts/NotoSans-Regular.ttf", "signing/fonts/OFL.txt",
                   "ui/i18n/hotich_vi.qm", "sync/openapi.json", "docs/guide/05-canh-bao.md",
                   "desktop_app/data",
                   "vietnam_provinces/data", "vietnamadminunits/data/converter_2025.json",
                   "trueocr/models/rec.onnx", "trueocr/models/meta.json",
                   "pypdfium2_raw/libpdfium.so",  # desktop_app/ocr/pdf_pages: PDF scans
                   "PySide6/Qt/plugins/platforms/libqxcb.so",
                   "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                   "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so"):
        assert (internal / needed).exists(), f"{needed} missing from the bundle"
    present = {p.name for p in internal.rglob("*")}
    for unwanted in ("pytest", "_pytest", "hypothesis", "tkinter", "PyInstaller",
                     "libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6WebEngineCore.so.6",
                     "libqgtk3.so", "dataset.db"):
        assert unwanted not in present, f"{unwanted} should not be in the bundle"


def test_register_a_birth_with_the_bundled_cli(bundled: Bundled) -> None:
    data = bundled.home / "data"
    init = bundled.json("--data-dir", str(data), "init", "--commune", "00070", "--admin",
                        "admin", "--password-stdin", stdin=ADMIN_PW + "\n")
    assert init["ok"] and init["recovery_code"]
    as_admin = ("--data-dir", str(data), "--user", "admin")
    for name, role, password in (("canbo", "officer", OFFICER_PW),
                                 ("chutich", "supervisor", SUPERVISOR_PW)):
        added = bundled.json(*as_admin, "user", "add", name, "--role", role, "--password-stdin",
                             stdin=password + "\n", HOTICH_PASSWORD=ADMIN_PW)
        assert added == {"ok": True, "username": name, "role": role}

    # A recent birth (no late-registration warning) with a pre-2025 residence: converting it
    # needs vietnamadminunits' data files and numpy/shapely; the 2025 commune code of the
    # place of birth needs vietnam_provinces' data; the ethnicity, desktop_app/data.
    birth = build("birth", {
        "child.date_of_birth": (date.today() - timedelta(days=3)).isoformat(),
        "child.residence": {"as_written": "xã Ea Tu, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk"}})
    source = bundled.home / "birth.json"
    source.write_text(json.dumps(birth, ensure_ascii=False), "utf-8")
    officer = ("--data-dir", str(data), "--user", "canbo")
    created = bundled.json(*officer, "record", "new", "birth", "--from", str(source),
                           HOTICH_PASSWORD=OFFICER_PW)
    assert created["status"] == "draft" and created["errors"] == [], created
    rules = {w["rule"] for w in created["warnings"]}
    assert "W-ADDRESS-LEGACY" in rules, (
        f"the pre-2025 address was not converted (vietnamadminunits data or numpy/shapely "
        f"missing from the bundle?): {created['warnings']}")
    assert "W-ADDRESS-UNKNOWN" not in rules, created["warnings"]
    record_id = created["id"]

    shown = bundled.json(*officer, "record", "show", record_id, HOTICH_PASSWORD=OFFICER_PW)
    assert shown["child"]["full_name"] == "Nguyễn Văn An"
    listed = bundled.json(*officer, "record", "list", HOTICH_PASSWORD=OFFICER_PW)
    assert [(r["id"], r["status"]) for r in listed["records"]] == [(record_id, "draft")]

    submitted = bundled.json(*officer, "record", "submit", record_id, HOTICH_PASSWORD=OFFICER_PW)
    assert submitted["status"] == "submitted", submitted
    overrides = [arg for w in submitted["warnings"]
                 for arg in ("--override", f"{w['rule']}=Đã kiểm tra giấy tờ gốc")]
    approved = bundled.json("--data-dir", str(data), "--user", "chutich", "record", "approve",
                            record_id, *overrides, HOTICH_PASSWORD=SUPERVISOR_PW)
    # A birth waits for its personal ID from the centre once approved.
    assert approved["ok"] and approved["status"] in {"approved", "awaiting_personal_id"}, approved
    assert approved["registration_number"], approved
    listed = bundled.json(*officer, "record", "list", HOTICH_PASSWORD=OFFICER_PW)
    assert listed["records"][0]["status"] == approved["status"]

    # A user error: a short Vietnamese message and exit 1, never a traceback.
    wrong = bundled.run(*officer, "record", "show", record_id, HOTICH_PASSWORD="sai-mat-khau")
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr, wrong.stderr


def test_the_bundled_cli_reads_a_pdf_scan_of_a_book_page(bundled: Bundled) -> None:
    """OCR from the bundle: PDFium renders the scan (pypdfium2's own library), OpenCV cuts
    its cells, trueocr's models read them."""
    from PIL import Image

    from tests.support.register_pages import birth_page

    page = birth_page(11, 3, rows=6, rotation=1.6)
    folder = bundled.home / "usb"
    folder.mkdir()
    Image.open(io.BytesIO(page.clean)).convert("RGB").save(folder / "SCAN0001.pdf", "PDF",
                                                          resolution=200)
    data = bundled.home / "data"
    assert bundled.json("--data-dir", str(data), "init", "--commune", "00070", "--admin",
                        "admin", "--password-stdin", stdin=ADMIN_PW + "\n")["ok"]
    bundled.json("--data-dir", str(data), "--user", "admin", "user", "add", "canbo", "--role",
                 "officer", "--password-stdin", stdin=OFFICER_PW + "\n",
                 HOTICH_PASSWORD=ADMIN_PW)
    officer = ("--data-dir", str(data), "--user", "canbo")
    book = bundled.json(*officer, "books", "open", "--type", "birth", "--year", "2010",
                        "--number", "01/2010", "--office", "UBND xã Hòa Phú", "--phase", "1",
                        HOTICH_PASSWORD=OFFICER_PW)["id"]
    bundled.json(*officer, "books", "pages", book, "--from", str(folder),
                 HOTICH_PASSWORD=OFFICER_PW)
    bundled.json(*officer, "books", "writing", book, "1", "printed", HOTICH_PASSWORD=OFFICER_PW)
    read = bundled.json(*officer, "books", "ocr", book, "1", HOTICH_PASSWORD=OFFICER_PW)
    assert [e["number"] for e in read["entries"]] == [str(e.number) for e in page.entries]


def test_signed_extract_with_the_bundled_fonts_and_signer(bundled: Bundled) -> None:
    """The demo folder has a supervisor certificate: reportlab, the bundled Noto fonts,
    pyHanko and its certvalidator all run inside the bundle."""
    data = bundled.home / "demo"
    demo = bundled.json("--data-dir", str(data), "demo")
    password = {a["role"]: (a["username"], a["password"]) for a in demo["accounts"]}
    officer, officer_pw = password["officer"]
    supervisor, supervisor_pw = password["supervisor"]
    source = bundled.home / "death.json"
    died = (date.today() - timedelta(days=2)).isoformat()
    source.write_text(json.dumps(build("death", {"time_of_death": f"{died}T14:30"}),
                                 ensure_ascii=False), "utf-8")
    record_id = bundled.json("--data-dir", str(data), "--user", officer, "record", "new",
                             "death", "--from", str(source), HOTICH_PASSWORD=officer_pw)["id"]
    bundled.json("--data-dir", str(data), "--user", officer, "record", "submit", record_id,
                 HOTICH_PASSWORD=officer_pw)
    as_supervisor = ("--data-dir", str(data), "--user", supervisor)
    bundled.json(*as_supervisor, "record", "approve", record_id, HOTICH_PASSWORD=supervisor_pw)
    pdf = bundled.home / "extract.pdf"
    bundled.json(*as_supervisor, "extract", record_id, "--out", str(pdf), "--sign",
                 HOTICH_PASSWORD=supervisor_pw, HOTICH_P12_PASSWORD=supervisor_pw)
    assert pdf.read_bytes().startswith(b"%PDF") and b"NotoSans" in pdf.read_bytes()
    verified = bundled.json(*as_supervisor, "verify", str(pdf), HOTICH_PASSWORD=supervisor_pw)
    assert verified["ok"] and verified["code"] == "OK-PDF-VALID", verified


def test_desktop_starts_offscreen_and_logs_in(bundled: Bundled) -> None:
    """`hotich gui` under the test bundle's HOTICH_GUI_SMOKE hook (tests/packaging/hooks/):
    the login window, in Vietnamese, then the main window after logging in; both close."""
    data = bundled.home / "data"
    bundled.json("--data-dir", str(data), "init", "--commune", "00070", "--admin", "admin",
                 "--password-stdin", stdin=ADMIN_PW + "\n")
    smoke = {"HOTICH_GUI_SMOKE": "1", "HOTICH_GUI_SMOKE_TIMEOUT": "60"}
    done = bundled.run("--data-dir", str(data), "gui", timeout=90, **smoke)
    assert done.returncode == 0, f"stdout: {done.stdout}\nstderr: {tail(done.stderr)}"
    assert "gui-smoke: shown=LoginDialog platform=offscreen lang=vi" in done.stdout, done.stdout

    done = bundled.run("--data-dir", str(data), "gui", timeout=90, HOTICH_GUI_SMOKE_USER="admin",
                       HOTICH_PASSWORD=ADMIN_PW, **smoke)
    assert done.returncode == 0, f"stdout: {done.stdout}\nstderr: {tail(done.stderr)}"
    shown = [line.split()[1] for line in done.stdout.splitlines()
             if line.startswith("gui-smoke: shown=")]
    assert shown == ["shown=LoginDialog", "shown=MainWindow"], done.stdout
    # F1 in the main window: the user guide (docs/guide) is in the bundle and opens at the
    # page on screen.
    guide = next((line.split() for line in done.stdout.splitlines()
                  if line.startswith("gui-smoke: guide ")), None)
    assert guide is not None, done.stdout
    assert int(guide[2].removeprefix("sections=")) > 50 and guide[3] == "topic=dashboard", guide


def test_reference_server_starts_from_the_bundle(bundled: Bundled) -> None:
    """`hotich serve`: FastAPI, uvicorn (imports by name) and SQLAlchemy inside the bundle."""
    server = subprocess.Popen(
        [str(bundled.release.exe), "--json", "serve", "--db",
         f"sqlite:///{bundled.home / 'central.db'}", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=bundled.env(), cwd=bundled.home)
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # no proxy on loopback
    try:
        assert server.stdout is not None
        first = server.stdout.readline().decode()  # {"url", "port"} once it listens
        try:
            port = json.loads(first)["port"]
        except (ValueError, KeyError):
            pytest.fail(f"hotich serve did not start (exit {server.poll()}):\n"
                        f"{tail(first + server.stdout.read().decode())}")
        with direct.open(f"http://127.0.0.1:{port}/v1/health", timeout=10) as answer:
            assert json.load(answer)["ok"] is True
    finally:
        server.terminate()
        server.communicate(timeout=30)


def test_tarball_installs_updates_and_rolls_back(release: Release, tmp_path: Path) -> None:
    # GNU tar and cp -l: several times faster than tarfile and copytree on 300 MB.
    (tmp_path / "v1").mkdir()
    subprocess.run(["tar", "-xzf", str(release.tarball), "-C", str(tmp_path / "v1")], check=True)
    top = f"hotich-offline-{VERSION}"
    assert os.listdir(tmp_path / "v1") == [top], "the tarball should hold one top folder"
    v1 = tmp_path / "v1" / top
    for member in ("install.sh", "hotich-offline.desktop", "hotich-offline.png",
                   "hotich-offline.svg", "VERSION", "hotich/hotich"):
        assert (v1 / member).is_file(), f"{member} missing from {release.tarball.name}"
    entry = (v1 / "hotich-offline.desktop").read_text("utf-8")
    assert "[Desktop Entry]" in entry and "Icon=hotich-offline" in entry
    assert os.access(v1 / "install.sh", os.X_OK) and os.access(v1 / "hotich/hotich", os.X_OK)
    # A "newer" release: the same bundle (hard links) under another version number.
    v2 = tmp_path / "v2"
    subprocess.run(["cp", "-al", str(v1), str(v2)], check=True)
    (v2 / "VERSION").unlink()
    (v2 / "VERSION").write_text("99.0.0\n")
    home = tmp_path / "home"
    data = home / "data"
    data.mkdir(parents=True)
    (data / "keep.txt").write_text("user data")
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "HOTICH_DATA_DIR": str(data)}

    def install(script: Path, *args: str) -> str:
        done = subprocess.run(["bash", str(script), *args], capture_output=True, encoding="utf-8",
                              env=env, timeout=300, check=False)
        assert done.returncode == 0, f"{script} {args}: {done.stdout}\n{done.stderr}"
        return done.stdout

    prefix = home / ".local" / "opt" / "hotich-offline"
    install(v1 / "install.sh")
    install(v2 / "install.sh")
    assert os.readlink(prefix / "current") == "99.0.0"
    assert os.readlink(prefix / "previous") == VERSION
    launcher = home / ".local" / "bin" / "hotich"
    version = subprocess.run([str(launcher), "--version"], capture_output=True, encoding="utf-8",
                             env=env, timeout=60, check=False)
    assert version.stdout.strip() == f"hotich {VERSION}"  # the bundle itself is still v1
    desktop = (home / ".local/share/applications/hotich-offline.desktop").read_text("utf-8")
    assert f'Exec="{prefix}/current/hotich/hotich" gui' in desktop
    assert (home / ".local/share/icons/hicolor/256x256/apps/hotich-offline.png").is_file()
    # ui.i18n loads a .qm only if it is not older than its .ts: the copies keep the times.
    i18n = prefix / VERSION / "hotich" / "_internal" / "ui" / "i18n"
    assert (i18n / "hotich_vi.qm").stat().st_mtime >= (i18n / "hotich_vi.ts").stat().st_mtime

    note = install(prefix / "current" / "install.sh", "--rollback")
    assert os.readlink(prefix / "current") == VERSION
    assert os.readlink(prefix / "previous") == "99.0.0"
    assert f"{data}/backups/pre-upgrade-{VERSION}-" in note, note
    assert (data / "keep.txt").read_text() == "user data"
    assert sorted(os.listdir(data)) == ["keep.txt"]  # installing never touches the data
    for folder in (tmp_path / "v1", v2, home / ".local" / "opt"):  # ~900 MB; kept on failure
        shutil.rmtree(folder)
