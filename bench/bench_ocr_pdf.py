"""OCR time of a PDF scan against the same page as a photo (prints figures; not a test).

Generated pages of the printed 2010 birth book (tests/support/register_pages), each as the
phone photo (JPEG) and as a scanner's PDF (the page image, 200 dpi, inside a PDF), read by
trueocr through desktop_app.ocr.reader.read_page. Printed per page and kind: the time to get
the picture (PDFium's render for the PDF, Pillow's decode for the photo), the whole reading,
lines read and fields right. The first reading of a run loads the models and is left out.

Run: .venv/bin/python bench/bench_ocr_pdf.py [--pages 3]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from desktop_app.ocr import grid  # noqa: E402
from desktop_app.ocr.engines import load_engine  # noqa: E402
from desktop_app.ocr.reader import read_page  # noqa: E402
from tests.support.register_pages import RegisterPage, birth_page  # noqa: E402


def scanned_pdf(page: RegisterPage) -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(page.clean)).convert("RGB").save(out, "PDF", resolution=200)
    return out.getvalue()


def fields_right(page: RegisterPage, reading: object) -> tuple[int, int]:
    right = total = 0
    for entry in reading.entries:  # type: ignore[attr-defined]
        got = {f.path: f.value for f in entry.fields}
        expected = page.entries[entry.position - 1].values
        total += len(expected)
        right += sum(got.get(path) == value for path, value in expected.items())
    return right, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3)
    args = parser.parse_args()
    engine = load_engine("trueocr")
    read_page(engine, birth_page(1, 1).image, "birth")  # models loaded
    times: dict[str, list[float]] = {"photo": [], "pdf": []}
    for seed in range(11, 11 + args.pages):
        page = birth_page(seed, 5, rows=8)
        for kind, content in (("photo", page.image), ("pdf", scanned_pdf(page))):
            started = time.perf_counter()
            picture = grid.decode(content)
            decoded = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            reading = read_page(engine, content, "birth")
            total = (time.perf_counter() - started) * 1000
            times[kind].append(total)
            right, fields = fields_right(page, reading)
            print(f"page {seed} {kind:5} {len(content) / 1024:7.0f} KiB  picture "
                  f"{picture.shape[1]}x{picture.shape[0]} in {decoded:5.0f} ms  read "
                  f"{total:6.0f} ms  {reading.lines_read} lines  {right}/{fields} fields right")
    for kind, values in times.items():
        print(f"{kind}: median {statistics.median(values):.0f} ms a page "
              f"(min {min(values):.0f}, max {max(values):.0f})")


if __name__ == "__main__":
    main()
