"""Read-only figures for the dashboard and the status bar (no Qt, no writes).

Counts by state, today's and the last 30 days' registrations, days since the last sync
(meta ``sync.last_success``), numbers left in each book and the outbox size. The connection
state comes from a Qt-free port that the sync package implements; certificate expiry from a
callable the signing wiring provides (both optional until they exist).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from enum import StrEnum
from typing import Protocol

from desktop_app.accounts import Permission, require
from desktop_app.messages import VIETNAM_TZ
from desktop_app.session import Session
from desktop_app.store import outbox_repo
from desktop_app.workflows.numbering import BookStatus, numbers_left

LAST_SYNC_KEY = "sync.last_success"
CHART_DAYS = 30


class ConnectionState(StrEnum):
    NOT_CONFIGURED = "not_configured"  # no server / not enrolled yet
    OFFLINE = "offline"
    ONLINE = "online"
    SYNCING = "syncing"


class ConnectionProbe(Protocol):
    """Implemented by sync: a cheap, non-blocking look at the link (cached state)."""

    def __call__(self) -> ConnectionState: ...


def no_connection_probe() -> ConnectionState:
    return ConnectionState.NOT_CONFIGURED


CertificateExpiry = Callable[[Session], datetime | None]


@dataclass(frozen=True)
class DayCount:
    day: date
    count: int


@dataclass(frozen=True)
class DashboardSummary:
    by_status: dict[str, int]
    created_today: int
    registered_today: int
    last_days: tuple[DayCount, ...]  # records received per day, oldest first
    days_since_sync: int | None  # None: never synced
    books: tuple[BookStatus, ...]
    queue_size: int  # outbox items still to send
    outbox_by_state: dict[str, int] = field(default_factory=dict)
    certificate_expires: datetime | None = None

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


def local_date(moment: datetime) -> date:
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(VIETNAM_TZ).date()


def queue_size(session: Session) -> int:
    """Outbox items waiting to leave (for the status bar)."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        counts = uow.outbox.count_by_state()
    return counts.get(outbox_repo.PENDING, 0) + counts.get(outbox_repo.AWAITING_SUPPORT, 0)


def days_since_sync(session: Session, today: date) -> int | None:
    with session.store.read() as uow:
        value = uow.meta.get(LAST_SYNC_KEY)
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return max(0, (today - local_date(moment)).days)


def _hour_start(hour: str, offset: str) -> datetime:
    """The start of an hour bucket "YYYY-MM-DDTHH" with its stored offset ("+00:00"); naive
    when the stored moments had none."""
    moment = datetime.fromisoformat(f"{hour}:00:00")
    if len(offset) == 6 and offset[0] in "+-" and offset[3] == ":":
        sign = 1 if offset[0] == "+" else -1
        zone = timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6])))
        moment = moment.replace(tzinfo=zone)
    return moment


def summary(session: Session, *, certificate_expiry: CertificateExpiry | None = None
            ) -> DashboardSummary:
    require(session.account, Permission.VIEW)
    today = local_date(session.clock.now())
    first = today - timedelta(days=CHART_DAYS - 1)
    per_day: Counter[date] = Counter()
    created_today = 0
    # Counts, never records: the days asked are read by hour from the created_at index (a
    # day's margin for stored offsets), the states from counters.
    since = datetime.combine(first - timedelta(days=1), time(), VIETNAM_TZ).astimezone(UTC)
    with session.store.read() as uow:
        for hour, offset, count in uow.records.created_per_hour(since.isoformat()):
            day = local_date(_hour_start(hour, offset))
            if first <= day <= today:
                per_day[day] += count
            created_today += count if day == today else 0
        registered_today = uow.records.count_registered_on(today.isoformat())
        outbox = uow.outbox.count_by_state()
        by_status = uow.records.count_by_status()
    expires = certificate_expiry(session) if certificate_expiry is not None else None
    return DashboardSummary(
        by_status=by_status,
        created_today=created_today,
        registered_today=registered_today,
        last_days=tuple(DayCount(first + timedelta(days=i), per_day[first + timedelta(days=i)])
                        for i in range(CHART_DAYS)),
        days_since_sync=days_since_sync(session, today),
        books=tuple(numbers_left(session, today.year)),
        queue_size=outbox.get(outbox_repo.PENDING, 0)
        + outbox.get(outbox_repo.AWAITING_SUPPORT, 0),
        outbox_by_state=outbox,
        certificate_expires=expires,
    )
