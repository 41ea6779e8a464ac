"""The password KDF's cost is the program's, not its environment's (issue 11 item 5)."""

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


def test_production_code_reads_no_kdf_switch() -> None:
    root = Path(__file__).resolve().parents[3]
    for package in ("desktop_app", "sync", "signing", "ui"):
        for source in (root / package).rglob("*.py"):
            assert "HOTICH_KDF" not in source.read_text(encoding="utf-8"), source
