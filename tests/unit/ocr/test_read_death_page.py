"""The death book's page (other columns, other headings) is read with the death layout: the
header names each column, and the entries' fields come back for the death form."""

from __future__ import annotations

from desktop_app.ocr import read_page
from desktop_app.ocr.layouts import columns_for
from desktop_app.ports import TextRecogniser
from tests.support.register_pages import death_page


def test_a_photographed_death_page_is_read_with_the_death_layout(
        trueocr: TextRecogniser) -> None:
    page = death_page(4, 2, rows=3, rotation=-0.8)
    reading = read_page(trueocr, page.image, "death")
    assert set(reading.columns) == {c.path for c in columns_for("death")}
    right = total = 0
    for position, truth in enumerate(page.entries, 1):
        entry = reading.entry(position)
        assert entry is not None and entry.number == str(truth.number)
        for path, value in truth.values.items():
            total += 1
            found = entry.get(path)
            right += bool(found and found.value == value)
    assert right / total >= 0.85
