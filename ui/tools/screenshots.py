"""Render a screenshot of every screen with demo data (run under Xvfb: installer/screenshots.sh).

Usage: python -m ui.tools.screenshots OUT_DIR
A throw-away data folder is filled through the workflows (officer, supervisor, admin; records
over the last 30 days, one with a warning), then each screen is shown and grabbed as PNG.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.accounts import Role
from desktop_app.app import build_ui_hooks, catalogue
from desktop_app.clock import FixedClock
from desktop_app.paths import DataPaths
from desktop_app.services import AppServices
from desktop_app.workflows import accounts, records
from ui import i18n
from ui.context import UiContext, UiHooks
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.tasks import TaskRunner
from ui.widgets.progress import PercentStyle

PW = "demo-password-1"
P12_PW = "demo-p12-password-1"
NOW = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)


def _birth(name: str, mother_born: str = "1995-04-02") -> dict:
    return {
        "child": {"full_name": name, "sex": "female", "date_of_birth": "2026-01-10",
                  "ethnicity": "Ê Đê", "nationality": "VN",
                  "place_of_birth": {"facility": "Trạm y tế xã", "commune_code": "24163"}},
        "mother": {"full_name": "H’Linh Niê", "date_of_birth": mother_born,
                   "ethnicity": "Ê Đê"},
        "father": {"full_name": "Y Bhim Êban", "date_of_birth": "1990", "ethnicity": "Ê Đê"},
        "declarant": {"full_name": "Y Bhim Êban", "relationship": "father"},
        "birth_evidence": {"kind": "birth_certificate", "number": "GCS-0012"},
        "registration_kind": "on_time",
    }


def _death(name: str) -> dict:
    return {"deceased": {"full_name": name, "sex": "male", "date_of_birth": "1938"},
            "time_of_death": "2026-01-02T05:30",
            "place_of_death": {"commune_code": "24163", "detail": "Buôn Ea Tu"},
            "declarant": {"full_name": "Ama Khoa", "relationship": "child"},
            "registration_kind": "on_time"}


def demo_office(root: Path) -> DataPaths:
    clock = FixedClock(NOW - timedelta(days=29))
    paths = DataPaths(root)
    accounts.initialise(paths, commune_code="24163", admin="quantri", password=PW,
                        clock=clock, full_name="Quản Trị Viên")
    admin = accounts.login(paths, "quantri", PW, clock)
    for name, role, full in (("canbo", Role.OFFICER, "Nguyễn Thị Hộ Tịch"),
                             ("chutich", Role.SUPERVISOR, "Trần Văn Chủ Tịch"),
                             ("phochutich", Role.SUPERVISOR, "Lê Văn Phó")):
        accounts.add_account(admin, username=name, role=role, password=PW, full_name=full)
    admin.close()
    officer = accounts.login(paths, "canbo", PW, clock)
    supervisor = accounts.login(paths, "chutich", PW, clock)
    names = ["H’Hen Niê", "Y Phương Mlô", "Nguyễn Thị Mai", "Lò Văn Sáng", "Trần Minh Khôi",
             "Vàng Thị Dính", "Hoàng Gia Bảo", "Đinh Thị Lụa"]
    for day in range(30):
        for n in range((day * 7) % 4):
            data = _birth(names[(day + n) % len(names)])
            data["child"]["date_of_birth"] = (clock.now() - timedelta(days=3)).date().isoformat()
            rec = records.create_record(officer, "birth", data).record
            if day < 25:
                sent = records.submit(officer, rec.id)
                records.approve(supervisor, rec.id, {w.code: "Đã đối chiếu giấy tờ gốc"
                                                     for w in sent.warnings})
        clock.advance(days=1)
    clock.advance(days=-1)
    teen = records.create_record(officer, "birth", _birth("Ksor Thị Hoa", "2012-06")).record
    records.submit(officer, teen.id)
    death = records.create_record(officer, "death", _death("Ama Khoa")).record
    records.submit(officer, death.id)
    records.approve(supervisor, death.id, {})
    refused = records.create_record(officer, "death", _death("Y Krang")).record
    records.submit(officer, refused.id)
    records.reject(supervisor, refused.id, "Thiếu giấy báo tử của trạm y tế")
    # Twins: the first was alone when submitted; approval finds the second (W-TWINS).
    for name, evidence in (("H’Ly Niê", "GCS-0101"), ("H’Lan Niê", "GCS-0102")):
        twin = _birth(name)
        twin["mother"]["full_name"] = "H’Mai Êban"
        twin["birth_evidence"]["number"] = evidence
        records.submit(officer, records.create_record(officer, "birth", twin).record.id)
    # Two under-age spouses, a re-registration: one warning each, each with its reason.
    young = {"husband": {"full_name": "Y Sơn Mlô", "sex": "male", "date_of_birth": "2008-03-01"},
             "wife": {"full_name": "H’Bia Ayun", "sex": "female", "date_of_birth": "2010-02-02"},
             "both_present": True, "registration_kind": "re_registration",
             "effective_date": "2025-12-01"}
    records.submit(officer, records.create_record(officer, "marriage", young).record.id)
    # To sign: two deaths, and one the signing supervisor declared himself (approved by the
    # deputy): the batch signs the others and says why not that one.
    deputy = accounts.login(paths, "phochutich", PW, clock)
    for name, declarant in (("Y Ngông Niê", "Ama Khoa"), ("Ksor Kơ", "Ama Khoa"),
                            ("Rơ Châm Thanh", "Trần Văn Chủ Tịch")):
        data = _death(name)
        data["declarant"]["full_name"] = declarant
        rec = records.create_record(officer, "death", data).record
        records.submit(officer, rec.id)
        records.approve(deputy if declarant == "Trần Văn Chủ Tịch" else supervisor, rec.id, {})
    deputy.close()
    officer.close()
    supervisor.close()
    return paths


def install_demo_certificate(paths: DataPaths, clock: FixedClock) -> None:
    """A development CA trusted in this data folder and the supervisor's certificate (valid
    on the demo's day), as Settings' import does."""
    from desktop_app.app import build_ui_hooks
    from signing.devca import make_ca, make_leaf, p12

    root = make_ca("Hộ Tịch Offline DEMO Root CA", now=clock.now())
    trust = paths.root / "trust"
    trust.mkdir(exist_ok=True)
    (trust / "demo-root-ca.pem").write_bytes(root.pem)
    cert = paths.root / "chutich.p12"
    cert.write_bytes(p12(make_leaf("Trần Văn Chủ Tịch", root, now=clock.now()), [root],
                         P12_PW))
    supervisor = accounts.login(paths, "chutich", PW, clock)
    try:
        hooks = build_ui_hooks(paths)
        assert hooks.import_certificate is not None
        hooks.import_certificate(supervisor, cert, P12_PW)
    finally:
        supervisor.close()
        cert.unlink()


def sample_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawCentredString(297, 780, "TRICH LUC KHAI SINH - BAN NHAP (demo)")
    pdf.setFont("Helvetica", 11)
    for n, line in enumerate(("Ho, chu dem, ten: KSOR THI HOA", "Ngay sinh: 10/01/2026",
                              "Noi sinh: Tram y te xa, Phuong Tan An, Dak Lak")):
        pdf.drawString(80, 720 - 22 * n, line)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def settle(app: QApplication, runner: TaskRunner, seconds: float = 0.6) -> None:
    end = time.monotonic() + 20
    while runner.pending and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def grab(app: QApplication, runner: TaskRunner, widget: QWidget, out: Path, name: str) -> None:
    settle(app, runner)
    widget.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def approval_screens(app: QApplication, runner: TaskRunner, window: MainWindow,
                     out: Path) -> None:
    """The decision panel on the first twin and on two under-age spouses; what a signing
    batch did, refused for a wrong certificate password, then signed but one."""
    page = window.approval
    assert page is not None

    def select(kind: str, match: str) -> None:
        rows = page.pending_model.rows()
        row = next(n for n, r in enumerate(rows) if r.type == kind and match in str(r.data))
        page.pending_table.selectRow(row)
        settle(app, runner)

    select("birth", "H’Ly Niê")
    grab(app, runner, window, out, "11-approval-first-twin")
    select("marriage", "Y Sơn Mlô")
    page.reasons["W-MARR-AGE@husband.date_of_birth"].setText("Bản án công nhận hôn nhân")
    grab(app, runner, window, out, "12-approval-two-spouses")
    page.select_all.click()
    page.ask_p12_password = lambda: "not-the-password"
    page.sign_button.click()
    grab(app, runner, window, out, "13-signing-wrong-password")
    page.select_all.click()
    page.ask_p12_password = lambda: P12_PW
    page.sign_button.click()
    settle(app, runner, 1.0)
    grab(app, runner, window, out, "14-signing-outcome")


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(argv)
    app.setStyle(PercentStyle("Fusion"))  # as the app paints its bars ("45 %", busy ones)
    i18n.install("vi")
    with tempfile.TemporaryDirectory() as tmp:
        paths = demo_office(Path(tmp) / "data")
        clock = FixedClock(NOW)
        services = AppServices(paths, clock, catalogue())
        install_demo_certificate(paths, clock)
        real_hooks = build_ui_hooks(paths)  # the real signer and extract renderer
        hooks = UiHooks(render_extract=real_hooks.render_extract)
        runner = TaskRunner()
        try:
            login = LoginDialog(services, runner)
            login.username.setText("canbo")
            login.show()
            grab(app, runner, login, out, "01-login")
            login.close()

            officer = accounts.login(paths, "canbo", PW, clock)
            window = MainWindow(UiContext(services, runner, officer, hooks))
            window.show()
            grab(app, runner, window, out, "02-dashboard")
            window.new_record()
            page = window.registration
            assert page is not None
            data = _birth("Ksor Thị Hoa", "2012-06")
            data["child"]["residence"] = {"as_written": "Buôn Ea Tu, xã Ea Tu, thành phố Buôn "
                                                        "Ma Thuột, tỉnh Đắk Lắk"}
            page.form.set_data(data)
            page.form._open_to("child.residence.as_written")  # noqa: SLF001 - demo
            page.form.editors["child.residence.as_written"].set_value(
                data["child"]["residence"]["as_written"])
            page._dirty = True  # noqa: SLF001 - demo: save what was filled in
            page.save()
            settle(app, runner, 1.0)
            grab(app, runner, window, out, "03-new-registration")
            window.find()
            window.records.search.setText("ksor thi hoa")
            settle(app, runner, 0.5)
            grab(app, runner, window, out, "04-records-search")
            window.records.search.clear()
            rows = window.records.model.rows()
            settle(app, runner)
            detail = window.open_record(next(
                r.id for r in window.records.model.rows()
                if r.status == "submitted" and "Ksor Thị Hoa" in str(r.data)) if rows else "")
            detail.tabs.setCurrentWidget(detail.findChild(QWidget, "auditTable"))
            grab(app, runner, detail, out, "05-record-detail-audit")
            detail.preview_button.click()
            settle(app, runner)
            preview = window.dialogs[-1]
            grab(app, runner, preview, out, "06-extract-preview")
            window.show_page("sync")
            grab(app, runner, window, out, "07-sync")
            window.show_page("backup")
            grab(app, runner, window, out, "08-backup")
            help_and_qt_dialogs(app, runner, window, preview, out)
            window.close()

            supervisor = accounts.login(paths, "chutich", PW, clock)
            runner = TaskRunner()
            window = MainWindow(UiContext(services, runner, supervisor, real_hooks))
            window.show()
            window.show_page("approval")
            grab(app, runner, window, out, "09-approval")
            approval_screens(app, runner, window, out)
            window.close()

            admin = accounts.login(paths, "quantri", PW, clock)
            runner = TaskRunner()
            window = MainWindow(UiContext(services, runner, admin, hooks))
            window.show()
            window.show_page("settings")
            grab(app, runner, window, out, "10-settings-accounts")
            window.close()
            runner = TaskRunner()
            usb_enrolment_and_extracts(app, runner, services, out)
            runner.shutdown()
            runner = TaskRunner()
            scans_links_and_passwords(app, runner, services, out)
            runner.shutdown()
            runner = TaskRunner()
            books_screens(app, runner, services, out)
            runner.shutdown()
            runner = TaskRunner()
            form_screens(app, runner, services, out)
            runner.shutdown()
            runner = TaskRunner()  # last: the USB answer changes the records' states
            with ReferenceServer(Path(tmp) / "central") as central:
                enrolled_and_usb_round_trip(app, runner, services, central, out)
        finally:
            runner.shutdown()
    return 0


def help_and_qt_dialogs(app: QApplication, runner: TaskRunner, window: MainWindow,
                        preview: QWidget, out: Path) -> None:
    """The user guide (F1 on the page on screen, then a search) and Qt's file and print
    dialogs, which the project's translation makes Vietnamese."""
    guide = window.show_help()
    guide.resize(1000, 680)
    grab(app, runner, guide, out, "60-help-backup")
    guide.search_box.setText("sinh doi")
    guide.results.setCurrentRow(0)
    guide.show_section(guide.results.item(0).data(Qt.ItemDataRole.UserRole))
    grab(app, runner, guide, out, "61-help-search")
    guide.close()
    files = preview.choose_file()  # type: ignore[attr-defined]
    files.setViewMode(files.ViewMode.Detail)
    files.resize(820, 500)
    grab(app, runner, files, out, "62-file-dialog")
    files.reject()
    printing = preview.print_extract()  # type: ignore[attr-defined]
    grab(app, runner, printing, out, "63-print-dialog")
    printing.reject()


