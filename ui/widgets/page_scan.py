"""The one viewer of a page scan or photo (book pages, a record's scans, the verification and
decision screens): an image or the pages of a PDF, turned and cut as kept (rotation and crop
are view settings: the scan itself is never altered), zoom, pan, fit or actual size, and the
keyboard: + and - zoom, 0 fits the page, 1 shows it pixel for pixel, the arrows pan.

Decoding (JPEG, PNG, a PDF rendered with QtPdf) runs on a worker thread through
:func:`decode_page`; the widget only paints. The scene is the scan as captured, so a rectangle
drawn in crop mode is in the scan's own coordinates whatever the rotation.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageReader,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QTransform,
    QWheelEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QRubberBand,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import NotFoundError
from desktop_app.session import Session
from desktop_app.workflows import books
from desktop_app.workflows.books import PageRow

Crop = tuple[float, float, float, float]
PDF_DPI = 150  # enough to read a faint hand at actual size; a page stays a few MB
PDF_MAX_PAGES = 12  # a longer PDF shows its first pages, one under the other
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.05, 8.0)


# JPEG and PNG by their first bytes: their own reader alone is asked. Left to guess, Qt asks
# every image plugin, and the SVG one makes a QTextStream, whose connection takes Qt's
# signal lock with the GIL held: a CI run hung there while the GUI thread, holding that
# lock, waited for the GIL (disconnecting a signal).
_FORMATS = ((b"\xff\xd8\xff", b"jpeg"), (b"\x89PNG\r\n\x1a\n", b"png"))


def decode_image(data: bytes) -> QImage | None:
    """For a worker thread: the image of JPEG/PNG bytes, None when they do not decode."""
    known = next((fmt for magic, fmt in _FORMATS if data.startswith(magic)), None)
    if known is None:
        image = QImage.fromData(data)  # another format: Qt finds its reader
    else:
        raw = QByteArray(data)
        buffer = QBuffer(raw)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer, QByteArray(known))
        reader.setAutoDetectImageFormat(False)
        image = reader.read()
    return None if image.isNull() else image


def render_pdf(data: bytes) -> QImage | None:
    """For a worker thread: the PDF's pages rendered one under the other, None when it does
    not open (the document and its buffer live and die on the calling thread)."""
    raw = QByteArray(data)
    buffer = QBuffer(raw)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    try:
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
            return None
        pages: list[QImage] = []
        for n in range(min(document.pageCount(), PDF_MAX_PAGES)):
            points = document.pagePointSize(n)
            size = QSize(max(1, round(points.width() * PDF_DPI / 72)),
                         max(1, round(points.height() * PDF_DPI / 72)))
            page = document.render(n, size)
            if not page.isNull():
                pages.append(page)
        if not pages:
            return None
        if len(pages) == 1:
            return pages[0]
        gap = 12
        width = max(p.width() for p in pages)
        sheet = QImage(width, sum(p.height() for p in pages) + gap * (len(pages) - 1),
                       QImage.Format.Format_RGB32)
        sheet.fill(QColor("#888"))
        painter = QPainter(sheet)
        top = 0
        for p in pages:
            painter.drawImage(QPoint((width - p.width()) // 2, top), p)
            top += p.height() + gap
        painter.end()
        return sheet
    finally:
        document.close()
        buffer.close()


def decode_page(media_type: str, data: bytes) -> QImage | None:
    """For a worker thread: what the viewer shows of a scan, whatever its type."""
    return render_pdf(data) if media_type == "application/pdf" else decode_image(data)


def load_book_page(session: Session, book_id: str, page_no: int
                   ) -> tuple[PageRow, QImage | None]:
    """For a worker thread: a page of a book being digitised, decoded for the viewer."""
    page = next((p for p in books.pages_of(session, book_id) if p.page_no == page_no), None)
    if page is None:
        raise NotFoundError(what="page", key=str(page_no))
    return page, decode_page(page.media_type, books.page_content(session, book_id, page_no))


class _View(QGraphicsView):
    """Pans by dragging (or the arrows and scroll bars), zooms with Ctrl+wheel; in crop mode a
    drag draws the rectangle instead."""

    def __init__(self, owner: PageScanWidget) -> None:
        super().__init__(owner)
        self._owner = owner
        self._band = QRubberBand(QRubberBand.Shape.Rectangle, self.viewport())
        self._origin: QPoint | None = None
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QColor("#5a5a5a"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._owner.zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._owner.is_cropping and event.button() == Qt.MouseButton.LeftButton:
            self._origin = event.position().toPoint()
            self._band.setGeometry(QRect(self._origin, QSize()))
            self._band.show()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._origin is not None:
            self._band.setGeometry(QRect(self._origin, event.position().toPoint()).normalized())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._origin is not None:
            rect = QRect(self._origin, event.position().toPoint()).normalized()
            self._origin = None
            self._band.hide()
            self._owner.crop_rectangle(self.mapToScene(rect).boundingRect())
            return
        super().mouseReleaseEvent(event)


class PageScanWidget(QWidget):
    """Nothing, a message, or a scan. ``shown`` says which ("none", "message", "loading",
    "image", "pdf"). ``rotation`` and ``crop`` are how the page is read; :attr:`rotated` and
    :attr:`crop_drawn` tell the page that owns the scan, which keeps them."""

    rotated = Signal(int)  # the new rotation, 0/90/180/270
    crop_drawn = Signal(object)  # Crop in fractions of the scan as captured, or None
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None, *, can_turn: bool = True,
                 can_crop: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("pageScan")
        self.setMinimumSize(280, 240)
        self.shown = "none"
        self.rotation = 0
        self.crop: Crop | None = None
        self.is_fitted = True
        self.is_cropping = False
        self._zoom = 1.0
        self._image: QImage | None = None

        self.note = QLabel(objectName="scanNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555")
        self.scene = QGraphicsScene(self)
        self.clip = QGraphicsRectItem()  # the crop: the page outside it is not drawn
        self.clip.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        self.clip.setPen(Qt.PenStyle.NoPen)
        self.pixmap = QGraphicsPixmapItem(self.clip)
        self.band: QGraphicsRectItem | None = None  # the row shown_band marks
        self.pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.addItem(self.clip)
        self.view = _View(self)
        self.view.setObjectName("scanImage")
        self.view.setScene(self.scene)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.note)
        self.stack.addWidget(self.view)

        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        self.zoom_label = QLabel(objectName="scanZoomLevel")
        self.zoom_label.setMinimumWidth(48)
        for name, text, tip, slot in (
            ("zoomOut", "−", self.tr("Zoom out (-)"), lambda: self.zoom_by(1 / ZOOM_STEP)),
            ("zoomIn", "+", self.tr("Zoom in (+)"), lambda: self.zoom_by(ZOOM_STEP)),
            ("fit", self.tr("Whole page"), self.tr("The whole page in view (0)"),
             self.fit),
            ("actual", self.tr("Actual size"),
             self.tr("The scan pixel for pixel, to read a faint hand (1)"),
             lambda: self.set_zoom(1.0)),
            # Words, not ⟲/⟳: those arrows are missing from many fonts (an empty box).
            ("turnLeft", self.tr("Turn left"), self.tr("Turn the page a quarter to the left"),
             lambda: self.turn(-90)),
            ("turnRight", self.tr("Turn right"),
             self.tr("Turn the page a quarter to the right"),
             lambda: self.turn(90)),
            ("crop", self.tr("Crop"),
             self.tr("Draw the part of the page to read; the scan is kept whole"),
             self._toggle_crop),
            ("uncrop", self.tr("Whole scan"), self.tr("Show the whole scan again"),
             self.clear_crop),
        ):
            button = QToolButton(self, objectName=f"scan:{name}")
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            self.buttons[name] = button
            bar.addWidget(button)
            if name == "zoomIn":
                bar.addWidget(self.zoom_label)
        self.buttons["crop"].setCheckable(True)
        bar.addStretch(1)
        for name in ("turnLeft", "turnRight"):
            self.buttons[name].setVisible(can_turn)
        for name in ("crop", "uncrop"):
            self.buttons[name].setVisible(can_crop)
        self.zoom = self.buttons["actual"]  # what the older viewer called its toggle
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        for keys, action in (("+", lambda: self.zoom_by(ZOOM_STEP)),
                             ("=", lambda: self.zoom_by(ZOOM_STEP)),
                             ("-", lambda: self.zoom_by(1 / ZOOM_STEP)),
                             ("0", self.fit), ("1", lambda: self.set_zoom(1.0))):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # not while typing
            shortcut.activated.connect(action)
        self.show_message(self.tr("No scan to show."), "none")

    # -- what is shown ---------------------------------------------------------------------
    def _has_page(self, has: bool) -> None:
        for name in ("zoomOut", "zoomIn", "fit", "actual", "turnLeft", "turnRight", "crop",
                     "uncrop"):
            self.buttons[name].setEnabled(has)
        if not has:
            self.zoom_label.clear()

    def show_message(self, text: str, kind: str = "message") -> None:
        self.note.setText(text)
        self.stack.setCurrentWidget(self.note)
        self.shown = kind
        self._image = None
        self.pixmap.setPixmap(QPixmap())
        self._has_page(False)

    def show_loading(self) -> None:
        self.show_message(self.tr("Loading the page…"), "loading")

    def show_content(self, media_type: str, image: QImage | None, *, rotation: int = 0,
                     crop: Crop | None = None) -> None:
        """A scan decoded by :func:`decode_page` (None: it could not be read), turned and
        cut as kept."""
        if image is None or image.isNull():
            self.show_message(self.tr("This PDF could not be read.")
                              if media_type == "application/pdf"
                              else self.tr("This image could not be read."))
            return
        self._image = image
        if self.band is not None:
            self.band.hide()  # another page, or the same one afresh: no row marked yet
        self.pixmap.setPixmap(QPixmap.fromImage(image))
        self.rotation = rotation % 360
        self.crop = crop
        self.is_cropping = False
        self.buttons["crop"].setChecked(False)
        self.stack.setCurrentWidget(self.view)
        self.shown = "pdf" if media_type == "application/pdf" else "image"
        self._has_page(True)
        self._set_clip()
        self.fit()

    def show_page(self, page: PageRow, image: QImage | None) -> None:
        """A page of a book, turned and cut as the book keeps it."""
        self.show_content(page.media_type, image, rotation=page.rotation, crop=page.crop)

    # -- geometry ----------------------------------------------------------------------------
    def image_size(self) -> QSize:
        """The scan as captured, in pixels."""
        return self._image.size() if self._image is not None else QSize()

    def turned_size(self) -> QSize:
        """What the officer reads: the crop of the scan, turned."""
        return QTransform().rotate(self.rotation).mapRect(self.visible_rect()).size().toSize()

    def visible_rect(self) -> QRectF:
        """The part of the scan (its own pixels) the crop keeps: all of it while cropping."""
        size = self.image_size()
        whole = QRectF(0, 0, size.width(), size.height())
        if self.crop is None or self.is_cropping:
            return whole
        left, top, right, bottom = self.crop
        return QRectF(left * size.width(), top * size.height(),
                      (right - left) * size.width(), (bottom - top) * size.height())

    def _set_clip(self) -> None:
        rect = self.visible_rect()
        self.clip.setRect(rect)
        self.scene.setSceneRect(rect)
        self._apply()

    def _apply(self) -> None:
        self.view.setTransform(QTransform().rotate(self.rotation).scale(self._zoom, self._zoom))
        self.zoom_label.setText(f"{round(self._zoom * 100)} %")
        self.zoom_changed.emit(self._zoom)

    @property
    def zoom_factor(self) -> float:
        return self._zoom

    def set_zoom(self, factor: float, *, fitted: bool = False) -> None:
        if self._image is None:
            return
        self._zoom = min(max(factor, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        self.is_fitted = fitted
        self._apply()

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self._zoom * step)

    def fit(self) -> None:
        """The whole (cropped, turned) page in view."""
        if self._image is None:
            return
        rect = self.visible_rect()
        turned = QTransform().rotate(self.rotation).mapRect(rect)
        room = self.view.maximumViewportSize()  # as without scroll bars: fitted, none show
        if turned.width() <= 0 or turned.height() <= 0:
            return
        factor = min((room.width() - 4) / turned.width(), (room.height() - 4) / turned.height())
        self.set_zoom(factor, fitted=True)
        self.view.centerOn(rect.center())

    def show_band(self, top: float, bottom: float) -> None:
        """Open on a band of the page (fractions of its height as shown, turned and cut),
        as an entry's row: zoomed so it reads, in the middle of the view and marked."""
        if self._image is None or not 0 <= top < bottom <= 1:
            return
        turn = QTransform().rotate(self.rotation)
        turned = turn.mapRect(self.visible_rect())
        band = QRectF(turned.left(), turned.top() + top * turned.height(), turned.width(),
                      (bottom - top) * turned.height())
        scene_band = turn.inverted()[0].mapRect(band)
        if self.band is None:
            self.band = QGraphicsRectItem(self.clip)
            self.band.setPen(QColor(230, 120, 0))
            self.band.setBrush(QColor(255, 200, 0, 50))
        self.band.setRect(scene_band)
        self.band.show()
        room = self.view.maximumViewportSize()
        # the row about a fifth of the view high (its neighbours above and below it), at
        # most pixel for pixel; never smaller than the page's width in view
        wide = (room.width() - 24) / max(turned.width(), 1.0)
        self.set_zoom(max(wide, min(1.0, room.height() / 5 / max(band.height(), 1.0))))
        self.view.centerOn(scene_band.center())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.is_fitted:
            self.fit()

    def turn(self, quarter: int) -> None:
        if self._image is None:
            return
        self.rotation = (self.rotation + quarter) % 360
        self.fit()
        self.rotated.emit(self.rotation)

    # -- crop ----------------------------------------------------------------------------------
    def _toggle_crop(self) -> None:
        self.set_cropping(self.buttons["crop"].isChecked())

    def set_cropping(self, on: bool) -> None:
        """Crop mode shows the whole scan and lets a drag draw the part to keep."""
        self.is_cropping = on and self._image is not None
        self.buttons["crop"].setChecked(self.is_cropping)
        self.view.setDragMode(QGraphicsView.DragMode.NoDrag if self.is_cropping
                              else QGraphicsView.DragMode.ScrollHandDrag)
        self.view.viewport().setCursor(Qt.CursorShape.CrossCursor if self.is_cropping
                                       else Qt.CursorShape.OpenHandCursor)
        self._set_clip()
        self.fit()

    def crop_rectangle(self, scene_rect: QRectF) -> None:
        """A rectangle in the scan's pixels (as a drag in crop mode gives it) becomes the
        crop, in fractions of the scan as captured."""
        size = self.image_size()
        if size.isEmpty():
            return
        rect = scene_rect.intersected(QRectF(0, 0, size.width(), size.height()))
        self.set_cropping(False)
        if rect.width() < 4 or rect.height() < 4:
            return  # a click, not a rectangle
        self.crop = (rect.left() / size.width(), rect.top() / size.height(),
                     rect.right() / size.width(), rect.bottom() / size.height())
        self._set_clip()
        self.fit()
        self.crop_drawn.emit(self.crop)

    def clear_crop(self) -> None:
        if self.crop is None:
            return
        self.crop = None
        self._set_clip()
        self.fit()
        self.crop_drawn.emit(None)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.is_cropping:
            self.set_cropping(False)
            return
        super().keyPressEvent(event)
