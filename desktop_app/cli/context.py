"""What a command handler gets: the global options, I/O, passwords and a lazy session."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop_app.cli.progress_line import ProgressLine
from desktop_app.clock import Clock, SystemClock
from desktop_app.errors import HotichError
from desktop_app.messages import render
from desktop_app.paths import DataPaths

if TYPE_CHECKING:  # the store and the domain load when a command logs in, not at every start
    from desktop_app.ports import SyncTransport
    from desktop_app.session import Session


def global_options() -> argparse.ArgumentParser:
    """Global options, accepted before the command and after it (SUPPRESS keeps the first)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="data folder (default: platform user-data folder; HOTICH_DATA_DIR)")
    parent.add_argument("--user", default=argparse.SUPPRESS,
                        help="acting account; password from HOTICH_PASSWORD or a prompt")
    parent.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="machine-readable output: one JSON object on stdout")
    return parent


GLOBALS = global_options()


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str,
                help_text: str) -> argparse.ArgumentParser:
    """A sub-command parser that also accepts the global options."""
    return sub.add_parser(name, help=help_text, description=help_text, parents=[GLOBALS])


@dataclass
class CliContext:
    data_dir: Path
    user: str | None
    as_json: bool
    clock: Clock = field(default_factory=SystemClock)
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    _session: Session | None = None
    # The central server's transport, injected by the composition root (desktop_app.app):
    # the core's commands that need the centre (books reconcile) reach it only through it.
    sync_transport: Callable[[Session], SyncTransport] | None = None

    @property
    def paths(self) -> DataPaths:
        return DataPaths(self.data_dir)

    # -- secrets ------------------------------------------------------------------------
    def read_stdin_line(self) -> str:
        """One line from stdin without its line ending (passwords, recovery codes)."""
        line = self.stdin.readline()
        return line.rstrip("\r\n")

    def acting_password(self) -> str:
        env = os.environ.get("HOTICH_PASSWORD")
        if env is not None:
            return env
        return self.prompt_secret(render("P-PASSWORD"), source="HOTICH_PASSWORD")

    def prompt_secret(self, prompt: str, *, source: str) -> str:
        """``source`` is how to give the secret without a terminal (a variable or a flag)."""
        if not _has_terminal():
            raise HotichError("E-NO-PASSWORD", source=source)
        return getpass.getpass(prompt)

    # -- the acting account -------------------------------------------------------------
    def session(self) -> Session:
        if self._session is None:
            from desktop_app.workflows.accounts import login

            if not self.user:
                raise HotichError("E-NO-USER")
            password = self.acting_password()
            shown = ProgressLine(self.stderr)  # the first login after an upgrade re-indexes
            try:
                self._session = login(self.paths, self.user, password, self.clock,
                                      progress=shown)
            finally:
                shown.end()
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    def transport(self) -> SyncTransport:
        if self.sync_transport is None:  # a build without the sync package
            from desktop_app.errors import NotEnrolledError

            raise NotEnrolledError()
        return self.sync_transport(self.session())

    # -- output -------------------------------------------------------------------------
    def emit(self, text: str, obj: Mapping[str, object]) -> None:
        """Human text, or with --json exactly one JSON object on stdout."""
        if self.as_json:
            self.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
        elif text:
            self.stdout.write(text + ("" if text.endswith("\n") else "\n"))
        self.stdout.flush()

    def note(self, text: str) -> None:
        """A side remark for people (stderr), never mixed into --json output."""
        self.stderr.write(text + "\n")
        self.stderr.flush()


def _has_terminal() -> bool:
    try:
        with open("/dev/tty"):  # noqa: PTH123 - POSIX terminal probe
            return True
    except OSError:
        return sys.stdin.isatty()
