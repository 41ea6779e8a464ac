"""Search finds a record typed without diacritics; the record opens with its history and
audit trail; the extract preview shows a real PDF and prints it."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas

from desktop_app.session import Session
from desktop_app.workflows import records
from tests.samples import build
from tests.ui.conftest import UiOffice, wait_idle
from ui.context import UiHooks
from ui.main_window import MainWindow
from ui.pages.extract_preview import ExtractPreviewDialog
from ui.pages.records_page import RecordsPage


def small_pdf() -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.drawString(72, 760, "TRICH LUC KHAI SINH (test)")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_search_without_diacritics_finds_the_record(qtbot: QtBot, office: UiOffice) -> None:
    officer = office.session("canbo")
    wanted = records.create_record(officer, "birth", build("birth", {
        "child.full_name": "Đặng Thị Hồng Nhung"})).record
    records.create_record(officer, "death", build("death"))
    page = RecordsPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    page.search.setText("dang thi hong nhung")
    qtbot.waitUntil(lambda: [r.id for r in page.model.rows()] == [wanted.id], timeout=10000)
    page.type_filter.setCurrentIndex(page.type_filter.findData("death"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10000)
    wait_idle(qtbot, office.runner)


def test_record_detail_and_extract_preview(qtbot: QtBot, office: UiOffice,
                                           tmp_path: Path) -> None:
    officer = office.session("canbo")
    rec = records.create_record(officer, "birth", build("birth")).record
    records.submit(officer, rec.id)
    rendered: list[str] = []

    def render(session: Session, record_id: str) -> bytes:
        rendered.append(record_id)
        return small_pdf()

    window = MainWindow(office.ctx("canbo", UiHooks(render_extract=render)))
    qtbot.addWidget(window)
    window.show()
    dialog = window.open_record(rec.id)
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10000)
    assert dialog.events_model.rowCount() == 2  # create, submit
    assert [a.action for a in dialog.audit_model.rows()] == ["record.create",
                                                             "record.submit"]
    assert dialog.preview_button.isEnabled()
    dialog.preview_button.click()
    preview = window.dialogs[-1]
    assert isinstance(preview, ExtractPreviewDialog)
    qtbot.waitUntil(lambda: preview.print_button.isEnabled(), timeout=10000)
    assert rendered == [rec.id]
    assert preview.document.pageCount() == 1
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.render_to(printer)
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    wait_idle(qtbot, office.runner)
    window.close()


def test_preview_is_disabled_until_a_renderer_is_wired(qtbot: QtBot, office: UiOffice) -> None:
    rec = records.create_record(office.session("canbo"), "death", build("death")).record
    window = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(window)
    dialog = window.open_record(rec.id)
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10000)
    assert not dialog.preview_button.isEnabled() and dialog.preview_button.toolTip()
    assert window.preview_extract(rec.id) is None
    wait_idle(qtbot, office.runner)
    window.close()
