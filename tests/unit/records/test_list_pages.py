"""The list screens' pages (issue 13): the register, a search, the approval queue, the records
to sign and the sync queue come page by page by keyset, every record on some page, none twice,
no cap; counts come from the counters; a narrowing done in Python reads a bounded number of
rows per page. Each path is planned without a full scan of a growing table."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop_app.domain import Status
from desktop_app.errors import UsageError
from desktop_app.record import RecordPage, StoredRecord
from desktop_app.workflows import approval, paging, record_views, records, verification
from desktop_app.workflows.record_views import RecordFilter
from tests.many_records import create_many
from tests.samples import build
from tests.unit.conftest import Office
from tests.unit.store.test_query_plans import check


def _all_pages(fetch: Callable[[str | None], RecordPage]) -> tuple[list[str], int]:
    """Every id the pages hand out, in order, and how many pages it took."""
    ids: list[str] = []
    after, pages = None, 0
    while True:
        page = fetch(after)
        ids += [r.id for r in page.records]
        pages += 1
        if page.after is None:
            return ids, pages
        after = page.after


def test_the_register_and_a_filter_page_by_page_with_counts(office: Office) -> None:
    officer = office("canbo")
    deaths = create_many(officer, 5)
    births = create_many(officer, 3, rtype="birth", to=Status.SUBMITTED, first=5)
    every = deaths + births
    ids, pages = _all_pages(lambda after: record_views.records_page(officer, after=after,
                                                                    limit=3))
    assert ids == every and pages == 3  # oldest first, none twice, none left out
    assert record_views.count_records(officer) == 8
    submitted = RecordFilter(statuses=("submitted",))
    assert _all_pages(lambda after: record_views.records_page(
        officer, submitted, after=after, limit=2))[0] == births
    assert record_views.count_records(officer, submitted) == 3
    both = RecordFilter(statuses=("draft", "submitted"), types=("death",))
    assert _all_pages(lambda after: record_views.records_page(
        officer, both, after=after, limit=2))[0] == deaths
    assert record_views.count_records(officer, both) == 5
    with pytest.raises(UsageError):
        record_views.records_page(officer, RecordFilter(statuses=("lost",)))


def test_a_search_pages_in_its_rank_and_is_not_counted(office: Office) -> None:
    officer = office("canbo")
    create_many(officer, 30)  # ten of each family name: "Nguyễn" is n % 10 == 0
    first = records.search_page(officer, "nguyen")
    ids, pages = _all_pages(lambda after: record_views.records_page(
        officer, RecordFilter("nguyen"), after=after, limit=4))
    assert len(ids) == len(set(ids)) == 3 and pages == 1
    assert ids == [r.id for r in first.records]  # the same ranking as the search
    assert record_views.count_records(officer, RecordFilter("nguyen")) is None


def test_a_narrowing_in_python_reads_a_bounded_number_of_rows_per_page(office: Office) -> None:
    officer = office("canbo")
    drafts = create_many(officer, 6)
    wanted = create_many(officer, 2, to=Status.SUBMITTED, first=6)
    read: list[int] = []

    with officer.store.read() as uow:
        def fetch(after: str | None, size: int) -> RecordPage:
            page = uow.records.list_page(after=after, limit=size)
            read.append(len(page.records))
            return page

        page = paging.filtered(fetch, lambda r: r.status == "submitted", after=None, limit=2,
                               budget=4)
        # Four rows read, all drafts: nothing found yet, and a cursor to go on from.
        assert (page.records, sum(read)) == ((), 4) and page.after is not None
        rest = paging.filtered(fetch, lambda r: r.status == "submitted", after=page.after,
                               limit=2, budget=4)
    assert [r.id for r in rest.records] == wanted and rest.after is None
    assert len(drafts) == 6


def test_the_approval_queue_and_the_records_to_sign_have_no_cap(office: Office) -> None:
    """The old lists stopped at 1,000 per status; the 1,001st is on a page now."""
    officer, supervisor = office("canbo"), office("chutich")
    approved = create_many(officer, 1001, to=Status.APPROVED, supervisor=supervisor)
    waiting = RecordFilter(statuses=("submitted",))
    submitted = create_many(officer, 3, to=Status.SUBMITTED, first=1001)
    signable, pages = _all_pages(lambda after: approval.to_sign_page(supervisor, after=after))
    assert signable == approved and pages == 6
    assert _all_pages(lambda after: record_views.records_page(
        supervisor, waiting, after=after))[0] == submitted
    assert record_views.count_records(supervisor, RecordFilter(statuses=("approved",))) == 1001


def test_the_records_to_sign_merge_both_statuses_and_skip_what_the_rule_refuses(
        office: Office) -> None:
    officer, supervisor = office("canbo"), office("chutich")
    death = create_many(officer, 1, to=Status.APPROVED, supervisor=supervisor)
    birth = _approved(office, build("birth"))  # no personal ID yet
    assert birth.status == "awaiting_personal_id"
    office.clock.advance(seconds=5)
    with_id = _approved(office, build("birth", {"child.full_name": "Phạm Thị Hạnh"}))
    with officer.store.write() as uow:  # its ID came back before the move to approved did
        data = {**with_id.data, "child": {**with_id.data["child"],  # type: ignore[dict-item]
                                          "personal_id": "026326000123"}}
        uow.records.update(with_id.with_changes(data=data))
    later = create_many(officer, 2, to=Status.APPROVED, supervisor=supervisor, first=1)
    assert with_id.status == "awaiting_personal_id"
    ids, _pages = _all_pages(lambda after: approval.to_sign_page(supervisor, after=after,
                                                                 limit=1))
    assert ids == [*death, with_id.id, *later]  # oldest first across both statuses
    # what a selection keeps when the list is read again: the same rule, record by record
    drafted = create_many(officer, 1, first=3)
    kept = approval.still_to_sign(supervisor, [later[1], birth.id, *drafted, death[0]])
    assert [r.id for r in kept] == [later[1], death[0]]


def _approved(office: Office, data: dict[str, object]) -> StoredRecord:
    officer, supervisor = office("canbo"), office("chutich")
    saved = records.create_record(officer, "birth", data)
    records.submit(officer, saved.record.id)
    reasons = {i.code: "đã đối chiếu giấy tờ gốc" for i in saved.warnings}
    return records.approve(supervisor, saved.record.id, reasons).record


def test_the_sync_queue_pages_newest_first_with_its_counts(office: Office) -> None:
    officer, supervisor = office("canbo"), office("chutich")
    approved = create_many(officer, 5, to=Status.APPROVED, supervisor=supervisor)
    create_many(officer, 2, first=5)  # drafts are not on their way
    ids, pages = _all_pages(lambda after: _queue(record_views.sync_queue_page(
        officer, after=after, limit=2)))
    assert ids == approved[::-1] and pages == 3
    counts = record_views.queue_counts(officer)
    assert (counts.records, counts.rejected) == (5, 0)
    assert record_views.sync_queue(officer, limit=2) == list(
        record_views.sync_queue_page(officer, limit=2).items)


def _queue(page: record_views.QueuePage) -> RecordPage:
    return RecordPage(tuple(i.record for i in page.items), page.after)


def test_the_entries_to_verify_page_past_the_other_submitted(office: Office) -> None:
    officer = office("canbo")
    first = create_many(officer, 3, to=Status.SUBMITTED, historical=True)
    create_many(officer, 4, to=Status.SUBMITTED, first=3)  # current ones: approval only
    later = create_many(officer, 2, to=Status.SUBMITTED, first=7, historical=True)
    ids, pages = _all_pages(lambda after: _awaiting(verification.awaiting_verification_page(
        office("canbo2"), after=after, limit=2)))
    assert ids == first + later and pages == 3


def _awaiting(page: verification.AwaitingPage) -> RecordPage:
    return RecordPage(tuple(i.record for i in page.items), page.after)


def test_the_list_pages_plan_no_full_scan(office: Office) -> None:
    officer, supervisor = office("canbo"), office("chutich")
    create_many(officer, 4, to=Status.APPROVED, supervisor=supervisor)
    create_many(officer, 4, to=Status.SUBMITTED, first=4)
    page = record_views.records_page(officer, limit=2)
    check(officer, lambda: record_views.records_page(officer, after=page.after, limit=2))
    check(officer, lambda: record_views.records_page(
        officer, RecordFilter("nguyen", ("approved", "signed"), ("death",)), limit=1))
    check(officer, lambda: record_views.records_page(
        officer, RecordFilter(statuses=("draft", "submitted")), limit=1))
    check(officer, lambda: record_views.count_records(officer))
    check(supervisor, lambda: approval.to_sign_page(supervisor, limit=1))
    queue = record_views.sync_queue_page(officer, limit=2)
    check(officer, lambda: record_views.sync_queue_page(officer, after=queue.after, limit=2))
    check(officer, lambda: record_views.queue_counts(officer))
    check(officer, lambda: verification.awaiting_verification_page(officer, limit=1))
