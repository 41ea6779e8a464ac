"""One paper book through the real window, from its first photographed page to verified,
reconciled entries (issue 17): the supervisor requires double entry; an officer opens the 2010
birth book, adds two photographed pages from a folder through the folder dialog, marks them
printed and keys their entries with the page beside the form (OCR suggestions accepted where
they read right, a field marked illegible, a lunar date as written); a second officer keys
the same entries blind; the supervisor decides the one disagreement with the page in view and
approves; the officer reconciles the book with the real central server's registry (seeded
with a deliberate mismatch) and resolves it; the book's progress, the accuracy and a sample
re-check are read on the books page.

With HOTICH_JOURNEY_SHOTS=<folder> (and a real display: xvfb-run) each step is saved as a
screenshot there, for a person to look at (ui/tools/book_journey_shots.sh).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.domain.access import get
from desktop_app.domain.lunar import from_gregorian
from desktop_app.paths import DataPaths
from desktop_app.workflows import books, ocr, records
from desktop_app.workflows import reconciliation as rc
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.e2e.conftest import CentralProcess
from tests.support.register_pages import PageEntry, birth_page
from tests.ui.conftest import type_text
from tests.ui.day_support import STAFF_PW, Desk, central, enrolled_office
from tests.ui.shown_text import shown_texts
from ui import i18n
from ui.pages.books_page import BooksPage
from ui.pages.keying_page import KeyingPage
from ui.record_words import value_words

__all__ = ["central"]  # the fixture

SHOTS = os.environ.get("HOTICH_JOURNEY_SHOTS")
TYPO = "Thị Lann"  # the first keyer's slip on page 1, entry 3 (the mother's name)
ILLEGIBLE = "father.full_name"  # page 1, entry 2: the book's ink is gone there
LUNAR = "child.date_of_birth"  # page 2, entry 1: the book writes it in the lunar calendar


class Shots:
    """Screenshots of each step when asked for (HOTICH_JOURNEY_SHOTS); nothing otherwise."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, qtbot: QtBot, window: QWidget, name: str) -> None:
        if not SHOTS:
            return
        self.n += 1
        qtbot.wait(150)  # let the layout settle and the page paint
        folder = Path(SHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(folder / f"{self.n:02d}-{name}.png"))


shot = Shots()


def _target(editor: QWidget) -> QWidget:
    """The widget the keys go to (a composite field types into its line)."""
    if isinstance(editor, (QLineEdit, QComboBox)):
        return editor
    proxy = editor.focusProxy()
    if proxy is not None:
        return proxy
    line = editor.findChild(QLineEdit)
    return line if line is not None else editor


def _typed(path: str, value: str) -> str:
    """A canonical value as the officer types it: 01/02/2010, the sex in words."""
    if path.endswith(("date_of_birth", "registered_on")):
        year, month, day = value.split("-")
        return f"{day}/{month}/{year}"
    return value


def _key_field(page: KeyingPage, path: str, text: str) -> None:
    """Put the cursor in the field and type; a drop-down is chosen by typing its words."""
    assert page.form is not None
    page.form.focus_field(path)
    target = _target(page.form.editors[path])
    if isinstance(target, QComboBox):  # Home, then Down until it shows the words
        QTest.keyClick(target, Qt.Key.Key_Home)
        for _ in range(target.count()):
            if target.currentText() == text:
                return
            QTest.keyClick(target, Qt.Key.Key_Down)
        raise AssertionError(f"the drop-down of {path} never showed {text!r}")
    completion = getattr(page.form.editors[path], "completion", None)
    if completion is not None and path.endswith(".nationality"):
        # a country is typed in part and chosen from the list the field offers
        type_text(target, text.split()[0])
        popup = completion.completer.popup()
        qtbot_free_wait(popup.isVisible)
        QTest.keyClick(popup, Qt.Key.Key_Down)
        QTest.keyClick(popup, Qt.Key.Key_Return)
        return
    type_text(target, text)


def qtbot_free_wait(ready: Callable[[], bool]) -> None:
    """Until ``ready`` (events processed meanwhile): the completion list opens at once."""
    for _ in range(100):
        if ready():
            return
        QApplication.processEvents()
    raise AssertionError("the field offered no completion")


