"""Kiểm tra lần hai: a second officer verifies a historical entry next to its page scan; the
officer who entered it sees why they may not (the button disabled, the workflow refusing)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.workflows import attachments, records
from tests.samples import build
from tests.ui.conftest import UiOffice, wait_idle
from tests.ui.page_images import paper_png
from ui.main_window import MainWindow
from ui.pages.record_detail import RecordDetailDialog
from ui.pages.verification_page import VerificationPage


def historical_death(office: UiOffice, *, scan: bool = True) -> str:
    officer = office.session("canbo")
    data = build("death", {"registered_on": "1990-03-02", "registration_number": "7",
                           "book_number": "01/1990", "time_of_death": "1990-03-01T08:00"})
    rec = records.create_record(officer, "death", data, historical=True).record
    if scan:
        attachments.add_attachment(officer, rec.id, paper_png(400, 560))
    records.submit(officer, rec.id)
    return rec.id


def _page(qtbot: QtBot, office: UiOffice, username: str) -> VerificationPage:
    page = VerificationPage(office.ctx(username))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.current is not None, timeout=10000)
    return page


def test_the_officer_who_entered_it_is_refused(qtbot: QtBot, office: UiOffice) -> None:
    record_id = historical_death(office)
    page = _page(qtbot, office, "canbo")
    assert page.current.record.id == record_id
    qtbot.waitUntil(lambda: page.scan.shown == "image", timeout=10000)
    assert not page.verify_button.isEnabled()
    assert page.refusal.text() and page.verify_button.toolTip() == page.refusal.text()
    qtbot.keyClick(page.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert office.runner.pending == 0 and page.message.text() == ""  # the shortcut neither
    page.verify()  # even if it were reached: the workflow refuses, the message says why
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=10000)
    assert records.get_record(office.session("canbo"), record_id).verified_by is None
    wait_idle(qtbot, office.runner)


def test_a_second_officer_verifies_next_to_the_scan(qtbot: QtBot, office: UiOffice) -> None:
    record_id = historical_death(office)
    office.clock.advance(minutes=5)
    without_scan = historical_death(office, scan=False)
    page = _page(qtbot, office, "canbo2")
    assert [i.record.id for i in page.model.rows()] == [record_id, without_scan]
    qtbot.waitUntil(lambda: page.scan.shown == "image", timeout=10000)
    assert page.verify_button.isEnabled()
    assert page.refusal.text() == "" and page.tree.topLevelItemCount() > 0
    fitted = page.scan.zoom_factor
    page.scan.buttons["actual"].click()  # to read a faint hand: pixel for pixel
    assert page.scan.zoom_factor == 1.0 != fitted and page.scan.image_size().width() == 400
    page.scan.buttons["fit"].click()
    assert page.scan.zoom_factor == fitted

    with qtbot.waitSignal(page.records_changed, timeout=10000):  # Ctrl+Enter, as to submit
        qtbot.keyClick(page.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert records.get_record(office.session("canbo"), record_id).verified_by == "canbo2"
    qtbot.waitUntil(lambda: [i.record.id for i in page.model.rows()] == [without_scan],
                    timeout=10000)
    qtbot.waitUntil(lambda: page.scan.shown == "none", timeout=10000)  # no scan: said so
    detail = RecordDetailDialog(office.ctx("canbo"), record_id)
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: detail.view is not None, timeout=10000)
    assert "canbo2" in detail.summary.text()  # who checked it, on the record
    wait_idle(qtbot, office.runner)


def test_reachable_from_the_side_menu(qtbot: QtBot, office: UiOffice) -> None:
    historical_death(office)
    window = MainWindow(office.ctx("chutich"))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("verification")
    assert isinstance(page, VerificationPage)
    qtbot.waitUntil(lambda: page.current is not None and page.verify_button.isEnabled(),
                    timeout=10000)
    wait_idle(qtbot, office.runner)
    window.close()
