"""Forms an officer fills from the keyboard all day (issue 14): Tab walks every input of each
procedure's form in the order the form shows them and never leaves the page for the side
menu; typed letters never switch pages; the wheel never changes an input without focus;
numeric inputs take the ranges the books need."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.domain import RecordType
from tests.ui.conftest import UiOffice, wait_idle
from ui.main_window import MainWindow
from ui.pages.registration_page import RegistrationPage
from ui.widgets.record_form import RecordForm, _Section


@pytest.fixture
def window(qtbot: QtBot, office: UiOffice) -> MainWindow:
    window = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.show_page("registration")
    window._closing_ok = True  # what the tests type is not kept: closing never asks
    yield window
    wait_idle(qtbot, office.runner)
    window.close()


def _choose(page: RegistrationPage, rtype: str, historical: bool) -> RecordForm:
    page.type_combo.setCurrentIndex(page.type_combo.findData(rtype))
    page.historical.blockSignals(True)
    page.historical.setChecked(historical)
    page.historical.blockSignals(False)
    page._rebuild()
    form = page.form
    assert form is not None and (form.rtype, form.historical) == (rtype, historical)
    for section in form.findChildren(_Section):
        section.set_expanded(True)  # every input reachable, so the walk visits them all
    QApplication.processEvents()
    return form


def _name(widget: QWidget) -> str:
    holder = widget
    while holder is not None and not holder.objectName():
        holder = holder.parentWidget()
    return holder.objectName() if holder is not None else type(widget).__name__


def _walk(qtbot: QtBot, page: RegistrationPage, backwards: bool = False) -> list[QWidget]:
    start = page.type_combo
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(start.hasFocus, timeout=3000)
    visited: list[QWidget] = [start]
    for _ in range(400):
        focused = QApplication.focusWidget()
        qtbot.keyClick(focused, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
                       Qt.KeyboardModifier.ShiftModifier if backwards
                       else Qt.KeyboardModifier.NoModifier)
        now = QApplication.focusWidget()
        assert now is not None and page.isAncestorOf(now), (
            f"Tab left the page after {_name(focused)} for {now and _name(now)}")
        if now is start:
            return visited
        visited.append(now)
    raise AssertionError(f"Tab never came back: {[_name(w) for w in visited][:60]}")


def _before(form: RecordForm, a: QWidget, b: QWidget) -> bool:
    """Whether ``a`` comes before ``b`` on screen: a higher row, or the same row and left."""
    pa, pb = a.mapTo(form, QPoint(0, 0)), b.mapTo(form, QPoint(0, 0))
    same_row = pa.y() < pb.y() + b.height() and pb.y() < pa.y() + a.height()
    return pa.x() < pb.x() if same_row else pa.y() < pb.y()


@pytest.mark.parametrize("historical", [False, True], ids=["new", "historical"])
def test_tab_walks_every_input_of_every_form_in_visual_order(
        qtbot: QtBot, window: MainWindow, historical: bool) -> None:
    page = window.registration
    assert page is not None
    cases = [(t.value, None) for t in RecordType if t is not RecordType.GUARDIANSHIP]
    cases += [("guardianship", "person"), ("guardianship", "organisation")]
    for rtype, kind in cases:
        form = _choose(page, rtype, historical)
        if kind is not None:
            form.set_kind("guardian", kind)
        visited = _walk(qtbot, page)
        names = [_name(w) for w in visited]
        assert names[:3] == ["typeCombo", "historicalCheck", "newButton"], rtype
        assert names[-2:] == ["saveButton", "submitButton"], rtype
        assert window.nav not in visited
        assert len(set(map(id, visited))) == len(visited), f"{rtype}: a widget twice"
        inputs = [w for w in visited if form.isAncestorOf(w)]
        assert visited[3:-2] == inputs, f"{rtype}: Tab leaves the form midway"
        for path, editor in form.editors.items():
            target = editor.focusProxy() or editor
            if kind is not None and form._hidden_by_kind(path):
                assert target not in inputs, f"{rtype}: {path} of the other kind reached"
                continue
            assert target in inputs, f"{rtype}: Tab never reaches {path}"
        for a, b in zip(inputs, inputs[1:], strict=False):
            assert _before(form, a, b), f"{rtype}: Tab goes from {_name(a)} back to {_name(b)}"
        assert _walk(qtbot, page, backwards=True)[1:] == visited[:0:-1], rtype  # Shift+Tab
        assert window.stack.currentWidget() is page


def test_the_death_form_starts_with_its_kind_then_the_deceased(
        qtbot: QtBot, window: MainWindow) -> None:
    page = window.registration
    _choose(page, "death", False)
    names = [_name(w) for w in _walk(qtbot, page)]
    assert names.index("field:registration_kind") < names.index("field:deceased.full_name")
    assert all(f"field:deceased.{n}" in names for n in ("full_name", "sex", "date_of_birth"))


def test_typing_in_the_side_menu_never_switches_pages(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.nav.focusPolicy() & Qt.FocusPolicy.TabFocus
    window.nav.setFocus()
    qtbot.waitUntil(window.nav.hasFocus, timeout=3000)
    for key in "hdstbcnq":  # the first letters of the pages
        qtbot.keyClick(window.nav, key)
    assert window.stack.currentWidget() is window.registration


def _wheel(widget: QWidget, steps: int = -3) -> bool:
    """Whether the widget kept the wheel event (Qt hands an ignored one to the parents:
    the scroll area; a sent, not spontaneous, event stops there)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, widget.mapToGlobal(centre), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_the_wheel_scrolls_the_form_instead_of_changing_an_unfocused_input(
        qtbot: QtBot, window: MainWindow) -> None:
    page = window.registration
    _choose(page, "birth", False)
    form = page.form
    sex = form.editors["father.sex"]
    sex.set_value("male")
    relationship = form.editors["declarant.relationship"]
    relationship.set_value(relationship.itemData(2))
    chosen = relationship.currentIndex()
    form.editors["child.full_name"].setFocus()
    for combo in (sex, relationship, page.type_combo):
        assert not combo.hasFocus()
        assert not combo.focusPolicy() & Qt.FocusPolicy.WheelFocus & ~Qt.FocusPolicy.StrongFocus
        assert not _wheel(combo)  # passed on to the form's scroll area
    assert sex.value() == "male"
    assert relationship.currentIndex() == chosen
    assert page.type_combo.currentData() == "birth"
    sex.setFocus()
    qtbot.waitUntil(sex.hasFocus, timeout=3000)
    _wheel(sex, 1)  # once chosen with focus, the wheel does change it
    assert sex.value() != "male"


