"""Test-only switches live in tests/, not in the shipped program (issue 11 item 5): the
password KDF's cost is the program's, not its environment's, and release bundles have no
runtime hook that logs in from environment variables."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop_app.store import keyfile
from tests.conftest import ADMIN_PASSWORD, SUPPORT, run_hotich
from tests.support.sitecustomize import TEST_KDF_LOG2_N


def _slot_costs(data_dir: Path) -> set[int]:
    keys = json.loads((data_dir / "keys.json").read_text())
    slots = [*keys["slots"].values(), keys["recovery"]]
    return {int(slot["kdf"]["log2_n"]) for slot in slots}


def _init(data_dir: Path, env: dict[str, str]) -> None:
    result = run_hotich("--data-dir", str(data_dir), "init", "--commune", "00070", "--admin",
                        "admin", "--password-stdin", stdin=ADMIN_PASSWORD + "\n", env=env)
    assert result.returncode == 0, result.stderr


def test_shipped_program_ignores_kdf_environment_variable(tmp_path: Path) -> None:
    # The program as shipped: no test support on its path, only the environment variable
    # that older versions obeyed.
    path = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep)
            if p and Path(p).resolve() != SUPPORT]
    _init(tmp_path / "data", {"PYTHONPATH": os.pathsep.join(path), "HOTICH_KDF_LOG2_N": "14"})
    assert _slot_costs(tmp_path / "data") == {keyfile.DEFAULT_SCRYPT_LOG2_N}


def test_suite_subprocesses_get_the_test_cost(tmp_path: Path) -> None:
    _init(tmp_path / "data", {})
    assert _slot_costs(tmp_path / "data") == {TEST_KDF_LOG2_N}


def test_suite_process_gets_the_test_cost(data_dir: Path) -> None:
    assert keyfile.kdf_log2_n() == TEST_KDF_LOG2_N
    assert _slot_costs(data_dir) == {TEST_KDF_LOG2_N}


@pytest.mark.parametrize("log2_n", [keyfile.MIN_SCRYPT_LOG2_N - 1, keyfile.MAX_SCRYPT_LOG2_N + 1])
def test_cost_stays_within_bounds(log2_n: int) -> None:
    with pytest.raises(ValueError):
        keyfile.set_kdf_log2_n(log2_n)
    assert keyfile.kdf_log2_n() == TEST_KDF_LOG2_N


ROOT = Path(__file__).resolve().parents[3]


def _shipped_sources() -> list[Path]:
    """What goes into a release: the packages, and the build inputs under installer/."""
    sources = [p for package in ("desktop_app", "sync", "signing", "ui")
               for p in (ROOT / package).rglob("*.py")]
    return sources + [p for p in (ROOT / "installer").rglob("*") if p.is_file()
                      and p.suffix in {".py", ".spec", ".sh", ".ps1", ".iss"}]


def test_shipped_program_reads_no_test_switch() -> None:
    for source in _shipped_sources():
        text = source.read_text(encoding="utf-8")
        for switch in ("HOTICH_KDF", "HOTICH_GUI_SMOKE"):
            assert switch not in text, f"{source.relative_to(ROOT)} reads {switch}"


def test_release_spec_adds_runtime_hooks_only_when_asked() -> None:
    spec = (ROOT / "installer" / "hotich.spec").read_text(encoding="utf-8")
    assert "runtime_hooks=[str(hook.resolve()) for hook in OPTIONS.runtime_hook]" in spec
    assert not (ROOT / "installer" / "rthooks").exists()
    assert (ROOT / "tests" / "packaging" / "hooks" / "gui_smoke.py").is_file()
