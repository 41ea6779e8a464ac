""""Select all" on the supervisor's "to sign" list means every record waiting, not the page
the list has loaded: the count is shown, and the batch reads the records page by page off
the GUI thread (the window never holds the whole queue). With nothing waiting it cannot be
chosen; a batch refused midway leaves what it did not sign chosen."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.domain import Status
from desktop_app.errors import Cancelled, DiskFullError
from desktop_app.session import Session
from desktop_app.workflows.status import actor_of, change_status
from tests.many_records import create_many
from tests.ui.conftest import UiOffice, wait_idle
from ui import i18n
from ui.context import SignOutcome, UiHooks
from ui.pages.approval_page import ApprovalPage

WAITING = 250  # more than the list's first page (approval.TO_SIGN_PAGE)


@pytest.fixture(autouse=True)
def _vietnamese(qapp: object) -> None:
    i18n.install("vi")


Answer = Callable[[Sequence[str]], list[SignOutcome]]


def _page(qtbot: QtBot, office: UiOffice, calls: list[list[str]],
          answer: Answer = lambda ids: [SignOutcome(rid) for rid in ids], *,
          rows: int = 200) -> ApprovalPage:
    def sign(_session: Session, ids: Sequence[str], _password: str,
             progress) -> list[SignOutcome]:  # noqa: ANN001
        calls.append(list(ids))
        progress("sign", len(ids), len(ids))
        return answer(ids)

    page = ApprovalPage(office.ctx("chutich", UiHooks(sign_records=sign)))
    page.ask_p12_password = lambda: "p12-password"
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.sign_model.rowCount() == rows, timeout=15000)
    wait_idle(qtbot, office.runner)
    return page


def test_with_nothing_waiting_select_all_cannot_be_chosen_and_says_so(
        qtbot: QtBot, office: UiOffice) -> None:
    page = _page(qtbot, office, [], rows=0)
    selection = page.sign_selection
    assert page.sign_model.is_complete and selection.is_nothing_waiting
    assert not page.select_all.isEnabled()
    assert selection.label.text() == "Không có hồ sơ nào đang chờ ký."  # not "0 hồ sơ"
    assert not selection.clear_button.isVisible()


def test_a_batch_refused_midway_keeps_what_it_did_not_sign_chosen(
        qtbot: QtBot, office: UiOffice) -> None:
    """The second page is refused (the disk filled up meanwhile): the first stays
    signed, the refused page is told record by record, and "every record waiting" stays
    chosen, so what was refused or not reached goes with the next batch; the outcome says
    it stopped, not that the supervisor cancelled it."""
    create_many(office.session("canbo"), 450, to=Status.APPROVED,
                supervisor=office.session("chutich"))
    calls: list[list[str]] = []

    def refused_at_the_second(ids: Sequence[str]) -> list[SignOutcome]:
        if len(calls) == 2:
            raise DiskFullError(free=0)
        return [SignOutcome(rid) for rid in ids]

    page = _page(qtbot, office, calls, refused_at_the_second)
    page.sign_model.set_checked(0, False)  # ticked off: stays out
    page.select_all.click()
    page.sign_model.set_checked(0, False)
    qtbot.waitUntil(lambda: page.sign_selection.count == 449, timeout=15000)
    with qtbot.waitSignal(page.records_changed, timeout=15000):
        page.sign_button.click()
    wait_idle(qtbot, office.runner)
    assert len(calls) == 2
    result = page.outcome.result
    assert result is not None and result.kind == "stopped"
    assert len(result.signed) == 199 and len(result.failed) == 200 and result.unread == 50
    assert page.outcome.failures.count() == 200  # each refused record with its reason
    summary = page.outcome.summary.text()
    assert "50" in summary and "Đã dừng ký:" not in summary  # not the cancel's words
    assert page.sign_model.is_all_checked
    assert page.sign_model.unchecked_keys() == {page.sign_model.row_at(0).id}  # type: ignore[union-attr]
    assert all(page.sign_model.is_checked_key(rid) for rid in calls[1])


def test_select_all_signs_every_record_waiting_not_only_the_loaded_rows(
        qtbot: QtBot, office: UiOffice) -> None:
    waiting = create_many(office.session("canbo"), WAITING, to=Status.APPROVED,
                          supervisor=office.session("chutich"))
    calls: list[list[str]] = []
    page = _page(qtbot, office, calls)
    selection = page.sign_selection
    assert selection.label.text() == "" and not selection.clear_button.isVisible()

    page.select_all.click()
    qtbot.waitUntil(lambda: selection.count == WAITING, timeout=15000)
    assert selection.label.text() == "Đã chọn tất cả 250 hồ sơ đang chờ ký."
    page.sign_model.set_checked(0, False)  # one ticked off: the rest still go
    assert selection.count == WAITING - 1
    assert selection.label.text() == "Đã chọn tất cả 249 hồ sơ đang chờ ký."
    assert page.sign_model.rowCount() == 200  # the window holds the first page only

    with qtbot.waitSignal(page.records_changed, timeout=15000):
        page.sign_button.click()
    wait_idle(qtbot, office.runner)
    assert [rid for ids in calls for rid in ids] == waiting[1:]  # oldest first, each once
    assert max(len(ids) for ids in calls) <= 200  # handed over page by page
    result = page.outcome.result
    assert result is not None and result.kind == "signed"
    assert len(result.signed) == WAITING - 1
    assert not page.sign_model.is_all_checked  # the batch used the selection up
    assert selection.label.text() == ""

    page.select_all.click()  # then "clear" takes every record off again
    qtbot.waitUntil(lambda: selection.count == WAITING, timeout=15000)
    selection.clear_button.click()
    assert selection.count == 0 and page.sign_model.checked() == []
    wait_idle(qtbot, office.runner)


def test_a_cancel_says_how_many_were_left_unread(qtbot: QtBot, office: UiOffice) -> None:
    create_many(office.session("canbo"), WAITING, to=Status.APPROVED,
                supervisor=office.session("chutich"))
    calls: list[list[str]] = []

    def cancelled_at_the_last(ids: Sequence[str]) -> list[SignOutcome]:
        # as the real signer answers once cancel was pressed before the page's last one
        return [SignOutcome(rid) for rid in ids[:-1]] + [SignOutcome(ids[-1], Cancelled())]

    page = _page(qtbot, office, calls, cancelled_at_the_last)
    page.select_all.click()
    qtbot.waitUntil(lambda: page.sign_selection.count == WAITING, timeout=15000)
    with qtbot.waitSignal(page.records_changed, timeout=15000):
        page.sign_button.click()
    wait_idle(qtbot, office.runner)
    assert len(calls) == 1  # stopped at the first page
    result = page.outcome.result
    assert result is not None and result.kind == "cancelled"
    assert len(result.signed) == 199 and result.left == WAITING - 199
    assert "51" in page.outcome.summary.text()


def test_the_failures_of_a_select_all_batch_stay_ticked_past_the_reloaded_first_page(
        qtbot: QtBot, office: UiOffice) -> None:
    """Every record of a 250 batch fails on its own: the list then reads its first page
    (200) again, and the 50 failed records past it stay ticked; the next batch takes all
    250, and a ticked record signed meanwhile elsewhere leaves the selection."""
    from desktop_app.domain.errors import SignerConflictError

    waiting = create_many(office.session("canbo"), WAITING, to=Status.APPROVED,
                          supervisor=office.session("chutich"))
    calls: list[list[str]] = []
    failing: Answer = lambda ids: [  # noqa: E731
        SignOutcome(rid, SignerConflictError(parties=["deceased"])) for rid in ids]
    page = _page(qtbot, office, calls, failing)
    page.select_all.click()
    qtbot.waitUntil(lambda: page.sign_selection.count == WAITING, timeout=15000)
    with qtbot.waitSignal(page.records_changed, timeout=15000):
        page.sign_button.click()
    wait_idle(qtbot, office.runner)  # the list read again after the batch
    assert page.sign_model.rowCount() == 200 and not page.sign_model.is_all_checked
    assert page.sign_selection.count == WAITING
    assert all(page.sign_model.is_checked_key(rid) for rid in waiting)

    calls.clear()
    with qtbot.waitSignal(page.records_changed, timeout=15000):
        page.sign_button.click()
    wait_idle(qtbot, office.runner)
    assert sorted(rid for ids in calls for rid in ids) == sorted(waiting)

    supervisor = office.session("chutich")
    with supervisor.store.write() as uow:  # signed elsewhere (the command line)
        rec = uow.records.get(waiting[-1])
        assert rec is not None
        change_status(uow, rec, Status.SIGNED, actor=actor_of(supervisor.account),
                      at=supervisor.clock.now(), action="sign")
    page.refresh()  # one past the first page no longer waits: only it is dropped
    wait_idle(qtbot, office.runner)
    assert page.sign_selection.count == WAITING - 1
    assert not page.sign_model.is_checked_key(waiting[-1])


def test_the_sign_button_waits_for_something_chosen_and_says_why(
        qtbot: QtBot, office: UiOffice) -> None:
    page = _page(qtbot, office, [], rows=0)
    assert not page.sign_button.isEnabled()
    assert page.sign_button.toolTip() == "Không có hồ sơ nào đang chờ ký."

    create_many(office.session("canbo"), 3, to=Status.APPROVED,
                supervisor=office.session("chutich"))
    page.refresh()
    qtbot.waitUntil(lambda: page.sign_model.rowCount() == 3, timeout=15000)
    wait_idle(qtbot, office.runner)
    assert not page.sign_button.isEnabled()  # something waits, nothing chosen
    assert page.sign_button.toolTip() == ("Hãy đánh dấu các hồ sơ cần ký, "
                                          "hoặc bấm “Chọn tất cả”.")
    page.sign_model.set_checked(1, True)
    assert page.sign_button.isEnabled() and page.sign_button.toolTip() == ""
    page.sign_model.set_checked(1, False)
    assert not page.sign_button.isEnabled()
    page.select_all.click()
    assert page.sign_button.isEnabled()
    qtbot.waitUntil(lambda: page.sign_selection.count == 3, timeout=15000)
    assert page.sign_button.isEnabled()
    page.sign_selection.clear_button.click()
    assert not page.sign_button.isEnabled()
