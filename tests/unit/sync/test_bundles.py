"""USB bundles: signed by the device, sealed to the server; same idempotency as push."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable

import pytest
from support import push_item

from desktop_app.sync_types import BundleAttachment
from sync.bundle import build_bundle, read_answer
from sync.client import SyncClient
from sync.errors import BundleInvalidError, DeviceRevokedError
from sync.identity import DeviceIdentity
from sync.protocol import ItemStatus, b64d, b64e
from sync.server.bundles import import_bundle
from sync.server.store import CentralStore


def test_bundle_round_trip_and_reimport(enrolled: Callable[..., DeviceIdentity],
                                        store: CentralStore) -> None:
    identity = enrolled()
    scan = os.urandom(20_000)
    sha = hashlib.sha256(scan).hexdigest()
    items = [push_item("birth", attachments=(sha,)), push_item("death"),
             push_item("marriage")]
    data = build_bundle(identity, items, [BundleAttachment(sha, scan, "image/jpeg")],
                        since=None)
    assert b"Nguy" not in data and "Nguyễn".encode() not in data  # sealed, nothing readable
    answer = read_answer(identity, import_bundle(store, data).answer)
    assert [r.status for r in answer.results] == [ItemStatus.ACCEPTED] * 3
    assert [r.idempotency_key for r in answer.results] == [i.idempotency_key for i in items]
    assert answer.attachments == {sha: True}
    assert answer.results[0].personal_id
    assert answer.pull is not None and answer.pull.changes
    again = read_answer(identity, import_bundle(store, data).answer)
    assert [r.status for r in again.results] == [ItemStatus.ALREADY_HAD] * 3
    assert [r.central_id for r in again.results] == [r.central_id for r in answer.results]
    assert sum(int(s["records"]) for s in store.intake.stats()) == 3
    assert store.attachments.content(sha) == scan


def test_bundle_then_online_push_of_the_same_items_is_idempotent(
        enrolled: Callable[..., DeviceIdentity], store: CentralStore, pki) -> None:  # noqa: ANN001
    from conftest import FAST

    identity = enrolled()
    items = [push_item("death"), push_item("death")]
    import_bundle(store, build_bundle(identity, items))
    client = SyncClient(identity, ca_file=pki.ca, config=FAST)
    assert [r.status for r in client.push(items)] == [ItemStatus.ALREADY_HAD] * 2
    via_http = read_answer(identity, client.submit_bundle(build_bundle(identity, items)))
    assert [r.status for r in via_http.results] == [ItemStatus.ALREADY_HAD] * 2


def test_tampered_foreign_or_revoked_bundles_are_refused(
        enrolled: Callable[..., DeviceIdentity], store: CentralStore) -> None:
    identity, other = enrolled(), enrolled()
    data = build_bundle(identity, [push_item("death")])
    body = json.loads(data)
    cipher = bytearray(b64d(body["ciphertext"]))
    cipher[10] ^= 1
    body["ciphertext"] = b64e(bytes(cipher))
    with pytest.raises(BundleInvalidError):
        import_bundle(store, json.dumps(body).encode())
    forged = json.loads(data)
    forged["device_id"] = other.device_id  # claims to come from another device
    with pytest.raises(BundleInvalidError):
        import_bundle(store, json.dumps(forged).encode())
    with pytest.raises(BundleInvalidError):
        import_bundle(store, b"not a bundle")
    answer = import_bundle(store, data).answer
    with pytest.raises(BundleInvalidError):
        read_answer(other, answer)
    store.devices.revoke(identity.device_id)
    with pytest.raises(DeviceRevokedError):
        import_bundle(store, data)
