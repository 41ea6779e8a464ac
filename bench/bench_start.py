"""Start cost of a process: the `hotich` command, the bulk import's worker, the first
pre-2025 address. Each figure is the median of --repeat new processes, the variants taken
in turn (the machine is shared: its speed drifts).

- `hotich --help`, wall clock: the console script as pip writes it for pyproject.toml's
  entry point, the same for the former one (desktop_app.app:entry), and
  `python -m desktop_app`.
- The bulk import worker's ready time: from its start to the first batch it prepared
  (bench/register.py's mix), with each script as the main module, which a spawned process
  runs again (as __mp_main__) before its work.
- A first pre-2025 address conversion in a new process, split into geopy and shapely (with
  numpy), which vietnamadminunits imports for an online geocoder we never call, and the
  rest (its tables).
- Real commands, wall clock, median and min: `hotich --help`, `user list` and `record list`
  on a store of --records entries made in a temporary folder (bench/register.py: its
  accounts use the bench's quick key derivation, so the start, not the password, is what
  is timed), and `central stats` on an empty central database. With --against TREE (another
  checkout, e.g. `git worktree add /tmp/before <commit>`; it must read this tree's schema)
  each command runs under both trees in turn: a paired before/after.

Every process runs this tree's code (PYTHONPATH), not what the venv's editable install
points at.

    python bench/bench_start.py [--repeat 7] [--entries 1000] [--records 200]
                                [--against TREE] [--commands-only]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FORMER = "desktop_app.app:entry"

# The top of the script pip writes for an entry point; the probe in place of the call.
_SCRIPT = '''import sys
from {module} import {function}
if __name__ == "__main__":
    if sys.argv[1] != "--worker":
        sys.exit({function}())
    sys.path.insert(0, {root!r})
    from bench.bench_start import worker_ready
    print(worker_ready(sys.argv[2]))
'''

_ADDRESS = '''import time
t0 = time.perf_counter()
import geopy.distance, shapely.geometry
t1 = time.perf_counter()
from desktop_app.domain.addresses import convert_legacy_address
convert_legacy_address("xã Tân Phú, huyện Châu Thành, tỉnh Đồng Tháp")
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
'''


def worker_ready(path: str) -> float:
    """Seconds from the worker's start to its first prepared batch (the writer waits)."""
    from desktop_app.workflows.bulk_import_prepare import Plan
    from desktop_app.workflows.bulk_import_rows import read_rows
    from desktop_app.workflows.bulk_import_worker import prepared_batches

    source = Path(path)
    content = source.read_bytes()
    plan = Plan(None, None, "bench", date(2026, 12, 1))
    started = time.perf_counter()
    batches = prepared_batches(lambda: read_rows(source, content, None), source, content,
                               None, plan, after_line=0, size=200, worker=True,
                               wait_for_worker=True)
    next(batches)
    took = time.perf_counter() - started
    batches.close()
    return took


def _scripts(folder: Path) -> dict[str, Path]:
    current = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    scripts = {}
    for name, target in (("entry point now", current["hotich"]), ("former", FORMER)):
        module, function = target.split(":")
        script = folder / f"hotich-{len(scripts)}"
        script.write_text(_SCRIPT.format(module=module, function=function, root=str(ROOT)))
        scripts[f"{name} ({target})"] = script
    return scripts


def _env(tree: Path = ROOT, **extra: str) -> dict[str, str]:
    """The tree's code first on the path, whatever the venv's editable install points at."""
    return {**os.environ, "PYTHONPATH": str(tree), "HOTICH_LANG": "vi", **extra}


def _wall(args: list[str], tree: Path = ROOT, **extra: str) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, cwd=tree, env=_env(tree, **extra))
    return time.perf_counter() - started


def _out(args: list[str]) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT,
                          env=_env()).stdout


def _command_store(folder: Path, records: int) -> Path:
    """A data folder of the register's first ``records`` entries, made here."""
    from bench import register

    root = folder / "commands-data"
    register.initialise(root)
    register.fill(root, register.Register().entries(), records)
    return root


