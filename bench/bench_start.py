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

    python bench/bench_start.py [--repeat 7] [--entries 1000]
"""

from __future__ import annotations

import argparse
import json
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


def _wall(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def _out(args: list[str]) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT).stdout


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} s (min {min(values):.3f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--entries", type=int, default=1000)
    args = parser.parse_args()
    from bench.bench_import import write_files

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
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
    print(f"{args.repeat} runs each; load average {Path('/proc/loadavg').read_text()[:14]}"
          if Path("/proc/loadavg").exists() else f"{args.repeat} runs each")
    print("hotich --help, wall clock:")
    for name, values in helps.items():
        print(f"  {name:<48} {_median(values)}")
    print("import worker, start to first prepared batch:")
    for name, values in ready.items():
        print(f"  {name:<48} {_median(values)}")
    print("first pre-2025 address in a new process:")
    print(f"  geopy + shapely (numpy)                          {_median(geo)}")
    print(f"  the rest (the library's tables, the conversion)  {_median(rest)}")
    print(json.dumps({"help": {k: statistics.median(v) for k, v in helps.items()},
                      "worker_ready": {k: statistics.median(v) for k, v in ready.items()},
                      "address": {"geopy_shapely": statistics.median(geo),
                                  "rest": statistics.median(rest)}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
