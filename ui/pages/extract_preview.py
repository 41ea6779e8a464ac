"""Extract (trích lục) preview with QtPdf, saving to a file and printing (QtPrintSupport).

The PDF comes from a source the caller gives (the renderer the composition root injects,
``UiHooks.render_extract``, or a signed extract exactly as stored), loaded on a worker
thread; the dialog only holds bytes. It saves exactly those bytes, and prints exactly the
document it shows: "print exactly what was previewed". QtPdf draws no form widgets, so the
signature stamp would be missing on screen and on paper: ``UiHooks.printable_pdf`` gives the
document as it looks on paper (the stamp drawn into the page), shown and printed alike.
Saving and printing run on a worker thread too (file IO, rasterising the pages); the printer
gets each page drawn over the whole sheet at the PDF's own size, so nothing is scaled or
cropped by printer margins.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import HotichError
from desktop_app.fileio import write_atomic
from ui.context import UiContext
from ui.errors import message_for
from ui.widgets.file_dialog import file_dialog

PRINT_DPI = 300  # pages are rasterised at most this fine (an A4 page is ~35 MB at 300 dpi)


def _open(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A document over the bytes (the buffer must outlive it)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document, buffer


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Draw every page of the PDF ``data`` on ``printer``, each over a whole sheet of the
    page's own size; returns the number of pages. Runs on any thread (QPainter may paint on a
    QPrinter outside the GUI thread); the printer must not be used elsewhere meanwhile."""
    document, buffer = _open(data)
    try:
        pages = document.pageCount()
        if document.status() != QPdfDocument.Status.Ready or pages == 0:
            raise HotichError("E-PRINT")
        first = document.pagePointSize(0)
        printer.setFullPage(True)
        printer.setPageLayout(QPageLayout(
            QPageSize(first, QPageSize.Unit.Point), QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0)))
        painter = QPainter()
        if not painter.begin(printer):
            raise HotichError("E-PRINT")
        try:
            for page in range(pages):
                if page:
                    printer.newPage()
                size = document.pagePointSize(page)
                target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
                dpi = min(printer.resolution(), PRINT_DPI)
                image = document.render(page, QSize(round(size.width() * dpi / 72),
                                                    round(size.height() * dpi / 72)))
                painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
        finally:
            painter.end()
        return pages
    finally:
        document.close()
        buffer.close()


class ExtractPreviewDialog(QDialog):
    loaded = Signal(int)  # page count
    saved = Signal(str)  # the file written
    printed = Signal(int)  # pages sent to the printer
    handed_out = Signal(str)  # "save" or "print": the document left the device

    def __init__(self, ctx: UiContext, source: Callable[[], bytes],
                 parent: QWidget | None = None, *, title: str | None = None,
                 file_name: str = "trich-luc.pdf") -> None:
        super().__init__(parent)
        self.setObjectName("ExtractPreviewDialog")
        self.setWindowTitle(title or self.tr("Extract preview"))
        self.resize(760, 900)
        self._ctx = ctx
        self._file_name = file_name
        self._bytes = QByteArray()
        self._buffer = QBuffer(self)
        self._printer: QPrinter | None = None  # kept alive while a print job runs
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self.last_error: BaseException | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(self.tr("Rendering the extract…"), objectName="previewStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save as PDF…"), objectName="saveButton")
        self.save_button.clicked.connect(self.choose_file)
        self.print_button = QPushButton(self.tr("Print…"), objectName="printButton")
        self.print_button.clicked.connect(lambda: self.print_extract())
        for button, key in ((self.save_button, QKeySequence.StandardKey.Save),
                            (self.print_button, QKeySequence.StandardKey.Print)):
            button.setShortcut(key)
            button.setToolTip(QKeySequence(key).toString(
                QKeySequence.SequenceFormat.NativeText))
        for button in (self.save_button, self.print_button):
            button.setEnabled(False)
        close = QPushButton(self.tr("Close"), objectName="closePreview")
        close.clicked.connect(self.close)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self._stored = b""
        display = ctx.hooks.printable_pdf or (lambda pdf: pdf)

        def load() -> tuple[bytes, bytes]:
            data = source()
            return data, display(data)

        ctx.runner.run(load, lambda pair: self.show_pdf(*pair), self._failed, lane="general")

    @property
    def pdf_bytes(self) -> bytes:
        """The document as given (the stored signed PDF): what is saved."""
        return self._stored

    @property
    def shown_bytes(self) -> bytes:
        """The document on screen, as it looks on paper: what is printed."""
        return self._bytes.data()

    def show_pdf(self, data: bytes, shown: bytes | None = None) -> None:
        self._buffer.close()
        self._stored = data
        self._bytes = QByteArray(shown if shown is not None else data)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        pages = self.document.pageCount()
        if self.document.status() != QPdfDocument.Status.Ready or pages == 0:
            self.status.setText(self.tr("The extract could not be shown."))
            return
        self.status.setText(self.tr("%n page(s)", "", pages))
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.loaded.emit(pages)

    def _failed(self, error: BaseException) -> None:
        self.last_error = error
        self.status.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))

    # -- saving ---------------------------------------------------------------------------
    def choose_file(self) -> QFileDialog:
        dialog = file_dialog(self, self.tr("Save the extract"), self._file_name,
                             self.tr("PDF documents (*.pdf)"))
        dialog.setObjectName("saveExtractDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda path: self.save_to(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def save_to(self, path: Path) -> None:
        data = self.pdf_bytes
        self.save_button.setEnabled(False)
        self.last_error = None

        def write() -> str:
            try:
                write_atomic(path, data, mode=0o644)
            except OSError as exc:
                raise HotichError("E-FILE", path=str(path)) from exc
            return str(path)

        self._ctx.runner.run(write, self._saved, self._output_failed, lane="general")

    def _saved(self, path: str) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("Saved: %1").replace("%1", path))
        self.saved.emit(path)
        self.handed_out.emit("save")

    # -- printing -------------------------------------------------------------------------
    def print_extract(self, printer: QPrinter | None = None) -> QPrintDialog:
        """The system print dialog for ``printer`` (a new one for the button); printing
        starts once it is accepted."""
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.accepted.connect(lambda: self.start_print(printer))
        dialog.finished.connect(dialog.deleteLater)
        self.print_dialog = dialog
        self._printer = printer
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # QPrintDialog.open() wants a slot; show() is the same, without exec()
        return dialog

    def start_print(self, printer: QPrinter) -> None:
        """Print the document on screen on a worker thread."""
        data = self.shown_bytes
        self._printer = printer
        self.print_button.setEnabled(False)
        self.last_error = None
        self.status.setText(self.tr("Printing…"))
        self._ctx.runner.run(lambda: print_pdf(data, printer), self._printed,
                             self._output_failed, lane="general")

    def render_to(self, printer: QPrinter) -> int:
        """The same, on this thread (callers that already are off the GUI thread, tests)."""
        return print_pdf(self.shown_bytes, printer)

    def _printed(self, pages: int) -> None:
        self._printer = None
        self.print_button.setEnabled(True)
        self.status.setText(self.tr("Sent to the printer: %n page(s).", "", pages))
        self.printed.emit(pages)
        self.handed_out.emit("print")

    def _output_failed(self, error: BaseException) -> None:
        self._printer = None
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self._failed(error)