def _commands(data: Path, central: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Each timed command: its arguments after the script, and its environment."""
    from bench import register

    as_user = {"HOTICH_PASSWORD": register.PASSWORD}
    return {
        "hotich --help": (["--help"], {}),
        "user list": (["--data-dir", str(data), "--user", register.ADMIN, "user", "list"],
                      as_user),
        "record list": (["--data-dir", str(data), "--user", register.OFFICER, "record",
                         "list"], as_user),
        "central stats": (["central", "stats", "--db", str(central)], {}),
    }


def _console_script(folder: Path, tree: Path, name: str) -> Path:
    """The script pip writes for the tree's `hotich` entry point."""
    target = tomllib.loads((tree / "pyproject.toml").read_text())["project"]["scripts"]
    module, function = target["hotich"].split(":")
    script = folder / f"hotich-{name.replace(' ', '-')}"
    script.write_text(f"import sys\nfrom {module} import {function}\n"
                      f"if __name__ == '__main__':\n    sys.exit({function}())\n")
    return script


def _time_commands(folder: Path, args: argparse.Namespace) -> dict[str, dict[str, list[float]]]:
    """Wall clock of each command per tree, the commands and the trees taken in turn."""
    data = _command_store(folder, args.records)
    central = folder / "central.db"
    trees = {"this tree": ROOT} | ({"against": args.against.resolve()} if args.against else {})
    scripts = {name: _console_script(folder, tree, name) for name, tree in trees.items()}
    commands = _commands(data, central)
    for argv, env in commands.values():  # once untimed: the first login, the central schema
        _wall([sys.executable, str(scripts["this tree"]), *argv], ROOT, **env)
    times: dict[str, dict[str, list[float]]] = {c: {t: [] for t in trees} for c in commands}
    for _ in range(args.repeat):
        for command, (argv, env) in commands.items():
            for name, tree in trees.items():
                times[command][name].append(
                    _wall([sys.executable, str(scripts[name]), *argv], tree, **env))
    return times


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} s (min {min(values):.3f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--records", type=int, default=200,
                        help="entries in the store the real commands run on")
    parser.add_argument("--against", type=Path, default=None,
                        help="another checkout: the commands run under both, paired")
    parser.add_argument("--commands-only", action="store_true",
                        help="only the real commands (no worker, no address)")
    args = parser.parse_args()
    print(f"{args.repeat} runs each; load average {Path('/proc/loadavg').read_text()[:14]}"
          if Path("/proc/loadavg").exists() else f"{args.repeat} runs each")
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.commands_only:
            figures |= _start_figures(Path(tmp) / "start", args)
        commands = _time_commands(Path(tmp), args)
    print(f"real commands, wall clock (a store of {args.records} entries):")
    for command, per_tree in commands.items():
        for tree, values in per_tree.items():
            label = command if len(per_tree) == 1 else f"{command} ({tree})"
            print(f"  {label:<48} {_median(values)}")
    figures["commands"] = {c: {t: {"median": statistics.median(v), "min": min(v)}
                               for t, v in per_tree.items()}
                           for c, per_tree in commands.items()}
    print(json.dumps(figures))
    return 0


def _start_figures(folder: Path, args: argparse.Namespace) -> dict[str, object]:
    """`hotich --help` under each entry point, the worker's ready time, the first address."""
    from bench.bench_import import write_files

    folder.mkdir()
    entries, _csv, _map, _births = write_files(folder, args.entries)
    scripts = _scripts(folder)
    helps: dict[str, list[float]] = {name: [] for name in scripts}
    helps["python -m desktop_app"] = []
    ready: dict[str, list[float]] = {name: [] for name in scripts}
    geo: list[float] = []
    rest: list[float] = []
    for _ in range(args.repeat):
        for name, script in scripts.items():
            helps[name].append(_wall([sys.executable, str(script), "--help"]))
            ready[name].append(float(_out([sys.executable, str(script), "--worker",
                                           str(entries)])))
        helps["python -m desktop_app"].append(
            _wall([sys.executable, "-m", "desktop_app", "--help"]))
        first, second = map(float, _out([sys.executable, "-c", _ADDRESS]).split())
        geo.append(first)
        rest.append(second)
    print("hotich --help, wall clock:")
    for name, values in helps.items():
        print(f"  {name:<48} {_median(values)}")
    print("import worker, start to first prepared batch:")
    for name, values in ready.items():
        print(f"  {name:<48} {_median(values)}")
    print("first pre-2025 address in a new process:")
    print(f"  geopy + shapely (numpy)                          {_median(geo)}")
    print(f"  the rest (the library's tables, the conversion)  {_median(rest)}")
    return {"help": {k: statistics.median(v) for k, v in helps.items()},
            "worker_ready": {k: statistics.median(v) for k, v in ready.items()},
            "address": {"geopy_shapely": statistics.median(geo),
                        "rest": statistics.median(rest)}}


if __name__ == "__main__":
    raise SystemExit(main())
