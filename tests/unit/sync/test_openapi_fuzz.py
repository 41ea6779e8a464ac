"""The central server fuzzed against its contract, sync/openapi.json, with schemathesis
(issue 16 item 7): whatever a device sends, well-formed or not, signed with a real device key,
the answer is never a server error. Bounded examples per operation keep it to seconds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")  # the dev extra; absent in a bare runtime

import requests  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from support import Pki, ServerThread  # noqa: E402
from test_auth import _signed  # noqa: E402

from sync.identity import DeviceIdentity  # noqa: E402

schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")
SCHEMA = schemathesis.openapi.from_path(
    Path(__file__).resolve().parents[3] / "sync" / "openapi.json")
# The coverage phase tries every boundary of every field and every unexpected method: minutes
# on two cores. The fuzzing phase, bounded below, keeps the suite fast.
SCHEMA.config.phases.coverage.enabled = False


class _DeviceSignature(requests.auth.AuthBase):
    """Signs each request as the client does, over the exact path and body sent."""

    def __init__(self, identity: DeviceIdentity) -> None:
        self.identity = identity

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        request.headers.update(_signed(self.identity, request.method or "GET",
                                       request.path_url, body))
        return request


@SCHEMA.parametrize()
@settings(max_examples=10, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_input_makes_a_server_error(case: schemathesis.Case, server: ServerThread,
                                       pki: Pki,
                                       enrolled: Callable[..., DeviceIdentity]) -> None:
    with requests.Session() as session:
        session.verify = str(pki.ca)
        session.auth = _DeviceSignature(_identity(enrolled))
        case.call_and_validate(base_url=server.url, session=session,
                               checks=[not_a_server_error], timeout=(2, 20),
                               verify=str(pki.ca))


_identities: dict[int, DeviceIdentity] = {}


def _identity(enrolled: Callable[..., DeviceIdentity]) -> DeviceIdentity:
    """One device per server (enrolling per example would be slow)."""
    key = id(enrolled)
    if key not in _identities:
        _identities.clear()
        _identities[key] = enrolled()
    return _identities[key]
