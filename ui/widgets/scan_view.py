"""A page scan or photo on screen: an image scaled to the space it has, or a PDF with QtPdf.

The bytes come from the store on a worker thread; images are decoded there too (QImage may be
built off the GUI thread), so this widget only paints.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QWidget


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
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def set_image(self, image: QImage | None) -> None:
        self._image = image
        self.rescale()

    def rescale(self) -> None:
        if self._image is None:
            self.clear()
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
        self.label.rescale()


class ScanView(QStackedWidget):
    """Nothing, a message, an image or a PDF; ``shown`` says which ("none", "image", "pdf",
    "message")."""

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
        for widget in (self.note, self.image, self.pdf):
            self.addWidget(widget)
        self.shown = "none"
        self.show_message(QCoreApplication.translate("ScanView", "No scan to show."), "none")

    def show_message(self, text: str, kind: str = "message") -> None:
        self.note.setText(text)
        self.setCurrentWidget(self.note)
        self.shown = kind

    def show_image(self, image: QImage | None) -> None:
        if image is None:
            self.show_message(QCoreApplication.translate(
                "ScanView", "This image could not be read."))
            return
        self.setCurrentWidget(self.image)
        self.image.label.set_image(image)
        self.shown = "image"

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
        self.setCurrentWidget(self.pdf)
        self.shown = "pdf"

    def show_content(self, media_type: str, data: bytes, image: QImage | None) -> None:
        if media_type == "application/pdf":
            self.show_pdf(data)
        else:
            self.show_image(image)
