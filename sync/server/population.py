"""The simulated population registry of the centre (issue 17 item 7).

Operators import it (``hotich central registry-import``); a device reads the events of its
own commune, one page at a time by personal ID, to reconcile a digitised book with it
(desktop_app.workflows.reconciliation). Reads are rate-limited per device: a registry of
millions is not for bulk download.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, insert, select

from sync.server import schema as t
from sync.server.database import Database
from sync.server.models import RegistryPerson

FIELDS = ("personal_id", "full_name", "sex", "date_of_birth", "mother_name", "father_name",
          "date_of_death")


class RateLimited(Exception):
    """Too many registry reads by one device; ``retry_after`` seconds until the next."""

    def __init__(self, retry_after: float) -> None:
        super().__init__("rate limited")
        self.retry_after = retry_after


class TokenBucket:
    """``rate`` reads a second per key on average, bursts of ``burst``."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self._lock = threading.Lock()
        self._state: dict[str, tuple[float, float]] = {}  # key -> (tokens, at)

    def take(self, key: str) -> None:
        now = time.monotonic()
        with self._lock:
            tokens, at = self._state.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - at) * self.rate)
            if tokens < 1.0:
                self._state[key] = (tokens, now)
                raise RateLimited((1.0 - tokens) / self.rate)
            self._state[key] = (tokens - 1.0, now)


class Population:
    def __init__(self, db: Database, *, rate: float = 20.0, burst: int = 40) -> None:
        self.db = db
        self.limiter = TokenBucket(rate, burst)

    def import_persons(self, persons: Iterable[RegistryPerson]) -> int:
        """Add or replace events (one transaction); returns how many."""
        rows = [p.model_dump() for p in persons]
        with self.db.tx() as conn:
            for row in rows:  # replace: an import corrects what the registry held
                conn.execute(delete(t.population).where(
                    t.population.c.event == row["event"],
                    t.population.c.personal_id == row["personal_id"]))
            if rows:
                conn.execute(insert(t.population), rows)
        return len(rows)

    def page(self, device_id: str, commune: str, event: str, year: int, after: str | None,
             limit: int) -> dict[str, object]:
        """The events of ``commune`` registered in ``year`` after personal ID ``after``."""
        self.limiter.take(device_id)
        c = t.population.c
        query = (select(*(getattr(c, f) for f in FIELDS))
                 .where(c.commune == commune, c.event == event, c.year == year))
        if after:
            query = query.where(c.personal_id > after)
        with self.db.read() as conn:
            rows = conn.execute(query.order_by(c.personal_id).limit(limit + 1)).all()
        page: Sequence[object] = rows[:limit]
        persons = [{f: getattr(r, f) for f in FIELDS} for r in page]
        more = len(rows) > limit
        return {"persons": persons,
                "next": persons[-1]["personal_id"] if more and persons else None}
