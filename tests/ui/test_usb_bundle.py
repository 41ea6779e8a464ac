"""USB sneaker-net from the sync page, against the real central server's database: the waiting
records are exported in the window (save dialog, progress), `hotich central import-bundle`
(a subprocess on the server's database) makes the answer, the answer is imported in the
window (open dialog) and the records are synced, worded like an online sync's report."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop_app.workflows import records
from tests.conftest import CliResult, run_hotich
from tests.e2e.conftest import CentralProcess
from tests.ui.conftest import PW, UiOffice, wait_idle
from tests.ui.extract_support import approved, signed, signing_office
from ui.pages.bundle_widget import UsbBundleWidget
from ui.pages.sync_page import SyncPage


def _enrolled(cli: Callable[..., CliResult], office: UiOffice, central: CentralProcess) -> None:
    """Enrolled and number blocks leased while online (the day before the link went down)."""
    code = json.loads(cli("--json", "central", "issue-code", "--db", central.db,
                          "--commune", "26740").out)["code"]
    root = office.paths.root
    enrolled = cli("--data-dir", root, "--user", "admin", "enroll", "--server", central.url,
                   "--code", code, "--ca-file", central.pki.ca, password=PW)
    assert enrolled.code == 0, enrolled.err
    leased = cli("--data-dir", root, "--user", "canbo", "sync", "--once", password=PW)
    assert leased.code == 0, leased.err


def _choose(qtbot: QtBot, page: SyncPage, button_name: str, path: Path) -> None:
    """Click the button and pick ``path`` in the file dialog it opens."""
    widget: UsbBundleWidget = page.bundle
    getattr(widget, button_name).click()
    dialog = widget.file_dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()
    assert widget.is_running and widget.progress.isVisible()
    assert not page.controller.start() and not page.sync_button.isEnabled()  # one at a time
    qtbot.waitUntil(lambda: not widget.is_running, timeout=60000)


def test_export_carry_and_import_the_answer_from_the_sync_page(
        qtbot: QtBot, office: UiOffice, central: CentralProcess,
        cli: Callable[..., CliResult], tmp_path: Path) -> None:
    _enrolled(cli, office, central)
    hooks = signing_office(office)
    death = approved(office, "death", {"deceased.full_name": "Ksor H'Bia"})
    signed(office, hooks, death)
    birth = approved(office, "birth", {"child.full_name": "H’Hen Niê"})
    central.stop()  # the link is down: the USB stick it is

    page = SyncPage(office.ctx("canbo", hooks))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and page.is_enrolled is True,
                    timeout=10000)
    assert not page.enrolment_banner.isVisible()
    widget = page.bundle
    usb = tmp_path / "usb"
    usb.mkdir()
    bundle, answer = usb / "xa-26740.bundle", usb / "xa-26740.answer"
    _choose(qtbot, page, "export_button", bundle)
    assert widget.last_error is None, widget.result.text()
    assert widget.last_exported == 2 and str(bundle) in widget.result.text()
    assert b"Ksor" not in bundle.read_bytes()  # sealed to the server
    assert page.sync_button.isEnabled()  # given back after the export

    made = run_hotich("central", "import-bundle", "--db", str(central.db), str(bundle),
                      "--out", str(answer))
    assert made.returncode == 0, made.stderr

    _choose(qtbot, page, "import_button", answer)
    report = widget.last_report
    assert widget.last_error is None and report is not None, widget.result.text()
    assert (report.accepted, report.rejected) == (2, 0)
    assert page.report_text(report) in widget.result.text()
    session = office.session("canbo")
    assert records.get_record(session, death).status == "synced"
    born = records.get_record(session, birth)
    assert born.status == "approved" and born.central_id  # ready to sign, with its ID
    assert len(born.data["child"]["personal_id"]) == 12
    qtbot.waitUntil(lambda: {i.record.status for i in page.model.rows()} <= {"approved"},
                    timeout=10000)

    # The bundle itself is no answer file: one line, nothing changed.
    _choose(qtbot, page, "import_button", bundle)
    assert widget.last_error is not None
    assert widget.last_error.code == "E-SYNC-BUNDLE-INVALID"
    assert "\n" not in widget.result.text() and "Traceback" not in widget.result.text()
    wait_idle(qtbot, office.runner)
