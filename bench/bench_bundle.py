"""Packaging benchmarks (figures, not timed tests): the Linux release built by
installer/build-linux.sh.

1. Build time: translations, PyInstaller, the tarball (one build, into a temporary folder).
2. Bundle size (dist/hotich, MB) and tarball size (.tar.gz, MB).
3. Bundled start to login window, offscreen, median of 3: wall time from starting the
   process to the login window shown (the HOTICH_GUI_SMOKE hook, built into this benchmark's
   bundle only, reports it and closes it), plus `hotich --version` as the command line's
   start-up cost.

Run: .venv/bin/python bench/bench_bundle.py [--dist DIR]   (DIR: an existing build's dist/,
     to skip the build)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()
               ) / 1e6


def bundled_env(home: Path) -> dict[str, str]:
    # As a user runs it: no Python on PATH, no PYTHONPATH.
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8"}


def start_to_login(exe: Path, data: Path, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(exe), "--data-dir", str(data), "gui"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, cwd=data.parent,
                            env={**env, "HOTICH_GUI_SMOKE": "1"})
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("gui-smoke: shown=LoginDialog"):
            elapsed = time.perf_counter() - t0
            break
    else:
        raise RuntimeError(f"the login window was not shown (exit {proc.wait()})")
    proc.wait(timeout=60)
    return elapsed


def median_ms(times: list[float]) -> str:
    return (f"median {statistics.median(times) * 1000:.0f} ms "
            f"(runs: {', '.join(f'{t * 1000:.0f}' for t in times)} ms)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, help="an existing build's dist/ folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-bundle-"))
    dist = args.dist
    if dist is None:
        t0 = time.perf_counter()
        hook = ROOT / "tests" / "packaging" / "hooks" / "gui_smoke.py"
        subprocess.run(["bash", str(ROOT / "installer" / "build-linux.sh"), "--out", str(work),
                        "--runtime-hook", str(hook)], check=True, stdout=subprocess.DEVNULL)
        print(f"build (translations + PyInstaller + tarball): {time.perf_counter() - t0:.0f} s")
        dist = work / "dist"
    exe = dist / "hotich" / "hotich"
    print(f"bundle: {folder_mb(dist / 'hotich'):.0f} MB ({dist / 'hotich'})")
    for tarball in sorted(dist.glob("hotich-offline-*.tar.gz")):
        print(f"tarball: {tarball.stat().st_size / 1e6:.0f} MB ({tarball.name})")

    home = work / "home"
    home.mkdir(exist_ok=True)
    env = bundled_env(home)
    data = home / "data"
    subprocess.run([str(exe), "--data-dir", str(data), "init", "--commune", "00070", "--admin",
                    "admin", "--password-stdin"], input="bench-pw-1\n", text=True, env=env,
                   check=True, stdout=subprocess.DEVNULL)
    versions = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([str(exe), "--version"], env=env, check=True, stdout=subprocess.DEVNULL)
        versions.append(time.perf_counter() - t0)
    print(f"bundled `hotich --version`: {median_ms(versions)}")
    logins = [start_to_login(exe, data, env) for _ in range(3)]
    print(f"bundled start to login window (offscreen): {median_ms(logins)}")
    shutil.rmtree(work, ignore_errors=True)  # ~700 MB: build, bundle, tarball
    return 0


if __name__ == "__main__":
    os.chdir(tempfile.gettempdir())  # outside the repository, like an installed program
    sys.exit(main())
