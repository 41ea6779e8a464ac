"""The supervisor decides from the keyboard (issue 14 item 10): Ctrl+Enter approves the selected
record, Ctrl+R rejects it (and asks for the reason first when none is written)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop_app.workflows import records
from tests.samples import build
from tests.ui.conftest import UiOffice, type_text, wait_idle
from ui.pages.approval_page import ApprovalPage


def _page_on(qtbot: QtBot, office: UiOffice, record_id: str) -> ApprovalPage:
    page = ApprovalPage(office.ctx("chutich"))
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    qtbot.waitUntil(lambda: record_id in [r.id for r in page.pending_model.rows()],
                    timeout=10000)
    page.pending_table.setFocus()
    page.pending_table.selectRow([r.id for r in page.pending_model.rows()].index(record_id))
    qtbot.waitUntil(lambda: page.warnings.state == "ready", timeout=10000)
    return page


def _submitted(office: UiOffice, rtype: str) -> str:
    officer = office.session("canbo")
    rec = records.create_record(officer, rtype, build(rtype)).record
    records.submit(officer, rec.id)
    return rec.id


def _status(office: UiOffice, record_id: str) -> str:
    return records.get_record(office.session("canbo"), record_id).status


def test_ctrl_enter_approves_the_selected_record(qtbot: QtBot, office: UiOffice) -> None:
    death = _submitted(office, "death")
    page = _page_on(qtbot, office, death)
    for key, reason in page.reasons.items():  # any warning the sample raises, with a reason
        type_text(reason, f"đã kiểm tra {key}")
    with qtbot.waitSignal(page.records_changed, timeout=10000):
        qtbot.keyClick(page.pending_table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _status(office, death) == "approved"
    wait_idle(qtbot, office.runner)


def test_ctrl_r_rejects_and_asks_for_the_reason_first(qtbot: QtBot, office: UiOffice) -> None:
    death = _submitted(office, "death")
    page = _page_on(qtbot, office, death)
    qtbot.keyClick(page.pending_table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert page.reject_reason.hasFocus()  # no reason yet: nothing refused, the box asks
    assert _status(office, death) == "submitted"
    reason = page.findChild(QLineEdit, "rejectReason")
    type_text(reason, "Thiếu giấy báo tử")
    with qtbot.waitSignal(page.records_changed, timeout=10000):
        qtbot.keyClick(reason, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert _status(office, death) == "rejected"
    wait_idle(qtbot, office.runner)
