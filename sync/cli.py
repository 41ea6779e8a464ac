"""hotich serve | enroll | sync | export-bundle | import-bundle | central issue-code | ...

The device commands run the core's workflows (desktop_app.workflows.enrolment, sync_run,
sync_bundle) with this package's adapters (HttpsSyncTransport, UsbBundleCodec) and word their
reports; the central ones operate the reference server.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import socket
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from packaging.version import InvalidVersion, Version

from desktop_app.cli.context import CliContext, add_command
from desktop_app.errors import HotichError, UsageError
from desktop_app.fileio import write_atomic
from desktop_app.logging_setup import log_to_stderr
from desktop_app.messages import Count
from sync.errors import TlsConfigError

if TYPE_CHECKING:  # requests and the client load only for the commands that talk to a server
    from desktop_app.ports import ExtractService
    from desktop_app.session import Session
    from desktop_app.workflows.sync_apply import SyncReport
    from sync.device import HttpsSyncTransport
    from sync.server.store import CentralStore

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = add_command(sub, "serve", "run the reference central server")
    serve.add_argument("--db", default=None,
                       help="database URL: sqlite:///FILE (default ./hotich-central.db), "
                            "a file path, or postgresql://...")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443, help="0 picks a free port")
    serve.add_argument("--tls-cert", type=Path, default=None)
    serve.add_argument("--tls-key", type=Path, default=None)
    serve.add_argument("--log-level", default="warning",
                       choices=["critical", "error", "warning", "info", "debug"])
    serve.set_defaults(handler=_serve)

    enroll = add_command(sub, "enroll", "enrol this device with the central server")
    enroll.add_argument("--server", required=True, help="https://host:port")
    enroll.add_argument("--code", required=True, help="one-time code from the operator")
    enroll.add_argument("--ca-file", type=Path, default=None,
                        help="CA certificate (PEM) that signed the server's certificate; "
                             "default: the system's trust store")
    enroll.add_argument("--name", default="", help="a label for this device")
    enroll.add_argument("--replace", action="store_true",
                        help="replace an existing enrolment")
    enroll.set_defaults(handler=_enroll)

    sync = add_command(sub, "sync", "send the outbox and pull changes (every minute unless "
                       "--once)")
    sync.add_argument("--server", default=None,
                      help="must match the enrolled server (enrol again to change it)")
    sync.add_argument("--once", action="store_true", help="one round, then exit")
    sync.add_argument("--interval", type=float, default=60.0, help=argparse.SUPPRESS)
    sync.set_defaults(handler=_sync)

    export = add_command(sub, "export-bundle", "write what is waiting to one signed, "
                         "encrypted file (USB)")
    export.add_argument("--out", type=Path, required=True)
    export.set_defaults(handler=_export_bundle)
    answer = add_command(sub, "import-bundle", "apply the answer file brought back from the "
                         "central office")
    answer.add_argument("file", type=Path)
    answer.set_defaults(handler=_import_answer)

    central = add_command(sub, "central", "operate the central server's database")
    csub = central.add_subparsers(dest="central_command", metavar="ACTION", required=True)

    issue = add_command(csub, "issue-code", "print a one-time enrolment code for a device")
    issue.add_argument("--db", required=True)
    issue.add_argument("--commune", required=True, help="2025 commune code")
    issue.set_defaults(handler=_issue_code)

    revoke = add_command(csub, "revoke-device", "refuse every later request of a device")
    revoke.add_argument("--db", required=True)
    revoke.add_argument("device_id")
    revoke.set_defaults(handler=_revoke_device)

    imp = add_command(csub, "import-bundle", "import a device's USB bundle, write the answer")
    imp.add_argument("--db", required=True)
    imp.add_argument("file", type=Path)
    imp.add_argument("--out", type=Path, required=True, help="answer file for the device")
    imp.set_defaults(handler=_import_bundle)

    stats = add_command(csub, "stats", "accepted records by type and commune")
    stats.add_argument("--db", required=True)
    stats.set_defaults(handler=_stats)

    reg = add_command(csub, "registry-import", "load persons into the simulated population "
                      "registry (a JSON list of births and deaths; see sync/openapi.json "
                      "RegistryPerson, plus event, commune and year)")
    reg.add_argument("--db", required=True)
    reg.add_argument("file", type=Path)
    reg.set_defaults(handler=_registry_import)

    caps = add_command(csub, "capabilities", "show or set the procedures the centre accepts")
    caps.add_argument("--db", required=True)
    caps.add_argument("--set", dest="procedures", default=None,
                      help="comma-separated record types, e.g. birth,death,marriage")
    caps.set_defaults(handler=_capabilities)

    release = add_command(csub, "release", "show or publish the newest desktop version "
                          "(devices show it as an available update)")
    release.add_argument("--db", required=True)
    release.add_argument("--version", dest="release_version", default=None)
    release.add_argument("--url", default="", help="where to download it")
    release.add_argument("--notes", default="")
    release.set_defaults(handler=_release)

    cert = add_command(csub, "revoke-certificate", "publish a revoked signing certificate")
    cert.add_argument("--db", required=True)
    cert.add_argument("serial", help="serial number in hex as printed on the certificate, or "
                      "its SHA-256 fingerprint; devices refuse to sign with it after sync")
    cert.add_argument("--issuer", default="")
    cert.set_defaults(handler=_revoke_certificate)


def _store(url: str) -> CentralStore:
    from sync.server.store import CentralStore

    return CentralStore(url)


# -- server ---------------------------------------------------------------------------------
def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _serve(ctx: CliContext, args: argparse.Namespace) -> int:
    import uvicorn

    from sync.server.app import create_app

    if (args.tls_cert is None) != (args.tls_key is None):
        raise TlsConfigError(detail="--tls-cert and --tls-key go together")
    for path in (args.tls_cert, args.tls_key):
        if path is not None and not path.is_file():
            raise TlsConfigError(detail=f"missing file {path}")
    if args.tls_cert is None and not _is_loopback(args.host):
        raise TlsConfigError(detail="without --tls-cert the server only listens on loopback")
    if not 0 <= args.port <= 65535:
        raise UsageError(detail="--port")
    store = _store(args.db)
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        sock.close()
        raise UsageError(detail=f"cannot listen on {args.host}:{args.port}") from exc
    sock.listen(128)
    port = sock.getsockname()[1]
    scheme = "https" if args.tls_cert else "http"
    host = f"[{args.host}]" if family == socket.AF_INET6 else args.host
    url = f"{scheme}://{host}:{port}"
    log_to_stderr(getattr(logging, args.log_level.upper()))  # and the log file, as ever
    config = uvicorn.Config(create_app(store), log_level=args.log_level, access_log=False,
                            ssl_certfile=str(args.tls_cert) if args.tls_cert else None,
                            ssl_keyfile=str(args.tls_key) if args.tls_key else None,
                            timeout_graceful_shutdown=5)
    ctx.emit(_say("R-SERVE-LISTENING", url=url),
             {"ok": True, "url": url, "port": port, "db": store.db.engine.url.render_as_string(
                 hide_password=True)})
    if scheme == "http":
        ctx.note(_say("W-SERVE-NO-TLS"))
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
        store.close()
    return 0


# -- device -----------------------------------------------------------------------------------
def _transport(session: Session) -> HttpsSyncTransport:
    from sync.device import HttpsSyncTransport

    return HttpsSyncTransport(session.paths.root, clock=session.clock)


def _say(code: str, **params: object) -> str:
    from desktop_app.messages import render
    from sync.messages import MESSAGES

    return render(code, params, catalogue=MESSAGES)


def report_text(report: SyncReport) -> str:
    """The one line a sync report is worded as here (Vietnamese unless HOTICH_LANG=en)."""
    text = _say("R-SYNC-REPORT", accepted=Count(report.accepted),
                rejected=Count(report.rejected), deferred=Count(report.deferred),
                pulled=Count(report.pulled), blocks_leased=Count(report.blocks_leased))
    if report.timestamped:
        text += ", " + _say("R-SYNC-TIMESTAMPED", timestamped=Count(report.timestamped))
    if report.audit_rewritten is not None:
        text += "\n" + _say("R-SYNC-AUDIT-REWRITTEN", seq=report.audit_rewritten)
    return text


def report_json(report: SyncReport) -> dict[str, object]:
    return asdict(report)


def _enroll(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows.enrolment import enrol_device

    session = ctx.session()
    identity = enrol_device(session, _transport(session), args.server, args.code,
                            ca_path=args.ca_file, name=args.name, replace=args.replace)
    ctx.emit(_say("R-SYNC-ENROLLED", device_id=identity.device_id,
                  server_url=identity.server_url, commune=identity.commune),
             {"ok": True, **identity.public_view()})
    return 0


def _sync(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.updates import available_update
    from desktop_app.workflows.enrolment import require_identity
    from desktop_app.workflows.sync_run import run_sync
    from sync.schedule import sync_periodically

    session = ctx.session()
    identity = require_identity(session)
    if args.server and args.server.rstrip("/") != identity.server_url.rstrip("/"):
        raise UsageError(detail="--server differs from the enrolled server")
    transport = _transport(session)
    extracts = _extract_service(session)

    def emit(report: SyncReport) -> None:
        notice = available_update(session)
        text = report_text(report) + (
            "\n" + _say("R-SYNC-UPDATE", version=notice.version, url=notice.url)
            if notice else "")
        ctx.emit(text, {"ok": True, **report_json(report),
                        "update": vars(notice) if notice else None})

    if args.once:
        emit(run_sync(session, transport, extracts=extracts))
        return 0
    sync_periodically(session, transport, wait=_wait, interval=args.interval,
                      extracts=extracts, on_report=emit,
                      on_link_failure=lambda _error: ctx.note(_say("N-SYNC-RETRY")))
    return 0


def _extract_service(session: Session) -> ExtractService | None:
    """The signing package timestamps extracts signed offline, when it is installed."""
    try:
        from signing.service import PdfExtractService
    except ImportError:
        return None
    return PdfExtractService.for_data(session.paths)


def _wait(seconds: float) -> bool:
    import threading

    threading.Event().wait(seconds)  # Ctrl+C ends the loop (KeyboardInterrupt)
    return True


def _export_bundle(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows.sync_bundle import export_bundle
    from sync.bundle import UsbBundleCodec

    data, count = export_bundle(ctx.session(), UsbBundleCodec())
    write_atomic(args.out, data)
    ctx.emit(_say("R-SYNC-EXPORTED", items=Count(count), path=args.out),
             {"ok": True, "items": count, "path": str(args.out)})
    return 0


def _import_answer(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows.sync_bundle import import_answer
    from sync.bundle import UsbBundleCodec

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise HotichError("E-FILE", path=str(args.file)) from exc
    report = import_answer(ctx.session(), UsbBundleCodec(), data)
    ctx.emit(report_text(report), {"ok": True, **report_json(report)})
    return 0


# -- central operators --------------------------------------------------------------------------
def _issue_code(ctx: CliContext, args: argparse.Namespace) -> int:
    store = _store(args.db)
    try:
        code = store.devices.issue_code(args.commune)
    finally:
        store.close()
    ctx.emit(code, {"ok": True, "code": code, "commune": args.commune})
    return 0


def _revoke_device(ctx: CliContext, args: argparse.Namespace) -> int:
    store = _store(args.db)
    try:
        device = store.devices.revoke(args.device_id)
    finally:
        store.close()
    ctx.emit(f"Đã thu hồi thiết bị {device.device_id}.",
             {"ok": True, "device_id": device.device_id, "revoked_at": device.revoked_at})
    return 0


def _import_bundle(ctx: CliContext, args: argparse.Namespace) -> int:
    from collections import Counter

    from sync.server.bundles import import_bundle

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise HotichError("E-FILE", path=str(args.file)) from exc
    store = _store(args.db)
    try:
        imported = import_bundle(store, data)
    finally:
        store.close()
    try:
        write_atomic(args.out, imported.answer)
    except OSError as exc:
        raise HotichError("E-FILE", path=str(args.out)) from exc
    counts = dict(Counter(str(r.get("status")) for r in imported.results))
    text = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "0"
    ctx.emit(f"Đã nhập gói {imported.bundle_id} ({text}); tệp trả lời: {args.out}",
             {"ok": True, "bundle_id": imported.bundle_id, "answer": str(args.out),
              "results": counts})
    return 0


def _stats(ctx: CliContext, args: argparse.Namespace) -> int:
    store = _store(args.db)
    try:
        rows = store.intake.stats()
    finally:
        store.close()
    total = sum(int(r["records"]) for r in rows)  # type: ignore[call-overload]
    ctx.emit(stats_text(rows), {"ok": True, "total": total, "by_type_and_commune": rows})
    return 0


def stats_text(rows: list[dict[str, object]]) -> str:
    """The accepted records by commune and type, then their total, counts grouped in the
    messages' language (Vietnamese unless HOTICH_LANG=en)."""
    from desktop_app.messages import current_language
    from desktop_app.number_format import count_text

    lang = current_language()
    counts = [int(r["records"]) for r in rows]  # type: ignore[call-overload]
    lines = [f"{r['commune']}  {r['record_type']:<13} {count_text(n, lang)}"
             for r, n in zip(rows, counts, strict=True)]
    lines.append(_say("R-CENTRAL-STATS-TOTAL", total=Count(sum(counts))))
    return "\n".join(lines)


