"""The composition root: the one place that wires the core, signing, sync and the UI.

``hotich`` and ``python -m desktop_app`` both enter through :func:`main`.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from desktop_app.cli.context import CliContext, add_command
from desktop_app.cli.main import fail_unexpected, run
from desktop_app.clock import Clock
from desktop_app.logging_setup import configure_logging, fallback_log_dir
from desktop_app.messages import CORE, Catalogue, LazyCatalogue, merge, render
from desktop_app.paths import DataPaths

if TYPE_CHECKING:
    from desktop_app.ports import PdfCheck, SyncTransport
    from desktop_app.session import Session
    from desktop_app.sync_types import DeviceIdentity
    from desktop_app.workflows.dashboard import ConnectionState
    from desktop_app.workflows.reconciliation import Reconciliation
    from desktop_app.workflows.sync_apply import SyncReport
    from ui.context import SignOutcome, UiHooks

# Command groups and message catalogues of the other packages, wired in when present.
_OPTIONAL_COMMANDS = ("desktop_app.cli.records_cmd", "signing.cli", "sync.cli")
_CATALOGUES = ("desktop_app.domain.messages", "signing.messages", "sync.messages")


def _optional(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and name.startswith(exc.name):
            return None  # that package is not part of this build yet
        raise


def _present(name: str) -> bool:
    """Whether a module is part of this build, without importing it (sync.device brings
    requests: ~55 ms of every command, most of which never sync)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # its package is not part of this build
        return False


class _AppCommands:
    """gui and demo: the commands that need the UI or several packages together."""

    @staticmethod
    def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        gui = add_command(sub, "gui", "start the desktop application")
        gui.set_defaults(handler=_gui)
        demo = add_command(sub, "demo", "create the demo data folder if it is missing")
        demo.add_argument("--show", action="store_true",
                          help="show the demo accounts' passwords again (before a first login)")
        demo.set_defaults(handler=_demo)


def _gui(ctx: CliContext, args: argparse.Namespace) -> int:
    from ui.run import run_gui

    return int(run_gui(ctx.paths, catalogue(), build_ui_hooks(ctx.paths)))


def _demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.demo import create_demo, password_file, save_passwords, saved_passwords
    from desktop_app.errors import HotichError

    if args.show:
        text = saved_passwords(ctx.paths)
        if text is None:
            raise HotichError("E-DEMO-NONE", folder=str(ctx.paths.root))
        ctx.emit(text, {"ok": True, "file": str(password_file(ctx.paths)), "text": text})
        return 0
    if ctx.paths.keyfile.exists():
        ctx.emit(render("R-DEMO-EXISTS", {"file": password_file(ctx.paths),
                                           "folder": ctx.paths.root}),
                 {"ok": True, "created": False, "file": str(password_file(ctx.paths))})
        return 0
    demo = create_demo(ctx.paths, ctx.clock)
    supervisor = next(a for a in demo.accounts if a.role.value == "supervisor")
    _demo_certificate(ctx, supervisor.username, supervisor.full_name, supervisor.password)
    lines = [render("R-DEMO-CREATED")]
    lines += [render("R-DEMO-ACCOUNT", {"role": render(f"R-ROLE-{acc.role.value}"),
                                        "username": acc.username, "password": acc.password})
              for acc in demo.accounts]
    lines.append(render("R-DEMO-RECOVERY", {"code": demo.recovery_code}))
    lines.append(render("R-DEMO-CERTIFICATE", {"username": supervisor.username}))
    saved = save_passwords(ctx.paths, "\n".join(lines) + "\n")
    lines.append(render("R-DEMO-SAVED", {"file": saved}))
    ctx.emit("\n".join(lines), {
        "ok": True, "created": True, "recovery_code": demo.recovery_code, "file": str(saved),
        "accounts": [{"username": a.username, "role": a.role.value, "password": a.password}
                     for a in demo.accounts]})
    return 0


def _demo_certificate(ctx: CliContext, username: str, full_name: str, password: str) -> None:
    install_demo_certificate(ctx.paths, ctx.clock, username, full_name, password)


def install_demo_certificate(paths: DataPaths, clock: Clock, username: str, full_name: str,
                             password: str) -> None:
    """A development CA (trusted in this data folder only) and the demo supervisor's .p12,
    imported for ``username`` (its certificate password is ``password`` too). For demo data
    (``hotich demo``, the screenshots), never for a real office."""
    from desktop_app.fileio import write_atomic
    from desktop_app.workflows import accounts, extracts
    from signing.devca import demo_signer
    from signing.service import PdfExtractService, trust_folder

    demo = demo_signer(full_name, password)
    trust = trust_folder(paths)
    trust.mkdir(parents=True, exist_ok=True)
    write_atomic(trust / "demo-root-ca.pem", demo.root_pem, mode=0o644)
    session = accounts.login(paths, username, password, clock)
    try:
        extracts.import_certificate(session, demo.pkcs12, password,
                                    PdfExtractService.for_data(paths))
    finally:
        session.close()