def _key_entry(qtbot: QtBot, page: KeyingPage, truth: PageEntry, *, use_ocr: bool = True,
               illegible: str | None = None, lunar: str | None = None,
               change: dict[str, str] | None = None,
               shots: Callable[[QWidget], None] | None = None) -> tuple[str, set[str]]:
    """Key the entry at the page's current position as an officer does: accept each OCR
    suggestion that reads what the page shows, type the rest; returns the stage saved and
    the fields taken from OCR."""
    assert page.form is not None and page.is_editable
    taken: set[str] = set()
    if use_ocr:
        qtbot.waitUntil(page.ocr.read_button.isEnabled, timeout=60000)  # the page is read
    entry = page.ocr.entry() if use_ocr and page.ocr.isVisible() else None
    wanted = dict(truth.values)
    for path in list(wanted):
        suggestion = entry.get(path) if entry is not None else None
        if (suggestion is not None and suggestion.value == wanted[path] and path != lunar
                and path != illegible and path not in (change or {})
                and path in page.ocr.buttons):
            page.ocr.buttons[path].click()  # the officer checks it against the page: right
            taken.add(path)
            del wanted[path]
    for path, value in wanted.items():
        if path == illegible:
            continue
        if path == lunar:
            moon = from_gregorian(date.fromisoformat(value))
            assert not moon.leap
            text = f"{moon.day}/{moon.month}/{moon.year} âm lịch"
        elif change and path in change:
            text = change[path]
        else:
            text = value_words("birth", path, value, "vi") if path.endswith(
                (".sex", ".ethnicity", ".nationality")) else _typed(path, value)
        _key_field(page, path, text)
    if illegible is not None:
        page.form.focus_field(illegible)
        qtbot.keyClick(_target(page.form.editors[illegible]), Qt.Key.Key_I,
                       Qt.KeyboardModifier.ControlModifier)
        assert page.marks is not None and illegible in page.marks.paths
        assert page.marked.text()  # said under the form, in words
        if shots is not None:
            shots(page.window())
    stages: list[str] = []
    page.entry_saved.connect(stages.append)
    # saved, then the next entry is shown (the page's suggestions stay: no second reading)
    with qtbot.waitSignal(page.position_shown, timeout=30000, raising=False) as moved:
        qtbot.keyClick(_target(page.form.editors["child.full_name"]), Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier)
    page.entry_saved.disconnect(stages.append)
    assert stages and moved.signal_triggered, page.message.text()
    qtbot.waitUntil(lambda: page.scan.shown == "image", timeout=10000)
    return stages[0], taken


def _open(qtbot: QtBot, paths: DataPaths, username: str) -> Desk:
    """The user's window, in front (the keyboard's shortcuts go to the active window)."""
    desk = Desk.open(qtbot, paths, username)
    desk.window.resize(1366, 768)  # a commune office's laptop
    _front(qtbot, desk.window)
    return desk


def _front(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def _books(desk: Desk, qtbot: QtBot) -> BooksPage:
    shown = desk.window.show_page("books")
    assert isinstance(shown, BooksPage)
    qtbot.waitUntil(lambda: desk.ctx.runner.pending == 0, timeout=15000)
    return shown


def _choose_folder(qtbot: QtBot, page: BooksPage, folder: Path) -> None:
    """Click "Add pages from a folder…" and pick the folder in the folder dialog."""
    picked: list[bool] = []

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, pick)
            return
        dialog.setDirectory(str(folder.parent))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(folder.name)  # typed as the officer types the folder's name
        picked.append(True)
        dialog.accept()

    QTimer.singleShot(0, pick)
    with qtbot.waitSignal(page.page_shown, timeout=20000):
        page.add_pages_button.click()
    assert picked
    _front(qtbot, page.window())  # the dialog closed: the window has the keyboard again


def _mark_printed(qtbot: QtBot, page: BooksPage, desk: Desk, index: int) -> None:
    if page.page_choice.currentIndex() != index:
        with qtbot.waitSignal(page.page_shown, timeout=10000):
            page.page_choice.setCurrentIndex(index)
            page.page_choice.activated.emit(index)
    box = page.writing_box
    choice = box.findData(ocr.PageWriting.PRINTED.value)
    box.setCurrentIndex(choice)
    box.activated.emit(choice)
    qtbot.waitUntil(lambda: desk.ctx.runner.pending == 0, timeout=10000)


