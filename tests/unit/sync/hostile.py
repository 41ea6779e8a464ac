"""A misbehaving server in front of the real one: a TLS proxy on 127.0.0.1 (real sockets) that
forwards every request to the reference server and then spoils chosen answers.

- ``rewrite[path_prefix] = fn(json) -> json``: a faulty proxy or server changing an answer;
- ``trickle`` (path prefixes): the real answer, one byte at a time, forever slower than any
  total deadline but never idle long enough for a read timeout between bytes;
- ``trickle_head`` (path prefixes): the status line and headers themselves, byte by byte;
- ``endless`` (path prefixes): a well-formed start of a feed that never ends.
Requests are signed over the path only, so the real server accepts what the proxy forwards.
"""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

import requests

Rewrite = Callable[[dict[str, object]], dict[str, object]]
HOP_HEADERS = {"host", "content-length", "connection", "accept-encoding", "transfer-encoding"}


class HostileProxy(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, upstream: str, cert: Path, key: Path, ca: Path,
                 byte_interval: float = 0.05) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.upstream = upstream
        self.ca = ca
        self.byte_interval = byte_interval
        self.rewrite: dict[str, Rewrite] = {}
        self.trickle: set[str] = set()
        self.trickle_head: set[str] = set()
        self.on_trickle: Callable[[], None] | None = None  # called as a trickle begins
        self.endless: set[str] = set()
        self.stop = threading.Event()
        self.seen: list[str] = []
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(cert), str(key))
        self.socket = context.wrap_socket(self.socket, server_side=True)
        self.url = f"https://127.0.0.1:{self.server_address[1]}"
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def __enter__(self) -> HostileProxy:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop.set()  # trickling and endless answers end; their handlers return
        self.shutdown()
        self.server_close()

    def matches(self, prefixes: set[str] | dict[str, Rewrite], path: str) -> str | None:
        return next((p for p in prefixes if path.startswith(p)), None)


class _Handler(BaseHTTPRequestHandler):
    server: HostileProxy
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        return

    def _forward(self) -> None:
        proxy = self.server
        proxy.seen.append(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if proxy.matches(proxy.endless, self.path):
            self._endless()
            return
        if proxy.matches(proxy.trickle_head, self.path):
            head = b"HTTP/1.1 200 OK\r\n" + b"X-Padding: " + b"x" * 4000 + b"\r\n"
            for i in range(len(head)):
                if proxy.stop.wait(proxy.byte_interval) or not self._write(head[i:i + 1]):
                    return
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
        answer = requests.request(self.command, proxy.upstream + self.path, data=body or None,
                                  headers=headers, verify=str(proxy.ca), timeout=30)
        content = answer.content  # requests has undone any gzip
        prefix = proxy.matches(proxy.rewrite, self.path)
        if prefix is not None and answer.status_code == 200:
            content = json.dumps(proxy.rewrite[prefix](answer.json())).encode()
        self.send_response(answer.status_code)
        self.send_header("Content-Type", answer.headers.get("Content-Type", "application/json"))
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if proxy.matches(proxy.trickle, self.path):
            if proxy.on_trickle is not None:
                proxy.on_trickle()
            for i in range(len(content)):
                if proxy.stop.wait(proxy.byte_interval):
                    return
                self._write(content[i:i + 1])
        else:
            self._write(content)

    def _endless(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        change = json.dumps({"seq": 1, "kind": "reference", "key": "x", "data": {}, "at": ""})
        self._chunk(b'{"has_more": true, "cursor": "1", "changes": [' + change.encode())
        while not self.server.stop.is_set():
            if not self._chunk(("," + change).encode() * 50):
                return

    def _chunk(self, data: bytes) -> bool:
        return self._write(b"%x\r\n%s\r\n" % (len(data), data))

    def _write(self, data: bytes) -> bool:
        try:
            self.wfile.write(data)
            self.wfile.flush()
            return True
        except OSError:  # the client gave up: what it should do
            return False

    do_GET = _forward  # noqa: N815
    do_POST = _forward  # noqa: N815
    do_PUT = _forward  # noqa: N815
    do_PATCH = _forward  # noqa: N815
    do_HEAD = _forward  # noqa: N815
