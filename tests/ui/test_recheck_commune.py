"""The books page's accuracy tab draws a re-check sample of the whole commune (every book's
verified entries), names it as such and gives its report in words; its table sizes its
columns like the other tables (fit_columns: the rows on screen only)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.workflows import books, recheck
from tests.ui.conftest import UiOffice, wait_idle
from tests.ui.page_images import paper_png
from tests.ui.test_keying_page import _verified
from ui.pages.books_page import BooksPage


def _book(office: UiOffice, folder: Path, number: str) -> books.BookRow:
    officer = office.session("canbo")
    book = books.open_book(officer, "death", 1990, number, "UBND xã Tân Lập", 3)
    folder.mkdir()
    (folder / "IMG_0001.png").write_bytes(paper_png(600, 800))
    books.import_pages(officer, book.id, folder)
    return book


def test_a_supervisor_draws_for_the_whole_commune(qtbot: QtBot, office: UiOffice,
                                                  tmp_path: Path) -> None:
    first = _book(office, tmp_path / "a", "01/1990")
    second = _book(office, tmp_path / "b", "02/1990")
    _verified(office, first, 4)
    _verified(office, second, 3)
    page = BooksPage(office.ctx("chutich"))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitUntil(lambda: page.current is not None, timeout=10000)
    wait_idle(qtbot, office.runner)
    widget = page.recheck
    assert widget.commune_button.isVisible() and widget.commune_button.isEnabled()
    assert widget.table.horizontalHeader().resizeContentsPrecision() == 0  # fit_columns

    with qtbot.waitSignal(widget.reports_shown, timeout=10000):
        widget.commune_button.click()
    wait_idle(qtbot, office.runner)
    [report] = widget.reports
    assert report.sample.book_id is None and report.sample.population == 7
    assert report.drawn == 5  # at least 5 of the 7, across both books
    [sample] = recheck.recheck_samples(office.session("chutich"))
    assert {e.place.book_id for e in recheck.recheck_entries(office.session("chutich"),
                                                             sample.id)} <= {first.id,
                                                                             second.id}
    drawn = widget.model.index(0, 0).data()
    assert drawn.startswith("5") and drawn != "5 of 7"  # said to be the commune's
    assert "01/1990" not in widget.report.text() and "02/1990" not in widget.report.text()
    assert "5" in widget.report.text() and "7" in widget.report.text()
    assert "entries the re-checker had no hand in" in widget.report.text()  # the frame
    assert widget.report.isVisible()

    with qtbot.waitSignal(widget.reports_shown, timeout=10000):
        widget.draw_button.click()  # the book's own draw still names its book
    wait_idle(qtbot, office.runner)
    assert len(widget.reports) == 2
    assert widget.model.index(1, 0).data() == "4 of 4"
    widget.table.selectRow(1)  # its report names its book
    assert page.current is not None and page.current.book_number in widget.report.text()

    plain = BooksPage(office.ctx("canbo"))  # officers: no draw buttons
    qtbot.addWidget(plain)
    assert not plain.recheck.commune_button.isVisibleTo(plain)
