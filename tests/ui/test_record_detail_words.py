"""The record detail reads like the form (issue 14 item 7): the fields in the form's order with
the form's labels, values in words (Việt Nam, not VN; "Trang 5, sổ năm 2016"; dd/mm/yyyy and
partial dates as written), and a place by its name, never its code."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop_app.workflows import records
from tests.samples import build
from tests.ui.conftest import UiOffice, wait_idle
from ui import i18n
from ui.main_window import MainWindow
from ui.pages.record_detail import RecordDetailDialog
from ui.widgets.record_form import RecordForm


def _open(qtbot: QtBot, window: MainWindow, record_id: str) -> RecordDetailDialog:
    i18n.install("vi")  # the words joining a line are the translation's
    dialog = window.open_record(record_id)
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10000)
    return dialog


def _rows(item: QTreeWidgetItem) -> list[tuple[str, str]]:
    """(label, value) of every row under ``item``, top to bottom as shown."""
    found: list[tuple[str, str]] = []
    for n in range(item.childCount()):
        child = item.child(n)
        found.append((child.text(0), child.text(1)))
        found.extend(_rows(child))
    return found


def _group(dialog: RecordDetailDialog, title: str) -> QTreeWidgetItem:
    root = dialog.tree.invisibleRootItem()
    for n in range(root.childCount()):
        if root.child(n).text(0) == title:
            return root.child(n)
    raise AssertionError(f"no group {title!r}: "
                         f"{[root.child(n).text(0) for n in range(root.childCount())]}")


def _form_labels(form: RecordForm, prefix: str) -> list[str]:
    """The labels of a group's fields as the form shows them, top to bottom."""
    labels = []
    for path, editor in form.editors.items():
        if path.startswith(prefix) and path.count(".") == 1:
            label = next(lb for lb in form.findChildren(QLabel) if lb.buddy() is editor)
            labels.append(label.text().removesuffix(" *"))
    return labels


def test_a_birth_reads_in_the_forms_order_and_words(qtbot: QtBot, office: UiOffice) -> None:
    data = build("birth", {
        "child.nationality": "VN", "child.sex": "female",
        "child.place_of_birth": {"facility": "Trạm y tế xã", "commune_code": "26740"},
        "mother.nationality": "LA", "father.full_name": "Y Bhim Êban",
        "father.date_of_birth": "1990-05", "father.nationality": "VN",
        "declarant.relationship": "father"})
    rec = records.create_record(office.session("canbo"), "birth", data).record
    window = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(window)
    dialog = _open(qtbot, window, rec.id)
    form = RecordForm("birth", historical=False, lang="vi", convert=lambda *_a: None)
    qtbot.addWidget(form)

    for group, prefix in (("Người được khai sinh", "child."), ("Người mẹ", "mother."),
                          ("Người cha", "father.")):
        shown = [label for label, _v in _rows(_group(dialog, group))]
        expected = [lb for lb in _form_labels(form, prefix) if lb in shown]
        assert [lb for lb in shown if lb in expected] == expected, group  # the form's order
        assert shown[0] == "Họ, chữ đệm, tên", group  # the name first, as on the form
    child = dict(_rows(_group(dialog, "Người được khai sinh")))
    assert child["Quốc tịch"] == "Việt Nam" and child["Giới tính"] == "Nữ"
    assert child["Ngày, tháng, năm sinh"] == "10/01/2026"
    place = child["Nơi sinh"]
    assert place.startswith("Trạm y tế xã, ") and "26740" not in place  # by name, no code
    assert dict(_rows(_group(dialog, "Người mẹ")))["Quốc tịch"] == "Lào"
    assert dict(_rows(_group(dialog, "Người cha")))["Ngày, tháng, năm sinh"] == "05/1990"
    assert dict(_rows(_group(dialog, "Người đi đăng ký")))[
        "Quan hệ với người được đăng ký"] == "Cha"
    values = [v for _l, v in _rows(dialog.tree.invisibleRootItem())]
    assert not {"VN", "LA", "female", "father", "on_time"} & set(values)
    wait_idle(qtbot, office.runner)
    window.close()


def test_a_historical_entry_names_its_page_and_book(qtbot: QtBot, office: UiOffice) -> None:
    data = {"child": {"full_name": "Lê Văn Tám", "sex": "male", "date_of_birth": "1980"},
            "registered_on": "1980-08-02", "registration_number": "12", "book_number": "01",
            "source": {"year": 2016, "page": "5", "office": "UBND xã Tân Lập"}}
    rec = records.create_record(office.session("canbo"), "birth", data,
                                historical=True).record
    window = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(window)
    dialog = _open(qtbot, window, rec.id)
    source = _group(dialog, "Nguồn: sổ hộ tịch cũ")
    assert source.text(1) == "Trang 5, sổ năm 2016"
    child = dict(_rows(_group(dialog, "Người được khai sinh")))
    assert child["Ngày, tháng, năm sinh"] == "1980"  # a partial date as written
    first = dialog.tree.invisibleRootItem().child(0)  # the form's first group, on top
    assert first.text(0) == "Đăng ký"
    assert [label for label, _v in _rows(first)][:3] == [
        "Ngày, tháng, năm đăng ký", "Số", "Quyển số"]
    assert dict(_rows(first))["Ngày, tháng, năm đăng ký"] == "02/08/1980"
    wait_idle(qtbot, office.runner)
    window.close()
