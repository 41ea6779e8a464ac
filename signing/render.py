"""Extract (trích lục) drawing with reportlab: A4, Noto Sans embedded, official order.

:func:`render_extract` composes the extract's lines (:mod:`signing.compose`) and draws
them: :func:`draw_extract` lays an :class:`~signing.compose.ExtractText` out on A4. An
unsigned preview (no token) carries the BẢN NHÁP watermark and no QR code; a final extract
carries the QR code of its signed token and reserves the box where :mod:`signing.pades`
draws the visible signature.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from signing.compose import Cells, ExtractText, RichText, Role, Span, compose_extract
from signing.errors import RecordNotRenderableError
from signing.fonts import FONT_REGULAR, register_reportlab_fonts
from signing.fonts.outlines import add_bold_outline, bold_text_width
from signing.model import ExtractInfo
from signing.qr import DEFAULT_VERIFY_BASE_URL, qr_matrix
from signing.words import DEFAULT_STYLE, WordsStyle

__all__ = [
    "QR_SIZE",
    "SIGNATURE_BOX_SIZE",
    "RenderedExtract",
    "SignatureBox",
    "draw_extract",
    "render_extract",
]

log = logging.getLogger(__name__)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 25 * mm
# Table cells default to Helvetica (not embedded) even when they hold only paragraphs.
_CELL_FONT = ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR)
MARGIN_RIGHT = 18 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 15 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
SIGNATURE_BOX_SIZE = (70 * mm, 24 * mm)
QR_SIZE = 32 * mm
WATERMARK_SIZE = 88


@dataclass(frozen=True)
class SignatureBox:
    """Where the visible signature goes: page index (0-based) and PDF user-space box."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (round(self.x1), round(self.y1), round(self.x2), round(self.y2))


@dataclass(frozen=True)
class RenderedExtract:
    pdf: bytes
    form_key: str
    extract_number: str
    signature_box: SignatureBox
    page_count: int
    is_draft: bool


# --------------------------------------------------------------------------- markup


def _esc(text: str) -> str:
    return escape(unicodedata.normalize("NFC", text))


def _markup(text: RichText) -> str:
    """reportlab paragraph markup of rich text."""
    parts = []
    for item in text:
        if isinstance(item, Span):
            parts.append(f"<b>{_esc(item.text)}</b>" if item.bold else _esc(item.text))
        else:
            parts.append("<br/>")
    return "".join(parts)


# --------------------------------------------------------------------------- flowables


class _QrFlowable(Flowable):
    def __init__(self, text: str | None, size: float) -> None:
        super().__init__()
        self.text = text
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        if self.text is None:
            canvas.setStrokeColor(colors.grey)
            canvas.setDash(2, 2)
            canvas.rect(0, 0, self.size, self.size, stroke=1, fill=0)
            return
        matrix = qr_matrix(self.text)
        count = len(matrix)
        # One path of whole-module rectangles (one per run of dark modules in a row), in a
        # coordinate system of one unit per module: a single fill of short integer
        # operators instead of a formatted rectangle per cell.
        code: list[str] = []
        for row_index, row in enumerate(matrix):
            y = count - row_index - 1
            col = 0
            while col < count:
                if row[col]:
                    start = col
                    while col < count and row[col]:
                        col += 1
                    code.append(f"{start} {y} {col - start} 1 re")
                else:
                    col += 1
        canvas.saveState()
        canvas.scale(self.size / count, self.size / count)
        canvas.setFillColor(colors.black)
        canvas.drawPath(PDFPathObject(code), stroke=0, fill=1)
        canvas.restoreState()


class _Rule(Flowable):
    """A short centred horizontal rule (under the header blocks)."""

    def __init__(self, length: float) -> None:
        super().__init__()
        self.length = length
        self._avail = length

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._avail = availWidth
        return availWidth, 4

    def draw(self) -> None:
        start = (self._avail - self.length) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(start, 2, start + self.length, 2)


class _Anchor(Flowable):
    """Empty space that records where it was drawn (for the signature field)."""

    def __init__(self, width: float, height: float, sink: list[SignatureBox]) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self._sink = sink

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        page = self.canv.getPageNumber() - 1
        self._sink.append(SignatureBox(page, x, y, x + self.width, y + self.height))


# --------------------------------------------------------------------------- document


class _Styles:
    def __init__(self) -> None:
        regular, bold = register_reportlab_fonts()
        self.body = ParagraphStyle("body", fontName=regular, fontSize=11, leading=15.5)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=9, leading=12)
        self.center = ParagraphStyle("center", parent=self.body, alignment=TA_CENTER)
        self.center_bold = ParagraphStyle("center_bold", parent=self.center, fontName=bold)
        self.header = ParagraphStyle("header", parent=self.center_bold, fontSize=10.5, leading=14)
        self.header_plain = ParagraphStyle(
            "header_plain", parent=self.center, fontSize=11, leading=14, fontName=bold
        )
        self.title = ParagraphStyle(
            "title", parent=self.center_bold, fontSize=14, leading=19, spaceBefore=10
        )
        self.heading = ParagraphStyle("heading", parent=self.body, fontName=bold)
        self.left = ParagraphStyle("left", parent=self.body, alignment=TA_LEFT)
        self.small_center = ParagraphStyle("small_center", parent=self.small, alignment=TA_CENTER)


def _table(cells: list[list[Any]], widths: list[float], *commands: Any) -> Table:
    table = Table(cells, colWidths=widths)
    table.setStyle(TableStyle([_CELL_FONT, *commands]))
    return table


_NO_SIDE_PADDING = (
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
)


def _line_widths(count: int) -> list[float]:
    if count == 3:
        return [FRAME_WIDTH * 0.28, FRAME_WIDTH * 0.34, FRAME_WIDTH * 0.38]
    return [FRAME_WIDTH / count] * count