def test_numbers_take_the_ranges_of_the_books(qtbot: QtBot, window: MainWindow) -> None:
    page = window.registration
    form = _choose(page, "birth", True)
    year = form.editors["source.year"]
    this_year = date.today().year
    for typed, kept in (("1945", "1945"), (str(this_year), str(this_year)),
                        ("2016", "2016"), ("3000", "300"), ("20166", "2016")):
        year.clear()
        year.setFocus()
        qtbot.keyClicks(year, typed)
        assert year.text() == kept, typed
    assert form.data()["source"]["year"] == 2016
    year.setText("1900")
    assert form.data()["source"]["year"] == "1900"  # before the books: the core refuses it
    age = form.editors["child.age_at_event"]
    age.clear()
    qtbot.keyClicks(age, "1500")
    assert age.text() == "150"
    assert (age.bounds, year.bounds) == ((0, 150), (1945, this_year))


def test_nationality_starts_as_a_value_and_no_placeholder_looks_like_one(
        qtbot: QtBot, window: MainWindow) -> None:
    page = window.registration
    for rtype in RecordType:
        form = _choose(page, rtype.value, False)
        for path, editor in form.editors.items():
            hint = getattr(editor, "placeholderText", lambda: "")()
            assert not (len(hint) == 2 and hint.isalpha()), f"{path}: {hint!r} looks typed"
            if path.endswith(".nationality"):
                assert editor.text() == "Việt Nam (VN)" and editor.value() == "VN", path
    form = _choose(page, "birth", False)
    form.editors["child.full_name"].setText("Nguyễn Văn An")
    data = form.data()
    assert data["child"]["nationality"] == "VN"
    assert "father" not in data and "declarant" not in data  # a default alone is no person
    form.editors["child.nationality"].set_value("LA")
    assert form.editors["child.nationality"].text() == "Lào (LA)"
    assert form.data()["child"]["nationality"] == "LA"
    historical = _choose(page, "birth", True)
    assert historical.editors["child.nationality"].value() is None  # copied as written


