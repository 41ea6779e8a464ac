"""Parsing, dispatch and the one place where CLI errors become one-line messages."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import NoReturn

from desktop_app import __version__
from desktop_app.cli.context import CliContext
from desktop_app.errors import HotichError
from desktop_app.messages import Catalogue, render
from desktop_app.paths import default_data_dir

log = logging.getLogger(__name__)

EXIT_OK, EXIT_USER, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"hotich: {message}\n")


def build_parser(command_modules: Sequence[ModuleType]) -> argparse.ArgumentParser:
    parser = _Parser(prog="hotich", description="Hộ Tịch Offline")
    parser.add_argument("--version", action="version", version=f"hotich {__version__}")
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
    """Run one command; returns the exit code (0 ok, 1 user error, 2 usage)."""
    parser = build_parser(command_modules)
    args = parser.parse_args(argv)
    ctx = context_factory(
        data_dir=args.data_dir or default_data_dir(),
        user=args.user,
        as_json=bool(args.json),
    )
    try:
        if on_context:
            on_context(ctx)
        code = args.handler(ctx, args)
        return EXIT_OK if code is None else int(code)
    except HotichError as exc:
        return _fail(ctx, exc.code, render(exc.code, exc.params, catalogue=catalogue))
    except KeyboardInterrupt:
        return _fail(ctx, "E-CANCELLED", render("E-CANCELLED", catalogue=catalogue))
    except Exception:  # the last line of defence: an incident id, never a traceback
        incident = uuid.uuid4().hex[:8]
        log.exception("incident %s in command %s", incident, args.command)
        return _fail(ctx, "E-INCIDENT",
                     render("E-INCIDENT", {"incident": incident}, catalogue=catalogue))
    finally:
        ctx.close()


def _fail(ctx: CliContext, code: str, message: str) -> int:
    if ctx.as_json:
        ctx.stdout.write(json.dumps({"ok": False, "error": {"code": code, "message": message}},
                                    ensure_ascii=False) + "\n")
        ctx.stdout.flush()
    ctx.stderr.write(f"hotich: {message}\n")
    ctx.stderr.flush()
    return EXIT_USER
