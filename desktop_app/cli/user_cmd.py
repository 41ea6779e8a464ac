"""hotich user add | list | passwd | unlock."""

from __future__ import annotations

import argparse

from desktop_app.accounts import parse_role
from desktop_app.cli.context import CliContext, add_command
from desktop_app.messages import VIETNAM_TZ, render


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    user = add_command(sub, "user", "manage local accounts (admins)")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    add = add_command(user_sub, "add", "add an account")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=["officer", "supervisor", "admin"])
    add.add_argument("--full-name", default="")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the new account's password from the first line of stdin")
    add.set_defaults(handler=_add)

    lst = add_command(user_sub, "list", "list accounts")
    lst.set_defaults(handler=_list)

    passwd = add_command(user_sub, "passwd", "change your password, or reset another (admins)")
    passwd.add_argument("name", nargs="?")
    passwd.add_argument("--password-stdin", action="store_true")
    passwd.set_defaults(handler=_passwd)

    unlock = add_command(user_sub, "unlock", "unlock an account locked by wrong passwords")
    unlock.add_argument("name")
    unlock.set_defaults(handler=_unlock)


def _new_password(ctx: CliContext, args: argparse.Namespace) -> str:
    if args.password_stdin:
        return ctx.read_stdin_line()
    first = ctx.prompt_secret(render("P-NEW-PASSWORD"), source="--password-stdin")
    second = ctx.prompt_secret(render("P-REPEAT"), source="--password-stdin")
    if first != second:
        from desktop_app.errors import UsageError

        raise UsageError(detail="the two passwords differ")
    return first


def _add(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import accounts

    session = ctx.session()
    password = _new_password(ctx, args)
    account = accounts.add_account(session, username=args.name, role=parse_role(args.role),
                                   password=password, full_name=args.full_name)
    ctx.emit(f"Đã thêm tài khoản {account.username} ({account.role.value}).",
             {"ok": True, "username": account.username, "role": account.role.value})
    return 0


def _list(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import accounts

    views = accounts.list_accounts(ctx.session())
    rows = []
    lines = []
    for view in views:
        acc = view.account
        locked = view.locked_until.astimezone(VIETNAM_TZ).strftime("%H:%M %d/%m/%Y") \
            if view.locked_until else ""
        rows.append({"username": acc.username, "full_name": acc.full_name,
                     "role": acc.role.value, "disabled": acc.is_disabled,
                     "locked_until": view.locked_until.isoformat() if view.locked_until
                     else None})
        state = f"  khóa đến {locked}" if locked else ""
        lines.append(f"{acc.username:<20} {acc.role.value:<11} {acc.full_name}{state}")
    ctx.emit("\n".join(lines), {"ok": True, "accounts": rows})
    return 0


def _passwd(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import accounts

    session = ctx.session()
    password = _new_password(ctx, args)
    accounts.change_password(session, new_password=password, username=args.name)
    ctx.emit("Đã đổi mật khẩu.", {"ok": True})
    return 0


def _unlock(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import accounts

    accounts.unlock_account(ctx.session(), args.name)
    ctx.emit(f"Đã mở khóa tài khoản {args.name}.", {"ok": True, "username": args.name})
    return 0
