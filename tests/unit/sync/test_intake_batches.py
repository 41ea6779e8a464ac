"""Intake reads and writes a push batch together: the outcome must be the one of the same items
pushed one at a time (items of a batch see each other; counters carry over between batches)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import COMMUNE, push_item, record

from sync import keys
from sync.protocol import ItemStatus, encode_push_item
from sync.server.devices import Device
from sync.server.models import PushItem
from sync.server.store import CentralStore
from tests.samples import build


def _central(path: Path) -> tuple[CentralStore, Device]:
    store = CentralStore(f"sqlite:///{path}")
    pair = keys.KeyPair.generate()
    return store, store.devices.enrol(store.devices.issue_code(COMMUNE), pair.signing_public,
                                      pair.box_public)


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[tuple[CentralStore, Device], ...]]:
    pairs = (_central(tmp_path / "batched.db"), _central(tmp_path / "one-by-one.db"))
    yield pairs
    for store, _ in pairs:
        store.close()


def _items() -> list[PushItem]:
    girl = record("birth", child={**record("birth")["child"], "sex": "female"})
    first = push_item("birth")
    dead = build("death", {"deceased.personal_id": "001040123456"})
    twice = push_item("death", data=build("death", {"deceased.personal_id": "001040123456",
                                                      "deceased.full_name": "Đinh Văn Năm"}))
    items = [
        first,
        first,  # the same item twice in one batch
        push_item("birth", record_id=first.record_id, version=2,
                  data=build("birth", {"child.full_name": "Nguyễn Văn Hai"})),  # same central id
        push_item("birth", record_id=first.record_id, data=dict(first.data), key="again"),
        push_item("birth"), push_item("birth", data=girl), push_item("birth"),  # id serials
        push_item("death", data=dead),
        twice,  # the same person's death under another record
        push_item("marriage", data=record("marriage", both_present=False)),  # rejected
        push_item("death", record_id=first.record_id, key="k"),  # a birth's id for a death
    ]
    return [PushItem.model_validate(encode_push_item(i)) for i in items]


def _feed(store: CentralStore) -> list[tuple[str, str, object]]:
    """The feed in order, without the device id (each store enrolled its own device)."""
    page = store.feed.changes(COMMUNE, "0", 1000)
    return [(c["kind"], c["key"], {k: v for k, v in c["data"].items() if k != "device_id"})
            for c in page["changes"]]  # type: ignore[index, union-attr]


def test_a_batch_ends_as_its_items_pushed_one_at_a_time(two) -> None:  # noqa: ANN001
    (batched, device), (single, other) = two
    items = _items()
    together = batched.intake.push(device, items[:7]) + batched.intake.push(device, items[7:])
    apart = [single.intake.push(other, [item])[0] for item in items]
    assert together == apart

    statuses = [r["status"] for r in together]
    assert statuses == ["accepted", "already_had", "accepted", "already_had", "accepted",
                        "accepted", "accepted", "accepted", "rejected", "rejected", "rejected"]
    assert len({together[i]["central_id"] for i in range(4)}) == 1
    assert together[8]["code"] == "E-SYNC-DEATH-REGISTERED"
    assert together[10]["code"] == "E-SYNC-OFFICE-MISMATCH"
    boys = [str(together[i]["personal_id"]) for i in (0, 4, 6)]
    assert [int(b[6:]) for b in boys] == [1, 2, 3]  # one serial per prefix, none skipped
    assert str(together[5]["personal_id"])[6:] == "000001"  # the girls' own prefix
    central = sorted(str(r["central_id"]) for r in together if r.get("central_id"))
    assert central[-1] == "TW000000000005"  # 5 records, counted on across the two batches
    assert len(_feed(batched)) > len(items) and _feed(batched) == _feed(single)


def test_a_batch_pushed_again_gives_the_stored_outcomes(two) -> None:  # noqa: ANN001
    (store, device), _ = two
    items = _items()
    first = store.intake.push(device, items)
    again = store.intake.push(device, items)
    assert [r["status"] for r in again] == [
        str(ItemStatus.ALREADY_HAD) if r["status"] == "accepted" else r["status"]
        for r in first]
    assert [r.get("central_id") for r in again] == [r.get("central_id") for r in first]
    assert sum(int(s["records"]) for s in store.intake.stats()) == 5  # 4 births, 1 death
