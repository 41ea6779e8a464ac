"""Resumable, content-addressed attachments; a record waits for all of its attachments."""

from __future__ import annotations

import hashlib
import os

import pytest
import requests
from conftest import FAST
from requests.adapters import HTTPAdapter
from support import Pki, push_item

from sync.client import CancelToken, SyncClient, make_session
from sync.errors import AttachmentDigestError, UploadOffsetMismatchError
from sync.identity import DeviceIdentity
from sync.protocol import ItemStatus
from sync.server.store import CentralStore


class _LossyAdapter(HTTPAdapter):
    """Drops the answer of chosen PATCH requests after the server got them (a cut link)."""

    def __init__(self, drop_answers_of: set[int], drop_before: set[int]) -> None:
        super().__init__()
        self.drop_answers_of = drop_answers_of
        self.drop_before = drop_before
        self.patches: list[tuple[int, int]] = []  # (offset, bytes) that reached the server

    def send(self, request, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN201
        if request.method == "PATCH":
            number = len(self.patches) + 1
            if number in self.drop_before:
                self.drop_before.discard(number)
                raise requests.exceptions.ConnectionError("link down before sending")
            response = super().send(request, *args, **kwargs)
            self.patches.append((int(request.headers["Upload-Offset"]), len(request.body)))
            if number in self.drop_answers_of:
                raise requests.exceptions.ConnectionError("link cut before the answer")
            return response
        return super().send(request, *args, **kwargs)


def _client(identity: DeviceIdentity, pki: Pki, adapter: HTTPAdapter) -> SyncClient:
    session = make_session(FAST)
    session.mount("https://", adapter)
    return SyncClient(identity, ca_file=pki.ca, config=FAST, session=session)


def test_upload_resumes_from_the_server_offset_without_resending_chunks(
        enrolled, pki: Pki, store: CentralStore) -> None:  # noqa: ANN001
    content = os.urandom(300_000)
    sha = hashlib.sha256(content).hexdigest()
    adapter = _LossyAdapter(drop_answers_of={2, 4}, drop_before={3})
    client = _client(enrolled(), pki, adapter)
    progress = []
    state = client.upload_attachment(sha, content, media_type="image/jpeg",
                                     progress=progress.append)
    assert state.complete and state.offset == len(content)
    offsets = [offset for offset, _ in adapter.patches]
    assert offsets == sorted(set(offsets)), "a finished chunk was sent twice"
    assert sum(size for _, size in adapter.patches) == len(content)
    assert store.attachments.content(sha) == content
    assert progress[-1].done == len(content) == progress[-1].total
    # Uploading again is a no-op: the server already has it.
    again = _LossyAdapter(set(), set())
    assert _client(enrolled(), pki, again).upload_attachment(sha, content).complete
    assert again.patches == []


def test_record_is_deferred_until_its_attachments_arrive(client: SyncClient) -> None:
    scan = os.urandom(5000)
    sha = hashlib.sha256(scan).hexdigest()
    item = push_item("death", attachments=(sha,))
    deferred = client.push([item])[0]
    assert deferred.status is ItemStatus.DEFERRED
    assert deferred.code == "E-SYNC-ATTACHMENT-MISSING"
    assert deferred.missing_attachments == (sha,)
    client.upload_attachment(sha, scan)
    assert client.push([item])[0].status is ItemStatus.ACCEPTED


def test_wrong_content_is_refused_and_discarded(client: SyncClient, store: CentralStore,
                                                enrolled) -> None:  # noqa: ANN001
    content = os.urandom(1000)
    with pytest.raises(AttachmentDigestError):  # checked locally before sending
        client.upload_attachment("0" * 64, content)
    device = store.devices.get(client.identity.device_id)
    assert device is not None
    wrong_sha = hashlib.sha256(b"something else").hexdigest()
    store.attachments.create(device, wrong_sha, 1000, "image/png")
    with pytest.raises(UploadOffsetMismatchError):
        store.attachments.append_chunk(wrong_sha, 10, content[:10])
    with pytest.raises(AttachmentDigestError):
        store.attachments.append_chunk(wrong_sha, 0, content)
    state = store.attachments.state(wrong_sha)
    assert state is not None and state.offset == 0 and not state.complete


def test_cancel_stops_an_upload(enrolled, pki: Pki) -> None:  # noqa: ANN001
    from desktop_app.errors import Cancelled

    cancel = CancelToken()
    client = SyncClient(enrolled(), ca_file=pki.ca, config=FAST, cancel=cancel)
    content = os.urandom(200_000)
    sha = hashlib.sha256(content).hexdigest()

    def stop_after_first(progress) -> None:  # noqa: ANN001
        cancel.cancel()

    with pytest.raises(Cancelled):
        client.upload_attachment(sha, content, progress=stop_after_first)
    status = SyncClient(client.identity, ca_file=pki.ca, config=FAST).attachment_status(sha)
    assert status is not None and 0 < status.offset < len(content)
