"""Slow links: batches and chunks sized to the time they take; attachments several at once."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from dataclasses import replace

import pytest
from conftest import FAST
from support import Pki, push_item

from desktop_app.errors import Cancelled
from sync.client import AttachmentUpload, CancelToken, SyncClient
from sync.errors import AttachmentDigestError
from sync.identity import DeviceIdentity
from sync.server.store import CentralStore


def _scan(size: int) -> tuple[str, bytes]:
    content = os.urandom(size)
    return hashlib.sha256(content).hexdigest(), content


def test_a_request_slower_than_its_share_of_the_timeout_shrinks_the_next(
        enrolled: Callable[..., DeviceIdentity], pki: Pki) -> None:
    # pace ~0: every request counts as slow, as a 1 MiB chunk would at 64 kbit/s.
    slow = replace(FAST, pace=1e-9, chunk_initial=64 * 1024, chunk_min=8 * 1024)
    client = SyncClient(enrolled(), ca_file=pki.ca, config=slow)
    sha, content = _scan(200_000)
    assert client.upload_attachment(sha, content).complete
    assert client.chunk_size == slow.chunk_min
    client.push([push_item("death") for _ in range(30)])
    assert client.batch_size == slow.batch_min


def test_quick_requests_grow_but_small_files_prove_nothing_about_big_chunks(
        client: SyncClient) -> None:
    start = client.chunk_size
    for _ in range(4):
        sha, content = _scan(3000)
        client.upload_attachment(sha, content)
    assert client.chunk_size == start
    sha, content = _scan(3 * start)
    client.upload_attachment(sha, content)
    assert client.chunk_size > start


def test_attachments_go_up_several_at_once_and_each_is_reported_once(
        client: SyncClient, store: CentralStore) -> None:
    scans = dict(_scan(5000 + i) for i in range(9))
    seen_threads: set[str] = set()
    read_in: list[str] = []

    def uploads():  # noqa: ANN202 - read lazily, in the calling thread
        for sha, content in scans.items():
            read_in.append(threading.current_thread().name)
            yield AttachmentUpload(sha, content, "image/jpeg")

    client.session.hooks["response"].append(
        lambda r, *a, **k: seen_threads.add(threading.current_thread().name))
    done = list(client.upload_attachments(uploads(), workers=3))
    assert sorted(u.sha256 for u, _ in done) == sorted(scans)
    assert all(state.complete for _, state in done)
    assert all(store.attachments.content(sha) == content for sha, content in scans.items())
    assert set(read_in) == {threading.current_thread().name}
    assert len(seen_threads) > 1


def test_a_failed_upload_stops_new_ones_and_is_raised_after_the_others(
        client: SyncClient) -> None:
    good = [_scan(4000) for _ in range(2)]
    bad = AttachmentUpload("0" * 64, b"not this content")
    later = _scan(4000)
    uploads = [AttachmentUpload(*good[0]), bad, AttachmentUpload(*good[1]),
               AttachmentUpload(*later)]
    finished = []
    with pytest.raises(AttachmentDigestError):
        for upload, _state in client.upload_attachments(uploads, workers=2):
            finished.append(upload.sha256)
    assert good[0][0] in finished and later[0] not in finished


def test_cancel_stops_concurrent_uploads(enrolled: Callable[..., DeviceIdentity],
                                         pki: Pki) -> None:
    cancel = CancelToken()
    client = SyncClient(enrolled(), ca_file=pki.ca, config=FAST, cancel=cancel)
    uploads = [AttachmentUpload(*_scan(2000)) for _ in range(20)]
    finished = []
    with pytest.raises(Cancelled):
        for upload, _state in client.upload_attachments(uploads, workers=4):
            finished.append(upload)
            cancel.cancel()
    assert 1 <= len(finished) < len(uploads)
