"""The core's SyncTransport over HTTPS: enrolment and a SyncClient per sync.

desktop_app.app (the composition root) and sync.cli hand it to the sync workflows
(desktop_app.workflows.enrolment, sync_run); the identity it enrols is kept by the core.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.clock import Clock, SystemClock
from desktop_app.sync_types import CancelToken, DeviceIdentity
from sync.client import SyncClient, TransportConfig, enrol
from sync.identity import ca_file


class HttpsSyncTransport:
    """desktop_app.ports.SyncTransport. ``data_folder`` receives the pinned CA as a file
    (requests needs one); ``config`` sets timeouts, retries and batch sizes."""

    def __init__(self, data_folder: Path, *, config: TransportConfig | None = None,
                 clock: Clock | None = None) -> None:
        self.data_folder = data_folder
        self.config = config or TransportConfig()
        self.clock = clock or SystemClock()

    def enrol(self, server_url: str, code: str, *, ca_path: Path | None = None,
              name: str = "", commune: str = "") -> DeviceIdentity:
        return enrol(server_url, code, ca_file=ca_path, name=name, config=self.config,
                     clock=self.clock, commune=commune)

    def connect(self, identity: DeviceIdentity, *,
                cancel: CancelToken | None = None) -> SyncClient:
        """A client for the enrolled device (TlsConfigError when its CA does not match the
        enrolled pin)."""
        return SyncClient(identity, ca_file=ca_file(identity, self.data_folder),
                          config=self.config, clock=self.clock, cancel=cancel)
