"""More records than a page (or than the old 1,000 cap) for the paging tests, made quickly:
created by the workflow's own create_in and moved by the one status writer, all in a single
transaction (a thousand separate saves would take a test's whole budget). Each gets its own
name and, the clock moved a second each time, its own creation moment."""

from __future__ import annotations

from desktop_app.domain import Status
from desktop_app.session import Session
from desktop_app.workflows import records
from desktop_app.workflows.status import actor_of, change_status
from tests.samples import build

_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ")
_MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Quang", "Thanh", "Xuân", "Hoài")
_GIVEN = ("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Mai", "Nam", "Oanh",
          "Phúc", "Quân")
_SECOND = ("", "Gia ", "Bảo ", "Kim ")
NAME_PATHS = {"death": "deceased.full_name", "birth": "child.full_name"}


def person_name(n: int) -> str:
    """A distinct Vietnamese full name for each n below 5,200 (no duplicate warnings)."""
    return (f"{_FAMILY[n % 10]} {_SECOND[n // 1300 % 4]}{_MIDDLE[n // 10 % 10]} "
            f"{_GIVEN[n // 100 % len(_GIVEN)]}")


HISTORICAL_DEATH = {"registered_on": "1990-03-02", "registration_number": "7",
                    "book_number": "01/1990", "time_of_death": "1990-03-01T08:00"}


def create_many(officer: Session, count: int, *, rtype: str = "death",
                to: Status = Status.DRAFT, supervisor: Session | None = None,
                first: int = 0, historical: bool = False) -> list[str]:
    """``count`` records of ``rtype``, each left in ``to`` (draft, submitted, or approved by
    ``supervisor``); their ids, oldest first. ``historical``: entries of an old book (deaths
    of 1990)."""
    ids = []
    with officer.store.write() as uow:
        for n in range(first, first + count):
            officer.clock.advance(seconds=1)  # type: ignore[attr-defined]
            at = officer.clock.now()
            values = {NAME_PATHS[rtype]: person_name(n), **(HISTORICAL_DEATH if historical
                                                            else {})}
            rec = records.create_in(uow, officer, rtype, build(rtype, values),
                                    historical=historical).record
            if to is not Status.DRAFT:
                rec = change_status(uow, rec, Status.SUBMITTED, actor=actor_of(officer.account),
                                    at=at, action="submit")
            if to is Status.APPROVED:
                assert supervisor is not None
                rec = change_status(uow, rec, Status.APPROVED, at=at, action="approve",
                                    actor=actor_of(supervisor.account))
            ids.append(rec.id)
    return ids