def usb_enrolment_and_extracts(app: QApplication, runner: TaskRunner, services: AppServices,
                               out: Path) -> None:
    """Device enrolment (Settings), the sync page's USB transfer, a record's signed extracts
    (original and certified copy) and the stored signed PDF ready to save or print."""
    paths, clock = services.paths, services.clock
    hooks = build_ui_hooks(paths)
    assert hooks.sign_records is not None
    # A death the approval screens signed (with the demo certificate): one certified copy.
    signer = accounts.login(paths, "chutich", PW, clock)
    death = records.list_records(signer, status="queued", rtype="death")[0]
    outcome = hooks.sign_records(signer, [death.id], P12_PW, lambda *_: None)
    assert [o.error for o in outcome] == [None], outcome
    signer.close()

    admin = accounts.login(paths, "quantri", PW, clock)
    window = MainWindow(UiContext(services, runner, admin, hooks))
    window.show()
    window.show_page("settings")
    form = window.settings.enrolment
    form.server_url.setText("https://hotich.daklak.gov.vn:8443")
    form.code.setText("K7QF-2M9X")
    form.ca_file.setText("/media/usb/hotich-trung-uong-ca.pem")
    grab(app, runner, window, out, "20-settings-enrolment")
    form.server_url.setText("https://127.0.0.1:9")  # nothing listens there: refused at once
    form.ca_file.clear()
    form.enrol()
    settle(app, runner, 1.0)
    grab(app, runner, window, out, "24-settings-enrolment-unreachable")
    window.close()

    runner = TaskRunner()
    officer = accounts.login(paths, "canbo", PW, clock)
    window = MainWindow(UiContext(services, runner, officer, hooks))
    window.show()
    window.show_page("sync")
    grab(app, runner, window, out, "21-sync-not-enrolled-usb")
    window.close()

    runner = TaskRunner()
    supervisor = accounts.login(paths, "chutich", PW, clock)
    window = MainWindow(UiContext(services, runner, supervisor, hooks))
    window.show()
    detail = window.open_record(death.id)
    settle(app, runner)
    detail.tabs.setCurrentWidget(detail.extracts)
    grab(app, runner, detail, out, "22-record-signed-extracts")
    detail.extracts.table.selectRow(0)
    preview = detail.extracts.open_selected()
    assert preview is not None
    grab(app, runner, preview, out, "23-signed-extract-save-print")
    window.close()
    runner.shutdown()


