"""What every page is handed: the services, the task runner, the session and the hooks.

``UiHooks`` are the injection points the composition root (desktop_app/app.py) fills once
signing and sync exist. Each is a plain callable run on a worker thread; until one is given,
the buttons that need it stay disabled with a tooltip saying why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop_app.ports import PdfCheck
from desktop_app.services import AppServices
from desktop_app.session import Session
from desktop_app.sync_types import DeviceIdentity
from desktop_app.workflows.dashboard import ConnectionProbe, ConnectionState, no_connection_probe
from desktop_app.workflows.reconciliation import Reconciliation
from desktop_app.workflows.sync_apply import SyncReport
from ui.tasks import TaskRunner

Progress = Callable[[str, int, int], None]
"""Qt-free progress callback (stage, done, total); it raises Cancelled once cancelled."""


@dataclass(frozen=True)
class SignOutcome:
    """One record of a batch: signed, or the error that stopped it (shown per record)."""

    record_id: str
    error: BaseException | None = None


SignRecords = Callable[[Session, Sequence[str], str, Progress], Sequence[SignOutcome]]
"""Sign the extracts of approved records with the acting supervisor's certificate; the str is
the password of that PKCS#12, asked once per batch."""
RenderExtract = Callable[[Session, str], bytes]
"""The extract (trích lục) of a record as PDF bytes, for preview and printing."""
ImportCertificate = Callable[[Session, Path, str], str]
"""Import a PKCS#12 file with its password; returns a one-line description (name, expiry)."""
SyncNow = Callable[[Session, Progress], SyncReport]
"""Push the outbox and pull; returns what it did (the sync page words it)."""
EnrolDevice = Callable[[Session, str, str, Path | None, bool], DeviceIdentity]
"""Enrol this device with the central server: (session, server address, one-time code, the
server's CA file or None for the system's trust store, replace an existing enrolment)."""
ExportBundle = Callable[[Session, Path, Progress], int]
"""Write everything waiting to one USB bundle file; returns how many items it carries."""
ImportAnswer = Callable[[Session, Path, Progress], SyncReport]
"""Apply the central office's answer file; returns what it did (worded like a sync's)."""
PrintablePdf = Callable[[bytes], bytes]
"""A PDF as it looks on paper (the signature stamp drawn into the page), for the preview and
the print: QtPdf does not draw form widgets. The stored PDF stays what is saved."""
ReconcileBook = Callable[[Session, str, Progress], Reconciliation]
"""Compare a digitised book (its id) with the centre's population registry, through the
sync gateway; returns the reconciliation kept in the store (workflows.reconciliation)."""
VerifyPdf = Callable[[Session, bytes], PdfCheck]
"""Verify a signed extract's bytes (signature, integrity, trust, and the data against the
record held here); the check's code says what was found (OK-PDF-VALID or an E-PDF-* code)."""
CertificateExpiry = Callable[[Session], datetime | None]
ProbeServer = Callable[[Session], bool | None]
"""One quick look at the central server (short timeouts, no retries): True reachable, False
unreachable, None not configured (the device is not enrolled, or no longer accepted). Run on a
worker thread by the link watcher; it must not write to the store."""


@dataclass(frozen=True)
class UiHooks:
    sign_records: SignRecords | None = None
    render_extract: RenderExtract | None = None
    import_certificate: ImportCertificate | None = None
    sync_now: SyncNow | None = None
    connection_probe: ConnectionProbe = field(default=no_connection_probe)
    certificate_expiry: CertificateExpiry | None = None
    probe_server: ProbeServer | None = None
    enrol_device: EnrolDevice | None = None
    export_bundle: ExportBundle | None = None
    import_answer: ImportAnswer | None = None
    printable_pdf: PrintablePdf | None = None
    reconcile_book: ReconcileBook | None = None
    verify_pdf: VerifyPdf | None = None


@dataclass(frozen=True)
class UiContext:
    services: AppServices
    runner: TaskRunner
    session: Session
    hooks: UiHooks = field(default_factory=UiHooks)
    lang: str = "vi"

    @property
    def catalogue(self):  # noqa: ANN201 - the merged message catalogue
        return self.services.catalogue

    def can(self, permission: str) -> bool:
        from desktop_app.accounts import Permission

        return self.session.account.can(Permission(permission))


__all__ = ["ConnectionState", "SignOutcome", "UiContext", "UiHooks"]
