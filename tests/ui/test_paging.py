"""The list screens page by keyset (issue 13): the first page on the database lane, the next
one as the list scrolls to its end or with "Xem thêm", "1–200 trong N" from the counters; the
approval lists reach past the old 1,000 cap; the record picker offers registered records
only."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.domain import Status
from desktop_app.record import StoredRecord
from desktop_app.workflows import records
from tests.many_records import create_many
from tests.samples import build
from tests.ui.conftest import UiOffice, type_text, wait_idle
from ui import i18n
from ui.models import ListCheck, Page, PagedRowsModel
from ui.pages.approval_page import ApprovalPage
from ui.pages.record_picker import RecordPickerDialog
from ui.pages.records_page import RecordsPage
from ui.pages.sync_page import SyncPage
from ui.pages.verification_page import VerificationPage
from ui.tasks import TaskRunner
from ui.widgets.page_footer import PageFooter


@pytest.fixture(autouse=True)
def _vietnamese(qapp: object) -> None:
    i18n.install("vi")  # the counts as the officer reads them (as test_qt_dialogs_vietnamese)


def _rows(model: PagedRowsModel) -> list[str]:
    return [getattr(r, "record", r).id for r in model.rows()]


def _approved(office: UiOffice, rtype: str, values: dict[str, object]) -> StoredRecord:
    officer = office.session("canbo")
    saved = records.create_record(officer, rtype, build(rtype, values))
    records.submit(officer, saved.record.id)
    reasons = {i.code: "đã đối chiếu giấy tờ gốc" for i in saved.warnings}
    return records.approve(office.session("chutich"), saved.record.id, reasons).record


def _more(qtbot: QtBot, footer: PageFooter, model: PagedRowsModel) -> None:
    shown = model.rowCount()
    assert footer.more_button.isVisible()
    footer.more_button.click()
    qtbot.waitUntil(lambda: model.rowCount() > shown and not model.is_loading, timeout=10000)


def test_the_records_list_loads_the_next_page_as_it_scrolls(qtbot: QtBot,
                                                             office: UiOffice) -> None:
    ids = create_many(office.session("canbo"), 450)
    page = RecordsPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 200, timeout=10000)
    wait_idle(qtbot, office.runner)
    assert page.model.rowCount() == 200  # the first page only, the view not filled past it
    assert page.footer.text() == "1–200 trong 450 hồ sơ"
    page.table.scrollToBottom()  # the view asks the model for more at the end
    qtbot.waitUntil(lambda: page.model.rowCount() == 400, timeout=10000)
    _more(qtbot, page.footer, page.model)
    assert _rows(page.model) == ids  # oldest first, each once
    assert page.footer.text() == "450 hồ sơ" and not page.footer.more_button.isVisible()
    wait_idle(qtbot, office.runner)


def test_a_search_is_paged_and_says_more_follow(qtbot: QtBot, office: UiOffice) -> None:
    officer = office.session("canbo")
    create_many(officer, 260)
    page = RecordsPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, office.runner)
    found = len(records.search_page(officer, "nguyen", limit=1000).records)
    type_text(page.search, "nguyen")  # one name in ten: fewer than a page
    page.refresh()
    qtbot.waitUntil(lambda: page.footer.text() == f"{found} hồ sơ", timeout=10000)
    assert not page.footer.more_button.isVisible()
    page.search.clear()
    type_text(page.search, "le")  # every declarant is a Lê: more than a page, not counted
    page.refresh()
    qtbot.waitUntil(lambda: page.footer.text() == "1–200, còn nữa", timeout=10000)
    _more(qtbot, page.footer, page.model)
    assert len(set(_rows(page.model))) == page.model.rowCount() > 200
    wait_idle(qtbot, office.runner)


def test_the_approval_lists_reach_the_1001st_record(qtbot: QtBot, office: UiOffice) -> None:
    officer, supervisor = office.session("canbo"), office.session("chutich")
    waiting = create_many(officer, 1001, to=Status.SUBMITTED)
    to_sign = create_many(officer, 250, to=Status.APPROVED, supervisor=supervisor,
                          first=1001)  # past the 1,000th: tests/unit/records/test_list_pages
    page = ApprovalPage(office.ctx("chutich"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.pending_model.rowCount() == 200
                    and page.sign_model.rowCount() == 200, timeout=15000)
    assert page.current is not None and page.current.id == waiting[0]
    assert page.pending_footer.text() == "1–200 trong 1.001 hồ sơ"
    while not page.pending_model.is_complete:
        _more(qtbot, page.pending_footer, page.pending_model)
    while not page.sign_model.is_complete:
        _more(qtbot, page.sign_footer, page.sign_model)
    assert _rows(page.pending_model) == waiting and _rows(page.sign_model) == to_sign
    assert page.sign_footer.text() == "250 hồ sơ"
    assert page.current.id == waiting[0]  # more pages leave the selection alone
    wait_idle(qtbot, office.runner)


def test_the_sync_queue_pages_and_counts_from_the_counters(qtbot: QtBot,
                                                           office: UiOffice) -> None:
    officer, supervisor = office.session("canbo"), office.session("chutich")
    queued = create_many(officer, 230, to=Status.APPROVED, supervisor=supervisor)
    office.clock.advance(seconds=1)
    refused = records.create_record(officer, "death", build("death")).record
    records.submit(officer, refused.id)
    records.reject(supervisor, refused.id, "Sai nơi chết")
    office.clock.advance(seconds=1)
    sent = _approved(office, "birth", {"child.full_name": "Đỗ Văn Sáu"})  # leaves at once
    page = SyncPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 200, timeout=10000)
    assert page.footer.text() == "1–200 trong 232 hồ sơ"
    assert page.summary.text() == "1 chờ gửi, 1 bị từ chối"  # from the counters
    _more(qtbot, page.footer, page.model)
    assert _rows(page.model) == [sent.id, refused.id, *queued[::-1]]  # the latest first
    wait_idle(qtbot, office.runner)


def test_the_entries_to_verify_come_page_by_page(qtbot: QtBot, office: UiOffice) -> None:
    entries = create_many(office.session("canbo"), 230, to=Status.SUBMITTED, historical=True)
    page = VerificationPage(office.ctx("canbo2"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 200 and page.current is not None,
                    timeout=10000)
    assert page.footer.text() == "1–200, còn nữa" and page.current.record.id == entries[0]
    _more(qtbot, page.footer, page.model)
    assert _rows(page.model) == entries and page.footer.text() == "230 hồ sơ"
    assert page.current.record.id == entries[0]
    wait_idle(qtbot, office.runner)


def test_the_picker_offers_registered_records_only(qtbot: QtBot, office: UiOffice) -> None:
    officer = office.session("canbo")
    name = {"child.full_name": "Nguyễn Văn An"}
    draft = records.create_record(officer, "birth", build("birth", name)).record
    submitted = records.create_record(officer, "birth", build("birth", name)).record
    records.submit(officer, submitted.id)
    registered = _approved(office, "birth", name)
    picker = RecordPickerDialog(office.ctx("canbo"))
    qtbot.addWidget(picker)
    picker.show()
    with qtbot.waitSignal(picker.searched, timeout=10000):
        type_text(picker.search, "nguyen van an")
        picker.refresh()
    assert _rows(picker.model) == [registered.id]  # not the draft, not the one waiting
    assert {draft.id, submitted.id}.isdisjoint(_rows(picker.model))
    assert picker.footer.text() == "1 hồ sơ"
    wait_idle(qtbot, office.runner)


def test_after_a_failed_first_page_more_asks_for_the_first_page_again(
        qtbot: QtBot, office: UiOffice) -> None:
    from ui.models import Page

    model: PagedRowsModel[str] = PagedRowsModel([("n", str)], office.runner)
    model.load(lambda _after: Page(["old"], None))
    qtbot.waitUntil(lambda: model.rows() == ["old"], timeout=5000)
    asked: list[str | None] = []
    failures: list[object] = []
    model.failed.connect(failures.append)

    def fetch(after: str | None) -> Page[str]:
        asked.append(after)
        if len(asked) == 1:
            raise OSError("disk busy")
        return Page(["a", "b"], "b") if after is None else Page(["c"], None)

    model.load(fetch)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert model.rows() == ["old"] and model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rows() == ["a", "b"], timeout=5000)  # not appended to "old"
    model.fetchMore()
    qtbot.waitUntil(lambda: model.is_complete, timeout=5000)
    assert model.rows() == ["a", "b", "c"] and asked == [None, None, "b"]
    wait_idle(qtbot, office.runner)


def test_empty_pages_with_more_to_read_are_followed_at_once(qtbot: QtBot,
                                                            office: UiOffice) -> None:
    from ui.models import EMPTY_PAGES_FOLLOWED, Page

    model: PagedRowsModel[str] = PagedRowsModel([("n", str)], office.runner)
    asked: list[str | None] = []

    def fetch(after: str | None) -> Page[str]:  # a narrowed list: three empty pages first
        asked.append(after)
        n = len(asked)
        return Page(["found"] if n == 4 else [], str(n) if n < 4 + EMPTY_PAGES_FOLLOWED + 2
                    else None)

    loaded: list[bool] = []
    model.loaded.connect(loaded.append)
    model.load(fetch)
    qtbot.waitUntil(lambda: model.rows() == ["found"], timeout=5000)
    assert asked == [None, "1", "2", "3"] and loaded == [True]
    model.fetchMore()  # the next ones are empty: followed EMPTY_PAGES_FOLLOWED times, then wait
    qtbot.waitUntil(lambda: len(loaded) == 2, timeout=5000)
    assert len(asked) == 4 + 1 + EMPTY_PAGES_FOLLOWED and not model.is_complete
    assert model.rows() == ["found"]
    wait_idle(qtbot, office.runner)


def test_a_tick_past_the_first_page_stays_while_its_row_is_listed(
        qtbot: QtBot, runner: TaskRunner) -> None:
    """A paged list read again shows its first page: a row ticked further down keeps its
    tick while the list's check finds it still listed; without a check it is kept until
    the list is read to its end without it."""
    listed = [f"r{n:03}" for n in range(450)]

    def fetch(after: str | None) -> Page[str]:
        start = 0 if after is None else listed.index(after) + 1
        rows = listed[start:start + 200]
        return Page(rows, rows[-1] if start + 200 < len(listed) else None)

    model: PagedRowsModel[str] = PagedRowsModel([("id", str)], runner, checkable=True,
                                                key=str)

    def load(check: ListCheck | None = None) -> None:
        model.load(fetch, check)
        qtbot.waitUntil(lambda: not model.is_loading, timeout=5000)

    load()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 400, timeout=5000)
    model.set_checked(1, True)
    model.set_checked(300, True)
    model.set_checked(399, True)
    listed.remove("r399")  # left the list meanwhile
    load()  # no check: not known, both stay
    assert model.rowCount() == 200 and model.checked() == ["r001", "r300", "r399"]
    load(lambda keys: [k for k in keys if k in listed])
    assert model.checked() == ["r001", "r300"]  # the one no longer listed is let go
    del listed[100:]  # the whole list on one page: what is not on it is gone
    load()
    assert model.checked() == ["r001"]
