"""hotich cert import | extract ID... --out PATH [--sign] | verify FILE.pdf | verify --qr TEXT."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.cli.context import CliContext, add_command
from desktop_app.errors import HotichError, UsageError
from desktop_app.messages import render
from signing.messages import MESSAGES

if TYPE_CHECKING:  # cryptography and the workflows load when a command of theirs runs
    from cryptography import x509

    from signing.service import PdfExtractService


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cert = add_command(sub, "cert", "the acting supervisor's signing certificate")
    cs = cert.add_subparsers(dest="cert_command", metavar="ACTION", required=True)
    imp = add_command(cs, "import", "import a PKCS#12 (.p12/.pfx); password prompted or "
                      "HOTICH_P12_PASSWORD")
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=_cert_import)

    ext = add_command(sub, "extract", "write extracts (trích lục): previews, or signed")
    ext.add_argument("ids", nargs="+", metavar="ID")
    ext.add_argument("--out", type=Path, required=True,
                     help="a file for one id, a folder for several")
    how = ext.add_mutually_exclusive_group()
    how.add_argument("--sign", action="store_true", help="sign PAdES (supervisors)")
    how.add_argument("--saved", action="store_true",
                     help="write again the signed extract kept in the store (one id)")
    ext.set_defaults(handler=_extract)

    ver = add_command(sub, "verify", "check a signed extract or its QR code")
    ver.add_argument("file", type=Path, nargs="?")
    ver.add_argument("--qr", metavar="TEXT")
    ver.set_defaults(handler=_verify)


def _p12_password(ctx: CliContext) -> str:
    env = os.environ.get("HOTICH_P12_PASSWORD")
    return env if env is not None else ctx.prompt_secret(render("P-P12-PASSWORD"),
                                                      source="HOTICH_P12_PASSWORD")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise HotichError("E-FILE", path=str(path)) from exc


def _cert_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import extracts

    session = ctx.session()
    data = _read(args.file)
    notices = extracts.import_certificate(session, data, _p12_password(ctx),
                                          _service(ctx))
    cert = extracts.certificate_of(session)
    assert cert is not None
    for code in notices:
        ctx.note("hotich: " + render(code, {"not_after": cert.not_after}, catalogue=MESSAGES))
    ctx.emit(f"Đã nhập chứng thư số: {cert.subject} (hết hạn {cert.not_after[:10]})",
             {"ok": True, "fingerprint": cert.fingerprint, "subject": cert.subject,
              "not_after": cert.not_after, "warnings": list(notices)})
    return 0


def _extract(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import extracts

    session = ctx.session()
    service = _service(ctx)
    if args.sign:
        issued = extracts.sign_extracts(session, args.ids, service=service,
                                        p12_password=_p12_password(ctx), out=args.out)
        ctx.emit("\n".join(f"{i.extract_number} -> {i.path}" + (" (bản sao)" if i.is_copy
                                                                  else "") for i in issued),
                 {"ok": True, "extracts": [
                     {"id": i.record_id, "extract_number": i.extract_number,
                      "path": str(i.path), "copy": i.is_copy,
                      "needs_timestamp": i.needs_timestamp} for i in issued]})
        return 0
    if args.saved:
        if len(args.ids) != 1:
            raise UsageError(detail="--saved takes one id")
        number = extracts.save_signed(session, args.ids[0], args.out)
        ctx.emit(f"{number} -> {args.out}", {"ok": True, "extracts": [
            {"id": args.ids[0], "extract_number": number, "path": str(args.out)}]})
        return 0
    many = len(args.ids) > 1 or args.out.is_dir()
    extracts.check_output(args.out, many)
    written = []
    for record_id in args.ids:
        pdf = extracts.preview(session, record_id, service)
        path = args.out / f"ban-nhap-{record_id[:8]}.pdf" if many else args.out
        from desktop_app.fileio import write_atomic

        try:
            write_atomic(path, pdf, mode=0o644)
        except OSError as exc:
            raise extracts.OutputUnwritableError(path=str(path)) from exc
        written.append(str(path))
    ctx.emit("\n".join(written), {"ok": True, "previews": written})
    return 0


def _verify(ctx: CliContext, args: argparse.Namespace) -> int:
    from cryptography import x509

    from desktop_app.workflows import extracts

    if (args.file is None) == (args.qr is None):
        raise UsageError(detail="verify FILE.pdf | verify --qr TEXT")
    service = _service(ctx)
    session = ctx.session() if ctx.user else None
    if args.qr is not None:
        known: list[x509.Certificate] = list(_trust_roots(service.trust_dir))
        signers = extracts.signer_certificates(session) if session is not None \
            else extracts.published_signers(ctx.paths)
        known += [x509.load_der_x509_certificate(der) for der in signers]
        qr = service.verify_qr(args.qr, known)
        code, params, ok = qr.code, qr.params, qr.ok
    else:
        check = extracts.verify_pdf(_read(args.file), service, session)
        code, params, ok = check.code, check.params, check.is_valid
    message = render(code, params, catalogue=MESSAGES)
    if not ok:
        if ctx.as_json:
            ctx.emit("", {"ok": False, "code": code, "message": message})
        ctx.stderr.write(f"hotich: {message}\n")
        return 1
    ctx.emit(message, {"ok": True, "code": code, "message": message})
    return 0


# pyHanko and its HTTP stack load only for the commands that sign or verify, so that every
# other command starts quickly.
def _service(ctx: CliContext) -> PdfExtractService:
    from signing.service import PdfExtractService

    return PdfExtractService.for_data(ctx.paths)


def _trust_roots(folder: Path) -> tuple[x509.Certificate, ...]:
    from signing.keystore import load_trust_roots

    return load_trust_roots(folder)
