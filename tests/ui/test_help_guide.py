"""The user guide inside the app (issue 14 item 12): every warning the domain can raise has
its entry, the links between sections lead somewhere, the search ignores diacritics, and F1
opens the section of the page on screen."""

from __future__ import annotations

import re
import unicodedata

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from desktop_app.domain.messages import MESSAGES
from tests.ui.conftest import UiOffice, wait_idle
from ui.help.guide import GUIDE_DIR, Guide, accent_pattern
from ui.help.help_window import HelpWindow
from ui.main_window import MainWindow


@pytest.fixture(scope="module")
def guide() -> Guide:
    return Guide.load()


def warning_codes() -> list[str]:
    """Every warning the domain's catalogue words: rules of one record, rules between records
    (the W- twin of each E- the law forbids for a new act)."""
    return sorted(code for code in MESSAGES if code.startswith("W-"))


def test_every_warning_of_the_domain_has_a_guide_entry(guide: Guide) -> None:
    codes = warning_codes()
    assert len(codes) > 40
    missing = [code for code in codes if guide.get(code) is None]
    assert not missing, f"warnings without a section in docs/guide/: {missing}"
    for code in codes:
        text = " ".join(guide.by_id[code].body.split())
        # What it means, and what the supervisor checks before writing the reason.
        assert "**Nghĩa là**" in text and "**Lãnh đạo kiểm tra**" in text, code
        assert f"`{code}`" in text, code  # searchable by the code shown in tooltips


def test_guide_sections_link_to_sections_that_exist(guide: Guide) -> None:
    broken = [(source, target) for source, target in guide.links()
              if guide.get(target) is None]
    assert not broken
    assert len(list(guide.links())) > 30
    # A link reads as words ("Sinh đôi, sinh ba"), not as a rule code: codes are for support.
    coded = [(path.name, m) for path in GUIDE_DIR.glob("*.md")
             for m in re.findall(r"\[([WE]-[A-Z0-9-]+)\]\(", path.read_text("utf-8"))]
    assert not coded


def test_guide_files_are_nfc_vietnamese() -> None:
    for path in GUIDE_DIR.glob("*.md"):
        text = path.read_text("utf-8")
        assert unicodedata.normalize("NFC", text) == text, path.name


@pytest.mark.parametrize("topic", [
    "birth", "death", "marriage", "recognition", "change", "guardianship", "historical-entry",
    "books", "verification", "decisions", "warnings", "offline", "sync", "usb", "signing",
    "backup", "restore"])
def test_the_guide_covers_each_procedure_and_task(guide: Guide, topic: str) -> None:
    section = guide.get(topic)
    assert section is not None and len(guide.markdown(topic)) > 300, topic


def test_search_ignores_diacritics_and_ranks_the_title_first(guide: Guide) -> None:
    assert guide.search("khai tu")[0].id == "death"
    assert guide.search("KHAI TỬ")[0].id == "death"
    assert guide.search("sinh doi")[0].id == "W-TWINS"
    assert guide.search("w-twins")[0].id == "W-TWINS"
    assert guide.search("sao luu")[0].id == "backup"
    assert guide.search("xyzzy") == []
    assert guide.search("   ") == []
    found = re.findall(accent_pattern("dang ky"), "Đăng ký, đăng kí, Dang ky, đang kỳ")
    assert found == ["Đăng ký", "Dang ky", "đang kỳ"]


def test_the_window_searches_marks_and_follows_links(qtbot: QtBot, guide: Guide) -> None:
    window = HelpWindow(guide)
    qtbot.addWidget(window)
    window.show()
    window.search_box.setText("khai tu")
    assert window.results.isVisible() and not window.contents.isVisible()
    assert window.results.count() == len(guide.search("khai tu"))
    window._open_first_result()
    assert window.current == "death"
    assert "tử" in window.marked and "Khai" in window.marked  # marked as written
    window.search_box.clear()
    assert window.contents.isVisible() and window.marked == []

    window.show_section("registration")
    window.text.anchorClicked.emit(QUrl("#W-TWINS"))  # a link in the section's text
    assert window.current == "W-TWINS"
    assert "Sinh đôi" in window.text.toPlainText()
    window.back_button.click()
    assert window.current == "registration"
    assert not window.show_section("no-such-section")


@pytest.mark.parametrize("user", ["chutich", "admin"])
def test_f1_opens_the_section_of_the_page_on_screen(qtbot: QtBot, office: UiOffice,
                                                    guide: Guide, user: str) -> None:
    window = MainWindow(office.ctx(user))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    for key in window.pages:
        window.show_page(key)
        wait_idle(qtbot, office.runner)
        expected = key if key != "registration" else "birth"  # the form's first procedure
        assert guide.get(expected) is not None, f"no guide section for the page {key}"
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
        help_window = window.help_window
        assert help_window is not None and help_window.isVisible()
        assert help_window.current == expected, key
        help_window.hide()
    window.close()


def test_f1_in_a_record_opens_the_section_of_the_record_window(
        qtbot: QtBot, office: UiOffice, guide: Guide) -> None:
    from desktop_app.workflows import records
    from tests.samples import build

    created = records.create_record(office.session("canbo"), "birth", build("birth", {}))
    window = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(window)
    window.show()
    detail = window.open_record(created.record.id)
    with qtbot.waitActive(detail):
        detail.activateWindow()
    qtbot.keyClick(detail.focusWidget() or detail, Qt.Key.Key_F1)
    assert window.help_window is not None and window.help_window.current == "record-detail"
    assert guide.get("record-detail") is not None
    wait_idle(qtbot, office.runner)
    window.close()
