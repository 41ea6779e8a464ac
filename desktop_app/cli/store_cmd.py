"""hotich init | audit verify | backup | restore | settings."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.context import CliContext, add_command
from desktop_app.cli.figures import count
from desktop_app.errors import UsageError
from desktop_app.messages import render
from desktop_app.settings import LocalSettings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = add_command(sub, "init", "create the encrypted store and the first admin")
    init.add_argument("--commune", required=True, help="2025 commune code, e.g. 00070")
    init.add_argument("--admin", required=True, help="user name of the first admin")
    init.add_argument("--full-name", default="")
    init.add_argument("--password-stdin", action="store_true")
    init.set_defaults(handler=_init)

    aud = add_command(sub, "audit", "the hash-chained audit log")
    aud_sub = aud.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = add_command(aud_sub, "verify", "check the audit chain and the store's integrity")
    verify.set_defaults(handler=_audit_verify)

    bak = add_command(sub, "backup", "write one encrypted backup file")
    bak.add_argument("--out", type=Path, required=True)
    bak.set_defaults(handler=_backup)

    res = add_command(sub, "restore", "verify a backup, then make it the current data")
    res.add_argument("file", type=Path)
    res.add_argument("--recovery-code-stdin", action="store_true")
    res.set_defaults(handler=_restore)

    st = add_command(sub, "settings", "device settings readable before login")
    st_sub = st.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    show = add_command(st_sub, "show", "print the settings")
    show.set_defaults(handler=_settings_show)
    set_ = add_command(st_sub, "set", "change a setting (admins)")
    set_.add_argument("key")
    set_.add_argument("value")
    set_.set_defaults(handler=_settings_set)


def _init(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import accounts

    if args.password_stdin:
        password = ctx.read_stdin_line()
    else:
        password = ctx.prompt_secret(render("P-ADMIN-PASSWORD"), source="--password-stdin")
        if ctx.prompt_secret(render("P-REPEAT"), source="--password-stdin") != password:
            raise UsageError(detail="the two passwords differ")
    code = accounts.initialise(ctx.paths, commune_code=args.commune, admin=args.admin,
                               password=password, clock=ctx.clock, full_name=args.full_name)
    ctx.emit(
        "Đã khởi tạo. Mã khôi phục (chỉ hiện một lần, hãy in và cất giữ):\n"
        f"Recovery code (shown once; print it and keep it safe):\n{code}",
        {"ok": True, "recovery_code": code, "data_dir": str(ctx.data_dir)},
    )
    return 0


def _audit_verify(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import audit

    report = audit.verify_audit(ctx.session())
    lines = [f"Nhật ký kiểm tra nguyên vẹn: {count(report.entries)} mục.",
             f"Đầu chuỗi: {report.head}"]
    if report.anchored:
        lines.append(f"Trung tâm đã lưu đầu chuỗi đến mục {report.anchored.partition(':')[0]}.")
    ctx.emit("\n".join(lines),
             {"ok": True, "entries": report.entries, "head": report.head,
              "anchored": report.anchored, "rewritten_at": report.rewritten_at})
    if report.rewritten_at is not None:
        ctx.note(f"CẢNH BÁO: lần đồng bộ đã phát hiện nhật ký trên máy này bị viết lại (mục số "
                 f"{report.rewritten_at} khác với bản trung tâm đã lưu).")
    return 0


def _backup(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import backup

    info = backup.create_backup(ctx.session(), args.out)
    ctx.emit(f"Đã sao lưu vào {info.path} ({count(info.size)} byte).\n"
             f"Đầu chuỗi nhật ký kiểm tra: {info.audit_head} (hãy ghi lại ở nơi khác).",
             {"ok": True, "path": str(info.path), "size": info.size,
              "schema_version": info.schema_version, "audit_head": info.audit_head})
    return 0


def _restore(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import backup

    if args.recovery_code_stdin:
        info = backup.restore_backup(ctx.paths, args.file, ctx.clock,
                                     recovery_code=ctx.read_stdin_line())
    else:
        if not ctx.user:
            raise UsageError(detail="--user (an account in the backup) or --recovery-code-stdin")
        info = backup.restore_backup(ctx.paths, args.file, ctx.clock, username=ctx.user,
                                     password=ctx.acting_password())
    ctx.emit(f"Đã khôi phục từ {info.path}; dữ liệu cũ được giữ trong thư mục backups.",
             {"ok": True, "schema_version": info.schema_version,
              "audit_entries": info.audit_entries, "audit_head": info.audit_head,
              "anchor_check": info.anchor_check})
    if info.anchor_check == "behind":
        ctx.note("Lưu ý: bản sao lưu cũ hơn đầu chuỗi nhật ký mà trung tâm đã lưu; các mục "
                 "sau đó không có trong bản này và sẽ được báo ở lần đồng bộ tới.")
    elif info.anchor_check == "rewritten":
        ctx.note("CẢNH BÁO: nhật ký kiểm tra trong bản sao lưu khác với đầu chuỗi mà trung "
                 "tâm đã lưu (đã bị viết lại). Việc này đã được ghi vào nhật ký.")
    return 0


def _settings_show(ctx: CliContext, args: argparse.Namespace) -> int:
    settings = LocalSettings.load(ctx.data_dir)
    values = vars(settings)
    ctx.emit("\n".join(f"{k} = {v}" for k, v in values.items()), {"ok": True, **values})
    return 0


def _settings_set(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import device_settings

    updated = device_settings.change_setting(ctx.session(), args.key, args.value)
    ctx.emit(f"{args.key} = {getattr(updated, args.key)}", {"ok": True, args.key: args.value})
    return 0
