"""Register pages for the OCR tests and the keying benchmark: a page of a 2010 birth book
(Sổ đăng ký khai sinh, printed entries; ``death_page``: the death book, Sổ đăng ký khai tử)
drawn with reportlab in the project's bundled font, rasterised with poppler's pdftoppm, then
made to look like a phone photograph with Pillow (a small rotation, uneven light, blur,
sensor noise, JPEG).

``birth_page(seed, entries=3)`` gives the photographed page and the entries it shows, as the
canonical values of the historical form (the ground truth a test compares suggestions with).
"""

from __future__ import annotations

import io
import random
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "signing" / "fonts"

# The columns of the 2010 book (TT 08.a/2010/TT-BTP, printed form), as headed on the page.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("Số", 30), ("Họ và tên", 108), ("Ngày, tháng, năm sinh", 62), ("Nơi sinh", 112),
    ("Giới tính", 40), ("Dân tộc", 44), ("Quốc tịch", 52), ("Họ và tên cha", 96),
    ("Họ và tên mẹ", 96), ("Người đi khai", 92), ("Ngày đăng ký", 62),
)  # fmt: skip

_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
           "Ngô", "Dương", "Trương", "Lương")
_MIDDLE = {"male": ("Văn", "Minh", "Đức", "Quang", "Hữu", "Gia"),
           "female": ("Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ")}
_GIVEN = {"male": ("Hùng", "Dũng", "Tuấn", "Khoa", "Phúc", "Nghĩa", "Thắng", "Lộc", "Quý"),
          "female": ("Lan", "Hương", "Nhung", "Thảo", "Huyền", "Trâm", "Yến", "Ngân", "Hằng")}
_PLACES = ("Trạm y tế xã Hòa Phú", "Bệnh viện huyện Krông Pắc", "Nhà hộ sinh phường 14",
           "Bệnh viện đa khoa tỉnh Đắk Lắk", "Trạm y tế xã Ea Tu", "Bệnh viện Từ Dũ")
_ETHNIC = (("Kinh", 8), ("Ê Đê", 1), ("Tày", 1))


@dataclass(frozen=True)
class PageEntry:
    number: int
    values: dict[str, str]  # field path -> canonical value, as the historical form takes it
    cells: tuple[str, ...]  # as printed, in COLUMNS order


@dataclass(frozen=True)
class RegisterPage:
    image: bytes  # JPEG, as a phone gives it
    entries: tuple[PageEntry, ...]
    clean: bytes = field(repr=False, default=b"")  # PNG before the photograph effects
    rotation: float = 0.0


def _name(rng: random.Random, sex: str, family: str | None = None) -> str:
    return " ".join((family or rng.choice(_FAMILY), rng.choice(_MIDDLE[sex]),
                     rng.choice(_GIVEN[sex])))


def _entry(rng: random.Random, number: int, year: int) -> PageEntry:
    sex = rng.choice(("male", "female"))
    father_family = rng.choice(_FAMILY)
    born_month, born_day = rng.randint(1, 12), rng.randint(1, 28)
    reg_month = min(12, born_month + rng.randint(0, 1))
    reg_day = rng.randint(born_day if reg_month == born_month else 1, 28)
    ethnicity = rng.choices([e for e, _ in _ETHNIC], weights=[w for _, w in _ETHNIC])[0]
    child, father = _name(rng, sex, father_family), _name(rng, "male", father_family)
    mother = _name(rng, "female")
    declarant = rng.choice((father, mother))
    place = rng.choice(_PLACES)
    born = f"{born_day:02d}/{born_month:02d}/{year}"
    registered = f"{reg_day:02d}/{reg_month:02d}/{year}"
    values = {
        "registration_number": str(number),
        "child.full_name": child,
        "child.date_of_birth": f"{year}-{born_month:02d}-{born_day:02d}",
        "child.place_of_birth.as_written": place,
        "child.sex": sex,
        "child.ethnicity": ethnicity,
        "child.nationality": "VN",
        "father.full_name": father,
        "mother.full_name": mother,
        "declarant.full_name": declarant,
        "registered_on": f"{year}-{reg_month:02d}-{reg_day:02d}",
    }
    cells = (str(number), child, born, place, "Nam" if sex == "male" else "Nữ", ethnicity,
             "Việt Nam", father, mother, declarant, registered)
    return PageEntry(number, values, cells)


