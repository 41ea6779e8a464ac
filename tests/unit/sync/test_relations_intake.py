"""The centre applies the relation rules across the commune's devices (issue 15): a
recognition arriving for a birth the centre holds with another father is rejected with the
same code as on a device, even when the birth came from another device or the same batch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support import COMMUNE, push_item

from sync import keys
from sync.protocol import ItemStatus, encode_push_item
from sync.server.devices import Device
from sync.server.models import PushItem
from sync.server.store import CentralStore
from tests.samples import DELETE, build


@pytest.fixture
def central(tmp_path: Path) -> Iterator[tuple[CentralStore, Device, Device]]:
    store = CentralStore(f"sqlite:///{tmp_path / 'central.db'}")
    devices = []
    for _ in range(2):
        pair = keys.KeyPair.generate()
        devices.append(store.devices.enrol(store.devices.issue_code(COMMUNE),
                                           pair.signing_public, pair.box_public))
    yield store, devices[0], devices[1]
    store.close()


def _push(store: CentralStore, device: Device, *items: Any) -> list[dict[str, object]]:
    return store.intake.push(device, [PushItem.model_validate(encode_push_item(i))
                                      for i in items])


def _recognition(birth_id: str, father: str) -> Any:
    return push_item("recognition", data=build("recognition", {
        "child.birth_record": {"record_id": birth_id}, "parent.full_name": father,
        "child.date_of_birth": "2026-01-10"}))


def test_a_recognition_against_another_devices_birth(
        central: tuple[CentralStore, Device, Device]) -> None:
    store, first, second = central
    birth = push_item("birth", data={**build("birth"), "registration_number": "7"})
    assert _push(store, first, birth)[0]["status"] == ItemStatus.ACCEPTED
    (refused,) = _push(store, second, _recognition(birth.record_id, "Lê Văn Sơn"))
    assert refused["status"] == ItemStatus.REJECTED
    assert refused["code"] == "E-RECOG-OTHER-PARENT"
    assert "Giấy khai sinh số 7" in str(refused["message"])
    (same,) = _push(store, second, _recognition(birth.record_id, "Nguyễn Văn Cường"))
    assert same["status"] == ItemStatus.ACCEPTED


def test_in_one_batch_and_for_a_correction(central: tuple[CentralStore, Device, Device]
                                           ) -> None:
    store, device, _ = central
    birth = push_item("birth")
    wrong = push_item("change", data=build("change", {
        "original_record": {"record_id": birth.record_id},
        "changes": [{"field": "full_name", "from": "Nguyễn Văn Ba", "to": "Nguyễn Văn Bá"}]}))
    results = _push(store, device, birth, _recognition(birth.record_id, "Lê Văn Sơn"), wrong)
    assert [r["status"] for r in results] == [ItemStatus.ACCEPTED, ItemStatus.REJECTED,
                                              ItemStatus.REJECTED]
    assert [r.get("code") for r in results[1:]] == ["E-RECOG-OTHER-PARENT", "E-CHANGE-FROM"]
    # Not held centrally: nothing to compare with, accepted as before.
    (elsewhere,) = _push(store, device, _recognition("not-held-here", "Lê Văn Sơn"))
    assert elsewhere["status"] == ItemStatus.ACCEPTED


OTHER_COMMUNE = "26740"  # where the person lives now (L60 Art 27, 46)


def test_an_act_registered_elsewhere_reaches_the_commune_holding_the_original(
        central: tuple[CentralStore, Device, Device]) -> None:
    store, home, _ = central
    pair = keys.KeyPair.generate()
    elsewhere = store.devices.enrol(store.devices.issue_code(OTHER_COMMUNE),
                                    pair.signing_public, pair.box_public)
    birth = push_item("birth", data={**build("birth", {
        "father": DELETE, "child.full_name": "Trần Văn Đức", "declarant.relationship": "mother",
        "declarant.full_name": "Trần Thị Bình"}),
                                     "registration_number": "7", "registered_on": "2026-01-12"})
    assert _push(store, home, birth)[0]["status"] == ItemStatus.ACCEPTED
    by_number = push_item("recognition", data=build("recognition", {
        "child.birth_record": {"registration_number": "7", "office": COMMUNE,
                               "registered_on": "2026-01-12"},
        "child.date_of_birth": "2026-01-10"}))
    assert _push(store, elsewhere, by_number)[0]["status"] == ItemStatus.ACCEPTED
    page = store.feed.changes(COMMUNE, "0", 100)
    forwarded = [c for c in page["changes"]  # type: ignore[union-attr]
                 if c["key"] == f"{by_number.record_id}:1"]
    assert len(forwarded) == 1
    payload = forwarded[0]["data"]
    assert payload["commune"] == OTHER_COMMUNE
    assert payload["data"]["child"]["birth_record"]["record_id"] == birth.record_id
    # An act of the commune's own records is not forwarded anywhere else.
    other_page = store.feed.changes(OTHER_COMMUNE, "0", 100)
    assert [c["key"] for c in other_page["changes"]  # type: ignore[union-attr]
            if c["kind"] == "record"] == [f"{by_number.record_id}:1"]
    # No such number at that commune: nothing forwarded.
    unknown = push_item("recognition", data=build("recognition", {
        "child.birth_record": {"registration_number": "99", "office": COMMUNE}}))
    _push(store, elsewhere, unknown)
    again = store.feed.changes(COMMUNE, "0", 100)
    assert not [c for c in again["changes"]  # type: ignore[union-attr]
                if c["key"] == f"{unknown.record_id}:1"]


def test_guardianships_across_devices(central: tuple[CentralStore, Device, Device]) -> None:
    store, first, second = central
    guardianship = push_item("guardianship", data={**build("guardianship"),
                                                   "registration_number": "3"})
    assert _push(store, first, guardianship)[0]["status"] == ItemStatus.ACCEPTED
    another = push_item("guardianship", data=build("guardianship", {
        "guardian.full_name": "Lê Văn Sáu"}))
    (refused,) = _push(store, second, another)
    assert refused["code"] == "E-GUARD-ONE" and "số 3" in str(refused["message"])
    term = build("guardianship", {"kind": "termination", "termination_reason": "parents_resume",
                                  "original_record": {"record_id": guardianship.record_id}})
    ended = push_item("guardianship", data={**term, "registration_number": "5"})
    assert _push(store, first, ended)[0]["status"] == ItemStatus.ACCEPTED
    (twice,) = _push(store, second, push_item("guardianship", data=term))
    assert twice["code"] == "E-GUARD-TERM-ENDED" and "số 5" in str(twice["message"])
    # Ended: the ward may have a new guardian (a new record: the refusal above is final).
    anew = push_item("guardianship", data=dict(another.data))
    assert _push(store, second, anew)[0]["status"] == ItemStatus.ACCEPTED


def test_a_correction_arriving_after_the_corrected_original(
        central: tuple[CentralStore, Device, Device]) -> None:
    """The original's new version leaves at approval, the correction once signed: the
    centre checks `from` against the version the correction changed."""
    store, device, _ = central
    birth = push_item("birth")
    corrected = push_item("birth", record_id=birth.record_id, version=2, data=build(
        "birth", {"child.full_name": "Nguyễn Văn Ân"}))
    assert [r["status"] for r in _push(store, device, birth, corrected)] == [
        ItemStatus.ACCEPTED, ItemStatus.ACCEPTED]

    def change(old: str) -> Any:
        return push_item("change", data=build("change", {
            "original_record": {"record_id": birth.record_id},
            "changes": [{"field": "full_name", "from": old, "to": "Nguyễn Văn Ân"}]}))

    (ok,) = _push(store, device, change("Nguyễn Văn An"))
    assert ok["status"] == ItemStatus.ACCEPTED
    (never,) = _push(store, device, change("Nguyễn Văn Ba"))
    assert never["code"] == "E-CHANGE-FROM"
