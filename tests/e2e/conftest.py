"""End-to-end fixtures: the real `python -m desktop_app serve` over TLS on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.unit.sync.support import Pki, make_pki, wait_until


class CentralProcess:
    """`hotich serve` in a subprocess; start() again on the same port after a kill."""

    def __init__(self, db: Path, pki: Pki, log: Path) -> None:
        self.db, self.pki, self.log = db, pki, log
        self.port = 0
        self.proc: subprocess.Popen[str] | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def enroll(self, cli: Callable[..., CliResult], data_dir: Path,
               commune: str = "00070") -> None:
        """The device at ``data_dir`` enrolled here for ``commune`` (a code issued, then
        `hotich enroll` as admin over TLS)."""
        code = json.loads(cli("--json", "central", "issue-code", "--db", self.db, "--commune",
                              commune).out)["code"]
        enrolled = cli("--data-dir", data_dir, "--user", "admin", "enroll", "--server",
                       self.url, "--code", code, "--ca-file", self.pki.ca,
                       password=ADMIN_PASSWORD)
        assert enrolled.code == 0, enrolled.err

    def start(self) -> CentralProcess:
        with self.log.open("a") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "desktop_app", "--json", "serve", "--db", str(self.db),
                 "--host", "127.0.0.1", "--port", str(self.port), "--tls-cert",
                 str(self.pki.cert), "--tls-key", str(self.pki.key)],
                stdout=subprocess.PIPE, stderr=err, text=True, env={**os.environ})
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, f"server did not start: {self.log.read_text()[-2000:]}"
        self.port = int(json.loads(line)["port"])
        return self

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, whatever was in flight is cut."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.proc is not None and self.proc.stdout is not None:
            self.proc.stdout.close()


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def central(tmp_path: Path, pki: Pki) -> Iterator[CentralProcess]:
    process = CentralProcess(tmp_path / "central.db", pki, tmp_path / "server.log").start()
    yield process
    process.stop()


__all__ = ["CentralProcess", "wait_until"]
