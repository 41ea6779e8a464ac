"""The reference central server's state, independent of HTTP: one database shared by its parts.

    store = CentralStore(url)        # sqlite:///FILE, postgresql://..., or a file path
    store.devices      enrolment codes, enrolment, revocation, request authentication
    store.intake       pushed and bundled records (idempotent per item), statistics
    store.attachments  resumable uploads
    store.leases       number blocks of the register books
    store.anchors      the head of each device's audit chain (a rewritten log is found)
    store.feed         the pull feed (and what operators publish into it)
    store.population   the simulated population registry (reconciliation of old books)
    store.settings     server keys, procedures, desktop release, capabilities

Each part is a small class over ``store.db`` (engine, transactions, clock); parts that publish
changes share ``store.feed`` so a change is written in the same transaction as its cause.
"""

from __future__ import annotations

from sqlalchemy.exc import OperationalError

from desktop_app.clock import Clock
from sync.errors import CentralDatabaseError
from sync.server.anchors import AuditAnchors
from sync.server.attachments import Attachments
from sync.server.database import Database
from sync.server.devices import Devices
from sync.server.feed import Feed
from sync.server.intake import Intake
from sync.server.leases import Leases
from sync.server.population import Population
from sync.server.settings import Settings


class CentralStore:
    """The reference central database. Thread-safe; one instance per process."""

    def __init__(self, url: str | None, clock: Clock | None = None) -> None:
        self.db = Database(url, clock)
        try:
            self.feed = Feed(self.db)
            self.settings = Settings(self.db, self.feed)
        except OperationalError as exc:
            self.db.close()
            raise CentralDatabaseError(detail=f"cannot open ({exc.__class__.__name__})") from exc
        self.devices = Devices(self.db, self.feed)
        self.attachments = Attachments(self.db)
        self.intake = Intake(self.db, self.settings, self.feed)
        self.leases = Leases(self.db, self.feed)
        self.anchors = AuditAnchors(self.db)
        self.population = Population(self.db)

    def close(self) -> None:
        self.db.close()
