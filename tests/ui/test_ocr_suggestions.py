"""The OCR suggestions widget over a real store and a real engine: a printed page is read in
the background, the entry being keyed shows its suggestions, nothing reaches the form until
accepted (one by one or all), a handwritten page is refused, and the reviews saved after
keying give the accepted share."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.workflows import books, ocr
from tests.support.register_pages import RegisterPage, birth_page
from tests.ui.conftest import UiOffice, wait_idle
from ui.widgets.ocr_suggestions import OcrSuggestions


@pytest.fixture(scope="module")
def page() -> RegisterPage:
    return birth_page(23, 2, rows=4, rotation=-1.2)


def _book(office: UiOffice, page: RegisterPage, writing: str) -> str:
    officer = office.session("canbo")
    book = books.open_book(officer, "birth", 2010, "01/2010", "UBND xã Hòa Phú", 1)
    books.add_page(officer, book.id, page.image)
    ocr.set_page_writing(officer, book.id, 1, writing)
    return book.id


def test_suggestions_reach_the_form_only_when_accepted(qtbot: QtBot, office: UiOffice,
                                                        page: RegisterPage) -> None:
    book = _book(office, page, "printed")
    widget = OcrSuggestions(office.ctx("canbo"))
    qtbot.addWidget(widget)
    taken: list[tuple[str, object]] = []
    widget.accepted.connect(lambda path, value: taken.append((path, value)))
    with qtbot.waitSignal(widget.reading_loaded, timeout=60000):
        widget.load_page(book, 1, "birth")
    wait_idle(qtbot, office.runner)
    # the engines say what they do; the product's name only in brackets
    assert widget.engine.currentText() == "Printed text recognition (trueocr)"
    assert widget.engine.currentData() == "trueocr"
    assert widget.status.text().startswith("Printed text recognition (trueocr): ")
    widget.show_position(2)
    truth = page.entries[1].values
    assert widget.table.rowCount() >= 8 and taken == []  # shown, nothing filled in
    name = widget.buttons["child.full_name"]
    assert name.objectName() == "accept:child.full_name"
    qtbot.mouseClick(name, Qt.MouseButton.LeftButton)
    assert taken == [("child.full_name", truth["child.full_name"])]
    assert not name.isEnabled()  # taken once

    assert widget.accept_field("child.sex") and not widget.accept_field("child.sex")
    assert not widget.accept_field("child.personal_id")  # nothing read for it
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    qtbot.keyClick(widget.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # accept all, from the keyboard
    paths = [p for p, _ in taken]
    assert len(paths) == len(set(paths)) == widget.table.rowCount()
    assert dict(taken)["registration_number"] == str(page.entries[1].number)

    # The next page read: its entry at the same position is offered afresh.
    reading = widget._reading
    assert reading is not None
    widget.set_reading(reading)
    more: list[str] = []
    widget.accepted.connect(lambda path, _value: more.append(path))
    widget.accept_all()
    assert sorted(more) == sorted(paths)

    # The entry is saved with the mother's name changed: reviews give the share.
    data: dict[str, object] = {}
    for path, value in taken:
        node = data
        *parents, last = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})  # type: ignore[assignment]
        node[last] = value
    data["mother"] = {"full_name": "Tên Đã Sửa"}
    keyed = books.key_entry(office.session("canbo"), book, 1, 2, data)
    widget.save_reviews(keyed.record.id, keyed.record.data)
    wait_idle(qtbot, office.runner)
    [engine] = ocr.ocr_stats(office.session("canbo")).engines
    assert (engine.total, engine.edited, engine.rejected) == (len(paths), 1, 0)


def test_a_handwritten_page_is_not_read(qtbot: QtBot, office: UiOffice,
                                        page: RegisterPage) -> None:
    book = _book(office, page, "handwritten")
    widget = OcrSuggestions(office.ctx("canbo"))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.reading_loaded, timeout=20000):
        widget.load_page(book, 1, "birth")
    widget.show_position(1)
    assert widget.table.rowCount() == 0 and not widget.accept_all_button.isEnabled()
    assert "viết tay" in widget.status.text()  # the catalogue's one line, in Vietnamese


def test_the_reading_time_is_written_the_vietnamese_way(qtbot: QtBot, office: UiOffice) -> None:
    """"0,5 giây", never "0.5 giây": Vietnamese marks decimals with a comma."""
    from desktop_app.ocr import PageReading
    from ui import i18n

    i18n.install("vi")
    reading = PageReading(engine="trueocr", entries=(), columns=(), lines_read=0,
                          elapsed_ms=452.0)
    widget = OcrSuggestions(office.ctx("canbo"))
    qtbot.addWidget(widget)
    widget.set_reading(reading)
    assert "0 mục trong 0,5 giây" in widget.status.text()
    i18n.uninstall()
    english = OcrSuggestions(office.ctx("canbo", lang="en"))
    qtbot.addWidget(english)
    english.set_reading(reading)
    assert "0 entries read in 0.5 s" in english.status.text()
