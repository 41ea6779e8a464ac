"""What an extract says, checked on the composed lines, without drawing a PDF."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from signing_support import info, records

from desktop_app.domain.addresses import commune
from signing import layouts
from signing.compose import (
    BREAK,
    Cells,
    ExtractText,
    Paragraph,
    RichText,
    Role,
    Span,
    compose_extract,
    labelled,
)
from signing.values import format_address

TOKEN = "eyJ2IjoxfQ." + "A" * 86


def _plain(text: RichText) -> str:
    return "".join(s.text if isinstance(s, Span) else "\n" for s in text)


def _lines(extract: ExtractText) -> list[str]:
    out = []
    for row in extract.body:
        if isinstance(row, Cells):
            out.append(" | ".join(_plain(c) for c in row.cells))
        else:
            out.append(_plain(row.text))
    return out


def test_death_lines_in_figures_and_words() -> None:
    extract = compose_extract(records()["death"], info(issued_on=date(2026, 8, 28)), token=TOKEN)
    lines = _lines(extract)
    assert (
        "Đã chết vào lúc: 18 giờ 10 phút, ngày 15/08/2026 ghi bằng chữ: Mười tám giờ, "
        "mười phút, ngày mười lăm, tháng tám, năm hai nghìn không trăm hai mươi sáu" in lines
    )
    assert "Nơi chết: Buôn Ko Sier, Phường Minh Phụng, Thành phố Hồ Chí Minh" in lines
    assert "Số: 386/2026, Quyển số: 01-TP/HT-2026-KT, ngày 28 tháng 8 năm 2026" in lines
    assert (
        "Đã được đăng ký khai tử tại: Ủy ban nhân dân phường Minh Phụng, Thành phố Hồ Chí Minh"
        in lines
    )
    assert lines[-2] == (
        "Ghi chú: Cải chính họ, chữ đệm, tên từ “Ksor H Bia” thành “Ksor H'Bia” "
        "(đăng ký số 12/2026, ngày 01/09/2026)"
    )
    assert lines[-1] == "Thực hiện trích lục từ: Cơ sở dữ liệu hộ tịch điện tử"
    assert "Nguyên nhân chết:" in lines  # a blank value keeps its label and nothing else
    assert extract.dated == "Minh Phụng, ngày 28 tháng 8 năm 2026"
    assert extract.committee == "UBND PHƯỜNG MINH PHỤNG"
    assert extract.province == "THÀNH PHỐ HỒ CHÍ MINH"
    assert extract.signer_titles == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert extract.copy_title == layouts.FORMS["death"].copy_title


def test_labels_are_bold_and_values_plain() -> None:
    extract = compose_extract(records()["birth"], info(), token=TOKEN)
    first = extract.body[0]
    assert isinstance(first, Paragraph) and first.role is Role.BODY
    label, blank, value = first.text
    assert isinstance(label, Span) and label.bold and label.text.endswith(":")
    assert blank == Span(" ") and value == Span("Y MOAN ÊBAN")
    names = " ".join(_lines(extract))
    for name in ("Y MOAN ÊBAN", "H’HEN NIÊ", "KSOR H'BIA"):
        assert name in names
    assert "21/01/2026 ghi bằng chữ: Ngày hai mươi mốt, tháng một" in names


def test_labelled_drops_trailing_blanks_but_keeps_breaks() -> None:
    assert labelled("Ghi chú:", ()) == (Span("Ghi chú:", bold=True),)
    assert labelled("A:", (Span("x  "),)) == (Span("A:", bold=True), Span(" "), Span("x"))
    assert labelled("A:", (Span("x"), BREAK, Span(" "))) == (
        Span("A:", bold=True), Span(" "), Span("x"), BREAK,
    )


def test_draft_has_watermark_and_no_qr_payload() -> None:
    draft = compose_extract(records()["death"], info())
    assert draft.is_draft and draft.qr_payload is None
    assert draft.watermark == layouts.DRAFT_WATERMARK and draft.qr_caption == layouts.QR_PENDING
    final = compose_extract(records()["death"], info(), token=TOKEN,
                            verify_base_url="https://example.test/v1/verify")
    assert final.qr_payload == "https://example.test/v1/verify/" + TOKEN
    assert final.watermark is None and final.qr_caption == layouts.QR_CAPTION


def test_original_and_certificate_titles() -> None:
    original = compose_extract(
        records()["birth"],
        info(is_copy=False, is_deputy=False, signer_title="CHỦ TỊCH"),
        token=TOKEN,
    )
    assert original.copy_title is None and original.signer_titles == ("CHỦ TỊCH",)
    gks = compose_extract(records()["birth"], info(), token=TOKEN, certificate=True)
    assert gks.title == "GIẤY KHAI SINH" and gks.form_key == layouts.FORMS[gks.form_key].key


@pytest.mark.parametrize("code", ["24163", "27238", 24133])
def test_addresses_use_the_core_gazetteer(code: object) -> None:
    found = commune(code)  # type: ignore[arg-type]
    assert found is not None
    text = format_address({"detail": "Buôn Ko Sier", "commune_code": code})
    assert text == f"Buôn Ko Sier, {found.name}, {found.province_name}"
    assert "  " not in text  # the gazetteer's names are tidied (the source has double blanks)


def test_unknown_commune_code_prints_the_rest() -> None:
    assert format_address({"detail": "Thôn 3", "commune_code": "99999"}) == "Thôn 3"


def test_composition_needs_no_reportlab() -> None:
    code = (
        "import sys, signing.compose as c\n"
        "assert not any(m == 'reportlab' or m.startswith('reportlab.') for m in sys.modules), "
        "'reportlab imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_an_illegible_field_reads_as_such_on_the_extract() -> None:
    death = dict(records()["death"])
    deceased = {k: v for k, v in death["deceased"].items()  # type: ignore[union-attr]
                if k != "date_of_birth"}
    death["deceased"] = deceased
    death["illegible"] = ["deceased.date_of_birth", "deceased.full_name"]
    lines = _lines(compose_extract(death, info(issued_on=date(2026, 8, 28)), token=TOKEN))
    assert any(line.startswith("Ngày, tháng, năm sinh: không đọc được") for line in lines), lines
    assert any(line.endswith(" (không đọc được)") and "KSOR" in line for line in lines), lines
    plain_lines = _lines(compose_extract(records()["death"], info(issued_on=date(2026, 8, 28)),
                                         token=TOKEN))
    assert not any("không đọc được" in line for line in plain_lines)