class _LinkState:
    """The state of the link to the central server as last seen by the real probe
    (``probe_server``, run periodically by the UI's link watcher) or by a sync: what the
    status bar's cheap ``connection_probe`` reads."""

    probe_timeout_s = 5.0  # connect and read, each: one quick look, no retries

    def __init__(self) -> None:
        import threading

        self.state = "not_configured"
        self._lock = threading.Lock()

    def set(self, state: str) -> None:
        with self._lock:
            self.state = state

    def probe(self) -> ConnectionState:
        from desktop_app.workflows.dashboard import ConnectionState

        with self._lock:
            return ConnectionState(self.state)


def build_ui_hooks(paths: DataPaths) -> UiHooks:
    """The desktop's hooks into signing: callables the UI runs on worker threads."""
    from desktop_app.errors import Cancelled, HotichError
    from desktop_app.workflows import extracts
    from signing.service import PdfExtractService
    from ui.context import SignOutcome, UiHooks

    service = PdfExtractService.for_data(paths)

    def sign_records(session: Session, ids: Sequence[str], password: str,
                     progress: Callable[[str, int, int], None]) -> list[SignOutcome]:
        outcomes: list[SignOutcome] = []
        try:  # the service opens the PKCS#12 once for the batch, and forgets it after
            # A wrong password or an expired certificate stops the batch before it starts.
            extracts.check_signing_key(session, password, service)
            for done, record_id in enumerate(ids):
                try:
                    progress("sign", done, len(ids))  # raises Cancelled once cancelled
                except Cancelled as exc:  # what is signed stays signed; the rest is said
                    outcomes += [SignOutcome(rid, exc) for rid in ids[done:]]
                    return outcomes
                try:
                    extracts.sign_extracts(session, [record_id], service=service,
                                           p12_password=password, out=None)
                except HotichError as exc:  # shown per record; the batch goes on
                    outcomes.append(SignOutcome(record_id, exc))
                else:
                    outcomes.append(SignOutcome(record_id))
        finally:
            service.forget_keys()
        with contextlib.suppress(Cancelled):  # a cancel after the last one changes nothing
            progress("sign", len(ids), len(ids))
        return outcomes

    def render_extract(session: Session, record_id: str) -> bytes:
        return extracts.latest_pdf(session, record_id, service)

    def import_certificate(session: Session, path: Path, password: str) -> str:
        extracts.import_certificate(session, Path(path).read_bytes(), password, service)
        cert = extracts.certificate_of(session)
        return f"{cert.subject} — {cert.not_after[:10]}" if cert else ""

    def certificate_expiry(session: Session) -> datetime | None:
        cert = extracts.certificate_of(session)
        return datetime.fromisoformat(cert.not_after) if cert else None

    link = _LinkState()

    def probe_server(session: Session) -> bool | None:
        """One quick authenticated look at the server (capabilities): short timeouts, one
        attempt, nothing written. None when the device is not enrolled or no longer
        accepted there (a sync could not help), False when unreachable."""
        from desktop_app.errors import NotFoundError
        from desktop_app.workflows.enrolment import require_identity
        from sync.client import TransportConfig
        from sync.device import HttpsSyncTransport
        from sync.errors import (
            DeviceRevokedError,
            NotEnrolledError,
            ServerError,
            ServerUnreachableError,
            SyncError,
            TlsConfigError,
            TlsVerificationError,
            UnknownDeviceError,
        )

        try:
            timeout = link.probe_timeout_s
            transport = HttpsSyncTransport(session.paths.root, clock=session.clock,
                                           config=TransportConfig(
                                               connect_timeout=timeout, read_timeout=timeout,
                                               attempts=1, connect_retries=0))
            client = transport.connect(require_identity(session))
        except (NotEnrolledError, TlsConfigError):
            link.set("not_configured")
            return None
        try:
            client.capabilities()
        except (NotEnrolledError, DeviceRevokedError, UnknownDeviceError):
            link.set("not_configured")
            return None
        except (ServerUnreachableError, TlsVerificationError, ServerError):
            link.set("offline")
            return False
        except (SyncError, NotFoundError):  # it answered (clock skew, ...): a sync says why
            pass
        except Exception:
            link.set("offline")
            raise
        finally:
            client.close()
        link.set("online")
        return True

    def sync_now(session: Session, progress: Callable[[str, int, int], None]) -> SyncReport:
        from desktop_app.workflows.sync_run import run_sync
        from sync.device import HttpsSyncTransport
        from sync.errors import NotEnrolledError

        before = link.probe().value
        link.set("syncing")
        try:
            report = run_sync(session, HttpsSyncTransport(session.paths.root,
                                                          clock=session.clock),
                              extracts=service,
                              progress=lambda p: progress(p.stage, p.done, p.total))
        except NotEnrolledError:
            link.set("not_configured")
            raise
        except Cancelled:  # the user stopped it: the link is as it was
            link.set(before)
            raise
        except BaseException:  # unreachable or refused: shown as offline until the next look
            link.set("offline")
            raise
        link.set("online")
        return report

    def enrol_device(session: Session, server_url: str, code: str, ca_path: Path | None,
                     replace: bool) -> DeviceIdentity:
        import platform

        from desktop_app.workflows.enrolment import enrol_device as enrol
        from sync.client import TransportConfig
        from sync.device import HttpsSyncTransport

        # One attempt: a retried POST could spend the one-time code and then be refused.
        transport = HttpsSyncTransport(session.paths.root, clock=session.clock,
                                       config=TransportConfig(attempts=1, connect_retries=0,
                                                              read_timeout=30.0))
        return enrol(session, transport, server_url, code, ca_path=ca_path,
                     name=platform.node(), replace=replace)

    def export_bundle(session: Session, out: Path,
                      progress: Callable[[str, int, int], None]) -> int:
        from desktop_app.errors import HotichError
        from desktop_app.fileio import write_atomic
        from desktop_app.workflows.sync_bundle import export_bundle as export
        from sync.bundle import UsbBundleCodec

        data, count = export(session, UsbBundleCodec(),
                             progress=lambda p: progress(p.stage, p.done, p.total))
        try:
            write_atomic(Path(out), data, mode=0o600)
        except OSError as exc:
            raise HotichError("E-FILE", path=str(out)) from exc
        return count

    def import_answer(session: Session, path: Path,
                      progress: Callable[[str, int, int], None]) -> SyncReport:
        from desktop_app.errors import HotichError
        from desktop_app.workflows.sync_bundle import import_answer as apply_answer
        from sync.bundle import UsbBundleCodec

        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise HotichError("E-FILE", path=str(path)) from exc
        return apply_answer(session, UsbBundleCodec(), data,
                            progress=lambda p: progress(p.stage, p.done, p.total))

    def reconcile_book(session: Session, book_id: str,
                       progress: Callable[[str, int, int], None]) -> Reconciliation:
        from desktop_app.workflows.reconciliation import reconcile_book as reconcile

        return reconcile(session, _https_transport(session), book_id,
                         progress=lambda p: progress(p.stage, p.done, p.total))

    def verify_pdf(session: Session, pdf: bytes) -> PdfCheck:
        from desktop_app.workflows.extracts import verify_pdf as verify

        return verify(pdf, service, session)

    from signing.appearance import printable_pdf

    return UiHooks(sign_records=sign_records, render_extract=render_extract,
                   import_certificate=import_certificate,
                   certificate_expiry=certificate_expiry, sync_now=sync_now,
                   connection_probe=link.probe, probe_server=probe_server,
                   enrol_device=enrol_device, export_bundle=export_bundle,
                   import_answer=import_answer, printable_pdf=printable_pdf,
                   reconcile_book=reconcile_book, verify_pdf=verify_pdf)


