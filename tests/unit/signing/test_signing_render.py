"""Every procedure renders; the text extracted back (pdftotext) keeps every name exactly."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from signing_support import info, pdftotext, records, require_tool

from desktop_app.domain import upper_name
from signing import layouts
from signing.issue import preview_extract
from signing.render import render_extract

FORMS = sorted(records())
TOKEN = "eyJ2IjoxfQ." + "A" * 86


@pytest.mark.parametrize("form", FORMS)
def test_every_form_renders_with_names_exact(form: str, tmp_path: Path) -> None:
    record = records()[form]
    certificate = False
    rendered = render_extract(record, info(), token=TOKEN, certificate=certificate)
    assert rendered.pdf.startswith(b"%PDF") and not rendered.is_draft
    assert rendered.form_key == form
    text = pdftotext(rendered.pdf, tmp_path)
    layout = layouts.FORMS[form]
    assert layout.title.split(",")[0] in text.replace("\n", " ")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "(BẢN SAO)" in text and "3000/2026/TLKT-BS" in text
    assert "UBND PHƯỜNG MINH PHỤNG" in text and "THÀNH PHỐ HỒ CHÍ MINH" in text
    assert "Đặng Thị Ngọc Ánh" in text  # signer
    flat = " ".join(text.split())
    for name in _names_in(record):
        assert name in flat or upper_name(name) in flat, name
    for forbidden in ("N/A", "None", "null"):
        assert forbidden not in text


def _names_in(value: object) -> list[str]:
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "full_name" and isinstance(item, str):
                found.append(item)
            else:
                found.extend(_names_in(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(_names_in(item))
    return found


def test_names_print_in_capitals_with_marks(tmp_path: Path) -> None:
    text = pdftotext(render_extract(records()["birth"], info(), token=TOKEN).pdf, tmp_path)
    for name in ("Y MOAN ÊBAN", "H’HEN NIÊ", "KSOR H'BIA"):
        assert name in text
    assert "Ngày hai mươi mốt, tháng một, năm hai nghìn không trăm hai mươi sáu" in " ".join(
        text.split()
    )
    assert "21/01/2026" in text


def test_death_extract_lines(tmp_path: Path) -> None:
    extract = render_extract(records()["death"], info(issued_on=date(2026, 8, 28)), token=TOKEN)
    text = " ".join(pdftotext(extract.pdf, tmp_path).split())
    assert (
        "Đã chết vào lúc: 18 giờ 10 phút, ngày 15/08/2026 ghi bằng chữ: Mười tám giờ, "
        "mười phút, ngày mười lăm, tháng tám, năm hai nghìn không trăm hai mươi sáu" in text
    )
    assert "Số: 386/2026, Quyển số: 01-TP/HT-2026-KT, ngày 28 tháng 8 năm 2026" in text
    assert "Minh Phụng, ngày 28 tháng 8 năm 2026" in text
    assert "Đã được đăng ký khai tử tại: Ủy ban nhân dân phường Minh Phụng" in text
    assert "Ghi chú: Cải chính họ, chữ đệm, tên từ “Ksor H Bia” thành “Ksor H'Bia”" in text
    assert "Thực hiện trích lục từ: Cơ sở dữ liệu hộ tịch điện tử" in text
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text
    assert "Nguyên nhân chết:" in text  # blank field keeps its label, no value


def test_original_without_copy_marks_and_birth_certificate(tmp_path: Path) -> None:
    rendered = render_extract(
        records()["birth"],
        info(is_copy=False, extract_number="5/2026/TLKS", is_deputy=False, signer_title="CHỦ TỊCH"),
        token=TOKEN,
    )
    text = pdftotext(rendered.pdf, tmp_path)
    assert "(BẢN SAO)" not in text and "KT." not in text and "5/2026/TLKS" in text
    gks = render_extract(records()["birth"], info(), token=TOKEN, certificate=True)
    text = pdftotext(gks.pdf, tmp_path)
    assert "GIẤY KHAI SINH" in text and "NGƯỜI KÝ GIẤY KHAI SINH" in text


def test_draft_has_watermark_and_no_qr(tmp_path: Path) -> None:
    preview = preview_extract(records()["death"], info())
    assert not preview.is_signed
    pdfinfo = require_tool("pdfinfo")
    target = tmp_path / "draft.pdf"
    target.write_bytes(preview.pdf)
    meta = subprocess.run([pdfinfo, str(target)], capture_output=True, text=True).stdout
    assert "BẢN NHÁP" in meta
    text = pdftotext(preview.pdf, tmp_path)
    assert "Mã QR có sau khi ký" in text
    assert "NGUYỄN" not in text and "KSOR H'BIA" in text  # watermark never mixes with text


def test_fonts_are_embedded(tmp_path: Path) -> None:
    pdffonts = require_tool("pdffonts")
    target = tmp_path / "f.pdf"
    target.write_bytes(render_extract(records()["marriage"], info(), token=TOKEN).pdf)
    out = subprocess.run([pdffonts, str(target)], capture_output=True, text=True).stdout
    fonts = out.splitlines()[2:]  # below the header lines
    assert len(fonts) == 2 and all("NotoSans" in f and " yes yes yes " in f for f in fonts)


def test_unknown_type_is_a_typed_error() -> None:
    from signing.errors import RecordNotRenderableError

    with pytest.raises(RecordNotRenderableError):
        render_extract({"type": "adoption"}, info(), token=TOKEN)


def test_extract_numbers() -> None:
    death = layouts.FORMS["death"]
    assert layouts.extract_number(3000, 2026, death, is_copy=True) == "3000/2026/TLKT-BS"
    assert (
        layouts.extract_number(7, 2026, layouts.FORMS["guardianship_termination"], is_copy=False)
        == "7/2026/TLCDGH"
    )


def _page_content(pdf: bytes) -> str:
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.reader import PdfFileReader

    page = PdfFileReader(io.BytesIO(pdf)).root["/Pages"]["/Kids"][0]
    contents = page["/Contents"]
    streams = contents if isinstance(contents, generic.ArrayObject) else [contents]
    return b"".join(s.get_object().data for s in streams).decode("latin-1")


def test_qr_code_is_one_path_of_the_token_url_modules() -> None:
    import re

    from signing.qr import qr_matrix, token_url

    rendered = render_extract(records()["death"], info(), token=TOKEN)
    content = _page_content(rendered.pdf)
    runs = re.findall(r"(\d+) (\d+) (\d+) 1 re", content)
    assert runs
    matrix = qr_matrix(token_url(TOKEN))
    count = len(matrix)
    drawn = {(count - 1 - int(y), int(x) + i) for x, y, w in runs for i in range(int(w))}
    dark = {(r, c) for r, row in enumerate(matrix) for c, cell in enumerate(row) if cell}
    assert drawn == dark
    first = content.index(" ".join(runs[0]) + " 1 re")
    last = content.rindex(" ".join(runs[-1]) + " 1 re")
    assert "f" not in content[first:last].split()  # one fill for the whole code
