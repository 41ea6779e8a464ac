"""Dashboard figures and record views: counts, today, 30 days, sync age, queue, audit trail."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.workflows import dashboard, record_views, records
from tests.samples import build
from tests.unit.conftest import Office


def _approved_birth(office: Office, edits: dict | None = None) -> str:
    created = records.create_record(office("canbo"), "birth", build("birth", edits))
    records.submit(office("canbo"), created.record.id)
    overrides = {i.code: "đã kiểm tra" for i in created.warnings}
    records.approve(office("chutich"), created.record.id, overrides)
    return created.record.id


def test_summary_counts_states_today_and_the_chart(office: Office) -> None:
    records.create_record(office("canbo"), "death", build("death"))
    office.clock.advance(days=-3)
    records.create_record(office("canbo"), "marriage", build("marriage"))
    office.clock.advance(days=3)
    _approved_birth(office)

    result = dashboard.summary(office("canbo"))
    assert result.by_status == {"draft": 2, "awaiting_personal_id": 1}
    assert result.total == 3
    assert result.created_today == 2
    assert result.registered_today == 1
    assert len(result.last_days) == dashboard.CHART_DAYS
    assert result.last_days[-1].count == 2 and result.last_days[-4].count == 1
    assert result.last_days[-1].day.isoformat() == "2026-01-15"
    assert result.days_since_sync is None
    assert result.queue_size == 1  # the birth leaves at once for its personal ID
    birth_book = [b for b in result.books if b.record_type == "birth"][0]
    assert birth_book.book_number == "01-TP/HT-2026-KS"
    assert result.certificate_expires is None


def test_days_since_sync_and_certificate_expiry(office: Office) -> None:
    session = office("chutich")
    with session.store.write() as uow:
        uow.meta.put(dashboard.LAST_SYNC_KEY,
                     datetime(2026, 1, 10, 9, 0, tzinfo=UTC).isoformat())
    expiry = datetime(2027, 1, 1, tzinfo=UTC)
    result = dashboard.summary(session, certificate_expiry=lambda s: expiry)
    assert result.days_since_sync == 5
    assert result.certificate_expires == expiry
    assert dashboard.no_connection_probe() is dashboard.ConnectionState.NOT_CONFIGURED


def test_audit_trail_queue_and_draft_check(office: Office) -> None:
    record_id = _approved_birth(office, {"mother.date_of_birth": "2013-06-01"})
    trail = record_views.audit_trail(office("canbo"), record_id[:8])
    # The birth then waits for its personal ID: a step of the system, audited as such.
    assert [e.action for e in trail] == ["record.create", "record.submit", "record.approve",
                                         "record.await_personal_id"]
    assert "W-MOTHER-AGE-LOW" in trail[2].reason
    assert trail[3].actor == "system"

    created = records.create_record(office("canbo"), "death", build("death"))
    records.submit(office("canbo"), created.record.id)
    records.reject(office("chutich"), created.record.id, "thiếu giấy báo tử")
    queue = record_views.sync_queue(office("canbo"))
    by_id = {item.record.id: item for item in queue}
    assert by_id[record_id].outbox_state == "pending"
    assert by_id[created.record.id].reason == "thiếu giấy báo tử"

    issues = record_views.check_draft(office("canbo"), "birth",
                                      build("birth", {"child.full_name": ""}))
    assert any(i.is_error and i.field == "child.full_name" for i in issues)
    assert dashboard.queue_size(office("canbo")) == 1
