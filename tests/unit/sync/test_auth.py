"""Enrolment and request authentication: signatures, staleness, replay, revocation, TLS."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import requests
from conftest import FAST
from support import Pki, ServerThread, push_item

from desktop_app.clock import FixedClock
from sync import keys
from sync.client import SyncClient, enrol
from sync.errors import (
    DeviceRevokedError,
    EnrolmentCodeInvalidError,
    RequestSignatureError,
    StaleRequestError,
    TlsConfigError,
    TlsVerificationError,
    UnknownDeviceError,
)
from sync.identity import DeviceIdentity
from sync.protocol import (
    H_DEVICE,
    H_NONCE,
    H_SIGNATURE,
    H_TIMESTAMP,
    encode_push_item,
    signing_string,
)
from sync.server.store import CentralStore


def _signed(identity: DeviceIdentity, method: str, path: str, body: bytes,
            *, at: datetime | None = None, nonce: str | None = None) -> dict[str, str]:
    ts = str(int((at or datetime.now(UTC)).timestamp()))
    nonce = nonce or os.urandom(16).hex()
    sig = keys.sign(identity.signing_private,
                    signing_string(method, path, ts, nonce, identity.device_id, body))
    return {H_DEVICE: identity.device_id, H_TIMESTAMP: ts, H_NONCE: nonce, H_SIGNATURE: sig}


def _push_body() -> bytes:
    return gzip.compress(json.dumps({"items": [encode_push_item(push_item("death"))]}).encode())


def _post(server: ServerThread, pki: Pki, headers: dict[str, str], body: bytes
          ) -> requests.Response:
    return requests.post(server.url + "/v1/push", data=body, verify=str(pki.ca), timeout=(2, 5),
                         headers={**headers, "Content-Encoding": "gzip",
                                  "Content-Type": "application/json"})


def test_enrolment_code_is_single_use_and_a_lost_answer_is_harmless(
        server: ServerThread, store: CentralStore, pki: Pki) -> None:
    code = store.devices.issue_code("00070")
    pair = keys.KeyPair.generate()
    body = {"code": code.lower().replace("-", ""), "public_key": pair.signing_public,
            "box_public_key": pair.box_public}
    first = requests.post(server.url + "/v1/enrolments", json=body, verify=str(pki.ca),
                          timeout=(2, 5))
    again = requests.post(server.url + "/v1/enrolments", json=body, verify=str(pki.ca),
                          timeout=(2, 5))
    assert first.status_code == again.status_code == 201
    assert first.json()["device_id"] == again.json()["device_id"]
    with pytest.raises(EnrolmentCodeInvalidError):
        enrol(server.url, code, ca_file=pki.ca, config=FAST)  # other keys, used code
    with pytest.raises(EnrolmentCodeInvalidError):
        enrol(server.url, "AAAA-BBBB-CCCC", ca_file=pki.ca, config=FAST)


def test_expired_code_is_refused(tmp_path, pki: Pki) -> None:  # noqa: ANN001
    clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
    central = CentralStore(f"sqlite:///{tmp_path / 'c.db'}", clock=clock)
    code = central.devices.issue_code("00070")
    clock.advance(days=15)
    pair = keys.KeyPair.generate()
    with pytest.raises(EnrolmentCodeInvalidError):
        central.devices.enrol(code, pair.signing_public, pair.box_public)
    central.close()


def test_signed_request_passes_tampered_stale_replayed_refused(
        server: ServerThread, pki: Pki, enrolled: Callable[..., DeviceIdentity]) -> None:
    identity = enrolled()
    body = _push_body()
    headers = _signed(identity, "POST", "/v1/push", body)
    assert _post(server, pki, headers, body).status_code == 200

    replay = _post(server, pki, headers, body)
    assert replay.status_code == 401
    assert replay.json()["error"]["code"] == "E-SYNC-AUTH-REPLAY"

    tampered_body = _push_body()
    fresh = _signed(identity, "POST", "/v1/push", body)
    tampered = _post(server, pki, fresh, tampered_body)
    assert tampered.status_code == 401
    assert tampered.json()["error"]["code"] == "E-SYNC-AUTH-SIGNATURE"
    assert tampered.json()["error"]["message"]  # Vietnamese text for the operator

    old = _signed(identity, "POST", "/v1/push", body,
                  at=datetime.now(UTC) - timedelta(minutes=6))
    assert _post(server, pki, old, body).json()["error"]["code"] == "E-SYNC-AUTH-STALE"
    unsigned = _post(server, pki, {}, body)
    assert unsigned.status_code == 401


def test_client_maps_refusals_to_typed_errors(server: ServerThread, pki: Pki,
                                              store: CentralStore,
                                              enrolled: Callable[..., DeviceIdentity]) -> None:
    identity = enrolled()
    skewed = SyncClient(identity, ca_file=pki.ca, config=FAST,
                        clock=FixedClock(datetime.now(UTC) + timedelta(minutes=10)))
    with pytest.raises(StaleRequestError):
        skewed.capabilities()
    stranger = DeviceIdentity(**{**identity.__dict__, "device_id": "no-such-device"})
    with pytest.raises(UnknownDeviceError):
        SyncClient(stranger, ca_file=pki.ca, config=FAST).capabilities()
    other_keys = keys.KeyPair.generate()
    forged = DeviceIdentity(**{**identity.__dict__,
                               "signing_private": other_keys.signing_private})
    with pytest.raises(RequestSignatureError):
        SyncClient(forged, ca_file=pki.ca, config=FAST).push([push_item("death")])

    client = SyncClient(identity, ca_file=pki.ca, config=FAST)
    assert client.push([push_item("death")])[0].is_synced
    store.devices.revoke(identity.device_id)
    with pytest.raises(DeviceRevokedError):
        client.push([push_item("death")])
    with pytest.raises(DeviceRevokedError):
        client.pull(None)


def test_tls_is_verified(server: ServerThread, pki: Pki, store: CentralStore,
                         enrolled: Callable[..., DeviceIdentity]) -> None:
    with pytest.raises(TlsVerificationError):
        enrol(server.url, store.devices.issue_code("00070"), ca_file=pki.other_ca, config=FAST)
    with pytest.raises(TlsVerificationError):  # system trust store does not know the test CA
        enrol(server.url, store.devices.issue_code("00070"), config=FAST)
    with pytest.raises(TlsConfigError):
        enrol(server.url.replace("https", "http"), store.devices.issue_code("00070"), config=FAST)
    identity = enrolled()
    assert identity.ca_sha256 and identity.ca_pem
    with pytest.raises(TlsVerificationError):
        SyncClient(identity, ca_file=pki.other_ca, config=FAST).capabilities()
