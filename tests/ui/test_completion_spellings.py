"""One spelling a thing in the completion lists: each ethnic group is offered once, by its
name in the official list (Quyết định 121-TCTK/PPCĐ), whichever spelling the officer types;
each country once, found by its other name too. What is typed on purpose stays as typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.domain.ethnicity import ethnic_group, ethnic_groups
from tests.ui.conftest import type_text
from ui.widgets.inputs import CountryField, EthnicityField


def test_each_ethnic_group_is_offered_once_by_its_official_name(qtbot: QtBot) -> None:
    field = EthnicityField()
    qtbot.addWidget(field)
    for typed in ("Ê Đê", "e de", "ede", "Ê-đê", "ê-Đê"):
        assert field.completion.matches(typed) == ["Ê-đê"], typed
    assert field.completion.matches("gia rai") == ["Gia-rai"]
    assert field.completion.matches("mong") == ["HMông"]
    assert field.completion.matches("khmer") == ["Khơ-me"]
    assert field.completion.matches("ra")[:2] == ["Ra-glai", "Gia-rai"]  # its name begins so
    # Whatever is typed, no group is offered under two spellings.
    for group in ethnic_groups():
        for typed in (group.official_name, group.common_spelling, group.common_spelling[:2]):
            offered = [ethnic_group(name) for name in field.completion.matches(typed)]
            codes = [g.code for g in offered if g is not None]
            assert len(codes) == len(set(codes)) == len(offered), (typed, offered)
            if typed != group.common_spelling[:2]:
                assert field.completion.matches(typed)[0] == group.official_name, typed


def test_the_spelling_of_the_papers_is_kept_when_typed(qtbot: QtBot) -> None:
    field = EthnicityField()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=3000)
    type_text(field, "Ê Đê")
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # the list offered, nothing chosen from it
    QApplication.processEvents()
    assert field.value() == "Ê Đê"
    field.setFocus()
    type_text(field, " ")  # the list opens again; Tab leaves the field as typed
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert field.value() == "Ê Đê "


def test_a_country_is_found_by_its_other_name(qtbot: QtBot) -> None:
    field = CountryField("vi")
    qtbot.addWidget(field)
    assert field.completion.matches("cambodia") == ["Campuchia (KH)"]
    assert field.completion.matches("united states") == ["Hoa Kỳ (US)"]
    assert field.completion.matches("vietnam") == ["Việt Nam (VN)"]
    assert field.completion.matches("viet") == ["Việt Nam (VN)"]
