"""The historical form takes a date as the old book writes it in the lunar calendar: the
field holds the Gregorian date computed by the core, the text as written is kept in
lunar_dates, and the record's data shows both. New registrations keep the plain date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.domain.lunar import convert
from tests.ui.conftest import type_text
from ui.widgets.inputs import DateField
from ui.widgets.lunar_dates import LunarDateField
from ui.widgets.record_form import RecordForm
from ui.widgets.record_tree import RecordTree

DOB = "child.date_of_birth"


def _form(qtbot: QtBot, historical: bool = True) -> RecordForm:
    form = RecordForm("birth", historical=historical, lang="vi",
                      convert=lambda _t, _done, _failed: None)
    qtbot.addWidget(form)
    return form


def test_a_lunar_date_as_written_is_kept_and_converted(qtbot: QtBot) -> None:
    form = _form(qtbot)
    form.editors["source.year"].set_value(1960)  # type: ignore[attr-defined]
    editor = form.editors[DOB]
    assert isinstance(editor, LunarDateField)
    type_text(editor, "mùng 5 tháng Giêng năm Giáp Thân")
    shown = form.findChild(QLabel, f"lunarConverted:{DOB}")
    assert shown is not None and not shown.isHidden() and "29/01/1944" in shown.text()
    data = form.data()
    assert data["child"]["date_of_birth"] == "1944-01-29"  # type: ignore[index]
    assert data["lunar_dates"] == [{
        "field": DOB, "as_written": "mùng 5 tháng Giêng năm Giáp Thân", "lunar": "1944-01-05",
        "leap_month": False, "converted": "1944-01-29"}]

    again = _form(qtbot)
    again.set_data(data)
    assert again.editors[DOB].text() == "mùng 5 tháng Giêng năm Giáp Thân"  # type: ignore[attr-defined]
    box = again.findChild(QCheckBox, f"lunar:{DOB}")
    assert box is not None and box.isChecked()
    assert again.data()["lunar_dates"] == data["lunar_dates"]


def test_lunar_figures_need_the_box_and_a_plain_date_stays_gregorian(qtbot: QtBot) -> None:
    form = _form(qtbot)
    editor = form.editors[DOB]
    type_text(editor, "5/1/1944")
    assert form.data()["child"]["date_of_birth"] == "1944-01-05"  # type: ignore[index]
    assert "lunar_dates" not in form.data()
    qtbot.keyClick(editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # the book: lunar
    assert form.data()["child"]["date_of_birth"] == "1944-01-29"  # type: ignore[index]
    assert form.data()["lunar_dates"][0]["as_written"] == "5/1/1944"  # type: ignore[index]
    editor.clear()
    type_text(editor, "30/10/2020 âm lịch")  # no such lunar day: the core will say so
    assert form.data()["child"]["date_of_birth"] == "30/10/2020 âm lịch"  # type: ignore[index]
    assert "lunar_dates" not in form.data()


def test_a_new_registration_has_no_lunar_option(qtbot: QtBot) -> None:
    form = _form(qtbot, historical=False)
    assert type(form.editors[DOB]) is DateField
    assert form.findChild(QCheckBox, f"lunar:{DOB}") is None


def test_the_record_shows_the_lunar_date_beside_the_converted_one(qtbot: QtBot) -> None:
    note = convert(DOB, "rằm tháng Bảy năm Ất Dậu", reference_year=1950)
    tree = RecordTree("vi")
    qtbot.addWidget(tree)
    tree.show_data("birth", historical=True, data={"child": {"full_name": "Lê Văn Tám",
                                       "date_of_birth": note.converted.iso()},
                             "lunar_dates": [note.as_json()]})
    texts = [tree.topLevelItem(0).child(i).text(1) for i in range(2)]
    assert "22/08/1945 (lunar: rằm tháng Bảy năm Ất Dậu)" in texts
    assert tree.topLevelItemCount() == 1  # lunar_dates is not a field of its own


def test_a_death_in_an_old_book_may_be_dated_by_the_lunar_calendar(qtbot: QtBot) -> None:
    form = RecordForm("death", historical=True, lang="vi",
                      convert=lambda _t, _done, _failed: None)
    qtbot.addWidget(form)
    editor = form.editors["time_of_death"]
    assert isinstance(editor, LunarDateField)
    type_text(editor, "ngày 10 tháng 4 nhuận năm 2020")
    data = form.data()
    assert data["time_of_death"] == "2020-06-01"
    assert data["lunar_dates"][0]["field"] == "time_of_death"  # type: ignore[index]
    editor.clear()
    type_text(editor, "01/06/2020 14:30")  # a Gregorian moment stays one
    assert form.data()["time_of_death"] == "2020-06-01T14:30"

