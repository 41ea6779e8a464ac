"""Commune lookup and completion benchmark (prints figures; not a test).

What the form's completion costs per keystroke: 1,000 lookups of a name by code and 1,000
completions of "ea" (the figure tests/unit/domain used to assert under a time limit).

Run: .venv/bin/python bench/bench_communes.py [--rounds N]
"""

from __future__ import annotations

import argparse
import time

from desktop_app.domain import commune_name, search_communes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1000)
    rounds = parser.parse_args().rounds
    start = time.perf_counter()
    search_communes("a", limit=1)  # the list is loaded once, on first use
    print(f"first use (loads the commune list): {time.perf_counter() - start:.3f} s")
    for label, work in (("commune_name('26740')", lambda: commune_name("26740")),
                        ("search_communes('ea')", lambda: search_communes("ea")),
                        ("search_communes('phuong sai')", lambda: search_communes("phuong sai"))):
        start = time.perf_counter()
        for _ in range(rounds):
            work()
        elapsed = time.perf_counter() - start
        print(f"{label}: {rounds} calls in {elapsed:.3f} s ({elapsed / rounds * 1e6:.0f} µs each)")


if __name__ == "__main__":
    main()
