"""Hostile input to the central server gets HTTP 400 with a code, never a 500 incident
(issue 16 item 7)."""

from __future__ import annotations

import gzip
from collections.abc import Callable

import pytest
import requests
from support import Pki, ServerThread
from test_auth import _signed

from sync.identity import DeviceIdentity


def _send(server: ServerThread, pki: Pki, identity: DeviceIdentity, method: str, path: str,
          body: bytes = b"", headers: dict[str, str] | None = None) -> requests.Response:
    return requests.request(method, server.url + path, data=body or None, verify=str(pki.ca),
                            timeout=(2, 30),
                            headers={**(headers or {}),
                                     **_signed(identity, method, path, body)})


def _refused(response: requests.Response) -> None:
    assert response.status_code == 400, (response.status_code, response.text[:200])
    assert response.json()["error"]["code"] == "E-SYNC-BAD-REQUEST"


@pytest.mark.parametrize("since", ["9999999999999999999999", "9223372036854775808", "-1",
                                   "1e5", "0x10", "nan", "9" * 5000])
def test_a_cursor_out_of_range_is_refused(server: ServerThread, pki: Pki,
                                          enrolled: Callable[..., DeviceIdentity],
                                          since: str) -> None:
    _refused(_send(server, pki, enrolled(), "GET", f"/v1/changes?since={since}"))


def test_a_huge_page_size_is_refused(server: ServerThread, pki: Pki,
                                     enrolled: Callable[..., DeviceIdentity]) -> None:
    _refused(_send(server, pki, enrolled(), "GET",
                   "/v1/changes?limit=99999999999999999999999"))


@pytest.mark.parametrize("depth", [100_000, 5_000])
def test_deeply_nested_json_is_refused(server: ServerThread, pki: Pki,
                                       enrolled: Callable[..., DeviceIdentity],
                                       depth: int) -> None:
    nested = b'{"items": ' + b"[" * depth + b"]" * depth + b"}"
    _refused(_send(server, pki, enrolled(), "POST", "/v1/push", gzip.compress(nested),
                   {"Content-Encoding": "gzip", "Content-Type": "application/json"}))
    _refused(_send(server, pki, enrolled(), "POST", "/v1/number-blocks", nested,
                   {"Content-Type": "application/json"}))


def test_a_huge_upload_offset_is_refused(server: ServerThread, pki: Pki,
                                         enrolled: Callable[..., DeviceIdentity]) -> None:
    sha = "ab" * 32
    response = _send(server, pki, enrolled(), "PATCH", f"/v1/attachments/{sha}", b"x",
                     {"Upload-Offset": "9" * 30, "Content-Type": "application/offset+octet-stream"})
    assert response.status_code in (400, 404, 409), response.status_code
    assert response.json()["error"]["code"] != "E-INCIDENT"
