"""GET /v1/registry/persons (issue 17 item 7): the population registry of the device's own
commune, paged by personal ID, authenticated and rate-limited per device."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import requests
from conftest import FAST
from support import COMMUNE, Pki, ServerThread

from desktop_app.sync_types import Progress
from sync.client import SyncClient
from sync.identity import DeviceIdentity
from sync.retry import Transient
from sync.server.models import RegistryPerson
from sync.server.population import TokenBucket
from sync.server.store import CentralStore


def _person(n: int, *, commune: str = COMMUNE, year: int = 1998,
            event: str = "birth") -> RegistryPerson:
    return RegistryPerson(event=event, personal_id=f"001098{n:06d}", commune=commune,
                          year=year, full_name=f"Nguyễn Văn Số {n}", sex="male",
                          date_of_birth=f"{year}-03-04", mother_name="Trần Thị Mẹ")


def test_every_page_of_the_communes_year_in_order(client: SyncClient,
                                                  store: CentralStore) -> None:
    wanted = [_person(n) for n in range(250, 0, -1)]
    others = [_person(900, commune="26740"), _person(901, year=1999),
              _person(902, event="death")]
    store.population.import_persons([*wanted, *others])
    pages: list[Progress] = []
    got = list(client.registry_persons("birth", 1998, limit=100, progress=pages.append))
    assert [p.personal_id for p in got] == sorted(p.personal_id for p in wanted)
    assert [p.done for p in pages] == [100, 200, 250]
    assert got[0].mother_name == "Trần Thị Mẹ" and got[0].date_of_death is None
    store.population.import_persons([_person(1).model_copy(update={"full_name": "Lê B"})])
    assert next(client.registry_persons("birth", 1998)).full_name == "Lê B"  # replaced


def test_the_registry_is_read_rate_limited_per_device(
        server: ServerThread, store: CentralStore, pki: Pki,
        enrolled: Callable[..., DeviceIdentity]) -> None:
    store.population.limiter = TokenBucket(rate=0.01, burst=2)
    first, second = (SyncClient(enrolled(), ca_file=pki.ca, config=FAST) for _ in range(2))
    try:
        for _ in range(2):
            assert first.registry_page("birth", 1998) == ([], None)
        with pytest.raises(Transient) as caught:  # one attempt; the client waits and retries
            first.send_once("GET", "/v1/registry/persons?event=birth&year=1998")
        assert caught.value.status == 429 and (caught.value.retry_after or 0) >= 1
        assert second.registry_page("birth", 1998) == ([], None)  # another device: its own
    finally:
        first.close()
        second.close()


def test_unsigned_or_malformed_queries_are_refused(server: ServerThread, pki: Pki,
                                                   client: SyncClient) -> None:
    url = server.url + "/v1/registry/persons?event=birth&year=1998"
    assert requests.get(url, verify=str(pki.ca), timeout=(2, 5)).status_code == 401
    from sync.errors import BadRequestError

    for query in ("event=marriage&year=1998", "event=birth", "event=birth&year=1998&after=x",
                  "event=birth&year=1998&limit=5000"):
        with pytest.raises(BadRequestError):
            client.request_json("GET", f"/v1/registry/persons?{query}")
