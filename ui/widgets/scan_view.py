"""A page scan or photo on screen: an image scaled to the space it has, or a PDF with QtPdf.

The bytes come from the store on a worker thread; images are decoded there too (QImage may be
built off the GUI thread), so this widget only paints.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def decode_image(data: bytes) -> QImage | None:
    """For a worker thread: the image of JPEG/PNG bytes, None when they do not decode."""
    image = QImage.fromData(data)
    return None if image.isNull() else image


class _ImageLabel(QLabel):
    """Shows its image as large as fits the scroll area, never distorted."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__()
        self._area = area
        self._image: QImage | None = None
        self.is_actual_size = False
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def set_image(self, image: QImage | None) -> None:
        self._image = image
        self.rescale()

    def set_actual_size(self, actual: bool) -> None:
        """Pixel for pixel (to read a faint hand; the area scrolls) or the whole page."""
        self.is_actual_size = actual
        self.rescale()

    def rescale(self) -> None:
        if self._image is None:
            self.clear()
            return
        if self.is_actual_size:
            self.setPixmap(QPixmap.fromImage(self._image))
            return
        room = self._area.viewport().size()
        scaled = self._image.scaled(max(room.width() - 4, 50), max(room.height() - 4, 50),
                                    Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation)
        self.setPixmap(QPixmap.fromImage(scaled))


class _ImageArea(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.label = _ImageLabel(self)
        self.label.setObjectName("scanImage")
        self.setWidget(self.label)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if not self.label.is_actual_size:
            self.label.rescale()


class ScanView(QWidget):
    """Nothing, a message, an image or a PDF; ``shown`` says which ("none", "image", "pdf",
    "message"). "Actual size" shows an image pixel for pixel, a PDF at 100 %."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanView")
        self.setMinimumSize(280, 240)
        self.note = QLabel(objectName="scanNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555")
        self.image = _ImageArea(self)
        self._bytes = QByteArray()
        self._buffer = QBuffer(self)
        self.document = QPdfDocument(self)
        self.pdf = QPdfView(self)
        self.pdf.setObjectName("scanPdf")
        self.pdf.setDocument(self.document)
        self.pdf.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.stack = QStackedWidget(self)
        for widget in (self.note, self.image, self.pdf):
            self.stack.addWidget(widget)
        self.zoom = QToolButton(self)
        self.zoom.setObjectName("scanZoom")
        self.zoom.setText(QCoreApplication.translate("ScanView", "Actual size"))
        self.zoom.setToolTip(QCoreApplication.translate(
            "ScanView", "Show the scan pixel for pixel (scroll to move), or the whole page."))
        self.zoom.setCheckable(True)
        self.zoom.toggled.connect(self.set_actual_size)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        bar.addWidget(self.zoom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.shown = "none"
        self.show_message(QCoreApplication.translate("ScanView", "No scan to show."), "none")

    def set_actual_size(self, actual: bool) -> None:
        self.image.label.set_actual_size(actual)
        self.pdf.setZoomMode(QPdfView.ZoomMode.Custom if actual
                             else QPdfView.ZoomMode.FitToWidth)
        self.pdf.setZoomFactor(1.0)

    def _showing(self, widget: QWidget, kind: str) -> None:
        self.stack.setCurrentWidget(widget)
        self.shown = kind
        self.zoom.setVisible(kind in ("image", "pdf"))

    def show_message(self, text: str, kind: str = "message") -> None:
        self.note.setText(text)
        self._showing(self.note, kind)

    def show_image(self, image: QImage | None) -> None:
        if image is None:
            self.show_message(QCoreApplication.translate(
                "ScanView", "This image could not be read."))
            return
        self._showing(self.image, "image")
        self.image.label.set_image(image)

    def show_pdf(self, data: bytes) -> None:
        self.document.close()
        self._buffer.close()
        self._bytes = QByteArray(data)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready or \
                self.document.pageCount() == 0:
            self.show_message(QCoreApplication.translate(
                "ScanView", "This PDF could not be read."))
            return
        self._showing(self.pdf, "pdf")

    def show_content(self, media_type: str, data: bytes, image: QImage | None) -> None:
        if media_type == "application/pdf":
            self.show_pdf(data)
        else:
            self.show_image(image)
