"""Parsing, dispatch and the one place where CLI errors become one-line messages."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import NoReturn, TextIO

from desktop_app.cli.context import CliContext
from desktop_app.diskspace import mb, nearly_full
from desktop_app.errors import HotichError
from desktop_app.incidents import report_incident
from desktop_app.messages import Catalogue, render
from desktop_app.paths import default_data_dir

log = logging.getLogger(__name__)

EXIT_OK, EXIT_USER, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"hotich: {message}\n")


class _Version(argparse._VersionAction):
    """--version, read when asked for: the installed metadata costs ~20 ms of every start."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: str | Sequence[object] | None, option_string: str | None = None) -> None:
        from desktop_app import __version__

        self.version = f"hotich {__version__}"
        super().__call__(parser, namespace, values, option_string)


def build_parser(command_modules: Sequence[ModuleType]) -> argparse.ArgumentParser:
    parser = _Parser(prog="hotich", description="Hộ Tịch Offline")
    parser.add_argument("--version", action=_Version)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--user", default=None)
    parser.add_argument("--json", action="store_true", default=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module in command_modules:
        module.register(sub)
    return parser


def run(
    argv: Sequence[str] | None,
    command_modules: Sequence[ModuleType],
    catalogue: Catalogue,
    *,
    on_context: Callable[[CliContext], None] | None = None,
    context_factory: Callable[..., CliContext] = CliContext,
) -> int:
    """Run one command; returns the exit code (0 ok, 1 user error, 2 usage).

    Logging must be configured before this is called (desktop_app.app.main does it first):
    an unexpected error becomes an incident, whose traceback goes only to the log file.
    """
    try:
        parser = build_parser(command_modules)
        args = parser.parse_args(argv)
        ctx = context_factory(
            data_dir=args.data_dir or default_data_dir(),
            user=args.user,
            as_json=bool(args.json),
        )
    except Exception as exc:  # even before a command runs: an incident, never a traceback
        return fail_unexpected(exc, "start-up", catalogue,
                               as_json=argv is not None and "--json" in argv)
    try:
        if on_context:
            on_context(ctx)
        code = args.handler(ctx, args)
        _warn_if_disk_low(ctx, catalogue)
        return EXIT_OK if code is None else int(code)
    except HotichError as exc:
        return _fail(ctx, exc.code, render(exc.code, exc.params, catalogue=catalogue))
    except KeyboardInterrupt:
        return _fail(ctx, "E-CANCELLED", render("E-CANCELLED", catalogue=catalogue))
    except Exception as exc:  # the last line of defence: an incident id, never a traceback
        return fail_unexpected(exc, f"command {args.command}", catalogue,
                               as_json=ctx.as_json, stdout=ctx.stdout, stderr=ctx.stderr)
    finally:
        ctx.close()


def _warn_if_disk_low(ctx: CliContext, catalogue: Catalogue) -> None:
    """Early warning while there is still room: the data folder's disk is nearly full."""
    free = nearly_full(ctx.data_dir) if ctx.data_dir.is_dir() else None
    if free is not None:
        ctx.note(render("W-DISK-LOW", {"free": mb(free)}, catalogue=catalogue))


def fail_unexpected(exc: BaseException, where: str, catalogue: Catalogue, *,
                    as_json: bool = False, stdout: TextIO | None = None,
                    stderr: TextIO | None = None) -> int:
    """Log ``exc`` as an incident and say so in one line (exit 1)."""
    incident = report_incident(exc, where, log)
    message = render("E-INCIDENT", {"incident": incident}, catalogue=catalogue)
    return _write_failure("E-INCIDENT", message, as_json=as_json,
                          stdout=stdout or sys.stdout, stderr=stderr or sys.stderr,
                          extra={"incident": incident})


def _fail(ctx: CliContext, code: str, message: str) -> int:
    return _write_failure(code, message, as_json=ctx.as_json, stdout=ctx.stdout,
                          stderr=ctx.stderr)


def _write_failure(code: str, message: str, *, as_json: bool, stdout: TextIO, stderr: TextIO,
                   extra: dict[str, str] | None = None) -> int:
    if as_json:
        error = {"code": code, "message": message, **(extra or {})}
        stdout.write(json.dumps({"ok": False, "error": error}, ensure_ascii=False) + "\n")
        stdout.flush()
    stderr.write(f"hotich: {message}\n")
    stderr.flush()
    return EXIT_USER
