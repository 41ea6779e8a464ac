"""A dim, grainy phone photo (strong sensor noise, out of focus, heavy JPEG): the speckles
would be read as ink and hide the rules and the lines; the page is denoised first."""

from __future__ import annotations

from desktop_app.ocr import read_page
from desktop_app.ports import TextRecogniser
from tests.support.register_pages import birth_page


def test_a_grainy_blurred_photo_is_still_read(trueocr: TextRecogniser) -> None:
    page = birth_page(6, 3, rows=4, rotation=1.0, blur=2.0, noise=15, quality=50)
    reading = read_page(trueocr, page.image, "birth")
    right = total = 0
    for position, truth in enumerate(page.entries, 1):
        entry = reading.entry(position)
        for path, value in truth.values.items():
            total += 1
            found = entry.get(path) if entry is not None else None
            right += bool(found and found.value == value)
    assert right / total >= 0.6, f"{right}/{total}"  # 4/33 without the denoising