def _open_keying(qtbot: QtBot, page: BooksPage) -> KeyingPage:
    keying = page.keying
    with qtbot.waitSignal(keying.ocr.reading_loaded, timeout=60000):
        page.key_button.click()
    qtbot.waitUntil(lambda: keying.scan.shown == "image", timeout=10000)
    assert page.screens.currentWidget() is keying
    return keying


def _next_page(qtbot: QtBot, keying: KeyingPage) -> None:
    assert keying.form is not None
    with qtbot.waitSignal(keying.ocr.reading_loaded, timeout=60000):
        qtbot.keyClick(_target(keying.form.editors["child.full_name"]), Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: keying.scan.shown == "image", timeout=10000)


def _registry(pages: list, mismatch: PageEntry) -> list[dict[str, object]]:
    """The centre's persons for the book's entries; one is registered there as a girl."""
    persons = []
    for n, entry in enumerate((e for p in pages for e in p.entries), 1):
        v = entry.values
        sex = v["child.sex"]
        if entry is mismatch:
            sex = "female" if sex == "male" else "male"
        persons.append({"event": "birth", "personal_id": f"0011100000{n:02d}",
                        "commune": "00070", "year": 2010, "full_name": v["child.full_name"],
                        "sex": sex, "date_of_birth": v["child.date_of_birth"],
                        "mother_name": v["mother.full_name"]})
    return persons