def command_modules() -> list[ModuleType]:
    from desktop_app.cli import store_cmd, user_cmd

    modules: list[ModuleType] = [store_cmd, user_cmd]
    modules += [m for m in map(_optional, _OPTIONAL_COMMANDS) if m is not None]
    modules.append(_AppCommands)  # type: ignore[arg-type]
    return modules


def catalogue() -> Catalogue:
    extra = [getattr(m, "MESSAGES", {}) for m in map(_optional, _CATALOGUES) if m is not None]
    return merge([CORE, *extra])


def _on_context(ctx: CliContext) -> None:
    if ctx.data_dir.is_dir():
        configure_logging(ctx.paths.logs)
    if _present("sync.device"):
        ctx.sync_transport = _https_transport  # imports sync.device when a command syncs


def _https_transport(session: Session) -> SyncTransport:
    from sync.device import HttpsSyncTransport

    return HttpsSyncTransport(session.paths.root, clock=session.clock)


def main(argv: Sequence[str] | None = None) -> int:
    # Before anything can fail: the user log folder until the data folder is known.
    configure_logging(fallback_log_dir())
    try:
        modules = command_modules()
    except Exception as exc:  # a broken build: still one line and an incident id
        return fail_unexpected(exc, "start-up", CORE)
    return run(argv, modules, LazyCatalogue(catalogue, fallback=CORE), on_context=_on_context)


def entry() -> None:
    sys.exit(main())
