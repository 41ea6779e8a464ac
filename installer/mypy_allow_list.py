"""Which entries of mypy's allow-list (pyproject [tool.mypy] overrides) can be deleted now.

Runs mypy once without the allow-list's disable_error_code entries and prints, per entry, the
codes still raised (keep) and those no longer raised (delete). Not part of CI; run it after a
module's rewrite lands:  .venv/bin/python installer/mypy_allow_list.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import tomllib
from fnmatch import fnmatchcase
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^(?P<path>[^:]+\.py):\d+: error: .*\[(?P<code>[a-z-]+)\]$")


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"unexpected mypy option value: {value!r}")


def _module(path: str) -> str:
    dotted = path.removesuffix(".py").replace("/", ".")
    return dotted.removesuffix(".__init__")


def _matches(module: str, pattern: str) -> bool:
    if pattern.endswith(".*"):
        return module == pattern[:-2] or fnmatchcase(module, pattern)
    return module == pattern


def main() -> int:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    overrides = config.pop("overrides", [])
    allow = [o for o in overrides if "disable_error_code" in o]
    config.pop("cache_dir", None)  # a cache of its own, below: the options differ
    lines = ["[tool.mypy]"] + [f"{k} = {_toml_value(v)}" for k, v in config.items()]
    for override in overrides:
        if override in allow:
            continue
        lines.append("[[tool.mypy.overrides]]")
        lines += [f"{k} = {_toml_value(v)}" for k, v in override.items()]
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "mypy.toml"
        cfg.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "mypy", "--config-file", str(cfg),
             "--cache-dir", str(ROOT / ".mypy_cache" / "allow-list")],
            cwd=ROOT, capture_output=True, text=True, check=False)
    raised: dict[str, set[str]] = {}
    for line in result.stdout.splitlines():
        if m := LINE.match(line):
            raised.setdefault(_module(m["path"]), set()).add(m["code"])
    if result.returncode not in (0, 1) or not result.stdout:
        print(result.stdout + result.stderr, file=sys.stderr)
        return 2
    if not allow:
        print("the allow-list is empty: every module passes strict")
    for override in allow:
        patterns = override["module"]
        patterns = [patterns] if isinstance(patterns, str) else patterns
        codes = set(override["disable_error_code"])
        still = set().union(*(c for m, c in raised.items()
                              if any(_matches(m, p) for p in patterns)))
        keep, delete = sorted(codes & still), sorted(codes - still)
        if keep and "unused-ignore" in delete:
            # Disabling a code makes its `# type: ignore[code]` comments unused in turn.
            delete.remove("unused-ignore")
            keep.append("unused-ignore")
        verdict = "delete the whole entry" if not keep else f"keep {', '.join(keep)}"
        if delete and keep:
            verdict += f"; delete {', '.join(delete)}"
        print(f"{', '.join(patterns)}: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