class ReferenceServer:
    """`hotich serve` over TLS on 127.0.0.1 in a subprocess, with a throw-away CA: the real
    central server for the enrolment and USB screens (reached only through the CLI)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = folder / "central.db"
        self.ca = folder / "ca.pem"
        self.url = ""
        self._proc: subprocess.Popen[str] | None = None

    def _pki(self) -> tuple[Path, Path]:
        from ipaddress import IPv4Address

        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID

        now = datetime.now(UTC)

        def name(text: str) -> x509.Name:
            return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])

        ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(
            ec.SECP256R1())
        ca = (x509.CertificateBuilder().subject_name(name("Demo central CA"))
              .issuer_name(name("Demo central CA")).public_key(ca_key.public_key())
              .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(1))
              .not_valid_after(now + timedelta(30))
              .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
              .sign(ca_key, hashes.SHA256()))
        cert = (x509.CertificateBuilder().subject_name(name("127.0.0.1"))
                .issuer_name(ca.subject).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(1))
                .not_valid_after(now + timedelta(30))
                .add_extension(x509.SubjectAlternativeName(
                    [x509.IPAddress(IPv4Address("127.0.0.1"))]), critical=False)
                .sign(ca_key, hashes.SHA256()))
        pem = serialization.Encoding.PEM
        self.ca.write_bytes(ca.public_bytes(pem))
        cert_file, key_file = self.folder / "server.pem", self.folder / "server-key.pem"
        cert_file.write_bytes(cert.public_bytes(pem))
        key_file.write_bytes(key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
        return cert_file, key_file

    def hotich(self, *args: str) -> dict:
        done = subprocess.run([sys.executable, "-m", "desktop_app", "--json", *args],
                              capture_output=True, text=True, check=True, timeout=120)
        return json.loads(done.stdout)

    def __enter__(self) -> ReferenceServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        cert, key = self._pki()
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "--json", "serve", "--db", str(self.db),
             "--host", "127.0.0.1", "--port", "0", "--tls-cert", str(cert), "--tls-key",
             str(key)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert self._proc.stdout is not None
        self.url = f"https://127.0.0.1:{json.loads(self._proc.stdout.readline())['port']}"
        return self

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            self._proc.wait(timeout=30)
        if self._proc is not None and self._proc.stdout is not None:
            self._proc.stdout.close()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def enrolled_and_usb_round_trip(app: QApplication, runner: TaskRunner, services: AppServices,
                                central: ReferenceServer, out: Path) -> None:
    """The admin enrols the device against the real server; the link then goes down and the
    officer carries the waiting records on a USB stick and brings the answer back."""
    paths, clock = services.paths, services.clock
    hooks = build_ui_hooks(paths)
    code = central.hotich("central", "issue-code", "--db", str(central.db),
                          "--commune", "24163")["code"]
    admin = accounts.login(paths, "quantri", PW, clock)
    window = MainWindow(UiContext(services, runner, admin, hooks))
    window.show()
    window.show_page("settings")
    form = window.settings.enrolment
    settle(app, runner)
    form.server_url.setText(central.url)
    form.code.setText(code)
    form.ca_file.setText(str(central.ca))
    form.enrol()
    end = time.monotonic() + 30
    while form.identity is None and time.monotonic() < end:
        settle(app, runner, 0.1)
    grab(app, runner, window, out, "25-settings-enrolled")
    window.close()
    central.stop()  # the link is down: the USB stick it is

    runner = TaskRunner()
    officer = accounts.login(paths, "canbo", PW, clock)
    window = MainWindow(UiContext(services, runner, officer, hooks))
    window.show()
    page = window.sync
    window.show_page("sync")
    settle(app, runner)
    usb = central.folder / "usb"
    usb.mkdir()
    bundle, answer = usb / "xa-24163.bundle", usb / "xa-24163.answer"
    page.bundle.start_export(bundle)
    settle(app, runner)
    grab(app, runner, window, out, "26-sync-usb-exported")
    central.hotich("central", "import-bundle", "--db", str(central.db), str(bundle), "--out",
                   str(answer))
    page.bundle.start_import(answer)
    settle(app, runner, 1.0)
    grab(app, runner, window, out, "27-sync-usb-answer-imported")
    window.close()
    runner.shutdown()


def page_scan(path: Path) -> Path:
    """A made-up photo of a register page (lines and handwriting-like text) to attach."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    image = QImage(900, 1240, QImage.Format.Format_RGB32)
    image.fill(QColor("#efe6cf"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#7a6a50"), 2))
    painter.setFont(QFont("DejaVu Serif", 22, QFont.Weight.Bold))
    painter.drawText(QRectF(0, 40, 900, 50), Qt.AlignmentFlag.AlignCenter,
                     "SỔ ĐĂNG KÝ KHAI TỬ — QUYỂN 01/1990")
    painter.setFont(QFont("DejaVu Serif", 15))
    for n in range(12):
        top = 130 + n * 90
        painter.drawLine(50, top, 850, top)
        painter.drawText(60, top + 55, str(n + 1))
    painter.setPen(QPen(QColor("#1f3a6b"), 2))
    painter.setFont(QFont("DejaVu Serif", 17, QFont.Weight.Normal, True))
    for line, text in enumerate(("Số 7 — ngày 02/3/1990", "Ama Khoa, nam, sinh năm 1938",
                                 "chết ngày 01/3/1990 tại Buôn Ea Tu",
                                 "người đi khai: Y Bhim Êban, con")):
        painter.drawText(120, 130 + 6 * 90 + 40 + line * 32, text)
    painter.end()
    image.save(str(path), "PNG")
    return path


def books_screens(app: QApplication, runner: TaskRunner, services: AppServices,
                  out: Path) -> None:
    """Số hóa sổ cũ: a death book of 1990 with three pages photographed (one taken sideways
    and turned for reading) and two entries keyed from the first page."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFont, QImage, QPainter, QTransform

    from desktop_app.workflows import books

    paths, clock = services.paths, services.clock
    officer = accounts.login(paths, "canbo", PW, clock)
    book = books.open_book(officer, "death", 1990, "01/1990",
                           "UBND xã Ea Tu, thị xã Buôn Ma Thuột", 3)
    books.open_book(officer, "birth", 2010, "02/2010", "UBND xã Ea Tu", 1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "usb"
        folder.mkdir()
        for n in (1, 2, 3):
            scan = page_scan(folder / f"IMG_000{n}.png")
            image = QImage(str(scan))
            painter = QPainter(image)
            painter.setFont(QFont("DejaVu Serif", 14))
            painter.drawText(800, 1210, f"— {n} —")  # each page its own photo
            painter.end()
            if n == 2:  # a phone photo taken sideways
                image = image.transformed(QTransform().rotate(-90))
            image.save(str(scan), "PNG")
        books.import_pages(officer, book.id, folder)
    books.rotate_page(officer, book.id, 2, 90)
    for position, name in ((1, "Ama Khoa"), (2, "H'Linh Niê")):
        data = _death(name)
        data.update(registered_on="1990-03-02", registration_number=str(6 + position),
                    time_of_death="1990-03-01T08:00")
        books.key_entry(officer, book.id, 1, position, data)
    window = MainWindow(UiContext(services, runner, officer))
    window.show()
    page = window.show_page("books")
    settle(app, runner, 1.0)
    grab(app, runner, window, out, "40-books-digitisation")
    assert window.books is not None
    window.books.page_choice.setCurrentIndex(1)
    window.books.show_page(1)
    grab(app, runner, window, out, "41-books-page-turned")
    assert page is window.books
    # the keying page: page 1 beside the form, zoomed in on the entry being keyed, one
    # field marked illegible
    window.books.page_choice.setCurrentIndex(0)
    window.books.show_page(0)
    settle(app, runner)
    window.books.scan.crop_rectangle(QRectF(30, 30, 840, 1100))  # the page, not the table
    settle(app, runner, 1.0)
    window.books.open_keying()
    settle(app, runner, 1.0)
    keying = window.books.keying
    assert keying.form is not None and keying.marks is not None
    for path, text in (("registered_on", "05/03/1990"), ("registration_number", "9"),
                       ("time_of_death", "04/03/1990 08:00"),
                       ("deceased.full_name", "Y Bhim Êban")):
        keying.form.editors[path].set_value(text)
    keying.marks.set_marked("deceased.date_of_birth", True)  # Ctrl+I in that field
    keying.form.editors["deceased.full_name"].setFocus()
    keying.scan.set_zoom(0.9)
    keying.scan.view.centerOn(330, 760)
    grab(app, runner, window, out, "43-keying-page-zoomed")
    keying.closed.emit()
    window.close()
    # double entry: two officers key entry 3 of page 1; they differ on two fields
    admin = accounts.login(paths, "quantri", PW, clock)
    if "canbo2" not in {a.account.username for a in accounts.list_accounts(admin)}:
        accounts.add_account(admin, username="canbo2", role=Role.OFFICER, password=PW,
                             full_name="Lê Thị Kiểm")
    admin.close()
    supervisor = accounts.login(paths, "chutich", PW, clock)
    books.set_double_entry(supervisor, True)
    second = accounts.login(paths, "canbo2", PW, clock)
    for session, name, number in ((officer, "Y Bhim Êban", "9"), (second, "Y Bhim Êbăn", "6")):
        data = _death(name)
        data.update(registered_on="1990-03-05", registration_number=number,
                    time_of_death="1990-03-04T08:00")
        books.key_entry(session, book.id, 1, 3, data)
    second.close()
    runner = TaskRunner()  # closing a main window shuts its runner down
    try:
        window = MainWindow(UiContext(services, runner, supervisor))
        window.show()
        window.show_page("decisions")
        settle(app, runner, 1.0)
        grab(app, runner, window, out, "42-double-entry-decision")
        window.close()
    finally:
        runner.shutdown()
    recheck_screen(app, services, out, book.id)
    supervisor.close()
    officer.close()


def _named_party(rtype: str, data: dict) -> str | None:
    """The first of the record's main parties (the deceased, the child...) with a name."""
    from desktop_app.domain.parties import MAIN_PARTIES

    for role in MAIN_PARTIES.get(rtype, ()):
        party = data.get(role)
        if isinstance(party, dict) and party.get("full_name"):
            return role
    return None


def recheck_screen(app: QApplication, services: AppServices, out: Path, book_id: str) -> None:
    """The sample re-check: entries verified, a sample drawn and re-keyed blind (one field
    read otherwise), the estimated error rate with its interval as a table and a chart."""
    from desktop_app.workflows import books, recheck

    paths, clock = services.paths, services.clock
    officer = accounts.login(paths, "canbo", PW, clock)
    checker = accounts.login(paths, "canbo2", PW, clock)
    supervisor = accounts.login(paths, "chutich", PW, clock)
    books.set_double_entry(supervisor, False)
    for position in range(4, 10):
        data = _death(f"Người số {position}")
        data.update(registered_on="1990-03-09", registration_number=str(10 + position),
                    time_of_death="1990-03-08T08:00")
        books.key_entry(officer, book_id, 1, position, data)
    waiting = {d.record.id for d in books.decisions(supervisor)}  # double-entered, undecided
    for rec in records.list_records(officer, status="draft"):
        if rec.id not in waiting and books.place_of(officer, rec.id) is not None:
            records.submit(officer, rec.id)
            records.verify(checker, rec.id)
    for seed in (11, 12):
        sample = recheck.draw_recheck(supervisor, book_id=book_id, seed=seed)
        entries = [(entry.record_id, entry.type,
                    dict(records.get_record(supervisor, entry.record_id).data))
                   for entry in recheck.recheck_entries(supervisor, sample.id)]
        # The re-keyer reads one name otherwise, a different entry in each sample: among
        # those with a name to read (an old entry's may all be illegible).
        named = [n for n, (_rid, rtype, data) in enumerate(entries)
                 if _named_party(rtype, data) is not None]
        misread = named[(seed - 11) % len(named)] if named else None
        for n, (record_id, rtype, data) in enumerate(entries):
            data.pop("source", None)
            role = _named_party(rtype, data)
            if n == misread and role is not None:
                data[role] = {**data[role], "full_name": "Ama Khoa Êban"}
            recheck.recheck_key(supervisor, sample.id, record_id, data)
    runner = TaskRunner()
    try:
        window = MainWindow(UiContext(services, runner, supervisor))
        window.resize(1366, 900)
        window.show()
        window.show_page("books")
        settle(app, runner, 1.0)
        grab(app, runner, window, out, "44-books-recheck-chart")
        window.close()
    finally:
        runner.shutdown()
    for session in (officer, checker, supervisor):
        session.close()


def form_screens(app: QApplication, runner: TaskRunner, services: AppServices,
                 out: Path) -> None:
    """The forms an officer fills all day (issue 14): a new birth as it opens (Việt Nam
    already a value, a line kept under each field), the same form with errors (nothing
    moved, the panel wraps), and a guardian that is an organisation."""
    from desktop_app.domain import Issue

    officer = accounts.login(services.paths, "canbo", PW, services.clock)
    window = MainWindow(UiContext(services, runner, officer, UiHooks()))
    window.show()
    window.new_record()
    page = window.registration
    assert page is not None and page.form is not None
    page.form.editors["child.full_name"].setFocus()
    grab(app, runner, window, out, "50-form-new-birth")
    page._issues = [Issue.of("E-REQUIRED", p) for p in  # noqa: SLF001 - demo
                    ("child.full_name", "child.sex", "child.date_of_birth",
                     "child.ethnicity", "registration_kind")]
    page._render_issues()  # noqa: SLF001 - demo: what saving an empty form shows
    grab(app, runner, window, out, "51-form-errors-in-place")
    page.type_combo.setCurrentIndex(page.type_combo.findData("guardianship"))
    page._rebuild()  # noqa: SLF001 - demo
    page.form.set_kind("guardian", "organisation")
    page.form.editors["guardian.name"].setText("Trung tâm Bảo trợ xã hội tỉnh Đắk Lắk")
    page.form.editors["guardian.name"].setFocus()
    grab(app, runner, window, out, "52-form-guardian-organisation")
    window._closing_ok = True  # noqa: SLF001 - demo: nothing to keep
    window.close()


def scans_links_and_passwords(app: QApplication, runner: TaskRunner, services: AppServices,
                              out: Path) -> None:
    """Kiểm tra lần hai next to the page scan (the second officer, then the officer who
    entered it), a record's scans, a file too large, the record picker of a correction, a
    typed id matching nothing, and changing one's own password."""
    from desktop_app.workflows import attachments

    paths, clock = services.paths, services.clock
    admin = accounts.login(paths, "quantri", PW, clock)
    accounts.add_account(admin, username="canbo2", role=Role.OFFICER, password=PW,
                         full_name="Lê Thị Kiểm")
    admin.close()
    officer = accounts.login(paths, "canbo", PW, clock)
    data = _death("Ama Khoa")
    data.update(registered_on="1990-03-02", registration_number="7", book_number="01/1990",
                time_of_death="1990-03-01T08:00",
                source={"book_number": "01/1990", "year": 1990, "page": 4, "entry_number": 7})
    entry = records.create_record(officer, "death", data, historical=True).record
    with tempfile.TemporaryDirectory() as tmp:
        scan = page_scan(Path(tmp) / "trang-4.png")
        attachments.attach_file(officer, entry.id, scan)
        records.submit(officer, entry.id)
        officer.close()

        second = accounts.login(paths, "canbo2", PW, clock)
        window = MainWindow(UiContext(services, runner, second))
        window.show()
        window.show_page("verification")
        settle(app, runner, 1.0)
        grab(app, runner, window, out, "30-verify-historical")
        assert window.verification is not None
        window.verification.scan.zoom.click()  # pixel for pixel, to read the hand
        grab(app, runner, window, out, "37-verify-actual-size")
        window.close()
        runner.shutdown()

        runner = TaskRunner()
        officer = accounts.login(paths, "canbo", PW, clock)
        window = MainWindow(UiContext(services, runner, officer))
        window.show()
        window.show_page("verification")
        settle(app, runner, 1.0)
        grab(app, runner, window, out, "31-verify-own-entry-refused")
        detail = window.open_record(entry.id)
        settle(app, runner)
        detail.tabs.setCurrentWidget(detail.attachments)
        settle(app, runner, 1.0)
        grab(app, runner, detail, out, "32-record-scans")
        big = Path(tmp) / "ca-quyen-so.pdf"
        with big.open("wb") as file:
            file.write(b"%PDF-1.4\n")
            file.truncate(attachments.MAX_ATTACHMENT_BYTES + 5 * 1024 * 1024)
        detail.attachments.attach_path(big)
        settle(app, runner)
        grab(app, runner, detail, out, "33-scan-too-large")
        detail.close()

        window.new_record()
        page = window.registration
        assert page is not None
        page.type_combo.setCurrentIndex(page.type_combo.findData("change"))
        page.type_combo.activated.emit(page.type_combo.currentIndex())
        page.form.set_data({"kind": "correction",
                            "subject": {"full_name": "Ksor Thị Hoa", "date_of_birth": "2026-01-10"},
                            "changes": [{"field": "date_of_birth", "from": "2026-01-10",
                                         "to": "2026-01-11"}],
                            "basis": {"kind": "Giấy chứng sinh", "number": "GCS-0012"}})
        page.form.pick_buttons["original_record"].click()
        picker = page.picker
        assert picker is not None
        picker.search.setText("y phuong mlo")
        picker.refresh()
        settle(app, runner)
        grab(app, runner, picker, out, "34-record-picker")
        picker.reject()
        editor = page.form.editors["original_record.record_id"]
        editor.set_value("9f3c1a77-khong-co")
        page.form.edited.emit()
        page.save()
        settle(app, runner, 1.0)
        page.go_to_field("original_record.record_id")
        settle(app, runner)
        grab(app, runner, window, out, "35-link-not-found")
        page._dirty = False  # noqa: SLF001 - demo: leave without the unsaved-work question

        dialog = window.change_password()
        dialog.current.setText("khong-phai-mat-khau")
        dialog.new.setText("mat-khau-moi-2026")
        dialog.repeat.setText("mat-khau-moi-2026")
        dialog.change()
        settle(app, runner, 1.0)
        grab(app, runner, dialog, out, "36-change-password")
        window.close()
    runner.shutdown()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