def _fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "PageSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("PageSans", str(FONTS / "NotoSans-Regular.ttf")))
        pdfmetrics.registerFont(TTFont("PageSans-Bold", str(FONTS / "NotoSans-Bold.ttf")))
    return "PageSans", "PageSans-Bold"


def render_pdf(entries: tuple[PageEntry, ...], *, year: int, page_no: int,
               rows: int | None = None, columns: tuple[tuple[str, float], ...] = COLUMNS,
               title_text: str = "SỔ ĐĂNG KÝ KHAI SINH") -> bytes:
    """The printed page: book title, then the ruled table with one entry per row."""
    regular, bold = _fonts()
    cell = ParagraphStyle("cell", fontName=regular, fontSize=9, leading=11)
    head = ParagraphStyle("head", parent=cell, fontName=bold, alignment=1)
    title = ParagraphStyle("title", fontName=bold, fontSize=14, alignment=1, leading=18)
    sub = ParagraphStyle("sub", fontName=regular, fontSize=10, alignment=1, leading=13)
    data = [[Paragraph(label, head) for label, _ in columns]]
    data += [[Paragraph(text, cell) for text in e.cells] for e in entries]
    blank = max(0, (rows or len(entries)) - len(entries))
    data += [["" for _ in columns] for _ in range(blank)]
    table = Table(data, colWidths=[w for _, w in columns],
                  rowHeights=[34] + [46] * (len(data) - 1))
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.9, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=20, rightMargin=20,
                            topMargin=28, bottomMargin=20, title="So dang ky khai sinh")
    doc.build([Paragraph(title_text, title),
               Paragraph(f"Quyển số: 01/{year} — Trang {page_no}", sub), Spacer(1, 10), table])
    return out.getvalue()


