"""Save and print a signed extract from the record detail, and issue certified copies (BẢN
SAO, each numbered on the copies' own counter), with the real signer over a real store.
"Print exactly what was previewed": the bytes shown, saved and printed are the stored signed
PDF (our verifier accepts the saved file), and the print path draws that same document."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from desktop_app.workflows import extracts, record_views
from signing.service import PdfExtractService
from tests.ui.conftest import UiOffice, wait_idle
from tests.ui.extract_support import P12_PW, approved, signed, signing_office
from ui.pages.extract_preview import ExtractPreviewDialog
from ui.pages.record_detail import RecordDetailDialog


def _page_image(pdf: bytes, size: QSize) -> tuple[int, QImage]:
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    pages, image = document.pageCount(), document.render(0, size)
    document.close()
    sheet = QImage(size, QImage.Format.Format_RGB32)  # on white paper, not transparent
    sheet.fill(QColor("white"))
    painter = QPainter(sheet)
    painter.drawImage(0, 0, image)
    painter.end()
    return pages, sheet.convertToFormat(QImage.Format.Format_Grayscale8)


def _stamp_ink(image: QImage, pdf: bytes) -> int:
    """Dark pixels of a 595x842 rendering inside the signature widget's rectangle."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    page = PdfFileReader(io.BytesIO(pdf)).root["/Pages"]["/Kids"][0].get_object()
    widget = next(a.get_object() for a in page["/Annots"]
                  if a.get_object()["/Subtype"] == "/Widget")
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    height = image.height()
    return sum(1 for x in range(int(min(x1, x2)), int(max(x1, x2)))
               for y in range(int(height - max(y1, y2)), int(height - min(y1, y2)))
               if image.pixelColor(x, y).value() < 128)


