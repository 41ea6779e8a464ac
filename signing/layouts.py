"""Label tables of the extracts, one per form, in the order of the official form.

These are data, not code: correct a label or the order here once the TT 04/2020 annex has
been checked word for word (reference/forms-research.md marks most labels UNCONFIRMED).

A form is a :class:`FormLayout`; its ``body`` is a tuple of rows:

- ``Field(label, path, fmt)``: one labelled value; ``path`` is a dotted path into the
  record (``"child.full_name"``); ``fmt`` names a formatter of :mod:`signing.render`
  (``name`` capitals, ``text``, ``date`` figures and words, ``date_figures``, ``year``,
  ``sex``, ``ethnicity``, ``nationality``, ``personal_id``, ``id_document``, ``address``,
  ``document``, ``time_of_death``, ``changes``, ``record_ref``, ``kind``, ``reason``,
  ``representative``, ``residence_period``);
- ``Line(cells)``: several fields on one printed line (``Giới tính / Dân tộc / Quốc tịch``);
- ``Heading(text)``: a bold sub-heading; ``Text(text)``: a fixed sentence;
- ``Registration()``, ``Notes()``, ``Source()``: the registration line, Ghi chú, and
  "Thực hiện trích lục từ"; their labels are in the layout.

``only`` on a row limits it to the original (``"original"``) or the copy (``"copy"``);
``when`` names a path that must hold a value for the row to print (used to choose between
a person and an organisation as guardian). Blank values print blank, never "N/A".
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.vocabulary import Vocabulary, labels


@dataclass(frozen=True)
class Field:
    label: str
    path: str
    fmt: str = "text"
    when: str | None = None
    only: str | None = None


@dataclass(frozen=True)
class Line:
    cells: tuple[Field, ...]
    when: str | None = None
    only: str | None = None


@dataclass(frozen=True)
class Heading:
    text: str
    when: str | None = None
    only: str | None = None


@dataclass(frozen=True)
class Text:
    text: str
    when: str | None = None
    only: str | None = None


@dataclass(frozen=True)
class Registration:
    place_label: str
    number_label: str = "Số:"
    book_label: str = "Quyển số:"
    only: str | None = None
    when: str | None = None


@dataclass(frozen=True)
class Notes:
    label: str = "Ghi chú:"
    only: str | None = None
    when: str | None = None


@dataclass(frozen=True)
class Source:
    label: str = "Thực hiện trích lục từ:"
    only: str | None = None
    when: str | None = None


Row = Field | Line | Heading | Text | Registration | Notes | Source


@dataclass(frozen=True)
class FormLayout:
    key: str
    title: str
    number_code: str  # "TLKT" -> "386/2026/TLKT", copies add COPY_SUFFIX
    body: tuple[Row, ...]
    signer_heading: str = "NGƯỜI KÝ TRÍCH LỤC"
    signer_note: str = "(Ký, ghi rõ họ, chữ đệm, tên, chức vụ và đóng dấu)"
    copy_title: str = "(BẢN SAO)"
    words_label: str = "ghi bằng chữ:"


NATIONAL_HEADING = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
COMMITTEE_PREFIX = "UBND"  # "UBND PHƯỜNG MINH PHỤNG"
COMMITTEE_FULL = "Ủy ban nhân dân"  # "Ủy ban nhân dân phường Minh Phụng, ..."
NUMBER_LABEL = "Số:"
COPY_SUFFIX = "-BS"
DRAFT_WATERMARK = "BẢN NHÁP"
DEPUTY_PREFIX = "KT."
DEFAULT_SOURCE = "Cơ sở dữ liệu hộ tịch điện tử"
QR_CAPTION = "Quét mã QR để kiểm tra trích lục"
QR_PENDING = "Mã QR có sau khi ký"

# Labels of stored codes: the domain's vocabulary, which the screens show too.
SEX = labels(Vocabulary.SEX)
ID_KINDS = labels(Vocabulary.ID_DOCUMENT)
DOCUMENT_KINDS = labels(Vocabulary.DOCUMENT)
RECORD_KINDS = {
    "birth": "Giấy khai sinh",
    "death": "Trích lục khai tử",
    "marriage": "Giấy chứng nhận kết hôn",
    "recognition": "Trích lục đăng ký nhận cha, mẹ, con",
    "change": "Trích lục thay đổi, cải chính hộ tịch",
    "guardianship": "Trích lục đăng ký giám hộ",
}
KINDS = {
    **labels(Vocabulary.RECOGNITION_KIND),
    **labels(Vocabulary.CHANGE_KIND),
    **labels(Vocabulary.GUARDIANSHIP_KIND),
}
TERMINATION_REASONS = labels(Vocabulary.TERMINATION_REASON)
NATIONALITIES = labels(Vocabulary.NATIONALITY)
COUNTRY_FOR_ADDRESS = NATIONALITIES


def _person_line(prefix: str, *, sex: bool = True) -> Line:
    cells = []
    if sex:
        cells.append(Field("Giới tính:", f"{prefix}.sex", "sex"))
    cells.append(Field("Dân tộc:", f"{prefix}.ethnicity", "ethnicity"))
    cells.append(Field("Quốc tịch:", f"{prefix}.nationality", "nationality"))
    return Line(tuple(cells))


def _parent_rows(prefix: str, name_label: str) -> tuple[Row, ...]:
    return (
        Field(name_label, f"{prefix}.full_name", "name"),
        Line(
            (
                Field("Năm sinh:", prefix, "year"),
                Field("Dân tộc:", f"{prefix}.ethnicity", "ethnicity"),
                Field("Quốc tịch:", f"{prefix}.nationality", "nationality"),
            )
        ),
        Field("Nơi cư trú:", f"{prefix}.residence", "address"),
    )


def _person_rows(
    prefix: str,
    name_label: str = "Họ, chữ đệm, tên:",
    *,
    doc_label: str = "Giấy tờ tùy thân:",
    residence: bool = True,
    when: str | None = None,
) -> tuple[Row, ...]:
    rows: list[Row] = [
        Field(name_label, f"{prefix}.full_name", "name", when=when),
        Field("Ngày, tháng, năm sinh:", f"{prefix}.date_of_birth", "date_figures", when=when),
        Line(_person_line(prefix).cells, when=when),
        Field(doc_label, f"{prefix}.id_document", "id_document", when=when),
    ]
    if residence:
        rows.append(Field("Nơi cư trú:", f"{prefix}.residence", "address", when=when))
    return tuple(rows)


BIRTH_CHILD: tuple[Row, ...] = (
    Field("Họ, chữ đệm, tên:", "child.full_name", "name"),
    Field("Ngày, tháng, năm sinh:", "child.date_of_birth", "date"),
    _person_line("child"),
    Field("Nơi sinh:", "child.place_of_birth", "address"),
    Field("Quê quán:", "child.hometown", "address"),
    Field("Số định danh cá nhân:", "child.personal_id", "personal_id"),
    *_parent_rows("mother", "Họ, chữ đệm, tên người mẹ:"),
    *_parent_rows("father", "Họ, chữ đệm, tên người cha:"),
)

FORMS: dict[str, FormLayout] = {
    "birth": FormLayout(
        key="birth",
        title="TRÍCH LỤC KHAI SINH",
        number_code="TLKS",
        body=(
            *BIRTH_CHILD,
            Registration("Đăng ký khai sinh tại:"),
            Notes(),
            Source(),
        ),
    ),
    "birth_certificate": FormLayout(
        key="birth_certificate",
        title="GIẤY KHAI SINH",
        number_code="GKS",
        signer_heading="NGƯỜI KÝ GIẤY KHAI SINH",
        signer_note="(Ký, ghi rõ họ, chữ đệm, tên, chức vụ, đóng dấu)",
        body=(
            *BIRTH_CHILD,
            Field("Họ, chữ đệm, tên người đi khai sinh:", "declarant.full_name", "text"),
            Field("Giấy tờ tùy thân:", "declarant.id_document", "id_document"),
            Registration("Nơi đăng ký khai sinh:"),
            Notes(only="copy"),
            Source(),
        ),
    ),
    "death": FormLayout(
        key="death",
        title="TRÍCH LỤC KHAI TỬ",
        number_code="TLKT",
        body=(
            Field("Họ, chữ đệm, tên:", "deceased.full_name", "name"),
            Field("Ngày, tháng, năm sinh:", "deceased", "date_or_year"),
            _person_line("deceased"),
            Field("Số định danh cá nhân:", "deceased.personal_id", "personal_id"),
            Field("Giấy tờ tùy thân:", "deceased.id_document", "id_document"),
            Field("Nơi cư trú cuối cùng:", "last_residence", "address"),
            Field("Đã chết vào lúc:", "time_of_death", "time_of_death"),
            Field("Nơi chết:", "place_of_death", "address"),
            Field("Nguyên nhân chết:", "cause_of_death", "text"),
            Field("Giấy báo tử/Giấy tờ hợp lệ thay thế Giấy báo tử:", "death_notice", "document"),
            Field("Họ, chữ đệm, tên người đi khai tử:", "declarant.full_name", "text"),
            Field("Giấy tờ tùy thân:", "declarant.id_document", "id_document"),
            Registration("Đã được đăng ký khai tử tại:"),
            Notes(),
            Source(),
        ),
    ),
    "marriage": FormLayout(
        key="marriage",
        title="TRÍCH LỤC KẾT HÔN",
        number_code="TLKH",
        body=(
            Field("Họ, chữ đệm, tên vợ:", "wife.full_name", "name"),
            Field("Ngày, tháng, năm sinh:", "wife.date_of_birth", "date_figures"),
            Line(
                (
                    Field("Dân tộc:", "wife.ethnicity", "ethnicity"),
                    Field("Quốc tịch:", "wife.nationality", "nationality"),
                )
            ),
            Field("Nơi cư trú:", "wife.residence", "address"),
            Field("Giấy tờ tùy thân:", "wife.id_document", "id_document"),
            Field("Họ, chữ đệm, tên chồng:", "husband.full_name", "name"),
            Field("Ngày, tháng, năm sinh:", "husband.date_of_birth", "date_figures"),
            Line(
                (
                    Field("Dân tộc:", "husband.ethnicity", "ethnicity"),
                    Field("Quốc tịch:", "husband.nationality", "nationality"),
                )
            ),
            Field("Nơi cư trú:", "husband.residence", "address"),
            Field("Giấy tờ tùy thân:", "husband.id_document", "id_document"),
            Field("Ngày xác lập quan hệ hôn nhân:", "effective_date", "date_figures"),
            Registration("Đăng ký kết hôn tại:"),
            Notes(),
            Source(),
        ),
    ),
    "recognition": FormLayout(
        key="recognition",
        title="TRÍCH LỤC ĐĂNG KÝ NHẬN CHA, MẸ, CON",
        number_code="TLCMC",
        body=(
            Field("Xác nhận đăng ký việc nhận cha, mẹ, con:", "kind", "kind"),
            Heading("Giữa:"),
            *_person_rows("parent"),
            Heading("Và"),
            Field("Họ, chữ đệm, tên con:", "child.full_name", "name"),
            Field("Ngày, tháng, năm sinh:", "child.date_of_birth", "date_figures"),
            _person_line("child"),
            Field("Giấy khai sinh/Giấy tờ tùy thân:", "child", "birth_record_or_id"),
            Field("Nơi cư trú:", "child.residence", "address"),
            Field("Giấy tờ chứng minh quan hệ cha, mẹ, con:", "evidence", "document"),
            Text("Việc nhận cha, mẹ, con có hiệu lực kể từ ngày cấp Trích lục./.", only="original"),
            Registration("Đã đăng ký nhận cha, mẹ, con tại:"),
            Notes(),
            Source(),
        ),
    ),
    "change": FormLayout(
        key="change",
        title="TRÍCH LỤC THAY ĐỔI, CẢI CHÍNH, BỔ SUNG THÔNG TIN HỘ TỊCH, XÁC ĐỊNH LẠI DÂN TỘC",
        number_code="TLTĐ",
        body=(
            Heading(
                "Phần ghi về người được thay đổi, cải chính, bổ sung hộ tịch, xác định lại dân tộc:"
            ),
            *_person_rows("subject"),
            Heading(
                "Phần ghi nội dung thay đổi, cải chính, bổ sung hộ tịch, xác định lại dân tộc:"
            ),
            Field("Loại việc:", "kind", "kind"),
            Field("Giấy tờ hộ tịch được thay đổi:", "original_record", "record_ref"),
            Field("Nội dung:", "changes", "changes"),
            Field("Căn cứ:", "basis", "document"),
            Field("Họ, chữ đệm, tên người đi đăng ký hộ tịch:", "declarant.full_name", "text"),
            Field("Giấy tờ tùy thân:", "declarant.id_document", "id_document"),
            Registration("Đăng ký tại:"),
            Notes(),
            Source(),
        ),
    ),
    "guardianship": FormLayout(
        key="guardianship",
        title="TRÍCH LỤC ĐĂNG KÝ GIÁM HỘ",
        number_code="TLGH",
        body=(
            Heading("Người giám hộ:"),
            *_person_rows("guardian", when="guardian.full_name"),
            Field("Tên tổ chức:", "guardian.name", "text", when="guardian.name"),
            Field("Địa chỉ:", "guardian.address", "address", when="guardian.name"),
            Field(
                "Người đại diện:", "guardian.representative", "representative", when="guardian.name"
            ),
            Heading("Người được giám hộ:"),
            *_person_rows("ward", doc_label="Giấy khai sinh/Giấy tờ tùy thân:"),
            Field("Loại giám hộ:", "kind", "kind"),
            Field("Căn cứ:", "basis", "document"),
            Text("Việc giám hộ có hiệu lực kể từ ngày cấp Trích lục./.", only="original"),
            Registration("Đã đăng ký giám hộ tại:"),
            Notes(),
            Source(),
        ),
    ),
    "guardianship_termination": FormLayout(
        key="guardianship_termination",
        title="TRÍCH LỤC ĐĂNG KÝ CHẤM DỨT GIÁM HỘ",
        number_code="TLCDGH",
        body=(
            Heading("Người giám hộ:"),
            *_person_rows("guardian", residence=False, when="guardian.full_name"),
            Field("Tên tổ chức:", "guardian.name", "text", when="guardian.name"),
            Field(
                "Người đại diện:", "guardian.representative", "representative", when="guardian.name"
            ),
            Heading("Người được giám hộ:"),
            *_person_rows("ward", residence=False),
            Field("Đăng ký giám hộ tại:", "original_record", "record_ref"),
            Text("Đã chấm dứt giám hộ."),
            Field("Lý do chấm dứt:", "termination_reason", "reason"),
            Field("Căn cứ:", "basis", "document"),
            Registration("Đã đăng ký chấm dứt giám hộ tại:"),
            Notes(),
            Source(),
        ),
    ),
    "marital_status": FormLayout(
        key="marital_status",
        title="GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN",
        number_code="XNTTHN",
        signer_heading="NGƯỜI KÝ GIẤY XÁC NHẬN",
        signer_note="(Ký, ghi rõ họ, chữ đệm, tên, chức vụ và đóng dấu)",
        body=(
            Heading("XÁC NHẬN:"),
            *_person_rows("person"),
            Field("Trong thời gian cư trú tại:", "residence_period", "residence_period"),
            Field("Tình trạng hôn nhân:", "marital_status", "text"),
            Field(
                "Giấy này có giá trị sử dụng trong thời hạn 6 tháng, kể từ ngày cấp, "
                "được sử dụng để:",
                "purpose",
                "text",
            ),
            Registration("Nơi cấp:"),
            Notes(),
        ),
    ),
}


def form_key(record: dict[str, object], *, certificate: bool = False) -> str:
    """The layout for a record: its ``type``, with guardianship split by ``kind``.

    ``certificate`` asks for the Giấy khai sinh (bản sao) layout of a birth.
    """
    record_type = str(record.get("type", ""))
    if record_type == "guardianship" and record.get("kind") == "termination":
        return "guardianship_termination"
    if record_type == "birth" and certificate:
        return "birth_certificate"
    return record_type


def extract_number(sequence: int, year: int, layout: FormLayout, *, is_copy: bool) -> str:
    """``3000``, ``2026``, death, copy -> ``"3000/2026/TLKT-BS"``."""
    suffix = COPY_SUFFIX if is_copy else ""
    return f"{sequence}/{year}/{layout.number_code}{suffix}"