def test_one_book_from_its_photographed_pages_to_reconciled_entries(
        qtbot: QtBot, cli: Callable[..., CliResult], data_dir: Path, central: CentralProcess,
        tmp_path: Path) -> None:
    i18n.install("vi")  # the screens as the officers read them
    paths: DataPaths = enrolled_office(cli, data_dir, central, tmp_path)
    assert cli("--data-dir", data_dir, "--user", "admin", "user", "add", "canbo2", "--role",
               "officer", "--full-name", "Vàng A Hai", "--password-stdin",
               stdin=STAFF_PW + "\n", password=ADMIN_PASSWORD).code == 0
    printed = [birth_page(41, 3, page_no=1, rows=4), birth_page(42, 3, page_no=2, rows=4)]
    folder = tmp_path / "usb" / "DCIM"
    folder.mkdir(parents=True)
    for n, p in enumerate(printed, 1):
        (folder / f"IMG_000{n}.jpg").write_bytes(p.image)
    mismatch = printed[1].entries[2]
    seed = tmp_path / "registry.json"
    seed.write_text(json.dumps(_registry(printed, mismatch), ensure_ascii=False), "utf-8")
    assert cli("central", "registry-import", "--db", central.db, seed).code == 0

    # -- the supervisor: the commune keys its old books twice -------------------------------
    boss = _open(qtbot, paths, "chutich")
    page = _books(boss, qtbot)
    page.double_entry_box.click()
    qtbot.waitUntil(lambda: page.double_entry_box.isChecked()
                    and "Bắt buộc nhập hai lần" in page.double_entry.text(), timeout=10000)
    shot(qtbot, boss.window, "double-entry-required")
    boss.close(qtbot)

    # -- the first officer: the book, its photographed pages, the keying --------------------
    officer = _open(qtbot, paths, "canbo")
    page = _books(officer, qtbot)
    assert page.model.rowCount() == 0 and not page.add_pages_button.isEnabled()
    page.type_box.setCurrentIndex(page.type_box.findData("birth"))
    assert page.year_box.value() == 2010
    page.number_edit.setFocus()
    type_text(page.number_edit, "01/2010")
    type_text(page.office_edit, "UBND xã Hòa Phú")
    page.phase_box.setCurrentIndex(page.phase_box.findData(1))
    page.open_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.add_pages_button.isEnabled(),
                    timeout=10000)
    assert "01/2010" in page.message.text()
    shot(qtbot, officer.window, "book-opened")
    _choose_folder(qtbot, page, folder)
    qtbot.waitUntil(lambda: page.model.rows()[0][1].pages == 2, timeout=10000)
    assert page.page_choice.count() == 2 and page.scan.shown == "image"
    assert "IMG_0001.jpg" in page.page_choice.itemText(0)
    book = page.current
    assert book is not None and (book.type, book.year, book.book_number) == (
        "birth", 2010, "01/2010")
    for index in (1, 0):
        _mark_printed(qtbot, page, officer, index)
    session = officer.ctx.session
    assert [ocr.page_writing(session, book.id, n) for n in (1, 2)] == [
        ocr.PageWriting.PRINTED] * 2
    shot(qtbot, officer.window, "pages-added-printed")

    keying = _open_keying(qtbot, page)
    assert keying.page_no == 1 and keying.position == 1 and keying.ocr.entry() is not None
    shot(qtbot, officer.window, "keying-page-1")
    taken_by_ocr: set[str] = set()
    for position, truth in enumerate(printed[0].entries, 1):
        assert keying.position == position
        stage, taken = _key_entry(
            qtbot, keying, truth, illegible=ILLEGIBLE if position == 2 else None,
            change={"mother.full_name": truth.values["mother.full_name"].rsplit(" ", 2)[0]
                    + " " + TYPO} if position == 3 else None,
            shots=lambda window: shot(qtbot, window, "illegible-marked"))
        assert stage == "first"
        assert "lần nhập thứ nhất" in keying.message.text()
        taken_by_ocr |= taken
    assert taken_by_ocr, "no OCR suggestion was right on a clean printed page"
    # a look back at the entry just keyed (kept, read-only), then Ctrl+N: a new one
    with qtbot.waitSignal(keying.position_shown, timeout=10000):
        qtbot.keyClick(_target(keying.form.editors["child.full_name"]), Qt.Key.Key_Up,
                       Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: keying.form.editors["mother.full_name"].value() is not None,
                    timeout=10000)
    assert keying.position == 3 and not keying.form.isEnabled()  # the first keying, kept
    assert TYPO in keying.form.editors["mother.full_name"].value()
    assert keying.isAncestorOf(QApplication.focusWidget())  # its keys still work
    with qtbot.waitSignal(keying.position_shown, timeout=10000):  # the window's Ctrl+N yields
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N,
                       Qt.KeyboardModifier.ControlModifier)
    assert keying.position == 4 and keying.form.isEnabled()
    assert officer.window.stack.currentWidget() is page  # not a new registration
    _next_page(qtbot, keying)
    assert keying.page_no == 2 and keying.position == 1
    for position, truth in enumerate(printed[1].entries, 1):
        stage, _taken = _key_entry(qtbot, keying, truth,
                                   lunar=LUNAR if position == 1 else None)
        assert stage == "first"
    shot(qtbot, officer.window, "keyed-page-2")
    assert len(keying.slots) == 3 and all(s.mine and s.record_id is None for s in keying.slots)
    keying.back_button.click()
    qtbot.waitUntil(lambda: page.screens.currentWidget() is not keying, timeout=5000)
    assert records.list_records(session) == []  # blind first keyings are no records
    officer.close(qtbot)

    # -- the second officer: the same entries, blind ----------------------------------------
    second = _open(qtbot, paths, "canbo2")
    texts: list[str] = []
    second.window.find()  # Ctrl+F: the first keyer's slip searched for, in vain
    search = second.window.records.search
    type_text(search, "Lann")
    QTest.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: second.ctx.runner.pending == 0, timeout=15000)
    assert second.window.records.model.rowCount() == 0
    search.clear()
    page = _books(second, qtbot)
    qtbot.waitUntil(lambda: page.current is not None and page.scan.shown == "image",
                    timeout=10000)
    texts += shown_texts(second.window)
    keying = _open_keying(qtbot, page)
    for page_no in (1, 2):
        if page_no == 2:
            _next_page(qtbot, keying)
        assert [s.mine for s in keying.slots] == [False] * 3
        for position, truth in enumerate(printed[page_no - 1].entries, 1):
            # the page opens, and each save moves on, at the entry waiting for this keying
            qtbot.waitUntil(lambda p=position: keying.position == p, timeout=10000)
            assert keying.form is not None and keying.form.isEnabled()
            assert keying.form.editors["mother.full_name"].value() is None
            assert keying.marked.text() == ""  # the first keyer's mark is theirs
            assert "cán bộ khác đã nhập một lần" in keying.slot_list.item(
                position - 1).text()
            texts += shown_texts(second.window)
            if (page_no, position) == (1, 1):
                shot(qtbot, second.window, "second-keyer-blind")
            stage, _taken = _key_entry(
                qtbot, keying, truth,
                illegible=ILLEGIBLE if (page_no, position) == (1, 2) else None,
                lunar=LUNAR if (page_no, position) == (2, 1) else None)
            assert stage == ("disagreed" if (page_no, position) == (1, 3) else "agreed"), \
                (page_no, position, books.disagreements(second.ctx.session, keying.slots[
                    position - 1].record_id) if keying.slots[position - 1].record_id else None)
    texts += shown_texts(second.window)
    second.window.show_page("records")
    qtbot.waitUntil(lambda: second.ctx.runner.pending == 0, timeout=15000)
    texts += shown_texts(second.window)
    assert not [t for t in texts if TYPO in t]  # nothing of the first keying, anywhere
    second.close(qtbot)

    # -- the supervisor: the disagreement decided with the page in view, then approved ------
    boss = _open(qtbot, paths, "chutich")
    decisions = boss.window.decisions
    assert decisions is not None
    with qtbot.waitSignal(decisions.page_shown, timeout=15000) as shown:
        boss.window.show_page("decisions")
    assert shown.args == [1] and decisions.scan.shown == "image"
    qtbot.waitUntil(lambda: boss.ctx.runner.pending == 0, timeout=15000)
    assert decisions.model.rowCount() == 1 and decisions.fields.rowCount() == 1
    mother = printed[0].entries[2].values["mother.full_name"]
    row = [decisions.fields.item(0, c).text() for c in range(3)]
    assert row[0] != "mother.full_name" and TYPO in row[1] and row[2] == mother
    shot(qtbot, boss.window, "decision-with-page")
    decisions.choose("mother.full_name", 2)  # the page says the second keyer is right
    decided_id = decisions.current.record.id
    with qtbot.waitSignal(decisions.decided, timeout=15000):
        decisions.decide_button.click()
    qtbot.waitUntil(lambda: decisions.model.rowCount() == 0, timeout=15000)
    assert "đã được kiểm tra" in decisions.message.text()
    rs = boss.ctx.session
    entries = books.entries_of(rs, book.id)
    assert len(entries) == 6
    keyed = {(e.page_no, e.position): records.get_record(rs, e.record_id) for e in entries}
    assert keyed[(1, 3)].id == decided_id
    assert keyed[(1, 3)].data["mother"]["full_name"] == mother
    assert {r.status for r in keyed.values()} == {"submitted"}
    assert {r.verified_by for r in keyed.values()} == {"canbo2", "chutich"}
    assert {r.officer for r in keyed.values()} == {"canbo"}  # the first keyer's entries
    for (page_no, position), rec in keyed.items():  # exactly what the page shows
        truth = printed[page_no - 1].entries[position - 1].values
        for path, value in truth.items():
            expected = None if (page_no, position, path) == (1, 2, ILLEGIBLE) else value
            assert get(rec.data, path) == expected, (page_no, position, path)
    assert keyed[(1, 2)].data["illegible"] == [ILLEGIBLE]
    [note] = keyed[(2, 1)].data["lunar_dates"]
    assert note["field"] == LUNAR and "âm lịch" in note["as_written"]
    for rec in keyed.values():
        boss.approve(qtbot, rec.id)
    approved = {records.get_record(rs, r.id).status for r in keyed.values()}
    assert "submitted" not in approved
    shot(qtbot, boss.window, "approved")
    boss.close(qtbot)

    # -- the officer: reconciliation with the centre's registry -----------------------------
    officer = _open(qtbot, paths, "canbo")
    page = _books(officer, qtbot)
    qtbot.waitUntil(lambda: page.reconciliation is not None, timeout=10000)
    widget = page.reconciliation
    assert widget is not None
    page.checks.setCurrentWidget(widget)
    assert "chưa được đối chiếu" in widget.summary.text()
    widget.run_button.click()
    qtbot.waitUntil(lambda: widget.result is not None and not widget.is_running,
                    timeout=30000)
    assert widget.last_error is None, widget.message.text()
    result = widget.result
    assert (result.entries, result.registry, result.matched) == (6, 6, 6)
    [found] = result.mismatches
    assert (found.kind, found.field) == (rc.MismatchKind.FIELD_DIFFERS, "child.sex")
    model = widget.model
    shown_row = {model.headerData(c, Qt.Orientation.Horizontal): model.data(model.index(0, c))
                 for c in range(model.columnCount())}
    assert shown_row["Người"] == mismatch.values["child.full_name"]
    assert shown_row["Thông tin"] == "Giới tính của người được khai sinh"  # in words
    assert {shown_row["Trong sổ"], shown_row["Ở trung tâm"]} == {"Nam", "Nữ"}
    shot(qtbot, officer.window, "reconciled-mismatch")
    widget.select_row(0)
    with qtbot.waitSignal(widget.resolved, timeout=15000):
        widget.actions[rc.Resolution.ACCEPT_BOOK].click()  # the page says so: a boy
    assert widget.result is not None and not widget.result.open
    assert "còn 0 trong 1 chỗ sai lệch chưa xử lý" in widget.summary.text()
    shot(qtbot, officer.window, "mismatch-resolved")

    # the book's progress, as the screen says it
    page.refresh()
    qtbot.waitUntil(lambda: officer.ctx.runner.pending == 0, timeout=15000)
    [(_book, progress)] = page.model.rows()
    assert (progress.pages, progress.entries, progress.verified) == (2, 6, 6)
    shown_cells = [page.model.data(page.model.index(0, c)) for c in range(9)]
    assert shown_cells[5:8] == ["2", "6", "6"]
    assert shown_cells[8] == str(progress.with_warnings) and progress.with_warnings >= 1
    assert "2 trang, 6 mục đã nhập, 6 đã kiểm tra" in page.commune.text()
    page.checks.setCurrentWidget(page.recheck)
    qtbot.waitUntil(lambda: "Lò Thị Cán" in page.recheck.officers.text(), timeout=10000)
    assert "nhập hai lần khác nhau ở 1 trên" in page.recheck.officers.text()
    shot(qtbot, officer.window, "progress-and-accuracy")
    officer.close(qtbot)

    # -- the supervisor: a sample re-checked blind, its estimate on the chart ---------------
    boss = _open(qtbot, paths, "chutich")
    page = _books(boss, qtbot)
    qtbot.waitUntil(lambda: page.current is not None, timeout=10000)
    page.checks.setCurrentWidget(page.recheck)
    with qtbot.waitSignal(page.recheck.reports_shown, timeout=15000):
        page.recheck.draw_button.click()
    qtbot.waitUntil(lambda: boss.ctx.runner.pending == 0, timeout=15000)
    [report] = page.recheck.reports
    assert (report.drawn, report.rekeyed) == (5, 0)
    keying = page.keying
    page.recheck.rekey_button.click()
    qtbot.waitUntil(lambda: bool(keying.sample) and keying.scan.shown == "image",
                    timeout=15000)
    assert keying.ocr.isHidden()  # the re-check keys from the page alone
    shot(qtbot, boss.window, "recheck-blind")
    own = 0  # the frame leaves out the entry the supervisor decided: every one is re-keyed
    assert decided_id not in {d.record_id for d in keying.sample}
    for n in range(report.drawn):
        qtbot.waitUntil(lambda: keying.form is not None and keying.form.isEnabled()
                        and keying.scan.shown == "image", timeout=15000)
        drawn = keying.sample[keying._drawn_index()]  # noqa: SLF001
        assert drawn.place is not None
        truth = printed[drawn.place.page_no - 1].entries[drawn.place.position - 1]
        slip = {"declarant.full_name": truth.values["declarant.full_name"] + "h"} \
            if n == own else None  # the first one re-keyed: a slip of the supervisor's
        where = (drawn.place.page_no, drawn.place.position)
        stage, _taken = _key_entry(qtbot, keying, truth, use_ocr=False, change=slip,
                                   illegible=ILLEGIBLE if where == (1, 2) else None,
                                   lunar=LUNAR if where == (2, 1) else None)
        assert stage == "rechecked"
    with qtbot.waitSignal(page.recheck.reports_shown, timeout=15000):
        keying.back_button.click()
    qtbot.waitUntil(lambda: boss.ctx.runner.pending == 0, timeout=15000)
    [report] = page.recheck.reports
    assert report.rekeyed == 5 - own and report.by_field == [("declarant.full_name", 1)]
    assert report.fields.errors == 1
    [(low, rate, high)] = page.recheck.chart_values()
    assert low <= rate <= high and rate > 0
    cells = [page.recheck.model.data(page.recheck.model.index(0, c)) for c in range(5)]
    assert cells[0] == "5 trên 5" and cells[1] == str(5 - own) and "%" in cells[3]
    shot(qtbot, boss.window, "recheck-chart")
    boss.close(qtbot)
