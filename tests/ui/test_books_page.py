"""The books page: an officer opens a book, adds its pages from a folder, sees each page
turned as it is read and the book's progress (the workflow's aggregates) in the table."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.workflows import books, records
from tests.samples import build
from tests.ui.conftest import UiOffice, wait_idle
from tests.ui.page_images import paper_png
from ui.main_window import MainWindow
from ui.pages.books_page import BooksPage


def test_open_a_book_add_pages_and_turn_them(qtbot: QtBot, office: UiOffice,
                                            tmp_path: Path) -> None:
    page = BooksPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, office.runner)
    assert page.model.rowCount() == 0 and not page.add_pages_button.isEnabled()

    page.type_box.setCurrentIndex(page.type_box.findData("death"))
    page.year_box.setValue(1990)
    page.number_edit.setText("01/1990")
    page.office_edit.setText("UBND xã Tân Lập")
    page.phase_box.setCurrentIndex(page.phase_box.findData(3))
    page.open_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    wait_idle(qtbot, office.runner)
    [(book, progress)] = page.model.rows()
    assert (book.book_number, book.year, book.phase, book.type) == ("01/1990", 1990, 3, "death")
    assert page.current is not None and page.current.id == book.id
    assert page.add_pages_button.isEnabled() and progress.pages == 0

    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "IMG_0001.png").write_bytes(paper_png(300, 400))  # portrait
    (folder / "IMG_0002.png").write_bytes(paper_png(301, 401))
    with qtbot.waitSignal(page.page_shown, timeout=10000) as shown:
        page.import_folder(folder)
    assert shown.args == [1]
    wait_idle(qtbot, office.runner)
    assert page.page_choice.count() == 2 and page.scan.shown == "image"
    assert page.model.rows()[0][1].pages == 2
    assert page.scan.image_size().height() == 400  # as captured

    with qtbot.waitSignal(page.page_shown, timeout=10000):
        page.rotate(90)
    wait_idle(qtbot, office.runner)
    assert [p.rotation for p in books.pages_of(office.session("canbo"), book.id)] == [90, 0]
    assert page.scan.image_size().height() == 400  # the scan is kept as captured
    assert page.scan.rotation == 90 and page.scan.turned_size().height() == 300  # read turned

    # an entry keyed from page 1 shows in the progress
    books.key_entry(office.session("canbo"), book.id, 1, 1, build("death", {
        "registered_on": "1990-03-02", "registration_number": "7",
        "time_of_death": "1990-03-01T08:00"}))
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rows()[0][1].entries == 1, timeout=10000)
    wait_idle(qtbot, office.runner)
    [commune] = books.digitisation(office.session("canbo")).communes
    assert commune.commune in page.commune.text() and commune.entries == 1
    assert records.list_records(office.session("canbo"))  # the entry is a real record


def test_a_folder_without_scans_is_said_in_one_line(qtbot: QtBot, office: UiOffice,
                                                    tmp_path: Path) -> None:
    books.open_book(office.session("canbo"), "birth", 2010, "01/2010", "UBND xã Tân Lập", 1)
    page = BooksPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.current is not None, timeout=10000)
    wait_idle(qtbot, office.runner)
    empty = tmp_path / "empty"
    empty.mkdir()
    page.import_folder(empty)
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=10000)
    wait_idle(qtbot, office.runner)
    assert "empty" in page.message.text() and "\n" not in page.message.text()
    assert page.add_pages_button.isEnabled()


def test_reachable_from_the_side_menu(qtbot: QtBot, office: UiOffice) -> None:
    window = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(window)
    shown = window.show_page("books")
    assert isinstance(shown, BooksPage)
    wait_idle(qtbot, office.runner)
    window.close()


def _double_entered(office: UiOffice, folder: Path) -> str:
    """An entry two officers keyed with one disagreement (the registration number)."""
    books.set_double_entry(office.session("chutich"), True)
    book = books.open_book(office.session("canbo"), "death", 1990, "01/1990",
                           "UBND xã Tân Lập", 3)
    folder.mkdir()
    (folder / "IMG_0001.png").write_bytes(paper_png(300, 400))
    books.import_pages(office.session("canbo"), book.id, folder)
    data = {"registered_on": "1990-03-02", "time_of_death": "1990-03-01T08:00"}
    books.key_entry(office.session("canbo"), book.id, 1, 1,
                    build("death", {**data, "registration_number": "8"}))
    keyed = books.key_entry(office.session("canbo2"), book.id, 1, 1,
                            build("death", {**data, "registration_number": "3"}))
    assert keyed.stage == "disagreed"
    return keyed.record.id


def test_a_third_person_decides_with_the_page_in_view(qtbot: QtBot, office: UiOffice,
                                                       tmp_path: Path) -> None:
    from ui.pages.decisions_page import DecisionsPage

    record_id = _double_entered(office, tmp_path / "usb")
    keyer = DecisionsPage(office.ctx("canbo2"))
    qtbot.addWidget(keyer)
    keyer.show()
    qtbot.waitUntil(lambda: keyer.current is not None, timeout=10000)
    wait_idle(qtbot, office.runner)
    assert not keyer.decide_button.isEnabled() and keyer.refusal.text()

    page = DecisionsPage(office.ctx("chutich"))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.page_shown, timeout=10000) as shown:
        page.show()
    assert shown.args == [1] and page.scan.shown == "image"
    wait_idle(qtbot, office.runner)
    assert page.current is not None and page.current.record.id == record_id
    assert page.fields.rowCount() == 1  # only what differs
    assert (page.fields.item(0, 1).text(), page.fields.item(0, 2).text()) == ("8", "3")
    assert page.decide_button.isEnabled()
    page.choose("registration_number", 1)
    with qtbot.waitSignal(page.decided, timeout=10000):
        page.decide_button.click()
    wait_idle(qtbot, office.runner)
    rec = records.get_record(office.session("chutich"), record_id)
    assert (rec.status, rec.data["registration_number"], rec.verified_by) == \
        ("submitted", "8", "chutich")
    assert page.model.rowCount() == 0 and not page.decide_button.isEnabled()


def test_a_supervisor_sets_double_entry(qtbot: QtBot, office: UiOffice) -> None:
    officer = BooksPage(office.ctx("canbo"))
    qtbot.addWidget(officer)
    assert officer.double_entry_box.isHidden()  # the commune's choice is a supervisor's
    page = BooksPage(office.ctx("chutich"))
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, office.runner)
    assert not page.double_entry_box.isChecked()
    page.double_entry_box.click()
    qtbot.waitUntil(lambda: books.double_entry_required(office.session("chutich")),
                    timeout=10000)
    wait_idle(qtbot, office.runner)
    assert page.double_entry_box.isChecked() and page.double_entry_box.isEnabled()
    assert "0" in page.double_entry.text()  # required; no entry waits for a decision yet