def _difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference (0..255) of two renderings of one size, compared at a quarter
    of their width: what anti-aliasing changes fades, a page shifted or scaled does not."""
    assert a.size() == b.size()
    small = [i.scaledToWidth(a.width() // 4, Qt.TransformationMode.SmoothTransformation)
             for i in (a, b)]
    width, height = small[0].width(), small[0].height()
    return sum(abs(small[0].pixelColor(x, y).value() - small[1].pixelColor(x, y).value())
               for x in range(width) for y in range(height)) / (width * height)


def _open(qtbot: QtBot, detail: RecordDetailDialog) -> ExtractPreviewDialog:
    detail.extracts.open_button.click()
    preview = detail.extracts.preview
    assert preview is not None
    qtbot.waitUntil(preview.print_button.isEnabled, timeout=15000)
    return preview


def test_save_print_and_certified_copies_from_the_record_detail(
        qtbot: QtBot, office: UiOffice, tmp_path: Path) -> None:
    hooks = signing_office(office)
    death = approved(office, "death", {"deceased.full_name": "Ksor H'Bia"})
    signed(office, hooks, death)
    session = office.session("chutich")
    service = PdfExtractService.for_data(office.paths)
    stored = extracts.latest_pdf(session, death, service)

    detail = RecordDetailDialog(office.ctx("chutich", hooks), death)
    qtbot.addWidget(detail)
    detail.show()
    widget = detail.extracts
    detail.tabs.setCurrentWidget(widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1 and widget.copy_button.isEnabled(),
                    timeout=10000)
    original = widget.model.rows()[0]
    assert not original.is_copy and widget.selected() == original

    preview = _open(qtbot, detail)
    assert preview.pdf_bytes == stored  # the stored signed PDF, not a new rendering
    preview.close()
    detail.preview_button.click()  # "Extract preview" of a signed record: the same document
    assert detail.extracts.preview is not None and detail.extracts.preview is not preview
    preview = detail.extracts.preview
    qtbot.waitUntil(preview.print_button.isEnabled, timeout=15000)
    assert preview.pdf_bytes == stored
    # On screen as on paper: the signature stamp, which QtPdf alone does not draw, is there.
    # The stored document with the stamps drawn in (an update appended to it).
    assert preview.shown_bytes.startswith(stored) and preview.shown_bytes != stored
    size = QSize(595, 842)
    assert _stamp_ink(_page_image(stored, size)[1], stored) < 20
    assert _stamp_ink(_page_image(preview.shown_bytes, size)[1], stored) > 300

    # Save: the file dialog, then exactly the stored bytes, which our verifier accepts.
    out = tmp_path / "usb" / "trich-luc.pdf"
    out.parent.mkdir()
    preview.save_button.click()
    assert preview.file_dialog is not None
    preview.file_dialog.selectFile(str(out))
    with qtbot.waitSignal(preview.saved, timeout=10000):
        preview.file_dialog.accept()
    assert out.read_bytes() == stored
    check = extracts.verify_pdf(out.read_bytes(), service, session)
    assert check.is_valid and check.extract_number == original.extract_number

    # Print: the button's print dialog shows; printed through it to a PDF printer, the same
    # page comes out.
    preview.print_button.click()
    assert preview.print_dialog is not None and preview.print_dialog.isVisible()
    preview.print_dialog.reject()
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    dialog = preview.print_extract(printer)
    with qtbot.waitSignal(preview.printed, timeout=30000) as pages:
        dialog.accept()
    assert pages.args == [1]
    shown_pages, shown = _page_image(preview.shown_bytes, size)
    printed_pages, paper = _page_image(printed.read_bytes(), size)
    assert printed_pages == shown_pages == 1
    blank = QImage(size, QImage.Format.Format_Grayscale8)
    blank.fill(255)
    assert _difference(shown, paper) < 0.2 * _difference(shown, blank)
    assert _stamp_ink(paper, stored) > 300  # the stamp is on paper too
    preview.close()

    # Certified copies: each signed anew, numbered on the copies' counter.
    widget.ask_password = lambda: P12_PW
    for n in (1, 2):
        assert widget.issue_copy()
        qtbot.waitUntil(lambda n=n: widget.model.rowCount() == 1 + n
                        and not widget.is_issuing, timeout=30000)
        assert widget.last_error is None, widget.message.text()
    copies = [row for row in widget.model.rows() if row.is_copy]
    assert [c.extract_number.split("/")[0] for c in copies] == ["001", "002"]
    assert all(c.extract_number.endswith("-BS") for c in copies)
    assert widget.selected() == copies[-1]  # the newest is selected
    copy_view = _open(qtbot, detail)
    assert copy_view.pdf_bytes == extracts.issued_pdf(session, copies[-1].extract_number)
    check = extracts.verify_pdf(copy_view.pdf_bytes, service, session)
    assert check.is_valid and check.extract_number == copies[-1].extract_number
    copy_view.close()
    assert [extracts.issued_pdf(session, original.extract_number)] == [stored]

    actions = [a.action for a in record_views.audit_trail(session, death)]
    assert actions.count("extract.copy") == 2
    assert "extract.save" in actions and "extract.print" in actions
    wait_idle(qtbot, office.runner)


def test_an_officer_saves_but_issues_no_copy(qtbot: QtBot, office: UiOffice,
                                             tmp_path: Path) -> None:
    hooks = signing_office(office)
    death = approved(office, "death")
    signed(office, hooks, death)
    detail = RecordDetailDialog(office.ctx("canbo", hooks), death)
    qtbot.addWidget(detail)
    detail.show()
    widget = detail.extracts
    detail.tabs.setCurrentWidget(widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1, timeout=10000)
    assert not widget.copy_button.isVisible() and not widget.issue_copy()
    preview = _open(qtbot, detail)
    out = tmp_path / "copy.pdf"
    with qtbot.waitSignal(preview.saved, timeout=10000):
        preview.save_to(out)
    assert out.read_bytes() == extracts.latest_pdf(office.session("canbo"), death,
                                                    PdfExtractService.for_data(office.paths))
    preview.close()
    wait_idle(qtbot, office.runner)


def test_a_record_not_signed_yet_has_no_extract_to_give(qtbot: QtBot,
                                                       office: UiOffice) -> None:
    hooks = signing_office(office)
    death = approved(office, "death")
    detail = RecordDetailDialog(office.ctx("chutich", hooks), death)
    qtbot.addWidget(detail)
    detail.show()
    widget = detail.extracts
    detail.tabs.setCurrentWidget(widget)
    qtbot.waitUntil(lambda: detail.view is not None and office.runner.pending == 0,
                    timeout=10000)
    assert widget.model.rowCount() == 0 and widget.empty.isVisible()
    assert not widget.open_button.isEnabled() and not widget.copy_button.isEnabled()
    assert widget.open_selected() is None and not widget.issue_copy()
    wait_idle(qtbot, office.runner)
