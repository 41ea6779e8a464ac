"""The books page imports a file of entries into the selected book: progress, the summary
with the refused lines, and Cancel that stops at once, keeping what is written (the same file
continues)."""

from __future__ import annotations

import csv
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.workflows import books, bulk_import
from desktop_app.workflows.bulk_import import ImportSummary
from tests.ui.conftest import UiOffice, wait_idle
from ui.pages.books_page import BooksPage

MAPPING = {"Họ và tên": "deceased.full_name", "Giới tính": "deceased.sex",
           "Năm sinh": "deceased.date_of_birth", "Thời điểm chết": "time_of_death",
           "Số": "registration_number", "Ngày đăng ký": "registered_on"}


def _csv(path: Path, count: int, bad: frozenset[int] = frozenset()) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(list(MAPPING))
        for n in range(1, count + 1):
            writer.writerow([f"Lê Văn Tư {n}", "?" if n in bad else "male", "1940",
                             "1990-03-01T08:00", str(n), "1990-03-02"])
    return path


def _page(qtbot: QtBot, office: UiOffice, tmp_path: Path) -> BooksPage:
    session = office.ctx("canbo").session
    books.open_book(session, "death", 1990, "01/1990", "UBND xã Tân Lập", 3)
    page = BooksPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, office.runner)
    assert page.current is not None and page.entries_import.file_button.isEnabled()
    mapping = tmp_path / "map.json"
    bulk_import.save_mapping(mapping, MAPPING)
    page.entries_import.set_mapping(mapping)
    assert page.entries_import.mapping == MAPPING
    return page


def test_import_a_file_into_the_selected_book(qtbot: QtBot, office: UiOffice,
                                              tmp_path: Path) -> None:
    page = _page(qtbot, office, tmp_path)
    widget = page.entries_import
    source = _csv(tmp_path / "deaths.csv", 3, bad=frozenset({2}))
    with qtbot.waitSignal(widget.finished, timeout=20000) as done:
        assert widget.start(source)
    summary = done.args[0]
    assert isinstance(summary, ImportSummary) and summary.imported == 2
    text = widget.summary.text()  # the refused line names its field and rule in words
    assert "2" in text and "3: Giới tính của người chết: giá trị không hợp lệ" in text
    assert "E-FIELD-VALUE" not in text
    wait_idle(qtbot, office.runner)
    assert widget.file_button.isEnabled()


def test_many_refused_lines_scroll_within_the_summary(qtbot: QtBot, office: UiOffice,
                                                     tmp_path: Path) -> None:
    # Listed whole, 20 refused lines made the window taller than a 768-pixel screen.
    page = _page(qtbot, office, tmp_path)
    widget = page.entries_import
    line = widget.summary.fontMetrics().lineSpacing()
    assert widget.summary_box.sizeHint().height() <= 2 * line  # no room kept while empty
    source = _csv(tmp_path / "bad.csv", 40, bad=frozenset(range(1, 41)))
    with qtbot.waitSignal(widget.finished, timeout=20000):
        assert widget.start(source)
    assert widget.summary.text().count("\n") >= 20
    assert widget.summary_box.sizeHint().height() <= 6 * line + 8
    assert widget.summary.sizeHint().height() > 10 * line  # the rest scrolls
    wait_idle(qtbot, office.runner)


def test_cancel_stops_at_once_and_the_same_file_continues(
        qtbot: QtBot, office: UiOffice, tmp_path: Path) -> None:
    page = _page(qtbot, office, tmp_path)
    widget = page.entries_import
    widget.batch = 10
    total = 600
    source = _csv(tmp_path / "many.csv", total)
    cancelled = []

    def cancel_once(_stage: str, _done: int, _total: int) -> None:
        if not cancelled:
            cancelled.append(True)
            widget.progress.cancel()

    with qtbot.waitSignal(widget.finished, timeout=60000) as stopped:
        assert widget.start(source)
        widget.progress._handle.progressed.connect(cancel_once)  # noqa: SLF001
    assert stopped.args == [None] and cancelled
    assert not widget.progress.isVisible() and widget.file_button.isEnabled()
    session = office.ctx("canbo").session
    with session.store.read() as uow:
        kept = uow.records.list_page(record_type="death", limit=total).records
    assert 0 < len(kept) < total

    with qtbot.waitSignal(widget.finished, timeout=60000) as finished:
        assert widget.start(source)
    summary = finished.args[0]
    assert summary.imported == total and summary.resumed_from > 0
    with session.store.read() as uow:
        assert len(uow.records.list_page(record_type="death", limit=total + 1).records) == total