def test_a_country_typed_by_name_is_stored_as_its_code(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    """Typed in full without picking from the list, accents or not: the code is stored;
    a name that is no country stays as typed (the validation warns of it)."""
    field = _choose(window.registration, "birth", False).editors["child.nationality"]
    for typed, code in (("Việt Nam", "VN"), ("viet nam", "VN"), ("  Lào ", "LA"),
                        ("Trung Quoc", "CN"), ("Vietnam", "VN"), ("vn", "VN")):
        field.setText(typed)
        assert field.value() == code, typed
    field.setText("Xứ Sở Lạ")
    assert field.value() == "Xứ Sở Lạ"


def test_nobody_declares_their_own_death(qtbot: QtBot, window: MainWindow) -> None:
    page = window.registration
    death = _choose(page, "death", False).editors["declarant.relationship"]
    offered = [death.itemData(i) for i in range(death.count())]
    assert "self" not in offered and "spouse" in offered
    birth = _choose(page, "birth", False).editors["declarant.relationship"]
    assert "grandparent" in [birth.itemData(i) for i in range(birth.count())]


def test_the_guardian_kind_is_chosen_first_and_only_its_fields_show(
        qtbot: QtBot, window: MainWindow) -> None:
    page = window.registration
    form = _choose(page, "guardianship", False)
    names = [_name(w) for w in _walk(qtbot, page)]
    chooser = names.index("kind:guardian")
    assert chooser < names.index("field:guardian.full_name")  # chosen before the fields
    assert "field:guardian.name" not in names  # a person by default: no organisation fields
    assert not form.editors["guardian.name"].isVisibleTo(form)
    form.editors["guardian.full_name"].setText("Lò Văn Giám")
    assert form.data()["guardian"] == {"full_name": "Lò Văn Giám", "nationality": "VN"}

    form.set_kind("guardian", "organisation")
    assert form.editors["guardian.name"].isVisibleTo(form)
    assert not form.editors["guardian.full_name"].isVisibleTo(form)
    assert not form.findChild(QWidget, "section:guardian.residence").isVisibleTo(form)
    form.editors["guardian.name"].setText("Trung tâm Bảo trợ xã hội")
    assert form.data()["guardian"] == {"name": "Trung tâm Bảo trợ xã hội"}
    names = [_name(w) for w in _walk(qtbot, page)]
    assert "field:guardian.name" in names and "field:guardian.full_name" not in names

    form.set_data({"guardian": {"full_name": "Lò Văn Giám"}})  # a draft reopened
    assert form.kind_of("guardian") == "person"
    form.set_data({"guardian": {"name": "Trung tâm"}})
    assert form.kind_of("guardian") == "organisation"


def test_messages_never_push_the_fields_and_the_panel_wraps(
        qtbot: QtBot, window: MainWindow) -> None:
    from desktop_app.domain import Issue

    page = window.registration
    form = _choose(page, "birth", False)
    QApplication.processEvents()
    editors = list(form.editors.values())
    before = [e.mapTo(form, QPoint(0, 0)).y() for e in editors]
    issues = [Issue.of("E-REQUIRED", path) for path in form.editors]
    issues.append(Issue.of("E-REQUIRED", "child.full_name"))  # raised twice
    page._issues = issues
    page._render_issues()
    QApplication.processEvents()
    after = [e.mapTo(form, QPoint(0, 0)).y() for e in editors]
    assert after == before  # every field kept its place under the cursor
    assert form.error_text("child.full_name") and "\n" not in form.error_text("child.full_name")
    for box in form.findChildren(QWidget):
        if box.objectName().startswith("group:") and box.isVisible():
            assert box.height() >= box.minimumSizeHint().height(), box.objectName()
    panel = page.issues_list
    texts = [panel.item(i).text() for i in range(panel.count())]
    assert len(texts) == len(set(texts)) == len(form.editors)  # the same error once
    assert panel.wordWrap()
    assert panel.item(0).toolTip() == "E-REQUIRED"  # the code only in the tooltip
    assert "E-REQUIRED" not in panel.item(0).text()
    assert not panel.item(0).icon().isNull()  # the style's icon, not a glyph the font lacks
    assert not any(symbol in text for text in texts for symbol in "⛔⚠")


def test_enter_moves_to_the_next_field(qtbot: QtBot, window: MainWindow) -> None:
    page = window.registration
    form = _choose(page, "birth", False)
    chain = [w for w in page.tab_chain() if w.isVisibleTo(page)]
    start = form.editors["child.date_of_birth"]
    start.setFocus()
    qtbot.waitUntil(start.hasFocus, timeout=3000)
    qtbot.keyClicks(start, "10/01/2026")
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is chain[chain.index(start) + 1]
    assert start.value() == "2026-01-10"


def test_no_form_is_wider_than_the_window(qtbot: QtBot, window: MainWindow) -> None:
    page = window.registration
    for rtype in RecordType:
        _choose(page, rtype.value, False)
        QApplication.processEvents()
        assert page.scroll.horizontalScrollBar().maximum() == 0, rtype  # no sideways scroll


def test_the_window_remembers_its_size_and_maximised_state(qtbot: QtBot,
                                                            office: UiOffice) -> None:
    first = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(first)
    first.show()
    first.resize(first.minimumSizeHint().width() + 40, first.minimumSizeHint().height() + 30)
    QApplication.processEvents()
    chosen = (first.width(), first.height())
    assert chosen != (1200, 780)  # not the default
    first.close()
    second = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(second)
    second.show()
    QApplication.processEvents()
    assert (second.width(), second.height()) == chosen
    assert not second.isMaximized()
    second.showMaximized()
    QApplication.processEvents()
    second.close()
    third = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(third)
    assert third.windowState() & Qt.WindowState.WindowMaximized
    assert (office.paths.root / "window.ini").is_file()
    third._closing_ok = True
    third.close()


def test_a_twin_copies_the_parents_and_declarant_of_the_previous_birth(
        qtbot: QtBot, office: UiOffice) -> None:
    from tests.samples import build

    page = RegistrationPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    assert not page.copy_button.isEnabled()  # nothing submitted yet
    page.form.set_data(build("birth", {}))
    with qtbot.waitSignal(page.record_submitted, timeout=15000):
        page.submit()
    wait_idle(qtbot, office.runner)
    assert page.copy_button.isEnabled()
    assert page.form.data().get("mother") is None  # a fresh form
    page.form.editors["child.full_name"].setFocus()
    qtbot.keyClick(page.form.editors["child.full_name"], Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    data = page.form.data()
    assert data["mother"]["full_name"] == "Trần Thị Bình"
    assert data["father"]["full_name"] == "Nguyễn Văn Cường"
    assert data["declarant"]["relationship"] == "father"
    assert data["child"]["place_of_birth"]["commune_code"] == "26740"
    assert "full_name" not in data["child"] and "sex" not in data["child"]  # the twin's own
    assert "number" not in data.get("birth_evidence", {})
    assert page.has_unsaved_work()
    page._dirty = False
    wait_idle(qtbot, office.runner)


def test_the_second_twin_names_the_first_never_by_its_id(qtbot: QtBot,
                                                          office: UiOffice) -> None:
    """W-TWINS on the form names the other birth by its child, not by the record's UUID."""
    from tests.samples import build

    page = RegistrationPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    first = build("birth", {})
    page.form.set_data(first)
    with qtbot.waitSignal(page.record_submitted, timeout=15000):
        page.submit()
    wait_idle(qtbot, office.runner)
    twin = build("birth", {})
    twin["child"]["full_name"] = "Nguyễn Thị Song"
    twin["birth_evidence"]["number"] = "GCS-TWIN-2"
    page.form.set_data(twin)
    page._dirty = True
    page.save()
    qtbot.waitUntil(lambda: "W-TWINS" in page.issue_codes(), timeout=15000)
    wait_idle(qtbot, office.runner)
    qtbot.waitUntil(lambda: first["child"]["full_name"] in page.issues_list.item(0).text(),
                    timeout=5000)
    shown = [page.issues_list.item(n).text() for n in range(page.issues_list.count())]
    shown.append(page.form.error_text("child.date_of_birth"))
    assert not [t for t in shown if re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", t)], shown
    page._dirty = False
    wait_idle(qtbot, office.runner)


def test_communes_ethnic_groups_and_countries_complete_without_marks(
        qtbot: QtBot, window: MainWindow) -> None:
    """Typed without diacritics, as officers often do: each list offers the right name, and
    choosing it from the keyboard stores the code the core takes."""
    page = window.registration
    form = _choose(page, "birth", False)
    cases = (("child.ethnicity", "e de", "Ê-đê", "Ê-đê"),  # the official list's spelling
             ("child.ethnicity", "hmong", "HMông", "HMông"),
             ("mother.nationality", "lao", "Lào (LA)", "LA"),
             ("mother.nationality", "viet", "Việt Nam (VN)", "VN"),
             ("child.place_of_birth.commune_code", "phuong tan a", None, None))
    for path, typed, offered, stored in cases:
        field = form.editors[path]
        form._open_to(path)
        field.clear()
        field.setFocus()
        qtbot.waitUntil(field.hasFocus, timeout=3000)
        qtbot.keyClicks(field, typed)
        model = field.completer().completionModel()
        shown = [model.index(r, 0).data() for r in range(model.rowCount())]
        assert shown, (path, typed)
        if offered is not None:
            assert offered in shown, (path, typed, shown[:5])
            popup = field.completer().popup()
            qtbot.waitUntil(popup.isVisible, timeout=3000)
            popup.setCurrentIndex(model.index(shown.index(offered), 0))
            qtbot.keyClick(popup, Qt.Key.Key_Return)
            assert field.value() == stored, (path, field.text())


def test_a_date_typed_in_figures_shows_as_a_date_on_leaving_the_field(
        qtbot: QtBot, window: MainWindow) -> None:
    """"25112026" (typed fast, no slashes) reads 25/11/2026 once the officer moves on, so the
    form shows what was understood; what is not a date stays as typed."""
    page = window.registration
    form = _choose(page, "birth", False)
    field = form.editors["child.date_of_birth"]
    for typed, shown in (("25112026", "25/11/2026"), ("5.3.2025", "05/03/2025"),
                         ("3/2025", "03/2025"), ("2025", "2025"), ("hôm qua", "hôm qua")):
        field.clear()
        field.setFocus()
        qtbot.waitUntil(field.hasFocus, timeout=3000)
        qtbot.keyClicks(field, typed) if typed.isascii() else field.setText(typed)
        qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter moves on to the next field
        assert not field.hasFocus()
        assert field.text() == shown, typed
    page._dirty = False
