"""The screenshot tool (ui/tools/screenshots.py) renders the re-check screen whatever the
entries its samples draw: an old book's entry whose names could not be read has no name for
the re-keyer to read otherwise, and is re-keyed as it is. (The samples are drawn at random
among entries ordered by their ids: with most entries unnamed, one was all but always where
the tool used to read a name.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.domain.illegible import mark
from desktop_app.workflows import books, recheck, records
from tests.ui.conftest import PW, UiOffice
from tests.ui.test_unnamed_titles import _page_png
from ui import i18n
from ui.tools import screenshots


def test_the_recheck_screen_takes_entries_without_a_readable_name(
        qtbot: QtBot, office: UiOffice, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.install("vi")
    monkeypatch.setattr(screenshots, "PW", PW)  # the office's accounts, not the demo's
    officer, checker = office.session("canbo"), office.session("canbo2")
    book = books.open_book(officer, "death", 1990, "01/1990", "UBND xã Ea Tu", 1)
    books.add_page(officer, book.id, _page_png())
    for position in range(10, 30):  # the deceased's name, sex and birth unreadable
        data = screenshots._death("")  # noqa: SLF001 - the tool's own sample entry
        data.update(registered_on="1990-03-02", registration_number=str(position),
                    time_of_death="1990-03-01T08:00")
        del data["deceased"]  # nothing of the person keyed
        for path in ("deceased.full_name", "deceased.sex", "deceased.date_of_birth"):
            data = mark(data, path)
        keyed = books.key_entry(officer, book.id, 1, position, data)
        assert keyed.record is not None and "deceased" not in keyed.record.data
        records.submit(officer, keyed.record.id)
        records.verify(checker, keyed.record.id)

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    screenshots.recheck_screen(app, office.services, tmp_path, book.id)
    assert (tmp_path / "44-books-recheck-chart.png").stat().st_size > 0
    supervisor = office.session("chutich")
    reports = recheck.recheck_reports(supervisor)
    assert len(reports) == 2 and all(r.rekeyed == r.drawn > 0 for r in reports)
    for report in reports:  # one name read otherwise in each sample that drew a named entry
        drawn = recheck.recheck_entries(supervisor, report.sample.id)
        named = any(records.get_record(supervisor, e.record_id).data.get("deceased")
                    for e in drawn)
        assert report.entries.errors == int(named)
