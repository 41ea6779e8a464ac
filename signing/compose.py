"""What an extract says, line by line: text composition without any drawing.

:func:`compose_extract` turns the canonical record JSON (shared/domain.md), the system
fields (:class:`signing.model.ExtractInfo`) and the form's layout (:mod:`signing.layouts`)
into an :class:`ExtractText`: the header lines, the labelled values of the body (dates in
figures and in words, names in capitals), the notes, the signer block and the payload of
the QR code. Plain data in NFC, no reportlab: :mod:`signing.render` draws it.

Rich text is a tuple of :class:`Span` (bold or not) and :data:`BREAK` (a line break inside
a paragraph). A blank value keeps its label and prints blank, never "N/A".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.access import get, is_blank
from desktop_app.domain.dates import as_partial_date
from desktop_app.domain.illegible import ILLEGIBLE, is_illegible
from signing import layouts
from signing.errors import RecordNotRenderableError
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
from signing.model import ExtractInfo
from signing.qr import DEFAULT_VERIFY_BASE_URL, token_url
from signing.values import (
    format_address,
    format_changes,
    format_document,
    format_id_document,
    format_note,
    format_record_ref,
    is_present,
    nfc,
    safe_figures,
    safe_words,
    upper_name,
)
from signing.words import (
    DEFAULT_STYLE,
    WordsStyle,
    date_in_figures,
    date_in_header,
    time_of_death_in_figures,
    time_of_death_in_words,
)


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Break:
    """A line break inside a paragraph."""


BREAK = Break()
Inline = Span | Break
RichText = tuple[Inline, ...]


class Role(StrEnum):
    """How a body paragraph reads (the drawing picks the style)."""

    BODY = "body"
    HEADING = "heading"


@dataclass(frozen=True)
class Paragraph:
    text: RichText
    role: Role = Role.BODY


@dataclass(frozen=True)
class Cells:
    """Several labelled values printed side by side on one line."""

    cells: tuple[RichText, ...]


BodyRow = Paragraph | Cells


@dataclass(frozen=True)
class ExtractText:
    """Every line of one extract, in print order.

    ``signer_titles`` are the lines above the signature ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
    ``qr_payload`` is the URL the QR code encodes (None on a draft, which carries
    ``watermark`` instead).
    """

    form_key: str
    extract_number: str
    province: str
    committee: str
    national_heading: str
    national_motto: str
    number: RichText
    dated: str
    title: str
    copy_title: str | None
    body: tuple[BodyRow, ...]
    signer_heading: str
    signer_note: str
    signer_titles: tuple[str, ...]
    signer_name: str
    qr_payload: str | None
    qr_caption: str
    watermark: str | None

    @property
    def is_draft(self) -> bool:
        return self.qr_payload is None


def plain(value: object) -> Span:
    return Span(nfc(value))


def bold(value: object) -> Span:
    return Span(nfc(value), bold=True)


def labelled(label: str, value: RichText) -> RichText:
    """"<label> <value>" with the label in bold and no trailing blank."""
    spans: list[Inline] = [bold(label), Span(" "), *value]
    while spans and isinstance(spans[-1], Span) and not spans[-1].bold:
        text = spans[-1].text.rstrip()
        if text:
            spans[-1] = Span(text)
            break
        spans.pop()
    return tuple(spans)


def _lines(lines: list[str]) -> RichText:
    out: list[Inline] = []
    for index, line in enumerate(lines):
        if index:
            out.append(BREAK)
        out.append(plain(line))
    return tuple(out)


def _one(value: object) -> RichText:
    return (plain(value),)


class _ValueText:
    """Formats one field value (``Field.fmt``) to rich text."""

    def __init__(self, layout: FormLayout, style: WordsStyle) -> None:
        self.layout = layout
        self.style = style
        self._table: dict[str, Callable[[object], RichText]] = {
            "text": _one,
            "name": lambda v: _one(upper_name(str(v))),
            "date": self._date,
            "date_figures": lambda v: _one(safe_figures(v)),
            "date_or_year": self._date_or_year,
            "year": self._year,
            "sex": lambda v: _one(layouts.SEX.get(str(v), v)),
            "ethnicity": _one,
            "nationality": lambda v: _one(layouts.NATIONALITIES.get(str(v).upper(), v)),
            "personal_id": _one,
            "id_document": lambda v: _one(format_id_document(v)),
            "address": lambda v: _one(format_address(v)),
            "document": lambda v: _one(format_document(v)),
            "time_of_death": self._time_of_death,
            "changes": lambda v: _lines(format_changes(v)),
            "record_ref": lambda v: _one(format_record_ref(v)),
            "kind": lambda v: _one(layouts.KINDS.get(str(v), v)),
            "reason": lambda v: _one(layouts.TERMINATION_REASONS.get(str(v), v)),
            "representative": self._representative,
            "residence_period": self._residence_period,
            "birth_record_or_id": self._birth_record_or_id,
        }

    def __call__(self, fmt: str, value: object) -> RichText:
        try:
            formatter = self._table[fmt]
        except KeyError as exc:
            raise RecordNotRenderableError(problem=f"format {fmt}") from exc
        if not is_present(value):
            return ()
        return formatter(value)

    def _words(self, text: str) -> RichText:
        if not text:
            return ()
        return (Span(" "), bold(self.layout.words_label), plain(f" {text}"))

    def _date(self, value: object) -> RichText:
        return (plain(safe_figures(value)), *self._words(safe_words(value, self.style)))

    def _date_or_year(self, value: object) -> RichText:
        if not isinstance(value, Mapping) or not is_present(value.get("date_of_birth")):
            return ()
        return _one(safe_figures(value["date_of_birth"]))

    def _year(self, value: object) -> RichText:
        if not isinstance(value, Mapping) or not is_present(value.get("date_of_birth")):
            return ()
        try:
            return _one(as_partial_date(str(value["date_of_birth"])).year)
        except ValueError:
            return _one(value["date_of_birth"])

    def _time_of_death(self, value: object) -> RichText:
        try:
            figures = time_of_death_in_figures(value)  # type: ignore[arg-type]
            words = time_of_death_in_words(value, self.style)  # type: ignore[arg-type]
        except (ValueError, TypeError):
            return _one(value)
        # Two blanks in the figures ("18 giờ 10 phút,  ngày") survive the paragraph.
        figures_text = nfc(figures).replace("  ", "\u00a0 ")
        return (Span(figures_text), *self._words(words))

    def _representative(self, value: object) -> RichText:
        if isinstance(value, Mapping):
            return _one(value.get("full_name") or "")
        return _one(value)

    def _residence_period(self, value: object) -> RichText:
        if not isinstance(value, Mapping):
            return _one(value)
        text = format_address(value.get("place"))
        if is_present(value.get("from")):
            text += f" từ ngày {safe_figures(value['from'])}"
        if is_present(value.get("to")):
            text += f" đến ngày {safe_figures(value['to'])}"
        return _one(text.strip())

    def _birth_record_or_id(self, value: object) -> RichText:
        if not isinstance(value, Mapping):
            return ()
        if is_present(value.get("birth_record")):
            ref = value["birth_record"]
            if isinstance(ref, Mapping):
                ref = {"type": "birth", **ref}
            return _one(format_record_ref(ref))
        return _one(format_id_document(value.get("id_document")))


def committee_name(info: ExtractInfo) -> str:
    """ "Ủy ban nhân dân phường Minh Phụng, Thành phố Hồ Chí Minh"."""
    if info.registration_office_name:
        return nfc(info.registration_office_name)
    office = nfc(info.office_name)
    type_word, _, rest = office.partition(" ")
    if type_word.lower() in ("phường", "xã") and rest:
        office = f"{type_word.lower()} {rest}"
    elif office.lower().startswith("đặc khu ") and len(office) > 8:
        office = "đặc khu " + office[8:]
    return f"{layouts.COMMITTEE_FULL} {office}, {nfc(info.province_name)}"


def place_name(info: ExtractInfo) -> str:
    """The place of the date line: "Minh Phụng" for "Phường Minh Phụng"."""
    if info.place_name:
        return nfc(info.place_name)
    office = nfc(info.office_name)
    for prefix in ("Phường ", "Xã ", "Đặc khu ", "phường ", "xã ", "đặc khu "):
        if office.startswith(prefix):
            return office[len(prefix) :]
    return office


def registered_on_text(value: str | None) -> str:
    """ "ngày 28 tháng 8 năm 2026" for a full date; a partial one in figures."""
    if not value:
        return ""
    try:
        parsed = as_partial_date(value)
    except ValueError:
        return nfc(value)
    if parsed.exact is not None:
        return date_in_header(parsed.exact)
    return date_in_figures(value)


def layout_for(record: Mapping[str, object], *, certificate: bool = False) -> FormLayout:
    key = layouts.form_key(dict(record), certificate=certificate)
    try:
        return layouts.FORMS[key]
    except KeyError as exc:
        raise RecordNotRenderableError(problem="type") from exc


# Formats that print one field of the object their cell names.
_PRINTS = {"date_or_year": "date_of_birth", "year": "date_of_birth"}


class _Composer:
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
        self.value = _ValueText(layout, style)

    def _applies(self, row: Row) -> bool:
        only = getattr(row, "only", None)
        if only == "copy" and not self.info.is_copy:
            return False
        if only == "original" and self.info.is_copy:
            return False
        when = getattr(row, "when", None)
        return when is None or is_present(get(self.record, when))

    def _field(self, cell: Field) -> RichText:
        value = get(self.record, cell.path)
        text = self.value(cell.fmt, value)
        # a field marked illegible in the old book prints so, never blank
        printed = f"{cell.path}.{_PRINTS[cell.fmt]}" if cell.fmt in _PRINTS else cell.path
        if is_illegible(self.record, printed):
            mark = ILLEGIBLE["vi"]
            text = _one(mark) if is_blank(get(self.record, printed)) \
                else (*text, plain(f" ({mark})"))
        return labelled(cell.label, text)

    def body(self) -> tuple[BodyRow, ...]:
        out: list[BodyRow] = []
        for row in self.layout.body:
            if not self._applies(row):
                continue
            if isinstance(row, Field):
                out.append(Paragraph(self._field(row)))
            elif isinstance(row, Line):
                out.append(Cells(tuple(self._field(c) for c in row.cells)))
            elif isinstance(row, Heading):
                out.append(Paragraph(_one(row.text), Role.HEADING))
            elif isinstance(row, Text):
                out.append(Paragraph(_one(row.text)))
            elif isinstance(row, Registration):
                out.extend(self._registration(row))
            elif isinstance(row, Notes):
                lines = _lines([format_note(n) for n in self.info.notes])
                out.append(Paragraph(labelled(row.label, lines)))
            elif isinstance(row, Source):
                if self.info.source:
                    out.append(Paragraph(labelled(row.label, _one(self.info.source))))
        return tuple(out)

    def _registration(self, row: Registration) -> list[BodyRow]:
        info = self.info
        parts: list[RichText] = [labelled(row.number_label, _one(info.registration_number or ""))]
        if info.book_number:
            parts.append(labelled(row.book_label, _one(info.book_number)))
        when = registered_on_text(info.registered_on)
        if when:
            parts.append(_one(when))
        line: list[Inline] = []
        for index, part in enumerate(parts):
            if index:
                line.append(Span(", "))
            line.extend(part)
        return [
            Paragraph(labelled(row.place_label, _one(committee_name(info)))),
            Paragraph(tuple(line)),
        ]

    def signer_titles(self) -> tuple[str, ...]:
        info = self.info
        titles = []
        if info.is_deputy:
            titles.append(nfc(f"{layouts.DEPUTY_PREFIX} {info.principal_title}"))
        if info.signer_title:
            titles.append(nfc(info.signer_title))
        return tuple(titles)


def compose_extract(
    record: Mapping[str, object],
    info: ExtractInfo,
    *,
    token: str | None = None,
    verify_base_url: str = DEFAULT_VERIFY_BASE_URL,
    words_style: WordsStyle = DEFAULT_STYLE,
    certificate: bool = False,
) -> ExtractText:
    """The lines of an extract. Without ``token`` it is a draft (BẢN NHÁP, no QR code).

    ``token`` is the signed QR token (:func:`signing.qr.make_token`); the QR code encodes
    ``verify_base_url`` + token. ``certificate`` composes a birth as GIẤY KHAI SINH.
    """
    layout = layout_for(record, certificate=certificate)
    composer = _Composer(record, info, layout, words_style)
    payload = None if token is None else token_url(token, verify_base_url)
    return ExtractText(
        form_key=layout.key,
        extract_number=info.extract_number,
        province=nfc(info.province_name.upper()),
        committee=nfc(f"{layouts.COMMITTEE_PREFIX} {info.office_name}".upper()),
        national_heading=nfc(layouts.NATIONAL_HEADING),
        national_motto=nfc(layouts.NATIONAL_MOTTO),
        number=labelled(layouts.NUMBER_LABEL, _one(info.extract_number)),
        dated=nfc(f"{place_name(info)}, {date_in_header(info.issued_on)}"),
        title=layout.title,
        copy_title=layout.copy_title if info.is_copy else None,
        body=composer.body(),
        signer_heading=nfc(layout.signer_heading),
        signer_note=nfc(layout.signer_note),
        signer_titles=composer.signer_titles(),
        signer_name=nfc(info.signer_name),
        qr_payload=payload,
        qr_caption=layouts.QR_CAPTION if payload else layouts.QR_PENDING,
        watermark=layouts.DRAFT_WATERMARK if token is None else None,
    )
