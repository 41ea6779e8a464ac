"""The keying page over a real store: the page image beside the historical form, zoom and crop
in the one viewer, the keyboard between the entries and pages, a field marked illegible,
double entry kept blind on screen, and the supervisor's blind re-check with its chart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRectF, Qt
from pytestqt.qtbot import QtBot

from desktop_app.workflows import books, records
from tests.samples import build
from tests.ui.conftest import UiOffice, type_text, wait_idle
from tests.ui.page_images import paper_png
from ui.pages.books_page import BooksPage
from ui.pages.keying_page import KeyingPage
from ui.widgets.page_scan import PageScanWidget, decode_page

DEATH = {"registered_on": "1990-03-02", "registration_number": "7",
         "time_of_death": "1990-03-01T08:00", "deceased.full_name": "Nguyễn Văn Bảy"}


def _book(office: UiOffice, folder: Path, pages: int = 2) -> books.BookRow:
    officer = office.session("canbo")
    book = books.open_book(officer, "death", 1990, "01/1990", "UBND xã Tân Lập", 3)
    folder.mkdir()
    for n in range(1, pages + 1):
        (folder / f"IMG_000{n}.png").write_bytes(paper_png(600 + n, 800))
    books.import_pages(officer, book.id, folder)
    return book


def _keying(qtbot: QtBot, office: UiOffice, user: str, book: books.BookRow,
            page_no: int = 1) -> KeyingPage:
    page = KeyingPage(office.ctx(user))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    with qtbot.waitSignal(page.page_shown, timeout=10000):
        page.open_book(book, page_no)
    wait_idle(qtbot, office.runner)
    return page


def _type(page: KeyingPage, path: str, text: str) -> None:
    assert page.form is not None
    editor = page.form.editors[path]
    editor.setFocus()
    type_text(editor, text)


def test_the_page_beside_the_form_and_the_keys_between_entries(
        qtbot: QtBot, office: UiOffice, tmp_path: Path) -> None:
    book = _book(office, tmp_path / "usb")
    page = _keying(qtbot, office, "canbo", book)
    assert page.scan.shown == "image" and page.scan.image_size().width() == 601
    assert page.form is not None and page.form.historical and page.form.rtype == "death"
    assert page.position == 1 and page.form.isEnabled()
    fitted = page.scan.zoom_factor
    page.scan.view.setFocus()
    qtbot.keyClick(page.scan.view, Qt.Key.Key_Plus)
    assert page.scan.zoom_factor > fitted  # zoomed in on the page
    qtbot.keyClick(page.scan.view, Qt.Key.Key_1)
    assert page.scan.zoom_factor == 1.0
    bar = page.scan.view.verticalScrollBar()
    before = bar.value()
    qtbot.keyClick(page.scan.view, Qt.Key.Key_Down)  # pan at actual size
    assert bar.value() > before
    qtbot.keyClick(page.scan.view, Qt.Key.Key_0)
    assert page.scan.zoom_factor == fitted

    _type(page, "registered_on", "02/03/1990")
    _type(page, "registration_number", "7")
    _type(page, "time_of_death", "01/03/1990 08:00")
    _type(page, "deceased.full_name", "Nguyễn Văn Bảy")
    # the deceased's birth date cannot be read: marked, not guessed
    _type(page, "deceased.date_of_birth", "1930")
    page.form.editors["deceased.date_of_birth"].setFocus()
    qtbot.keyClick(page.form.editors["deceased.date_of_birth"], Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier)
    assert page.marks is not None and page.marks.paths == {"deceased.date_of_birth"}
    assert page.form.editors["deceased.date_of_birth"].value() is None
    assert page.marked.text()
    with qtbot.waitSignal(page.entry_saved, timeout=10000) as saved:
        qtbot.keyClick(page.form.editors["deceased.full_name"], Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier)
    assert saved.args == ["single"]
    wait_idle(qtbot, office.runner)
    [entry] = records.list_records(office.session("canbo"))
    assert entry.data["illegible"] == ["deceased.date_of_birth"]
    assert "date_of_birth" not in entry.data["deceased"]
    assert "W-LEGACY-ILLEGIBLE" in {i["rule"] for i in entry.issues}
    place = books.place_of(office.session("canbo"), entry.id)
    assert place is not None and (place.page_no, place.position) == (1, 1)
    assert page.position == 2 and page.form.editors["deceased.full_name"].value() is None

    # back to the entry just keyed: shown as saved; the officer's own draft, still corrected
    with qtbot.waitSignal(page.position_shown, timeout=10000):
        qtbot.keyClick(page.form, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, office.runner)
    assert page.position == 1 and page.form.isEnabled() and page.editing == entry.id
    assert page.form.editors["deceased.full_name"].value() == "Nguyễn Văn Bảy"
    assert page.marks.paths == {"deceased.date_of_birth"}
    page.form.editors["deceased.full_name"].clear()
    _type(page, "deceased.full_name", "Nguyễn Văn Bảy Em")
    with qtbot.waitSignal(page.entry_saved, timeout=10000) as saved:
        page.save()
    assert saved.args == ["corrected"]
    wait_idle(qtbot, office.runner)
    assert records.list_records(office.session("canbo")) == [records.get_record(
        office.session("canbo"), entry.id)]  # corrected, not a second entry
    assert records.get_record(office.session("canbo"), entry.id).data["deceased"][
        "full_name"] == "Nguyễn Văn Bảy Em"
    page.go_to_position(1)
    wait_idle(qtbot, office.runner)
    page.next_entry()
    assert page.position == 2 and page.form.isEnabled()
    page.next_entry()  # no further than the next free position
    assert page.position == 2
    # Page Down: the next page, at its first free position
    with qtbot.waitSignal(page.page_shown, timeout=10000) as shown:
        qtbot.keyClick(page.form.editors["registration_number"], Qt.Key.Key_PageDown)
    assert shown.args == [2] and page.position == 1
    assert page.scan.image_size().width() == 602
    page.go_to_page(3)  # there is no page 3
    assert page.page_no == 2
    with qtbot.waitSignal(page.page_shown, timeout=10000) as shown:
        qtbot.keyClick(page.form.editors["registration_number"], Qt.Key.Key_PageUp)
    assert shown.args == [1] and page.position == 2
    other = _keying(qtbot, office, "canbo2", book)  # another officer: shown, not editable
    other.go_to_position(1)
    qtbot.waitUntil(lambda: other.form.editors["deceased.full_name"].value() is not None,
                    timeout=10000)
    assert not other.form.isEnabled() and other.editing is None


def test_the_second_keyer_keys_blind_on_screen(qtbot: QtBot, office: UiOffice,
                                               tmp_path: Path) -> None:
    books.set_double_entry(office.session("chutich"), True)
    book = _book(office, tmp_path / "usb", pages=1)
    books.key_entry(office.session("canbo"), book.id, 1, 1, build("death", DEATH))
    first = _keying(qtbot, office, "canbo", book)
    first.go_to_position(1)
    qtbot.waitUntil(lambda: first.form.editors["deceased.full_name"].value() is not None,
                    timeout=10000)
    assert first.form.editors["deceased.full_name"].value() == "Nguyễn Văn Bảy"  # their own
    assert not first.form.isEnabled()  # shown as kept, read-only ...
    assert first.own_blind and first.reopen_button.isVisible()  # ... theirs to reopen

    second = _keying(qtbot, office, "canbo2", book)
    assert second.position == 1  # where the page waits for the second keying, not a new one
    assert second.slot_list.count() == 1 and second.slot_list.isVisible()
    wait_idle(qtbot, office.runner)
    assert second.form.isEnabled()  # an empty form: the first keying is not shown
    assert all(e.value() is None for p, e in second.form.editors.items()
               if p not in ("deceased.nationality", "deceased.residence.country"))
    _type(second, "registered_on", "02/03/1990")
    _type(second, "registration_number", "7")
    _type(second, "time_of_death", "01/03/1990 08:00")
    _type(second, "deceased.full_name", "Nguyễn Văn Bẩy")
    with qtbot.waitSignal(second.entry_saved, timeout=10000) as saved:
        second.save()
    assert saved.args == ["disagreed"]
    [waiting] = books.decisions(office.session("chutich"))
    full_name = next(f for f in waiting.disagreements if f.path == "deceased.full_name")
    assert (full_name.first, full_name.second) == ('"Nguyễn Văn Bảy"', '"Nguyễn Văn Bẩy"')


def test_the_viewer_crops_without_touching_the_scan(qtbot: QtBot, office: UiOffice,
                                                    tmp_path: Path) -> None:
    book = _book(office, tmp_path / "usb", pages=1)
    page = BooksPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    with qtbot.waitSignal(page.page_shown, timeout=10000):
        page.show()
    wait_idle(qtbot, office.runner)
    scan = page.scan
    assert scan.buttons["crop"].isVisible() and scan.shown == "image"
    scan.buttons["crop"].click()
    assert scan.is_cropping
    view = scan.view
    top_left = view.mapFromScene(60.1, 80)
    bottom_right = view.mapFromScene(540.9, 400)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=top_left)
    qtbot.mouseMove(view.viewport(), bottom_right)
    with qtbot.waitSignal(page.page_shown, timeout=10000):
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=bottom_right)
    wait_idle(qtbot, office.runner)
    [kept] = books.pages_of(office.session("canbo"), book.id)
    assert kept.crop is not None
    left, top, right, bottom = kept.crop
    assert abs(left - 0.1) < 0.01 and abs(top - 0.1) < 0.01
    assert abs(right - 0.9) < 0.01 and abs(bottom - 0.5) < 0.01
    assert books.page_content(office.session("canbo"), book.id, 1) == \
        (tmp_path / "usb" / "IMG_0001.png").read_bytes()  # the scan as captured
    assert not scan.is_cropping and scan.crop == kept.crop
    # What is read: the crop kept (the mouse lands on whole pixels of the view, so the crop
    # is 0.1-0.5 of the page's 800 rows to within the view's scale).
    tall = (bottom - top) * 800
    assert abs(scan.turned_size().height() - tall) <= 2
    with qtbot.waitSignal(page.page_shown, timeout=10000):
        scan.buttons["turnRight"].click()
    wait_idle(qtbot, office.runner)
    assert books.pages_of(office.session("canbo"), book.id)[0].rotation == 90
    assert abs(scan.turned_size().width() - tall) <= 2  # turned, still cropped
    with qtbot.waitSignal(page.page_shown, timeout=10000):
        scan.buttons["uncrop"].click()
    assert books.pages_of(office.session("canbo"), book.id)[0].crop is None


def test_a_pdf_page_and_an_unreadable_scan(qtbot: QtBot, tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    out = tmp_path / "page.pdf"
    pdf = canvas.Canvas(str(out), pagesize=(300, 400))
    pdf.drawString(40, 300, "So dang ky khai tu 1990")
    pdf.showPage()
    pdf.drawString(40, 300, "trang 2")
    pdf.showPage()
    pdf.save()
    viewer = PageScanWidget()
    qtbot.addWidget(viewer)
    image = decode_page("application/pdf", out.read_bytes())
    assert image is not None and image.width() == 625  # 300 pt at 150 dpi
    assert image.height() > 2 * 833  # both pages, one under the other
    viewer.show_content("application/pdf", image)
    assert viewer.shown == "pdf"
    viewer.show_content("application/pdf", decode_page("application/pdf", b"%PDF-1.4 no"))
    assert viewer.shown == "message"
    viewer.show_content("image/png", decode_page("image/png", b"\x89PNG broken"))
    assert viewer.shown == "message" and not viewer.buttons["zoomIn"].isEnabled()
    viewer.crop_rectangle(QRectF(0, 0, 10, 10))  # nothing shown: nothing to crop
    assert viewer.crop is None and QPoint(0, 0).isNull()


def _verified(office: UiOffice, book: books.BookRow, n: int) -> None:
    officer, checker = office.session("canbo"), office.session("canbo2")
    for position in range(1, n + 1):
        entry = books.key_entry(officer, book.id, 1, position, build("death", {
            **DEATH, "registration_number": str(position)})).record
        assert entry is not None
        records.submit(officer, entry.id)
        records.verify(checker, entry.id)


def test_a_supervisor_rechecks_a_sample_and_reads_the_chart(
        qtbot: QtBot, office: UiOffice, tmp_path: Path) -> None:
    book = _book(office, tmp_path / "usb", pages=1)
    _verified(office, book, 6)
    page = BooksPage(office.ctx("chutich"))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitUntil(lambda: page.current is not None, timeout=10000)
    wait_idle(qtbot, office.runner)
    assert page.recheck.draw_button.isEnabled()
    with qtbot.waitSignal(page.recheck.reports_shown, timeout=10000):
        page.recheck.draw_button.click()
    wait_idle(qtbot, office.runner)
    [report] = page.recheck.reports
    assert (report.drawn, report.rekeyed) == (5, 0)

    page.recheck.rekey()
    keying = page.keying
    qtbot.waitUntil(lambda: bool(keying.sample) and keying.scan.shown == "image", timeout=10000)
    wait_idle(qtbot, office.runner)
    assert page.screens.currentWidget() is keying and keying.sample_id == report.sample.id
    assert keying.form.editors["deceased.full_name"].value() is None  # blind
    assert keying.ocr.isHidden()  # the supervisor keys from the page alone
    assert keying.slot_list.count() == 5
    keying.slot_list.itemActivated.emit(keying.slot_list.item(2))  # the third drawn entry
    assert keying._drawn_index() == 2  # noqa: SLF001
    keying.slot_list.itemActivated.emit(keying.slot_list.item(0))
    wait_idle(qtbot, office.runner)
    assert keying._drawn_index() == 0  # noqa: SLF001
    for n in range(5):
        entry = keying.sample[keying._drawn_index()]  # noqa: SLF001
        rec = records.get_record(office.session("chutich"), entry.record_id)
        _type(keying, "registered_on", "02/03/1990")
        _type(keying, "registration_number", rec.data["registration_number"])
        _type(keying, "time_of_death", "01/03/1990 08:00")
        _type(keying, "deceased.full_name", "Nguyễn Văn Bảy" if n else "Nguyễn Văn Bẩy")
        for path in ("deceased.sex", "deceased.nationality"):
            value = rec.data["deceased"].get(path.split(".")[1])
            if value is not None:
                keying.form.editors[path].set_value(value)
        with qtbot.waitSignal(keying.entry_saved, timeout=10000):
            keying.save()
        wait_idle(qtbot, office.runner)
    keying.closed.emit()
    with qtbot.waitSignal(page.recheck.reports_shown, timeout=10000):
        pass
    wait_idle(qtbot, office.runner)
    [report] = page.recheck.reports
    assert report.rekeyed == 5 and report.fields.errors >= 1
    [(low, rate, high)] = page.recheck.chart_values()
    assert low <= rate <= high and abs(rate - report.fields.rate * 100) < 1e-9
    assert page.recheck.model.rowCount() == 1


def test_the_record_detail_shows_an_illegible_field(qtbot: QtBot) -> None:
    from desktop_app.domain.illegible import mark
    from ui.widgets.record_tree import RecordTree

    tree = RecordTree("vi")
    qtbot.addWidget(tree)
    data = mark(build("death", DEATH), "deceased.date_of_birth")
    data = mark(data, "registration_number")
    tree.show_data("death", data, historical=True)
    assert tree.items["deceased.date_of_birth"].text(1) == "không đọc được"
    assert tree.items["registration_number"].text(1) == "không đọc được"
    assert "illegible" not in tree.items  # the flags show on their fields
    assert tree.items["deceased.full_name"].text(1) == "Nguyễn Văn Bảy"


def test_ocr_suggestions_beside_the_page_fill_only_what_is_accepted(
        qtbot: QtBot, office: UiOffice) -> None:
    from desktop_app.workflows import ocr
    from tests.support.register_pages import birth_page

    printed = birth_page(23, 2, rows=3, rotation=-1.0)
    officer = office.session("canbo")
    book = books.open_book(officer, "birth", 2010, "01/2010", "UBND xã Hòa Phú", 1)
    books.add_page(officer, book.id, printed.image)
    ocr.set_page_writing(officer, book.id, 1, "printed")
    page = KeyingPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    with qtbot.waitSignal(page.ocr.reading_loaded, timeout=60000):
        page.open_book(book, 1)
    wait_idle(qtbot, office.runner)
    assert page.position == 1 and page.ocr.table.rowCount() >= 5
    assert page.form is not None and page.form.editors["child.full_name"].value() is None
    truth = printed.entries[0].values
    page.ocr.buttons["child.full_name"].click()
    assert page.form.editors["child.full_name"].value() == truth["child.full_name"]
    assert page.form.editors["mother.full_name"].value() is None  # not accepted: not filled

    page.go_to_position(2)  # the next entry: its own suggestions, an empty form
    assert page.form.editors["child.full_name"].value() is None
    assert page.ocr.entry() is not None and page.ocr.entry().position == 2
    assert page.ocr.isVisible()


def test_the_decider_types_what_the_page_says_when_both_keyings_are_wrong(
        qtbot: QtBot, office: UiOffice, tmp_path: Path) -> None:
    from ui.pages.decisions_page import KEYED_BY, READ, DecisionsPage
    from ui.pages.recheck_widget import RecheckWidget

    books.set_double_entry(office.session("chutich"), True)
    book = _book(office, tmp_path / "usb", pages=1)
    books.key_entry(office.session("canbo"), book.id, 1, 1, build("death", {
        **DEATH, "registered_on": "1990-03-04", "registration_number": "8"}))
    split = books.key_entry(office.session("canbo2"), book.id, 1, 1, build("death", {
        **DEATH, "registered_on": "1990-03-05", "registration_number": "3"}))
    assert split.record is not None and split.stage == "disagreed"
    page = DecisionsPage(office.ctx("chutich"))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.page_shown, timeout=10000):
        page.show()
    wait_idle(qtbot, office.runner)
    assert page.scan.shown == "image"  # decided with the page in view
    keyers = page.model.index(0, KEYED_BY)  # by their names, the usernames in the tooltip
    assert page.model.data(keyers) == "Lò Thị Cán, Vàng A Hai"
    assert page.model.data(keyers, Qt.ItemDataRole.ToolTipRole) == "canbo, canbo2"
    page.choose("registration_number", READ, "6")
    page.choose("registered_on", READ, "02/03/1990")
    with qtbot.waitSignal(page.decided, timeout=10000):
        page.decide_button.click()
    wait_idle(qtbot, office.runner)
    rec = records.get_record(office.session("chutich"), split.record.id)
    assert (rec.status, rec.data["registration_number"], rec.data["registered_on"]) == \
        ("submitted", "6", "1990-03-02")
    wrong = {a.key: a.wrong for a in books.accuracy(office.session("chutich")).officers}
    assert wrong == {"canbo": 2, "canbo2": 2}  # both keyed otherwise than the page

    # the accuracy tab: names, shares, the fields in words, and a report to keep
    accuracy = RecheckWidget(office.ctx("chutich"))
    qtbot.addWidget(accuracy)
    with qtbot.waitSignal(accuracy.reports_shown, timeout=10000):
        accuracy.refresh()
    text = accuracy.officers.text()
    assert "Lò Thị Cán: double entry differed on 2 of" in text and "canbo" not in text
    assert " %)" in text and "most often differed on: " in text
    assert "registration_number" not in text and "Ngày, tháng, năm đăng ký (1)" in text
    assert accuracy.officers.toolTip() == "canbo, canbo2"
    out = tmp_path / "accuracy.csv"
    with qtbot.waitSignal(accuracy.report_saved, timeout=10000):
        accuracy.save_report(out)
    assert "Vàng A Hai" in out.read_text("utf-8-sig")


def test_the_first_keyer_corrects_then_discards_their_blind_keying(
        qtbot: QtBot, office: UiOffice, tmp_path: Path) -> None:
    books.set_double_entry(office.session("chutich"), True)
    book = _book(office, tmp_path / "usb", pages=1)
    slip = build("death", {**DEATH, "deceased.full_name": "Nguyễn Văn Bẩy"})
    books.key_entry(office.session("canbo"), book.id, 1, 1, slip)
    books.key_entry(office.session("canbo"), book.id, 1, 2, build("death", DEATH))
    first = _keying(qtbot, office, "canbo", book)
    first.go_to_position(1)
    qtbot.waitUntil(lambda: first.own_blind, timeout=10000)
    assert first.discard_button.isVisible() and not first.save_button.isEnabled()
    first.reopen_button.click()
    assert first.editing_blind and first.form.isEnabled() and first.save_button.isEnabled()
    editor = first.form.editors["deceased.full_name"]
    editor.set_value(None)
    _type(first, "deceased.full_name", "Nguyễn Văn Bảy")
    with qtbot.waitSignal(first.entry_saved, timeout=10000) as saved:
        first.save()
    assert saved.args == ["corrected"]
    mine = books.own_keying(office.session("canbo"), book.id, 1, 1)
    assert mine is not None and mine["deceased"]["full_name"] == "Nguyễn Văn Bảy"
    assert books.own_keying(office.session("canbo2"), book.id, 1, 1) is None  # still blind
    wait_idle(qtbot, office.runner)  # the page comes back after the save

    first.go_to_position(2)
    qtbot.waitUntil(lambda: first.own_blind, timeout=10000)
    with qtbot.waitSignal(first.entry_saved, timeout=10000) as saved:
        first.discard_button.click()
    assert saved.args == ["discarded"]
    wait_idle(qtbot, first._ctx.runner)  # noqa: SLF001
    assert [s.position for s in books.page_slots(office.session("canbo"), book.id, 1)] == [1]
    assert first.position == 2 and first.form.isEnabled() and not first.own_blind
    assert not first.discard_button.isVisible()  # a free position: a new keying

    second = _keying(qtbot, office, "canbo2", book)  # the other keyer: blind, no discard
    second.go_to_position(1)
    wait_idle(qtbot, office.runner)
    assert not second.own_blind and not second.discard_button.isVisible()
    assert not second.reopen_button.isVisible()
    assert second.form.editors["deceased.full_name"].value() is None


def test_the_first_blind_keying_keeps_its_ocr_reviews(qtbot: QtBot, office: UiOffice) -> None:
    from desktop_app.workflows import ocr
    from tests.support.register_pages import birth_page
    from tests.ui.test_whole_book import _key_entry

    books.set_double_entry(office.session("chutich"), True)
    printed = birth_page(23, 2, rows=1, rotation=-1.0)
    officer = office.session("canbo")
    book = books.open_book(officer, "birth", 2010, "01/2010", "UBND xã Hòa Phú", 1)
    books.add_page(officer, book.id, printed.image)
    ocr.set_page_writing(officer, book.id, 1, "printed")
    page = KeyingPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    with qtbot.waitSignal(page.ocr.reading_loaded, timeout=60000):
        page.open_book(book, 1)
    wait_idle(qtbot, office.runner)
    stage, taken = _key_entry(qtbot, page, printed.entries[0])
    wait_idle(qtbot, office.runner)
    assert stage == "first" and taken  # blind: no record, yet its reviews are kept
    [keyer] = ocr.ocr_stats(office.session("chutich")).officers
    assert keyer.key == "canbo" and keyer.accepted == len(taken)


def test_the_suggestions_have_room_and_keep_the_division_set(qtbot: QtBot,
                                                              office: UiOffice) -> None:
    """At 1366×768 the page area is about 1150×640: the suggestions show six rows or more
    (they showed two) and the page keeps its share; a division the officer drags is found
    again on the next keying page."""
    page = KeyingPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.resize(1150, 640)
    page.show()
    qtbot.waitExposed(page)
    table = page.ocr.table
    row = table.verticalHeader().defaultSectionSize()
    assert table.viewport().height() >= 6 * row, (table.viewport().height(), row)
    assert page.scan.height() >= 200  # and the page its share

    page.page_side.moveSplitter(200, 1)  # the officer drags the handle up
    kept = page.page_side.sizes()
    again = KeyingPage(office.ctx("canbo"))
    qtbot.addWidget(again)
    again.resize(1150, 640)
    again.show()
    qtbot.waitExposed(again)
    assert again.page_side.sizes() == kept


def test_the_decision_opens_on_the_entry_row(qtbot: QtBot, office: UiOffice) -> None:
    """Not the whole page at 19 %: zoomed on the entry's ruled row, in the middle and marked
    (the rows found from the page's printed rules)."""
    from desktop_app.ocr.rows import entry_band
    from tests.support.register_pages import birth_page
    from ui.pages.decisions_page import DecisionsPage

    printed = birth_page(23, 3)
    bands = [entry_band(printed.image, n) for n in (1, 2, 3)]
    assert all(b is not None for b in bands), bands
    tops = [b[0] for b in bands if b]
    assert 0 < tops[0] < tops[1] < tops[2] < 1  # one row under the other, header above
    assert entry_band(printed.image, 9) is None  # no such row on the page

    boss = office.session("chutich")
    books.set_double_entry(boss, True)
    book = books.open_book(office.session("canbo"), "birth", 2010, "01/2010", "UBND xã", 1)
    books.add_page(office.session("canbo"), book.id, printed.image)
    truth = printed.entries[1].values
    data = {"registration_number": truth["registration_number"],
            "child": {"full_name": truth["child.full_name"]}}
    books.key_entry(office.session("canbo"), book.id, 1, 2, data)
    books.key_entry(office.session("canbo2"), book.id, 1, 2,
                    {**data, "registration_number": "999"})
    page = DecisionsPage(office.ctx("chutich"))
    qtbot.addWidget(page)
    page.resize(1150, 640)
    with qtbot.waitSignal(page.row_shown, timeout=30000) as found:
        page.show()
    assert found.args == [True]
    band = page.scan.band
    assert band is not None and band.isVisible()
    height = page.scan.visible_rect().height()
    assert abs(band.rect().top() / height - tops[1]) < 1e-6  # the second row marked
    assert page.scan.zoom_factor > 0.4  # the row readable, not the whole page (~0.18)
    shown = page.scan.view.mapToScene(page.scan.view.viewport().rect()).boundingRect()
    assert shown.contains(band.rect().center())
