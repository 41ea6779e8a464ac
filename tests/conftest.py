"""Shared test set-up: offscreen Qt, a cheaper KDF for new key slots, CLI runners."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline: Hypothesis' default 200 ms is a timed assertion, and timed
# assertions flake on a loaded CI machine (figures belong in bench/).
settings.register_profile("hotich", deadline=None)
settings.load_profile("hotich")

# Qt aborts without a display; tests never need one.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HOTICH_LANG", "vi")
# Key slots made by tests use a cheaper scrypt cost (tests/support/sitecustomize.py): in this
# process through the fixture below, in the Python processes the suite starts through
# sitecustomize on their PYTHONPATH.
SUPPORT = Path(__file__).resolve().parent / "support"
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(SUPPORT), *[p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]])

ADMIN_PASSWORD = "quan-tri-mat-khau-1"


@pytest.fixture(autouse=True, scope="session")
def user_log_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The platform user log folder (where the CLI logs before it knows its data folder) of
    this run and of the processes it starts, never the real one of whoever runs the suite."""
    state = tmp_path_factory.mktemp("xdg-state")
    old = os.environ.get("XDG_STATE_HOME")
    os.environ["XDG_STATE_HOME"] = str(state)
    yield state / "HoTichOffline" / "log"
    if old is None:
        os.environ.pop("XDG_STATE_HOME", None)
    else:
        os.environ["XDG_STATE_HOME"] = old


@pytest.fixture(autouse=True, scope="session")
def cheap_kdf() -> Iterator[None]:
    """New key slots in this process use the test suite's scrypt cost."""
    from desktop_app.store import keyfile
    from tests.support.sitecustomize import TEST_KDF_LOG2_N

    keyfile.set_kdf_log2_n(TEST_KDF_LOG2_N)
    yield
    keyfile.set_kdf_log2_n(keyfile.DEFAULT_SCRYPT_LOG2_N)


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> Callable[..., CliResult]:
    """Run `hotich ARGS` in-process with optional stdin and HOTICH_PASSWORD."""
    from desktop_app.app import main

    def run(*args: str, stdin: str = "", password: str | None = None) -> CliResult:
        capsys.readouterr()
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        if password is None:
            monkeypatch.delenv("HOTICH_PASSWORD", raising=False)
        else:
            monkeypatch.setenv("HOTICH_PASSWORD", password)
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse usage errors and --version
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def run_hotich(*args: str, stdin: str = "", env: dict[str, str] | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m desktop_app ARGS` in a real subprocess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], input=stdin,
                          capture_output=True, text=True, env=full_env, timeout=timeout,
                          check=False)


@pytest.fixture
def data_dir(tmp_path: Path, cli: Callable[..., CliResult]) -> Path:
    """An initialised data folder whose admin is `admin` with ADMIN_PASSWORD."""
    root = tmp_path / "data"
    result = cli("--data-dir", root, "init", "--commune", "00070", "--admin", "admin",
                 "--password-stdin", stdin=ADMIN_PASSWORD + "\n")
    assert result.code == 0, result.err
    return root