class _Drawing:
    """The flowables of one extract."""

    def __init__(self, text: ExtractText) -> None:
        self.text = text
        self.styles = _Styles()

    def header(self) -> list[Flowable]:
        s, t = self.styles, self.text
        left = [Paragraph(_esc(t.province), s.header), Paragraph(_esc(t.committee), s.header),
                _Rule(22 * mm)]
        right = [
            Paragraph(_esc(t.national_heading), s.header),
            Paragraph(_esc(t.national_motto), s.header_plain),
            _Rule(48 * mm),
        ]
        halves = [FRAME_WIDTH * 0.42, FRAME_WIDTH * 0.58]
        top = _table([[left, right]], halves, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                     *_NO_SIDE_PADDING)
        number = Paragraph(_markup(t.number), s.center)
        dated = Paragraph(_esc(t.dated), s.center)
        line = _table([[number, dated]], halves, *_NO_SIDE_PADDING,
                      ("TOPPADDING", (0, 0), (-1, -1), 6))
        title = [Paragraph(_esc(t.title), s.title)]
        if t.copy_title is not None:
            title.append(Paragraph(_esc(t.copy_title), s.center_bold))
        return [top, line, *title, Spacer(1, 8)]

    def body(self) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = []
        for row in self.text.body:
            if isinstance(row, Cells):
                cells = [Paragraph(_markup(c), s.body) for c in row.cells]
                out.append(
                    _table(
                        [cells],
                        _line_widths(len(cells)),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    )
                )
            else:
                style = s.heading if row.role is Role.HEADING else s.body
                out.append(Paragraph(_markup(row.text), style))
        return out

    def closing(self, sink: list[SignatureBox]) -> list[Flowable]:
        s, t = self.styles, self.text
        signer: list[Flowable] = [
            Paragraph(_esc(t.signer_heading), s.center_bold),
            Paragraph(_esc(t.signer_note), s.small_center),
            *(Paragraph(_esc(title), s.center_bold) for title in t.signer_titles),
            Spacer(1, 3),
            _Anchor(*SIGNATURE_BOX_SIZE, sink),
            Spacer(1, 3),
            Paragraph(_esc(t.signer_name), s.center_bold),
        ]
        qr_cell: list[Flowable] = [
            _QrFlowable(t.qr_payload, QR_SIZE),
            Spacer(1, 2),
            Paragraph(_esc(t.qr_caption), s.small),
        ]
        table = _table(
            [[qr_cell, signer]],
            [FRAME_WIDTH * 0.4, FRAME_WIDTH * 0.6],
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *_NO_SIDE_PADDING,
            ("TOPPADDING", (0, 0), (0, 0), 18),
        )
        return [Spacer(1, 10), KeepTogether([table])]


def _watermark(canvas: Canvas, text: str) -> None:
    """The draft mark across the page, drawn as outlines so that it never mixes with the
    text a reader or pdftotext extracts."""
    size = WATERMARK_SIZE
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.75, 0.1, 0.1))
    canvas.setFillAlpha(0.18)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(45)
    canvas.translate(-bold_text_width(text, size) / 2, -size * 0.35)
    path = canvas.beginPath()
    add_bold_outline(path, text, size)
    canvas.drawPath(path, stroke=0, fill=1, fillMode=0)
    canvas.restoreState()


def _page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    if doc.page > 1 or getattr(doc, "_multi_page", False):
        regular, _ = register_reportlab_fonts()
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, 8 * mm, f"Trang {doc.page}")
        canvas.restoreState()


def draw_extract(text: ExtractText) -> RenderedExtract:
    """Lay the lines of an extract out on A4 pages (a PDF without signature)."""
    drawing = _Drawing(text)
    sink: list[SignatureBox] = []
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=text.title,
        subject=text.extract_number,
        keywords=text.watermark or "",  # type: ignore[arg-type]  # a string is accepted
        initialFontName=register_reportlab_fonts()[0],
        creator="Hộ Tịch Offline",
        author="",
        producer="Hộ Tịch Offline (reportlab)",
    )
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    watermark = text.watermark

    def on_page(canvas: Canvas, document: BaseDocTemplate) -> None:
        _page_number(canvas, document)
        if watermark:
            _watermark(canvas, watermark)

    doc.addPageTemplates([PageTemplate(id="extract", frames=[frame], onPage=on_page)])
    doc.build(drawing.header() + drawing.body() + drawing.closing(sink))
    if not sink:
        raise RecordNotRenderableError(problem="layout")
    log.debug("extract rendered: form %s, %d page(s)", text.form_key, doc.page)
    return RenderedExtract(
        pdf=buffer.getvalue(),
        form_key=text.form_key,
        extract_number=text.extract_number,
        signature_box=sink[-1],
        page_count=doc.page,
        is_draft=text.is_draft,
    )


def render_extract(
    record: Mapping[str, object],
    info: ExtractInfo,
    *,
    token: str | None = None,
    verify_base_url: str = DEFAULT_VERIFY_BASE_URL,
    words_style: WordsStyle = DEFAULT_STYLE,
    certificate: bool = False,
) -> RenderedExtract:
    """Render an extract. Without ``token`` it is a draft preview (BẢN NHÁP, no QR code).

    ``token`` is the signed QR token (:func:`signing.qr.make_token`); the QR code encodes
    ``verify_base_url`` + token. ``certificate`` renders a birth as GIẤY KHAI SINH.
    """
    text = compose_extract(
        record,
        info,
        token=token,
        verify_base_url=verify_base_url,
        words_style=words_style,
        certificate=certificate,
    )
    return draw_extract(text)
