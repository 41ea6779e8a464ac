"""The client on a bad link or against a misbehaving server: 500s, garbage, hangs, drops."""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import FAST
from support import Pki, push_item

from desktop_app.errors import Cancelled
from sync import keys
from sync.client import CancelToken, SyncClient
from sync.errors import ProtocolError, ServerError, ServerUnreachableError
from sync.identity import DeviceIdentity
from sync.protocol import ItemStatus


class _Fault(ThreadingHTTPServer):
    daemon_threads = True
    mode = "500"
    requests_seen = 0
    release = threading.Event()


class _Handler(BaseHTTPRequestHandler):
    server: _Fault

    def log_message(self, *args: object) -> None:
        return

    def _answer(self) -> None:
        self.server.requests_seen += 1
        mode = self.server.mode
        if mode == "hang":
            self.server.release.wait(10)
            return
        if mode == "500":
            self._send(500, b'{"error": {"code": "E-INCIDENT"}}')
        elif mode == "garbage":
            self._send(200, b'{"results": [ this is not json')
        elif mode == "flaky":  # 503 twice, then a well-formed answer
            if self.server.requests_seen <= 2:
                self._send(503, b"busy", {"Retry-After": "0"})
            else:
                items = json.loads(_gunzip(self.headers, self._body))["items"]
                self._send(200, json.dumps({"batch_id": None, "results": [
                    {"idempotency_key": i["idempotency_key"], "record_id": i["record_id"],
                     "version": i["version"], "status": "accepted", "central_id": "TW1"}
                    for i in items]}).encode())

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        self._body = self.rfile.read(length)
        self._answer()

    do_GET = do_POST  # noqa: N815


def _gunzip(headers, body: bytes) -> bytes:  # noqa: ANN001
    import gzip

    return gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body


@pytest.fixture
def fault(pki: Pki) -> Iterator[_Fault]:
    server = _Fault(("127.0.0.1", 0), _Handler)
    server.release = threading.Event()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(pki.cert), str(pki.key))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


def _identity(url: str) -> DeviceIdentity:
    pair = keys.KeyPair.generate()
    return DeviceIdentity("dev-1", "00070", url, pair.signing_private, pair.signing_public,
                          pair.box_private, pair.box_public, pair.signing_public,
                          pair.box_public, "2026-01-01T00:00:00+00:00")


def _client(fault: _Fault, pki: Pki, **config: float) -> SyncClient:
    url = f"https://127.0.0.1:{fault.server_address[1]}"
    return SyncClient(_identity(url), ca_file=pki.ca, config=replace(FAST, **config))


def test_server_errors_are_retried_then_reported(fault: _Fault, pki: Pki) -> None:
    fault.mode = "500"
    with pytest.raises(ServerError) as info:
        _client(fault, pki).push([push_item("death")])
    assert info.value.params["status"] == 500
    assert fault.requests_seen == FAST.attempts


def test_transient_503_then_success(fault: _Fault, pki: Pki) -> None:
    fault.mode = "flaky"
    results = _client(fault, pki).push([push_item("death")])
    assert results[0].status is ItemStatus.ACCEPTED and fault.requests_seen == 3


def test_malformed_json_is_a_protocol_error(fault: _Fault, pki: Pki) -> None:
    fault.mode = "garbage"
    with pytest.raises(ProtocolError):
        _client(fault, pki).push([push_item("death")])
    with pytest.raises(ProtocolError):
        _client(fault, pki).capabilities()


def test_garbled_answers_are_tried_again_within_the_request_budget(fault: _Fault,
                                                                   pki: Pki) -> None:
    fault.mode = "garbage"
    with pytest.raises(ProtocolError):
        _client(fault, pki).capabilities()
    assert fault.requests_seen == FAST.attempts


def test_a_hanging_server_times_out_and_batches_shrink(fault: _Fault, pki: Pki) -> None:
    fault.mode = "hang"
    client = _client(fault, pki, read_timeout=0.3)
    start = client.batch_size
    with pytest.raises(ServerUnreachableError):
        client.push([push_item("death") for _ in range(30)])
    assert client.batch_size == start // 2 ** FAST.attempts
    assert not client.is_reachable(timeout=0.3)


def test_nothing_listening_is_unreachable(pki: Pki) -> None:
    import socket

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    client = SyncClient(_identity(f"https://127.0.0.1:{port}"), ca_file=pki.ca, config=FAST)
    assert not client.is_reachable(timeout=0.5)
    with pytest.raises(ServerUnreachableError) as info:
        client.pull(None)
    assert info.value.params["url"].startswith("https://127.0.0.1")


def test_cancel_interrupts_the_backoff(fault: _Fault, pki: Pki) -> None:
    fault.mode = "500"
    cancel = CancelToken()
    url = f"https://127.0.0.1:{fault.server_address[1]}"
    client = SyncClient(_identity(url), ca_file=pki.ca, cancel=cancel,
                        config=replace(FAST, backoff_base=30, backoff_max=30))
    timer = threading.Timer(0.2, cancel.cancel)
    timer.start()
    with pytest.raises(Cancelled):
        client.push([push_item("death")])
    timer.cancel()