def _registry_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from pydantic import TypeAdapter, ValidationError

    from desktop_app.json_input import parse_json
    from sync.server.models import RegistryPerson

    try:
        raw = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise HotichError("E-FILE", path=str(args.file)) from exc
    try:
        persons = TypeAdapter(list[RegistryPerson]).validate_python(parse_json(raw))
    except ValidationError as exc:
        raise UsageError(detail="the registry file is not a list of persons") from exc
    store = _store(args.db)
    try:
        count = store.population.import_persons(persons)
    finally:
        store.close()
    ctx.emit(str(count), {"ok": True, "imported": count})
    return 0


def _capabilities(ctx: CliContext, args: argparse.Namespace) -> int:
    store = _store(args.db)
    try:
        if args.procedures is not None:
            chosen = store.settings.set_procedures([p.strip() for p in args.procedures.split(",")
                                           if p.strip()])
        else:
            chosen = store.settings.procedures()
    finally:
        store.close()
    ctx.emit(", ".join(chosen), {"ok": True, "procedures": chosen})
    return 0


def _release(ctx: CliContext, args: argparse.Namespace) -> int:
    store = _store(args.db)
    release: dict[str, str] | None
    try:
        if args.release_version is not None:
            try:
                Version(args.release_version)
            except InvalidVersion:
                raise UsageError(detail=f"--version {args.release_version}") from None
            release = store.settings.publish_client_release(args.release_version, args.url,
                                                            args.notes)
        else:
            release = store.settings.client_release()
    finally:
        store.close()
    text = f"{release['version']} {release['url']}" if release else "-"
    ctx.emit(text, {"ok": True, "client_release": release})
    return 0


def _revoke_certificate(ctx: CliContext, args: argparse.Namespace) -> int:
    store = _store(args.db)
    try:
        store.feed.revoke_certificate(args.serial, args.issuer)
    finally:
        store.close()
    ctx.emit(f"Đã công bố thu hồi chứng thư số {args.serial}.",
             {"ok": True, "serial": args.serial})
    return 0
