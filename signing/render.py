"""Extract (trích lục) rendering with reportlab: A4, Noto Sans embedded, official order.

:func:`render_extract` turns the canonical record JSON (a dict, shared/domain.md) plus the
system fields (:class:`signing.model.ExtractInfo`) into PDF bytes. Labels and their order
come from :mod:`signing.layouts`. An unsigned preview (``token=None``) carries the BẢN
NHÁP watermark and no QR code; a final extract carries the QR code of its signed token and
reserves the box where :mod:`signing.pades` draws the visible signature.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from fontTools.pens.basePen import BasePen
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
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

from desktop_app.domain.access import get
from desktop_app.domain.dates import as_partial_date
from signing import layouts
from signing.errors import RecordNotRenderableError
from signing.fonts import BOLD, FONT_REGULAR, font_bytes, register_reportlab_fonts
from signing.layouts import (
    Field,
    FormLayout,
    Heading,
    Line,
    Notes,
    Registration,
    Row,
    Source,
    Text,
)
from signing.model import ChangeNote, ExtractInfo
from signing.qr import DEFAULT_VERIFY_BASE_URL, qr_matrix, token_url
from signing.words import (
    DEFAULT_STYLE,
    WordsStyle,
    date_in_figures,
    date_in_header,
    date_in_words,
    time_of_death_in_figures,
    time_of_death_in_words,
)

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


# --------------------------------------------------------------------------- values


def _present(value: object) -> bool:
    return value not in (None, "", [], {})


def _nfc(value: object) -> str:
    return unicodedata.normalize("NFC", str(value))


def upper_name(name: str) -> str:
    """Capitals with every diacritic and apostrophe kept: "H’Hen Niê" -> "H’HEN NIÊ"."""
    return _nfc(name).upper()


def _safe_figures(value: object) -> str:
    try:
        return date_in_figures(str(value))
    except ValueError:
        return _nfc(value)  # kept as found (historical entries)


def _safe_words(value: object, style: WordsStyle) -> str:
    try:
        return date_in_words(str(value), style)
    except ValueError:
        return ""


_COMMUNE_CACHE: dict[str, tuple[str, str] | None] = {}


def _commune_names(code: object) -> tuple[str, str] | None:
    """(commune name, province name) of a 2025 commune code, via vietnam-provinces."""
    key = str(code).strip()
    if key in _COMMUNE_CACHE:
        return _COMMUNE_CACHE[key]
    result: tuple[str, str] | None = None
    try:
        from vietnam_provinces import Province, Ward

        ward = Ward.from_code(int(key))  # type: ignore[arg-type]
        province = Province.from_code(ward.province_code)
        result = (ward.name, province.name)
    except (ImportError, ValueError, TypeError, KeyError):
        result = None
    _COMMUNE_CACHE[key] = result
    return result


def format_address(value: object) -> str:
    """An address as printed: the text as found (``as_written``) when there is one, else
    facility, detail, commune and province (and the country when not Việt Nam)."""
    if value is None:
        return ""
    if not isinstance(value, Mapping):
        return _nfc(value)
    parts: list[str] = []
    facility = value.get("facility")
    if _present(facility):
        parts.append(_nfc(facility))
    if _present(value.get("as_written")):
        parts.append(_nfc(value["as_written"]))
        return ", ".join(parts)
    if _present(value.get("detail")):
        parts.append(_nfc(value["detail"]))
    if _present(value.get("commune_code")):
        names = _commune_names(value["commune_code"])
        if names:
            parts.extend(names)
    country = value.get("country")
    if _present(country) and str(country).upper() != "VN":
        parts.append(layouts.COUNTRY_FOR_ADDRESS.get(str(country).upper(), _nfc(country)))
    return ", ".join(parts)


def format_id_document(value: object) -> str:
    if not isinstance(value, Mapping):
        return "" if value is None else _nfc(value)
    kind = layouts.ID_KINDS.get(str(value.get("kind", "")), _nfc(value.get("kind") or ""))
    text = kind
    if _present(value.get("number")):
        text = f"{text} số {_nfc(value['number'])}".strip()
    if _present(value.get("issued_by")):
        text += f", {_nfc(value['issued_by'])}"
        if _present(value.get("issued_on")):
            text += f" cấp ngày {_safe_figures(value['issued_on'])}"
    elif _present(value.get("issued_on")):
        text += f", cấp ngày {_safe_figures(value['issued_on'])}"
    return text


def format_document(value: object) -> str:
    if not isinstance(value, Mapping):
        return "" if value is None else _nfc(value)
    kind = str(value.get("kind", ""))
    text = layouts.DOCUMENT_KINDS.get(kind, _nfc(kind) if kind else "")
    if _present(value.get("number")):
        text = f"{text} số {_nfc(value['number'])}".strip()
    if _present(value.get("issued_by")):
        text += f", do {_nfc(value['issued_by'])} cấp"
        if _present(value.get("issued_on")):
            text += f" ngày {_safe_figures(value['issued_on'])}"
    elif _present(value.get("issued_on")):
        text += f", ngày {_safe_figures(value['issued_on'])}"
    return text


def format_record_ref(value: object) -> str:
    """A reference to another registration: "<kind> số <n>, quyển số <b>, ngày <d>, tại <o>"."""
    if not isinstance(value, Mapping):
        return ""  # a bare record id: the caller resolves it into a mapping
    parts: list[str] = []
    kind = value.get("type") or value.get("kind")
    head = layouts.RECORD_KINDS.get(str(kind), _nfc(kind)) if _present(kind) else ""
    if _present(value.get("registration_number")):
        head = f"{head} số {_nfc(value['registration_number'])}".strip()
    if head:
        parts.append(head)
    if _present(value.get("book_number")):
        parts.append(f"quyển số {_nfc(value['book_number'])}")
    if _present(value.get("registered_on")):
        parts.append(f"ngày {_safe_figures(value['registered_on'])}")
    office = value.get("office_name") or value.get("office")
    if _present(office):
        parts.append(f"tại {_nfc(office)}")
    return ", ".join(parts)


def _field_name(path: str) -> str:
    leaf = path.rsplit(".", 1)[-1]
    return layouts.FIELD_NAMES.get(leaf, path)


def _change_value(value: object) -> str:
    if isinstance(value, Mapping):
        if "full_name" in value:
            return _nfc(value["full_name"])
        if any(k in value for k in ("commune_code", "detail", "as_written", "facility")):
            return format_address(value)
        return ", ".join(_nfc(v) for v in value.values() if _present(v))
    return "" if value is None else _nfc(value)


def format_changes(value: object) -> list[str]:
    if not isinstance(value, Sequence) or isinstance(value, str):
        return []
    lines = []
    for item in value:
        if not isinstance(item, Mapping):
            continue
        name = _field_name(str(item.get("field", "")))
        lines.append(
            f"{name[:1].upper()}{name[1:]}: từ “{_change_value(item.get('from'))}” "
            f"thành “{_change_value(item.get('to'))}”"
        )
    return lines


def format_note(note: ChangeNote | str) -> str:
    if isinstance(note, str):
        return _nfc(note)
    verb = layouts.CHANGE_NOTE_VERBS.get(note.kind, _nfc(note.kind))
    text = (
        f"{verb} {_field_name(note.field)} từ “{_nfc(note.from_value or '')}” "
        f"thành “{_nfc(note.to_value or '')}”"
    )
    basis = []
    if note.registration_number:
        basis.append(f"số {_nfc(note.registration_number)}")
    if note.registered_on:
        basis.append(f"ngày {_safe_figures(note.registered_on)}")
    if note.office_name:
        basis.append(f"tại {_nfc(note.office_name)}")
    if basis:
        text += " (đăng ký " + ", ".join(basis) + ")"
    return text


class _Formatter:
    """Formats one field value to a list of paragraph fragments (already escaped)."""

    def __init__(self, layout: FormLayout, style: WordsStyle) -> None:
        self.layout = layout
        self.style = style
        self._table: dict[str, Callable[[object], str]] = {
            "text": lambda v: _esc(v),
            "name": lambda v: _esc(upper_name(str(v))) if _present(v) else "",
            "date": self._date,
            "date_figures": lambda v: _esc(_safe_figures(v)) if _present(v) else "",
            "date_or_year": self._date_or_year,
            "year": self._year,
            "sex": lambda v: _esc(layouts.SEX.get(str(v), v)) if _present(v) else "",
            "ethnicity": lambda v: _esc(v),
            "nationality": lambda v: (
                _esc(layouts.NATIONALITIES.get(str(v).upper(), v)) if _present(v) else ""
            ),
            "personal_id": lambda v: _esc(v),
            "id_document": lambda v: _esc(format_id_document(v)),
            "address": lambda v: _esc(format_address(v)),
            "document": lambda v: _esc(format_document(v)),
            "time_of_death": self._time_of_death,
            "changes": lambda v: "<br/>".join(_esc(line) for line in format_changes(v)),
            "record_ref": lambda v: _esc(format_record_ref(v)),
            "kind": lambda v: _esc(layouts.KINDS.get(str(v), v)) if _present(v) else "",
            "reason": lambda v: (
                _esc(layouts.TERMINATION_REASONS.get(str(v), v)) if _present(v) else ""
            ),
            "representative": self._representative,
            "residence_period": self._residence_period,
            "birth_record_or_id": self._birth_record_or_id,
        }

    def __call__(self, fmt: str, value: object) -> str:
        try:
            formatter = self._table[fmt]
        except KeyError as exc:
            raise RecordNotRenderableError(problem=f"format {fmt}") from exc
        if not _present(value):
            return ""
        return formatter(value)

    def _words(self, text: str) -> str:
        if not text:
            return ""
        return f" <b>{_esc(self.layout.words_label)}</b> {_esc(text)}"

    def _date(self, value: object) -> str:
        return _esc(_safe_figures(value)) + self._words(_safe_words(value, self.style))

    def _date_or_year(self, value: object) -> str:
        if not isinstance(value, Mapping) or not _present(value.get("date_of_birth")):
            return ""
        return _esc(_safe_figures(value["date_of_birth"]))

    def _year(self, value: object) -> str:
        if not isinstance(value, Mapping) or not _present(value.get("date_of_birth")):
            return ""
        try:
            return str(as_partial_date(str(value["date_of_birth"])).year)
        except ValueError:
            return _esc(value["date_of_birth"])

    def _time_of_death(self, value: object) -> str:
        try:
            figures = time_of_death_in_figures(value)  # type: ignore[arg-type]
            words = time_of_death_in_words(value, self.style)  # type: ignore[arg-type]
        except (ValueError, TypeError):
            return _esc(value)
        return _esc(figures).replace("  ", "&nbsp; ") + self._words(words)

    def _representative(self, value: object) -> str:
        if isinstance(value, Mapping):
            return _esc(value.get("full_name") or "")
        return _esc(value)

    def _residence_period(self, value: object) -> str:
        if not isinstance(value, Mapping):
            return _esc(value)
        text = format_address(value.get("place"))
        if _present(value.get("from")):
            text += f" từ ngày {_safe_figures(value['from'])}"
        if _present(value.get("to")):
            text += f" đến ngày {_safe_figures(value['to'])}"
        return _esc(text.strip())

    def _birth_record_or_id(self, value: object) -> str:
        if not isinstance(value, Mapping):
            return ""
        if _present(value.get("birth_record")):
            ref = value["birth_record"]
            if isinstance(ref, Mapping):
                ref = {"type": "birth", **ref}
            return _esc(format_record_ref(ref))
        return _esc(format_id_document(value.get("id_document")))


def _esc(value: object) -> str:
    if value is None:
        return ""
    return escape(_nfc(value))


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
        cell = self.size / count
        canvas.setFillColor(colors.black)
        for row_index, row in enumerate(matrix):
            y = self.size - (row_index + 1) * cell
            col = 0
            while col < count:
                if row[col]:
                    start = col
                    while col < count and row[col]:
                        col += 1
                    canvas.rect(start * cell, y, (col - start) * cell, cell, stroke=0, fill=1)
                else:
                    col += 1


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
        self.bold = bold
        self.regular = regular


def _committee_name(info: ExtractInfo) -> str:
    """ "Ủy ban nhân dân phường Minh Phụng, Thành phố Hồ Chí Minh"."""
    if info.registration_office_name:
        return _nfc(info.registration_office_name)
    office = _nfc(info.office_name)
    type_word, _, rest = office.partition(" ")
    if type_word.lower() in ("phường", "xã") and rest:
        office = f"{type_word.lower()} {rest}"
    elif office.lower().startswith("đặc khu ") and len(office) > 8:
        office = "đặc khu " + office[8:]
    return f"{layouts.COMMITTEE_FULL} {office}, {_nfc(info.province_name)}"


def place_name(info: ExtractInfo) -> str:
    """The place of the date line: "Minh Phụng" for "Phường Minh Phụng"."""
    if info.place_name:
        return _nfc(info.place_name)
    office = _nfc(info.office_name)
    for prefix in ("Phường ", "Xã ", "Đặc khu ", "phường ", "xã ", "đặc khu "):
        if office.startswith(prefix):
            return office[len(prefix) :]
    return office


def _registered_on_text(value: str | None) -> str:
    if not value:
        return ""
    try:
        parsed = as_partial_date(value)
    except ValueError:
        return _nfc(value)
    if parsed.exact is not None:
        return date_in_header(parsed.exact)
    return date_in_figures(value)


class _Builder:
    def __init__(
        self,
        record: Mapping[str, object],
        info: ExtractInfo,
        layout: FormLayout,
        style: WordsStyle,
    ) -> None:
        self.record = record
        self.info = info
        self.layout = layout
        self.fmt = _Formatter(layout, style)
        self.styles = _Styles()

    def label_value(self, label: str, value_html: str) -> str:
        return f"<b>{_esc(label)}</b> {value_html}".rstrip()

    def _applies(self, row: Row) -> bool:
        only = getattr(row, "only", None)
        if only == "copy" and not self.info.is_copy:
            return False
        if only == "original" and self.info.is_copy:
            return False
        when = getattr(row, "when", None)
        return when is None or _present(get(self.record, when))

    def _field_html(self, cell: Field) -> str:
        value = get(self.record, cell.path)
        return self.label_value(cell.label, self.fmt(cell.fmt, value))

    def header(self) -> list[Flowable]:
        s = self.styles
        left = [
            Paragraph(_esc(self.info.province_name.upper()), s.header),
            Paragraph(
                _esc(f"{layouts.COMMITTEE_PREFIX} {self.info.office_name}".upper()), s.header
            ),
            _Rule(22 * mm),
        ]
        right = [
            Paragraph(_esc(layouts.NATIONAL_HEADING), s.header),
            Paragraph(_esc(layouts.NATIONAL_MOTTO), s.header_plain),
            _Rule(48 * mm),
        ]
        top = Table([[left, right]], colWidths=[FRAME_WIDTH * 0.42, FRAME_WIDTH * 0.58])
        top.setStyle(
            TableStyle(
                [
                    _CELL_FONT,
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        number = Paragraph(
            self.label_value(layouts.NUMBER_LABEL, _esc(self.info.extract_number)), s.center
        )
        dated = Paragraph(
            _esc(f"{place_name(self.info)}, {date_in_header(self.info.issued_on)}"), s.center
        )
        line = Table([[number, dated]], colWidths=[FRAME_WIDTH * 0.42, FRAME_WIDTH * 0.58])
        line.setStyle(
            TableStyle(
                [
                    _CELL_FONT,
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        title = [Paragraph(_esc(self.layout.title), s.title)]
        if self.info.is_copy:
            title.append(Paragraph(_esc(self.layout.copy_title), s.center_bold))
        return [top, line, *title, Spacer(1, 8)]

    def body(self) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = []
        for row in self.layout.body:
            if not self._applies(row):
                continue
            if isinstance(row, Field):
                out.append(Paragraph(self._field_html(row), s.body))
            elif isinstance(row, Line):
                cells = [Paragraph(self._field_html(c), s.body) for c in row.cells]
                widths = _line_widths(len(cells))
                table = Table([cells], colWidths=widths)
                table.setStyle(
                    TableStyle(
                        [
                            _CELL_FONT,
                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                            ("TOPPADDING", (0, 0), (-1, -1), 0),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ]
                    )
                )
                out.append(table)
            elif isinstance(row, Heading):
                out.append(Paragraph(_esc(row.text), s.heading))
            elif isinstance(row, Text):
                out.append(Paragraph(_esc(row.text), s.body))
            elif isinstance(row, Registration):
                out.extend(self._registration(row))
            elif isinstance(row, Notes):
                lines = [format_note(n) for n in self.info.notes]
                html = "<br/>".join(_esc(line) for line in lines)
                out.append(Paragraph(self.label_value(row.label, html), s.body))
            elif isinstance(row, Source):
                if self.info.source:
                    out.append(
                        Paragraph(self.label_value(row.label, _esc(self.info.source)), s.body)
                    )
        return out

    def _registration(self, row: Registration) -> list[Flowable]:
        s = self.styles
        info = self.info
        parts = [self.label_value(row.number_label, _esc(info.registration_number or ""))]
        if info.book_number:
            parts.append(self.label_value(row.book_label, _esc(info.book_number)))
        when = _registered_on_text(info.registered_on)
        if when:
            parts.append(_esc(when))
        reg_text = ", ".join(parts)
        return [
            Paragraph(self.label_value(row.place_label, _esc(_committee_name(info))), s.body),
            Paragraph(reg_text, s.body),
        ]

    def closing(self, token_text: str | None, sink: list[SignatureBox]) -> list[Flowable]:
        s = self.styles
        info = self.info
        signer: list[Flowable] = [
            Paragraph(_esc(self.layout.signer_heading), s.center_bold),
            Paragraph(_esc(self.layout.signer_note), s.small_center),
        ]
        if info.is_deputy:
            signer.append(
                Paragraph(_esc(f"{layouts.DEPUTY_PREFIX} {info.principal_title}"), s.center_bold)
            )
        if info.signer_title:
            signer.append(Paragraph(_esc(info.signer_title), s.center_bold))
        signer.append(Spacer(1, 3))
        signer.append(_Anchor(*SIGNATURE_BOX_SIZE, sink))
        signer.append(Spacer(1, 3))
        signer.append(Paragraph(_esc(info.signer_name), s.center_bold))
        caption = layouts.QR_CAPTION if token_text else layouts.QR_PENDING
        qr_cell: list[Flowable] = [
            _QrFlowable(token_text, QR_SIZE),
            Spacer(1, 2),
            Paragraph(_esc(caption), s.small),
        ]
        table = Table([[qr_cell, signer]], colWidths=[FRAME_WIDTH * 0.4, FRAME_WIDTH * 0.6])
        table.setStyle(
            TableStyle(
                [
                    _CELL_FONT,
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (0, 0), 18),
                ]
            )
        )
        return [Spacer(1, 10), KeepTogether([table])]


def _line_widths(count: int) -> list[float]:
    if count == 3:
        return [FRAME_WIDTH * 0.28, FRAME_WIDTH * 0.34, FRAME_WIDTH * 0.38]
    return [FRAME_WIDTH / count] * count


class _OutlinePen(BasePen):
    """fontTools pen drawing glyph outlines into a reportlab path."""

    def __init__(self, glyph_set: object, path: object, dx: float, scale: float) -> None:
        super().__init__(glyph_set)
        self.path = path
        self.dx = dx
        self.scale = scale

    def _pt(self, pt: tuple[float, float]) -> tuple[float, float]:
        return (self.dx + pt[0]) * self.scale, pt[1] * self.scale

    def _moveTo(self, pt: tuple[float, float]) -> None:  # noqa: N802 - fontTools API
        self.path.moveTo(*self._pt(pt))

    def _lineTo(self, pt: tuple[float, float]) -> None:  # noqa: N802
        self.path.lineTo(*self._pt(pt))

    def _curveToOne(self, p1, p2, p3) -> None:  # noqa: N802, ANN001
        self.path.curveTo(*self._pt(p1), *self._pt(p2), *self._pt(p3))

    def _closePath(self) -> None:  # noqa: N802
        self.path.close()


_WATERMARK_CACHE: dict[str, tuple[list[tuple[str, float]], float]] = {}


def _watermark_glyphs(text: str) -> tuple[list[tuple[str, float]], float]:
    """(glyph name, x offset in font units) per character, and the total advance."""
    cached = _WATERMARK_CACHE.get(text)
    if cached is None:
        font = _bold_ttfont()
        cmap = font.getBestCmap()
        metrics = font["hmtx"].metrics
        glyphs, x = [], 0.0
        for char in unicodedata.normalize("NFC", text):
            name = cmap.get(ord(char), ".notdef")
            glyphs.append((name, x))
            x += metrics[name][0]
        cached = (glyphs, x)
        _WATERMARK_CACHE[text] = cached
    return cached


_TTFONT_CACHE: list[object] = []


def _bold_ttfont():  # noqa: ANN202 - fontTools TTFont
    if not _TTFONT_CACHE:
        from fontTools.ttLib import TTFont

        _TTFONT_CACHE.append(TTFont(io.BytesIO(font_bytes(BOLD))))
    return _TTFONT_CACHE[0]


def _watermark(canvas: Canvas, doc: BaseDocTemplate) -> None:
    """BẢN NHÁP across the page, drawn as outlines so that it never mixes with the text
    a reader or pdftotext extracts."""
    font = _bold_ttfont()
    glyph_set = font.getGlyphSet()
    glyphs, advance = _watermark_glyphs(layouts.DRAFT_WATERMARK)
    size = 88
    scale = size / font["head"].unitsPerEm
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.75, 0.1, 0.1))
    canvas.setFillAlpha(0.18)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(45)
    canvas.translate(-advance * scale / 2, -size * 0.35)
    path = canvas.beginPath()
    for name, x in glyphs:
        glyph_set[name].draw(_OutlinePen(glyph_set, path, x, scale))
    canvas.drawPath(path, stroke=0, fill=1, fillMode=0)
    canvas.restoreState()


def _page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    if doc.page > 1 or getattr(doc, "_multi_page", False):
        regular, _ = register_reportlab_fonts()
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, 8 * mm, f"Trang {doc.page}")
        canvas.restoreState()


def layout_for(record: Mapping[str, object], *, certificate: bool = False) -> FormLayout:
    key = layouts.form_key(dict(record), certificate=certificate)
    try:
        return layouts.FORMS[key]
    except KeyError as exc:
        raise RecordNotRenderableError(problem="type") from exc


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
    layout = layout_for(record, certificate=certificate)
    builder = _Builder(record, info, layout, words_style)
    draft = token is None
    sink: list[SignatureBox] = []
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=layout.title,
        subject=info.extract_number,
        keywords=layouts.DRAFT_WATERMARK if draft else "",
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

    def on_page(canvas: Canvas, document: BaseDocTemplate) -> None:
        _page_number(canvas, document)
        if draft:
            _watermark(canvas, document)

    doc.addPageTemplates([PageTemplate(id="extract", frames=[frame], onPage=on_page)])
    qr_text = None if draft else token_url(token, verify_base_url)  # type: ignore[arg-type]
    story = builder.header() + builder.body() + builder.closing(qr_text, sink)
    doc.build(story)
    if not sink:
        raise RecordNotRenderableError(problem="layout")
    log.debug("extract rendered: form %s, %d page(s)", layout.key, doc.page)
    return RenderedExtract(
        pdf=buffer.getvalue(),
        form_key=layout.key,
        extract_number=info.extract_number,
        signature_box=sink[-1],
        page_count=doc.page,
        is_draft=draft,
    )
