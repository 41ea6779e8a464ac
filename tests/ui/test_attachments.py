"""Scans attached from the record detail: the file picker, the list, the scan shown beside it,
a file too large refused with a message, and a registered record takes scans too."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from desktop_app.workflows import attachments, records
from tests.samples import build
from tests.ui.conftest import UiOffice, wait_idle
from ui.pages.record_detail import RecordDetailDialog


def scan_png(path: Path) -> Path:
    image = QImage(600, 850, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4efe1"))
    assert image.save(str(path), "PNG")
    return path


def scan_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.drawString(80, 720, "So dang ky khai tu 1990, trang 4")
    pdf.showPage()
    pdf.save()
    path.write_bytes(out.getvalue())
    return path


def _open(qtbot: QtBot, office: UiOffice, username: str, record_id: str) -> RecordDetailDialog:
    dialog = RecordDetailDialog(office.ctx(username), record_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10000)
    wait_idle(qtbot, office.runner)
    dialog.tabs.setCurrentWidget(dialog.attachments)
    return dialog


def test_officer_attaches_a_scan_through_the_file_picker(qtbot: QtBot, office: UiOffice,
                                                         tmp_path: Path) -> None:
    officer = office.session("canbo")
    rec = records.create_record(officer, "death", build("death")).record
    dialog = _open(qtbot, office, "canbo", rec.id)
    panel = dialog.attachments
    assert panel.model.rowCount() == 0 and panel.view.shown == "none"

    panel.attach_button.click()
    picker = panel.file_dialog
    assert picker is not None and picker.objectName() == "attachFileDialog"
    picker.selectFile(str(scan_png(tmp_path / "trang-4.png")))
    with qtbot.waitSignal(panel.shown, timeout=10000):
        picker.accept()
    assert panel.model.rowCount() == 1 and panel.view.shown == "image"
    assert panel.view.pixmap.pixmap().width() > 0
    [stored] = attachments.attachments_of(officer, rec.id)
    assert (stored.kind, stored.media_type) == ("scan", "image/png")
    qtbot.waitUntil(lambda: "attach" in [e.action for e in dialog.events_model.rows()],
                    timeout=10000)

    panel.attach_path(scan_pdf(tmp_path / "trang-5.pdf"))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2 and panel.view.shown == "pdf",
                    timeout=10000)
    assert panel.table.currentIndex().row() == 1  # the new one is shown
    assert panel.remove_button.isEnabled()  # a draft: a scan added by mistake comes off
    panel.remove_selected()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and panel.view.shown == "image",
                    timeout=10000)
    panel.attach_path(tmp_path / "trang-5.pdf")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10000)

    big = tmp_path / "qua-lon.pdf"
    with big.open("wb") as out:
        out.write(b"%PDF-1.4\n")
        out.truncate(attachments.MAX_ATTACHMENT_BYTES + 1)
    panel.attach_path(big)
    wait_idle(qtbot, office.runner)
    assert panel.message.text() and panel.attach_button.isEnabled()
    assert len(attachments.attachments_of(officer, rec.id)) == 2
    wait_idle(qtbot, office.runner)


def test_a_registered_record_takes_scans_and_an_admin_only_looks(
        qtbot: QtBot, office: UiOffice, tmp_path: Path) -> None:
    officer = office.session("canbo")
    rec = records.create_record(officer, "death", build("death")).record
    records.submit(officer, rec.id)
    records.approve(office.session("chutich"), rec.id, {})
    dialog = _open(qtbot, office, "canbo", rec.id)
    dialog.attachments.attach_path(scan_png(tmp_path / "giay-bao-tu.png"))
    qtbot.waitUntil(lambda: dialog.attachments.view.shown == "image", timeout=10000)
    assert records.get_record(officer, rec.id).status == "approved"
    assert not dialog.attachments.remove_button.isEnabled()  # evidence of a registered record

    admin = _open(qtbot, office, "admin", rec.id)
    qtbot.waitUntil(lambda: admin.attachments.view.shown == "image", timeout=10000)
    assert not admin.attachments.attach_button.isEnabled()
    wait_idle(qtbot, office.runner)
