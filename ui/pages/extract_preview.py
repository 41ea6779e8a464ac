"""Extract (trích lục) preview with QtPdf, and printing through the system print dialog.

The PDF comes from a renderer the composition root injects (``UiHooks.render_extract``),
rendered on a worker thread; the dialog only shows bytes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.context import UiContext
from ui.errors import message_for


class ExtractPreviewDialog(QDialog):
    loaded = Signal(int)  # page count

    def __init__(self, ctx: UiContext, source: Callable[[], bytes],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ExtractPreviewDialog")
        self.setWindowTitle(self.tr("Extract preview"))
        self.resize(760, 900)
        self._ctx = ctx
        self._bytes = QByteArray()
        self._buffer = QBuffer(self)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(self.tr("Rendering the extract…"), objectName="previewStatus")
        self.print_button = QPushButton(self.tr("Print…"), objectName="printButton")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_extract)
        close = QPushButton(self.tr("Close"), objectName="closePreview")
        close.clicked.connect(self.close)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        ctx.runner.run(source, self.show_pdf, self._failed, lane="general")

    def show_pdf(self, data: bytes) -> None:
        self._buffer.close()
        self._bytes = QByteArray(data)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        pages = self.document.pageCount()
        if self.document.status() != QPdfDocument.Status.Ready or pages == 0:
            self.status.setText(self.tr("The extract could not be shown."))
            return
        self.status.setText(self.tr("%n page(s)", "", pages))
        self.print_button.setEnabled(True)
        self.loaded.emit(pages)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))

    def print_extract(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.render_to(printer)

    def render_to(self, printer: QPrinter) -> None:
        painter = QPainter(printer)
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                target = painter.viewport()
                size = self.document.pagePointSize(page)
                scale = min(target.width() / size.width(), target.height() / size.height())
                image = self.document.render(page, QSize(int(size.width() * scale),
                                                         int(size.height() * scale)))
                painter.drawImage(QRectF(0, 0, image.width(), image.height()), image)
        finally:
            painter.end()
