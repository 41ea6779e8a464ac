"""A record with no name yet (a draft, an old book's entry keyed without its name) has a
proper title everywhere it is named: "Khai sinh (chưa có tên, số 7)", never "Khai sinh:"
with nothing after it, for every procedure."""

from __future__ import annotations

from types import SimpleNamespace

from pytestqt.qtbot import QtBot

from desktop_app.domain import RecordType
from desktop_app.workflows import books, records
from tests.ui.conftest import UiOffice, wait_idle
from ui.labels import names_shown, record_heading
from ui.pages.record_detail import RecordDetailDialog
from ui.pages.records_page import record_columns


def test_every_procedure_titles_a_record_without_a_name() -> None:
    for rtype in RecordType:
        rec = SimpleNamespace(type=rtype.value, data={}, registration_number=None)
        heading = record_heading(rec, "vi")
        assert heading.endswith(" (chưa có tên)") and ":" not in heading, heading
        assert not record_heading(rec, "en").endswith(":")
        assert names_shown(rec, "vi") == "(chưa có tên)"
    named = SimpleNamespace(type="marriage", registration_number=None, data={
        "husband": {"full_name": "Phạm Văn Hùng"}, "wife": {"full_name": "Đỗ Thị Lan"}})
    assert record_heading(named, "vi") == "Kết hôn: Phạm Văn Hùng – Đỗ Thị Lan"
    numbered = SimpleNamespace(type="death", data={}, registration_number="12")
    assert record_heading(numbered, "vi") == "Khai tử (chưa có tên, số 12)"
    assert record_heading(numbered, "vi", identify=False) == "Khai tử (chưa có tên)"
    on_page = SimpleNamespace(type="birth", registration_number=None,
                              data={"source": {"page": 5, "entry_number": "3"}})
    assert record_heading(on_page, "vi", short=False) == \
        "Khai sinh (chưa có tên, trang 5, mục 3)"
    assert record_heading(on_page, "en") == "Birth (no name yet, page 5, entry 3)"


def test_an_old_entry_keyed_without_a_name_is_titled_by_its_number(
        qtbot: QtBot, office: UiOffice) -> None:
    officer = office.session("canbo")
    book = books.open_book(officer, "birth", 2010, "01/2010", "UBND xã Hòa Phú", 1)
    books.add_page(officer, book.id, _page_png())
    keyed = books.key_entry(officer, book.id, 1, 1, {"registration_number": "7",
                                                     "registered_on": "2010-03-02"})
    assert keyed.record is not None
    rec = records.get_record(officer, keyed.record.id)
    assert rec.is_historical

    dialog = RecordDetailDialog(office.ctx("canbo"), rec.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10000)
    wait_idle(qtbot, office.runner)
    assert dialog.windowTitle() == "Khai sinh (chưa có tên, số 7)"
    assert dialog.title.text() == "Khai sinh (chưa có tên, số 7)"

    names = dict(record_columns(office.ctx("canbo")))["Names"]
    assert names(rec) == "(chưa có tên)"  # the number has its own column


def _page_png() -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(400, 560, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4efe1"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())
