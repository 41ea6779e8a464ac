"""The device side of the protocol over HTTPS (requests; no Qt).

- Every request has ``timeout=(connect, read)``, is signed with the device key (fresh timestamp
  and nonce per attempt) and, when it carries JSON, is gzipped by us (Content-Encoding: gzip).
- One retry policy (sync.retry, from the TransportConfig): connect failures are retried by
  urllib3; read errors, timeouts, 5xx and garbled answers by :class:`sync.retry.Attempts`, with
  exponential backoff and jitter, each attempt re-signed (the server refuses a replayed nonce).
- Push adapts its batch size (halved on a timeout, grown after a quick success, cut to fit when
  a request took more than ``pace`` of the read timeout); uploads adapt their chunk size the same
  way and resume from the server's offset after a drop. Several attachments go up at once
  (``upload_attachments``): on a distant link each one is two round trips.
- Long operations report ``Progress(stage, done, total)`` and honour a :class:`CancelToken`.

The caller owns persistence: it gives push items (from its outbox) and applies per-item results,
pull pages and number blocks in its own transactions (see docs/sync-protocol.md).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import random
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TypeVar
from urllib.parse import urlencode, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter

from desktop_app.clock import Clock, SystemClock
from desktop_app.errors import AnswerMismatchError, HotichError, NotFoundError, SyncBudgetError

# The data types of the core's sync port (SyncClient implements desktop_app.ports.SyncGateway).
from desktop_app.sync_types import (
    AttachmentStatus,
    AttachmentUpload,
    AuditHead,
    CancelToken,
    Capabilities,
    DeviceIdentity,
    ItemResult,
    LeasedBlock,
    Progress,
    ProgressCallback,
    PullPage,
    PushItem,
    RegistryPerson,
)
from desktop_app.sync_types import Change as Change  # noqa: F401 - re-exported
from sync import keys
from sync.errors import (
    ERRORS_BY_CODE,
    AttachmentDigestError,
    ProtocolError,
    ServerError,
    ServerUnreachableError,
    TlsConfigError,
    TlsVerificationError,
    UploadOffsetMismatchError,
)
from sync.protocol import (
    API_PREFIX,
    H_DEVICE,
    H_NONCE,
    H_SIGNATURE,
    H_TIMESTAMP,
    H_UPLOAD_OFFSET,
    canonical_json,
    decode_attachment_status,
    decode_audit_anchor,
    decode_capabilities,
    decode_item_result,
    decode_leased_block,
    decode_pull_page,
    decode_registry_page,
    encode_push_item,
    gzip_bytes,
    signing_string,
)
from sync.retry import Attempts, RetryPolicy, Transient

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class TransportConfig:
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    attempts: int = 6  # per request, application level
    connect_retries: int = 2  # urllib3, before an attempt counts as failed
    backoff_base: float = 1.0
    backoff_max: float = 60.0
    batch_initial: int = 20
    batch_min: int = 1
    batch_max: int = 200
    chunk_initial: int = 32 * 1024  # four at once still fit a 60 s timeout at 35 kbit/s
    chunk_min: int = 8 * 1024
    chunk_max: int = 1024 * 1024
    gzip_min_bytes: int = 200
    # A batch or chunk that took longer than this share of read_timeout does not grow: the next
    # one is sized to take about that long (at 64 kbit/s a 1 MiB chunk would need 130 s).
    pace: float = 0.25
    upload_workers: int = 4  # attachments uploaded at once (each on its own connection)
    # read_timeout bounds the silence between two bytes only: a server that trickles bytes
    # would hold a request forever. request_deadline bounds one attempt from its first byte
    # sent to the last byte read; run_budget one client's life (one sync run); an answer
    # larger than max_answer_bytes is refused; a run pulls at most pull_max_pages pages
    # (the rest of the feed comes at the next sync).
    request_deadline: float = 300.0
    run_budget: float = 3600.0
    max_answer_bytes: int = 32 * 1024 * 1024
    pull_max_pages: int = 500

    @property
    def retry_policy(self) -> RetryPolicy:
        return RetryPolicy(attempts=self.attempts, connect_retries=self.connect_retries,
                           backoff_base=self.backoff_base, backoff_max=self.backoff_max)


# -- sessions ---------------------------------------------------------------------------------
_attempt = threading.local()  # the deadline of the attempt this thread is making


class _Deadline:
    """Ends one attempt at its deadline, whatever the server sends: the socket is shut down
    from a timer thread, so a read blocked on a trickling answer returns at once."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._timer = threading.Timer(max(seconds, 0.0), self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        _attempt.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _attempt.deadline = None

    def attach(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._sock = sock
            expired = self.expired
        if expired:
            _shut(sock)

    def expire(self) -> None:
        """End the attempt now (the deadline passed, or the user cancelled)."""
        self._expire()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sock = self._sock
        _shut(sock)


def _shut(sock: socket.socket | None) -> None:
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


class _DeadlineConnection(urllib3.connection.HTTPSConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        deadline: _Deadline | None = getattr(_attempt, "deadline", None)
        if deadline is not None:  # connected by now (urllib3 validates HTTPS connections)
            deadline.attach(self.sock)
        super().request(*args, **kwargs)


class _DeadlinePool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _DeadlineConnection


class _DeadlineAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"https": _DeadlinePool}


def _read_answer(response: requests.Response, limit: int) -> None:
    """The whole (decoded) body into ``response.content``, refusing more than ``limit``."""
    chunks, size = [], 0
    for chunk in response.iter_content(64 * 1024):
        size += len(chunk)
        if size > limit:
            response.close()
            raise ProtocolError(detail="the server's answer is too large")
        chunks.append(chunk)
    response._content = b"".join(chunks)  # what .content / .json() read from now on
    response.close()  # hands the connection back to the pool


def make_session(config: TransportConfig) -> requests.Session:
    session = requests.Session()
    adapter = _DeadlineAdapter(max_retries=config.retry_policy.connect_retry(), pool_connections=2,
                          pool_maxsize=max(4, config.upload_workers))
    session.mount("https://", adapter)
    session.headers["User-Agent"] = "hotich-sync/1"
    session.headers["Accept-Encoding"] = "gzip"
    return session


def check_server_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.hostname:
        raise TlsConfigError(detail="the server URL must start with https://")
    return url.strip().rstrip("/")


class _Http:
    """Signed attempts, retries and error mapping shared by enrolment and the device client."""

    def __init__(self, base_url: str, *, verify: Path | None, config: TransportConfig,
                 session: requests.Session | None, cancel: CancelToken | None,
                 rng: random.Random | None) -> None:
        self.base_url = check_server_url(base_url)
        self.verify: str | bool = str(verify) if verify is not None else True
        self.config = config
        self.session = session or make_session(config)
        self.cancel = cancel or CancelToken()
        self._rng = rng or random.Random()
        self._run_ends = time.monotonic() + config.run_budget

    def close(self) -> None:
        self.session.close()

    def _headers(self, method: str, path: str, body: bytes) -> dict[str, str]:
        return {}

    def attempts(self) -> Attempts:
        """A fresh retry budget for one operation (the waits honour the cancel token)."""
        return self.config.retry_policy.start(wait=self._wait, give_up=self.give_up,
                                              rng=self._rng)

    def _wait(self, seconds: float) -> None:
        """A backoff, never past the run's budget (the next attempt then stops the run)."""
        self.cancel.wait(min(seconds, max(0.0, self._run_ends - time.monotonic())))

    def _attempt_limit(self) -> float:
        left = self._run_ends - time.monotonic()
        if left <= 0:
            raise SyncBudgetError(seconds=round(self.config.run_budget))
        return min(self.config.request_deadline, left)

    def send_once(self, method: str, path: str, *, body: bytes = b"",
                  headers: Mapping[str, str] | None = None,
                  read_timeout: float | None = None) -> requests.Response:
        """One signed attempt. Raises Transient or a typed SyncError."""
        self.cancel.raise_if_cancelled()
        limit = self._attempt_limit()
        all_headers = {**(headers or {}), **self._headers(method, path, body)}
        url = self.base_url + path
        with _Deadline(limit) as deadline:
            stop_watching = self.cancel.on_cancel(deadline.expire)  # a cancel cuts it short too
            try:
                response = self._exchange(method, url, body, all_headers, read_timeout)
            except (Transient, HotichError) as exc:  # the shut socket, as _exchange maps it
                if deadline.expired:
                    self.cancel.raise_if_cancelled()
                    raise Transient("deadline") from exc
                raise
            finally:
                stop_watching()
            if deadline.expired:  # cut short: whatever arrived is not the whole answer
                self.cancel.raise_if_cancelled()
                raise Transient("deadline")
        status = response.status_code
        if RetryPolicy.is_transient_status(status):
            raise Transient("status", status, _retry_after(response))
        if status >= 400:
            raise _typed_error(response, self.base_url)
        return response

    def _exchange(self, method: str, url: str, body: bytes, headers: Mapping[str, str],
                  read_timeout: float | None) -> requests.Response:
        try:
            response = self.session.request(
                method, url, data=body if body else None, headers=headers,
                timeout=(self.config.connect_timeout, read_timeout or self.config.read_timeout),
                verify=self.verify, allow_redirects=False, stream=True)
            _read_answer(response, self.config.max_answer_bytes)
        except requests.exceptions.SSLError as exc:
            raise TlsVerificationError(self.base_url) from exc
        except requests.exceptions.Timeout as exc:
            raise Transient("timeout") from exc
        except (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError) as exc:
            raise Transient("connection") from exc
        except OSError as exc:  # CA file vanished, etc.
            raise TlsConfigError(detail="cannot read the CA certificate") from exc
        return response

    def retrying(self, method: str, path: str, attempt: Callable[[], T]) -> T:
        """``attempt()`` (one request) tried again per the retry policy until it returns."""
        attempts = self.attempts()
        while True:
            try:
                return attempt()
            except Transient as exc:
                log.info("sync %s %s attempt %d failed: %s %s", method, _route(path),
                         attempts.failures + 1, exc.reason, exc.status or "")
                attempts.failed(exc)

    def request(self, method: str, path: str, *, body: bytes = b"",
                headers: Mapping[str, str] | None = None) -> requests.Response:
        return self.retrying(method, path, lambda: self.send_once(method, path, body=body,
                                                                  headers=headers))

    def give_up(self, exc: Exception) -> Exception:
        """What the caller sees once the attempts are spent."""
        if not isinstance(exc, Transient):
            return exc
        if exc.reason == "status":
            return ServerError(url=self.base_url, status=exc.status)
        if exc.reason == "garbled":
            return ProtocolError(detail="the server's answer is not valid JSON")
        if exc.reason == "deadline":
            return SyncBudgetError(seconds=round(self.config.request_deadline))
        return ServerUnreachableError(self.base_url)

    def json_body(self, value: object) -> tuple[bytes, dict[str, str]]:
        raw = canonical_json(value)
        headers = {"Content-Type": "application/json"}
        if len(raw) >= self.config.gzip_min_bytes:
            raw = gzip_bytes(raw)
            headers["Content-Encoding"] = "gzip"
        return raw, headers

    def request_json(self, method: str, path: str, value: object | None = None
                     ) -> dict[str, object]:
        body, headers = self.json_body(value) if value is not None else (b"", {})
        # A garbled answer is retried like a dropped one: the write (if any) was idempotent.
        return self.retrying(method, path, lambda: _json(self.send_once(
            method, path, body=body, headers=headers)))


def _route(path: str) -> str:
    """The route without ids or queries, for logs."""
    parts = path.split("?")[0].split("/")
    return "/".join(p if len(p) < 40 else "{id}" for p in parts)


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _typed_error(response: requests.Response, url: str) -> HotichError:
    try:
        error = response.json()["error"]
        code = str(error["code"])
        params = error.get("params") or {}
    except (ValueError, KeyError, TypeError):
        return ProtocolError(detail=f"HTTP {response.status_code} without an error body")
    if code == NotFoundError.code:
        return NotFoundError(what=str(params.get("what", "")), key=str(params.get("key", "")))
    cls = ERRORS_BY_CODE.get(code)
    if cls is None:
        return ServerError(url=url, status=response.status_code)
    try:
        return cls(**{str(k): v for k, v in dict(params).items()})
    except TypeError:
        return cls()


# -- enrolment ----------------------------------------------------------------------------------
def enrol(server_url: str, code: str, *, ca_file: Path | None = None, name: str = "",
          config: TransportConfig | None = None, session: requests.Session | None = None,
          clock: Clock | None = None, commune: str = "") -> DeviceIdentity:
    """Create the device's key pairs and exchange the one-time code for a device identity.
    Store the result with sync.identity.save_identity (encrypted store). With ``commune``
    (the store's), a code of another commune is refused and stays unused."""
    from sync.identity import read_ca

    ca_pem, ca_pin = read_ca(ca_file) if ca_file is not None else (None, None)
    pair = keys.KeyPair.generate()
    http = _Http(server_url, verify=ca_file, config=config or TransportConfig(),
                 session=session, cancel=None, rng=None)
    try:
        request: dict[str, object] = {"code": code.strip(), "public_key": pair.signing_public,
                                      "box_public_key": pair.box_public, "name": name}
        if commune:
            request["commune"] = commune
        answer = http.request_json("POST", f"{API_PREFIX}/enrolments", request)
    finally:
        http.close()
    try:
        return DeviceIdentity(
            device_id=str(answer["device_id"]), commune=str(answer["commune"]),
            server_url=http.base_url, signing_private=pair.signing_private,
            signing_public=pair.signing_public, box_private=pair.box_private,
            box_public=pair.box_public, server_signing_key=str(answer["server_signing_key"]),
            server_box_key=str(answer["server_box_key"]),
            enrolled_at=(clock or SystemClock()).now().isoformat(timespec="seconds"),
            ca_pem=ca_pem, ca_sha256=ca_pin)
    except KeyError as exc:
        raise ProtocolError(detail="incomplete enrolment answer") from exc


# -- the device client --------------------------------------------------------------------------
class SyncClient(_Http):
    """All authenticated calls of one enrolled device. Not shared between threads (it runs
    its own upload workers in :meth:`upload_attachments`)."""

    def __init__(self, identity: DeviceIdentity, *, ca_file: Path | None = None,
                 config: TransportConfig | None = None, clock: Clock | None = None,
                 session: requests.Session | None = None, cancel: CancelToken | None = None,
                 rng: random.Random | None = None) -> None:
        if identity.ca_pem is not None and ca_file is None:
            raise TlsConfigError(detail="the enrolled CA certificate is not available")
        super().__init__(identity.server_url, verify=ca_file, config=config or TransportConfig(),
                         session=session, cancel=cancel, rng=rng)
        self.identity = identity
        self.clock = clock or SystemClock()
        self.batch_size = self.config.batch_initial
        self.chunk_size = self.config.chunk_initial

    def _headers(self, method: str, path: str, body: bytes) -> dict[str, str]:
        timestamp = str(int(self.clock.now().timestamp()))
        nonce = os.urandom(16).hex()
        signature = keys.sign(self.identity.signing_private, signing_string(
            method, path, timestamp, nonce, self.identity.device_id, body))
        return {H_DEVICE: self.identity.device_id, H_TIMESTAMP: timestamp, H_NONCE: nonce,
                H_SIGNATURE: signature}

    # connectivity ------------------------------------------------------------------------
    def is_reachable(self, timeout: float = 5.0) -> bool:
        """One quick unauthenticated look at /v1/health (no retries)."""
        try:
            response = self.session.get(self.base_url + f"{API_PREFIX}/health",
                                        timeout=(timeout, timeout), verify=self.verify)
            return response.status_code == 200 and response.json().get("ok") is True
        except (requests.exceptions.RequestException, ValueError, OSError):
            return False

    def capabilities(self) -> Capabilities:
        caps = decode_capabilities(self.request_json("GET", f"{API_PREFIX}/capabilities"))
        self.config = _clamped(self.config, caps)
        return caps

    # push ----------------------------------------------------------------------------------
    def push_batches(self, items: Sequence[PushItem], *,
                     progress: ProgressCallback | None = None) -> Iterator[list[ItemResult]]:
        """Send items in adaptive batches; yields each batch's results as soon as it is
        answered, so the caller can commit them before the next batch goes out."""
        done, total = 0, len(items)
        attempts = self.attempts()
        while done < total:
            self.cancel.raise_if_cancelled()
            batch = items[done:done + self.batch_size]
            body, headers = self.json_body({"batch_id": uuid.uuid4().hex,
                                            "items": [encode_push_item(i) for i in batch]})
            started = time.monotonic()
            try:
                response = self.send_once("POST", f"{API_PREFIX}/push", body=body,
                                          headers=headers)
                results = _batch_results(response, batch)
            except Transient as exc:
                if exc.reason in ("timeout", "deadline"):
                    self.batch_size = max(self.config.batch_min, self.batch_size // 2)
                log.info("push batch of %d failed (%s); batch size now %d", len(batch),
                         exc.reason, self.batch_size)
                attempts.failed(exc)
                continue
            attempts.succeeded()
            done += len(batch)
            self.batch_size = self._paced(len(batch), time.monotonic() - started,
                                          self.batch_size + max(1, self.batch_size // 2),
                                          self.config.batch_min, self.config.batch_max)
            if progress:
                progress(Progress("push", done, total))
            yield results

    def push(self, items: Sequence[PushItem], *, progress: ProgressCallback | None = None
             ) -> list[ItemResult]:
        return [r for batch in self.push_batches(items, progress=progress) for r in batch]

    def _paced(self, sent: int, elapsed: float, grown: int, low: int, high: int) -> int:
        """The next batch or chunk size: ``grown`` after a quick request; after a slow one,
        what would take ``pace`` of the read timeout at the rate just seen (a slow link then
        never reaches sizes that time out)."""
        budget = self.config.read_timeout * self.config.pace
        size = grown if elapsed <= budget else int(sent * budget / max(elapsed, 1e-6))
        return max(low, min(high, size))

    # attachments ----------------------------------------------------------------------------
    def attachment_status(self, sha256: str) -> AttachmentStatus | None:
        try:
            raw = self.request_json("GET", f"{API_PREFIX}/attachments/{sha256}")
        except NotFoundError:
            return None
        return _attachment_status(raw)

    def upload_attachment(self, sha256: str, source: bytes | Path | BinaryIO, *,
                          media_type: str = "application/octet-stream",
                          progress: ProgressCallback | None = None) -> AttachmentStatus:
        """Upload (or finish uploading) one attachment; returns once the server has it all.

        Resumable: the server keeps what arrived; after a drop we ask for its offset and send
        only what is missing. Chunks shrink on timeouts and grow after successes."""
        with _open_source(source) as handle:
            size = handle.seek(0, io.SEEK_END)
            if _file_sha256(handle) != sha256:
                raise AttachmentDigestError(sha256=sha256)
            state = _attachment_status(self.request_json(
                "POST", f"{API_PREFIX}/attachments",
                {"sha256": sha256, "size": size, "media_type": media_type}))
            attempts = self.attempts()
            offset = state.offset
            while not state.complete:
                self.cancel.raise_if_cancelled()
                handle.seek(offset)
                chunk = handle.read(self.chunk_size)
                started = time.monotonic()
                try:
                    response = self.send_once(
                        "PATCH", f"{API_PREFIX}/attachments/{sha256}", body=chunk,
                        headers={H_UPLOAD_OFFSET: str(offset),
                                 "Content-Type": "application/offset+octet-stream"})
                    state = _attachment_status(_json(response))
                except UploadOffsetMismatchError as exc:
                    offset = int(str(exc.params.get("offset", 0)))
                    continue
                except (Transient, ProtocolError) as exc:
                    reason = exc.reason if isinstance(exc, Transient) else "garbled"
                    if reason == "timeout":
                        self.chunk_size = max(self.config.chunk_min, self.chunk_size // 2)
                    log.info("attachment chunk at %d failed (%s); chunk size now %d", offset,
                             reason, self.chunk_size)
                    attempts.failed(exc)
                    current = self.attachment_status(sha256)
                    offset = current.offset if current is not None else 0
                    if current is None:  # the upload vanished: announce it again
                        state = _attachment_status(self.request_json(
                            "POST", f"{API_PREFIX}/attachments",
                            {"sha256": sha256, "size": size, "media_type": media_type}))
                        offset = state.offset
                    elif current.complete:
                        state = current
                    continue
                attempts.succeeded()
                offset = state.offset
                # Grow only past a full chunk: many small files prove nothing about big ones.
                grown = self.chunk_size * 2 if len(chunk) >= self.chunk_size else self.chunk_size
                self.chunk_size = self._paced(len(chunk), time.monotonic() - started, grown,
                                              self.config.chunk_min, self.config.chunk_max)
                if progress:
                    progress(Progress("attachment", offset, size))
            return state

    def upload_attachments(self, uploads: Iterable[AttachmentUpload], *,
                           workers: int | None = None
                           ) -> Iterator[tuple[AttachmentUpload, AttachmentStatus]]:
        """Several :meth:`upload_attachment` at once (``config.upload_workers``), each on its
        own kept-alive connection: on a distant link an attachment is two round trips, so one
        at a time leaves the line idle. ``uploads`` is read lazily in the calling thread, a few
        ahead; each finished upload is yielded there, in completion order, for the caller to
        record. After a failure nothing new starts; those in flight end (or fail) and the
        first error is raised. Cancel stops them all at their next safe point."""
        count = max(1, workers if workers is not None else self.config.upload_workers)
        if count == 1:
            for upload in uploads:
                yield upload, self.upload_attachment(upload.sha256, upload.source,
                                                     media_type=upload.media_type)
            return
        pending = iter(uploads)
        error: BaseException | None = None
        with ThreadPoolExecutor(count, thread_name_prefix="sync-upload") as pool:
            running: dict[Future[AttachmentStatus], AttachmentUpload] = {}
            while True:
                while error is None and len(running) < count and not self.cancel.is_cancelled:
                    queued = next(pending, None)
                    if queued is None:
                        break
                    running[pool.submit(self.upload_attachment, queued.sha256, queued.source,
                                        media_type=queued.media_type)] = queued
                if not running:
                    break
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    upload = running.pop(future)
                    failed = future.exception()
                    if failed is not None:
                        error = error or failed
                    else:
                        yield upload, future.result()
        if error is not None:
            raise error
        self.cancel.raise_if_cancelled()

    # pull ------------------------------------------------------------------------------------
    def pull(self, cursor: str | None, *, limit: int = 200) -> PullPage:
        query = urlencode({"since": cursor or "0", "limit": limit})
        return decode_pull_page(self.request_json("GET", f"{API_PREFIX}/changes?{query}"))

    def pull_pages(self, cursor: str | None, *, limit: int = 200,
                   progress: ProgressCallback | None = None) -> Iterator[PullPage]:
        """Pages until the feed is exhausted. Apply each page and store ``page.cursor`` in one
        local transaction before asking for the next (a crash then repeats at most a page)."""
        seen = 0
        for _page in range(self.config.pull_max_pages):
            page = self.pull(cursor, limit=limit)
            if page.has_more and (not page.changes or page.cursor == cursor):
                raise ProtocolError(detail="the feed does not advance")
            seen += len(page.changes)
            if progress:
                progress(Progress("pull", seen, 0))
            yield page
            if not page.has_more:
                return
            cursor = page.cursor
            self.cancel.raise_if_cancelled()

    # the population registry ---------------------------------------------------------------
    def registry_page(self, event: str, year: int, *, after: str | None = None,
                      limit: int = 100) -> tuple[list[RegistryPerson], str | None]:
        """One page of the registry's births or deaths of this device's commune registered
        in ``year``, and the ``after`` of the next page (None on the last)."""
        params: dict[str, object] = {"event": event, "year": year, "limit": limit}
        if after:
            params["after"] = after
        query = urlencode(params)
        return decode_registry_page(self.request_json(
            "GET", f"{API_PREFIX}/registry/persons?{query}"))

    def registry_persons(self, event: str, year: int, *, limit: int = 100,
                         progress: ProgressCallback | None = None) -> Iterator[RegistryPerson]:
        """Every page in turn (a 429 is waited out as its Retry-After says)."""
        after: str | None = None
        seen = 0
        for _page in range(self.config.pull_max_pages):
            persons, following = self.registry_page(event, year, after=after, limit=limit)
            seen += len(persons)
            if progress:
                progress(Progress("registry", seen, 0))
            yield from persons
            if following is None:
                return
            if following == after or not persons:
                raise ProtocolError(detail="the registry does not advance")
            after = following
            self.cancel.raise_if_cancelled()

    # number blocks -------------------------------------------------------------------------
    def lease_number_block(self, record_type: str, year: int, size: int, *,
                           request_id: str, used_up_to: int = 0) -> LeasedBlock:
        """Lease numbers of the book (record type, year, this device's office). Persist
        ``request_id`` before calling: repeating it returns the same block, never a new one.
        ``used_up_to``: the highest number already issued in this book on the device."""
        return decode_leased_block(self.request_json(
            "POST", f"{API_PREFIX}/number-blocks",
            {"request_id": request_id, "record_type": record_type, "year": year,
             "size": size, "used_up_to": used_up_to}))

    def anchor_audit(self, head: AuditHead, *, rewritten: AuditHead | None = None
                     ) -> AuditHead | None:
        """Leave this device's audit head with the centre; answer the head it kept before."""
        body: dict[str, object] = {"seq": head.seq, "hash": head.hash}
        if rewritten is not None:
            body["rewritten"] = {"seq": rewritten.seq, "hash": rewritten.hash}
        return decode_audit_anchor(self.request_json("POST", f"{API_PREFIX}/audit-anchor",
                                                     body))

    # bundles over the network (an operator's upload of a USB bundle) ----------------------
    def submit_bundle(self, data: bytes) -> bytes:
        response = self.request("POST", f"{API_PREFIX}/bundles", body=data,
                                headers={"Content-Type": "application/octet-stream"})
        return response.content


def _clamped(config: TransportConfig, caps: Capabilities) -> TransportConfig:
    from dataclasses import replace

    batch_max = max(1, min(config.batch_max, caps.max_batch_items))
    chunk_max = max(1024, min(config.chunk_max, caps.max_chunk_bytes))
    return replace(config, batch_max=batch_max, chunk_max=chunk_max,
                   batch_initial=min(config.batch_initial, batch_max),
                   chunk_initial=min(config.chunk_initial, chunk_max),
                   chunk_min=min(config.chunk_min, chunk_max))


def _json(response: requests.Response) -> dict[str, object]:
    try:
        parsed = response.json()
    except ValueError as exc:
        raise Transient("garbled") from exc
    if not isinstance(parsed, dict):
        raise Transient("garbled")
    return parsed


def _batch_results(response: requests.Response, batch: Sequence[PushItem]) -> list[ItemResult]:
    raw = _json(response).get("results")
    if not isinstance(raw, list) or len(raw) != len(batch):
        raise Transient("garbled")
    return match_results(batch, [decode_item_result(r) for r in raw])


def match_results(batch: Sequence[PushItem], results: Sequence[ItemResult]
                  ) -> list[ItemResult]:
    """The results in the order of ``batch``, each answering its item's idempotency key,
    record and version exactly once; AnswerMismatchError (the whole answer refused) else."""
    by_key = {r.idempotency_key: r for r in results}
    if len(by_key) != len(results) or len(results) != len(batch):
        raise AnswerMismatchError()
    ordered = []
    for item in batch:
        result = by_key.get(item.idempotency_key)
        if result is None or (result.record_id, result.version) != (item.record_id,
                                                                     item.version):
            raise AnswerMismatchError()
        ordered.append(result)
    return ordered


_attachment_status = decode_attachment_status


class _open_source:  # noqa: N801 - a context manager used like open()
    def __init__(self, source: bytes | Path | BinaryIO) -> None:
        self._source = source
        self._owned: BinaryIO | None = None

    def __enter__(self) -> BinaryIO:
        if isinstance(self._source, bytes | bytearray):
            self._owned = io.BytesIO(self._source)
            return self._owned
        if isinstance(self._source, Path):
            self._owned = self._source.open("rb")
            return self._owned
        return self._source

    def __exit__(self, *exc: object) -> None:
        if self._owned is not None:
            self._owned.close()


def _file_sha256(handle: BinaryIO) -> str:
    handle.seek(0)
    hasher = hashlib.sha256()
    for block in iter(lambda: handle.read(1024 * 1024), b""):
        hasher.update(block)
    return hasher.hexdigest()