def rasterise(pdf: bytes, dpi: int = 200) -> Image.Image:
    """The first page as a picture (poppler's pdftoppm: the renderer the tests already use)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "page.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(source),
                        str(Path(tmp) / "page")], check=True, capture_output=True, timeout=60)
        with Image.open(Path(tmp) / "page.png") as image:
            return image.convert("RGB")


def photograph(image: Image.Image, rng: random.Random, *, rotation: float,
               blur: float = 0.7, noise: float = 9.0, quality: int = 72) -> bytes:
    """A phone photo of the page: yellowed paper, light falling off to one corner, a slight
    turn on a darker background, out-of-focus blur, sensor noise, JPEG compression."""
    w, h = image.size
    paper = Image.new("RGB", (w, h), (236, 226, 200))
    page = ImageChops.multiply(image, paper)
    # Uneven light: brightest under the lamp near one corner, ~60 % at the far side.
    glow = Image.radial_gradient("L").resize((2 * w, 2 * h))
    cx, cy = rng.choice((0.2, 0.8)) * w, rng.choice((0.2, 0.8)) * h
    light = glow.crop((int(w - cx), int(h - cy), int(2 * w - cx), int(2 * h - cy)))
    light = light.point(lambda v: 255 - int(min(v, 255) * 0.4))
    page = ImageChops.multiply(page, Image.merge("RGB", (light, light, light)))
    page = page.rotate(rotation, resample=Image.Resampling.BICUBIC, expand=True,
                       fillcolor=(70, 64, 58))
    page = page.filter(ImageFilter.GaussianBlur(blur))
    # Pillow's effect_noise draws from C's rand(), not from rng: the same seed gave another
    # page each run, and OCR then misread a letter now and then. Grain from the seed instead.
    grain_rng = np.random.default_rng(rng.getrandbits(64))
    grain_values = grain_rng.normal(128.0, noise, (page.height, page.width))
    grain = Image.fromarray(grain_values.clip(0, 255).astype(np.uint8), "L").convert("RGB")
    page = ImageChops.add(ImageChops.subtract(page, Image.new("RGB", page.size, (64,) * 3)),
                          grain, scale=1.0, offset=-64)
    draw = ImageDraw.Draw(page)  # a thumb's shadow at the edge, as on real photos
    draw.ellipse((-w // 30, h // 2, w // 40, h // 2 + h // 8), fill=(60, 52, 46))
    out = io.BytesIO()
    page.save(out, "JPEG", quality=quality)
    return out.getvalue()


def birth_page(seed: int, entries: int = 3, *, year: int = 2010, page_no: int = 1,
               rows: int | None = None, rotation: float | None = None, blur: float = 0.7,
               noise: float = 9.0, quality: int = 72) -> RegisterPage:
    """A photographed page of the 2010 birth book with ``entries`` printed entries (a dim,
    grainy photo: more ``noise`` and ``blur``, less JPEG ``quality``)."""
    rng = random.Random(seed)
    first = rng.randint(1, 300)
    shown = tuple(_entry(rng, first + i, year) for i in range(entries))
    clean = rasterise(render_pdf(shown, year=year, page_no=page_no, rows=rows))
    turn = rotation if rotation is not None else rng.uniform(-2.0, 2.0)
    png = io.BytesIO()
    clean.save(png, "PNG")
    return RegisterPage(photograph(clean, rng, rotation=turn, blur=blur, noise=noise,
                                   quality=quality), shown, png.getvalue(), turn)


DEATH_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Số", 30), ("Họ và tên người chết", 112), ("Ngày, tháng, năm sinh", 62),
    ("Giới tính", 40), ("Dân tộc", 44), ("Quốc tịch", 52), ("Ngày chết", 62),
    ("Nơi chết", 112), ("Nguyên nhân chết", 90), ("Người đi khai", 104),
    ("Ngày đăng ký", 62),
)  # fmt: skip
_CAUSES = ("Bệnh già", "Tai nạn giao thông", "Bệnh tim", "Đột quỵ", "Ung thư phổi")


def _death(rng: random.Random, number: int, year: int) -> PageEntry:
    sex = rng.choice(("male", "female"))
    born_year = rng.randint(1915, 1960)
    born = (born_year, rng.randint(1, 12), rng.randint(1, 28))
    died_month, died_day = rng.randint(1, 11), rng.randint(1, 28)
    reg_day = rng.randint(died_day, 28)
    name, declarant = _name(rng, sex), _name(rng, rng.choice(("male", "female")))
    place, cause = rng.choice(_PLACES), rng.choice(_CAUSES)
    values = {
        "registration_number": str(number),
        "deceased.full_name": name,
        "deceased.date_of_birth": f"{born[0]}-{born[1]:02d}-{born[2]:02d}",
        "deceased.sex": sex,
        "deceased.ethnicity": "Kinh",
        "deceased.nationality": "VN",
        "time_of_death": f"{year}-{died_month:02d}-{died_day:02d}",
        "place_of_death.as_written": place,
        "cause_of_death": cause,
        "declarant.full_name": declarant,
        "registered_on": f"{year}-{died_month:02d}-{reg_day:02d}",
    }
    cells = (str(number), name, f"{born[2]:02d}/{born[1]:02d}/{born[0]}",
             "Nam" if sex == "male" else "Nữ", "Kinh", "Việt Nam",
             f"{died_day:02d}/{died_month:02d}/{year}", place, cause, declarant,
             f"{reg_day:02d}/{died_month:02d}/{year}")
    return PageEntry(number, values, cells)


def death_page(seed: int, entries: int = 3, *, year: int = 2010, page_no: int = 1,
               rows: int | None = None, rotation: float | None = None) -> RegisterPage:
    """A photographed page of the 2010 death book (Sổ đăng ký khai tử)."""
    rng = random.Random(seed)
    first = rng.randint(1, 120)
    shown = tuple(_death(rng, first + i, year) for i in range(entries))
    clean = rasterise(render_pdf(shown, year=year, page_no=page_no, rows=rows,
                                 columns=DEATH_COLUMNS, title_text="SỔ ĐĂNG KÝ KHAI TỬ"))
    turn = rotation if rotation is not None else rng.uniform(-2.0, 2.0)
    png = io.BytesIO()
    clean.save(png, "PNG")
    return RegisterPage(photograph(clean, rng, rotation=turn), shown, png.getvalue(), turn)


if __name__ == "__main__":  # python tests/support/register_pages.py OUT.jpg: look at one
    import sys

    page = birth_page(7, 4)
    Path(sys.argv[1]).write_bytes(page.image)
    for e in page.entries:
        print(e.cells)
