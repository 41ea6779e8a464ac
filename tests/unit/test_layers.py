"""The dependency direction of DESIGN.md: ui -> desktop_app <- sync, signing; no Qt in the core."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", ["desktop_app", "sync", "signing"])
def test_core_imports_no_qt_and_no_ui(package: str) -> None:
    offenders = {}
    for path in (ROOT / package).rglob("*.py"):
        if path == ROOT / "desktop_app" / "app.py":
            continue  # the composition root wires the UI in
        bad = _imports(path) & {"PySide6", "ui", "shiboken6"}
        if package == "desktop_app":
            bad |= _imports(path) & {"sync", "signing"}
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_ui_talks_to_the_core_not_to_sql() -> None:
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py")
                 if {"sqlcipher3", "sqlite3"} & _imports(p)
                 or "desktop_app.store" in p.read_text(encoding="utf-8")]
    assert offenders == []
