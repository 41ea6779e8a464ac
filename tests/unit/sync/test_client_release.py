"""What operators publish centrally reaches devices by pull: a newer desktop version (an update
notice) and reference data sets (kept for offline use)."""

from __future__ import annotations

import json

from desktop_app.updates import CAPABILITIES_KEY, update_from
from desktop_app.workflows.sync_apply import apply_page
from sync.client import SyncClient
from sync.server.store import CentralStore
from tests.unit.conftest import Office


def test_release_in_capabilities_and_feed_becomes_a_notice(
        client: SyncClient, store: CentralStore, office: Office) -> None:
    assert "client_release" not in client.capabilities().raw
    store.settings.publish_client_release("0.2.0", "https://tw.example/hotich-0.2.0.exe",
                                          "Sửa lỗi ký")
    store.feed.publish_reference("administrative_units", "2025.10", {"communes": 3321})
    assert client.capabilities().raw["client_release"]["version"] == "0.2.0"
    pages = list(client.pull_pages(None))
    local = office("canbo").store
    with local.write() as uow:
        for page in pages:
            apply_page(uow, page, store.db.now(), "this-device")
    with local.read() as uow:
        units = json.loads(uow.meta.get("sync.reference.administrative_units") or "{}")
        assert (units["version"], units["data"]) == ("2025.10", {"communes": 3321})  # offline
        notice = update_from(uow, current="0.1.0")
        assert notice is not None
        assert (notice.version, notice.notes) == ("0.2.0", "Sửa lỗi ký")
        assert update_from(uow, current="0.2.0") is None  # already running it
        assert update_from(uow, current="0.3.0") is None  # never a downgrade


def test_garbled_announcements_are_ignored(office: Office) -> None:
    local = office("canbo").store
    for value in ("not json", json.dumps({"client_release": {"version": "x.y?", "url": ""}}),
                  json.dumps(["list"])):
        with local.write() as uow:
            uow.meta.put(CAPABILITIES_KEY, value)
            assert update_from(uow, current="0.1.0") is None
