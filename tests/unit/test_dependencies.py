"""Every third-party package the code imports is declared in pyproject.toml.

The program's packages need a runtime dependency; tests, benchmarks and installer scripts may
also use the dev extra. A package that only arrives as another one's dependency can disappear
with that one's next release, so importing it means declaring it.
"""

from __future__ import annotations

import ast
import importlib.metadata
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
FIRST_PARTY = {"desktop_app", "ui", "sync", "signing", "tests", "bench", "installer"}
PROGRAM = ("desktop_app", "ui", "sync", "signing")
TOOLS = ("tests", "bench", "installer")


def _declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {canonicalize_name(Requirement(r).name) for r in project["dependencies"]}
    dev = {canonicalize_name(Requirement(r).name)
           for r in project["optional-dependencies"]["dev"]}
    return runtime, dev


def _third_party_imports(folders: tuple[str, ...]) -> dict[str, set[str]]:
    """Top-level module name -> the files importing it, for modules outside the stdlib."""
    local = {p.stem for folder in folders for p in (ROOT / folder).rglob("*.py")}
    found: dict[str, set[str]] = {}
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    # Test helper modules (conftest, *_support) are imported by bare name.
                    if top in sys.stdlib_module_names or top in FIRST_PARTY or top in local:
                        continue
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def _undeclared(folders: tuple[str, ...], allowed: set[str]) -> dict[str, list[str]]:
    distributions = importlib.metadata.packages_distributions()
    missing: dict[str, list[str]] = {}
    for module, files in sorted(_third_party_imports(folders).items()):
        # Not installed here (a set-up older than pyproject): the module's own name, then.
        names = {canonicalize_name(d) for d in distributions.get(module, [module])}
        if not names & allowed:
            missing[f"{module} from {', '.join(sorted(names))}"] = sorted(files)[:3]
    return missing


def test_the_program_declares_what_it_imports() -> None:
    runtime, _dev = _declared()
    assert _undeclared(PROGRAM, runtime) == {}


def test_tests_and_tools_declare_what_they_import() -> None:
    runtime, dev = _declared()
    assert _undeclared(TOOLS, runtime | dev) == {}
