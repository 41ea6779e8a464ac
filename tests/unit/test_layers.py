"""The dependency direction of DESIGN.md: ui -> desktop_app <- sync, signing; no Qt in the core.

The rules are import-linter contracts in pyproject.toml ([tool.importlinter]); CI runs
`lint-imports` before pytest, and these tests run it too so that a plain pytest run checks the
layering. Each contract is also shown to break on the import it forbids, on a copy of the tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("desktop_app", "ui", "sync", "signing")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

# One forbidden import per contract: (contract id, module to add, its source).
VIOLATIONS = [
    ("layers", "desktop_app/domain/_bad_layer.py", "from sync import errors\n"),
    ("layers", "desktop_app/workflows/_bad_ui.py", "from ui import labels\n"),
    ("core-layers", "desktop_app/domain/_bad_store.py", "from desktop_app.store import keyfile\n"),
    ("core-layers", "desktop_app/store/_bad_use.py", "from desktop_app.workflows import audit\n"),
    ("adapters-no-ui", "signing/_bad_ui.py", "def f():\n    from ui import labels\n"),
    ("ui-through-core", "ui/_bad_adapter.py", "from signing import verify\n"),
    ("no-qt-in-core", "sync/_bad_qt.py", "import PySide6.QtCore\n"),
    ("no-qt-in-core", "desktop_app/_bad_shiboken.py", "def f():\n    import shiboken6\n"),
    ("sqlcipher-in-store", "desktop_app/workflows/_bad_sql.py", "import sqlcipher3\n"),
    ("sqlite-in-store", "ui/_bad_sqlite.py", "import sqlite3\n"),
    ("sqlalchemy-in-server", "sync/_bad_sqlalchemy.py", "from sqlalchemy import select\n"),
    ("store-through-workflows", "ui/_bad_store.py", "from desktop_app.store import meta_repo\n"),
]


def _lint_imports(root: Path, *contracts: str) -> subprocess.CompletedProcess[str]:
    assert LINT_IMPORTS.exists(), "import-linter is a dev dependency: run installer/setup-dev.sh"
    args = [str(LINT_IMPORTS), "--no-cache", "--no-logo"]
    for contract in contracts:
        args += ["--contract", contract]
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(args, cwd=root, env=env, capture_output=True, text=True, check=False)


def test_import_contracts_hold() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 broken" in result.stdout


@pytest.fixture(scope="module")
def tree_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    shutil.copy(ROOT / "pyproject.toml", root)
    for package in PACKAGES:
        shutil.copytree(ROOT / package, root / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.qm", "*.ttf", "*.csv"))
    return root


@pytest.mark.parametrize(("contract", "module", "source"), VIOLATIONS,
                         ids=[f"{c}:{m}" for c, m, _ in VIOLATIONS])
def test_each_contract_breaks_on_what_it_forbids(tree_copy: Path, contract: str, module: str,
                                                 source: str) -> None:
    bad = tree_copy / module
    bad.write_text(source, encoding="utf-8")
    try:
        result = _lint_imports(tree_copy, contract)
    finally:
        bad.unlink()
    assert result.returncode == 1, result.stdout + result.stderr
    dotted = module.removesuffix(".py").replace("/", ".")
    assert f"{dotted} -> " in result.stdout


def test_ui_never_names_the_store() -> None:
    # Beyond the import graph: no dynamic import or string path of the store from the UI either.
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py")
                 if "desktop_app.store" in p.read_text(encoding="utf-8")]
    assert offenders == []
