"""Test-only start-up of Python subprocesses: key slots use a cheaper scrypt cost.

tests/conftest.py puts this folder on PYTHONPATH for the processes the suite starts
(`hotich`, servers); Python imports ``sitecustomize`` at start-up. The shipped program has
no such switch: nothing in its environment can lower the cost of the password KDF.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from types import ModuleType

# scrypt N=2^14 (16 MiB) instead of 2^17: same code path, ~8x faster.
# bench/bench_store.py measures the production cost.
TEST_KDF_LOG2_N = 14
_KEYFILE = "desktop_app.store.keyfile"


def lower_kdf_cost(module: ModuleType) -> None:
    module.set_kdf_log2_n(TEST_KDF_LOG2_N)


class _LowerOnImport(importlib.abc.MetaPathFinder):
    """Sets the cost as soon as the key-file module is imported (not before: importing the
    program in every subprocess would change what the start-up tests see)."""

    def find_spec(self, name, path, target=None):  # noqa: ANN001, ANN201 - importlib protocol
        if name != _KEYFILE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            original(module)
            lower_kdf_cost(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if __name__ == "sitecustomize":  # at start-up, not when the suite imports the constant
    if _KEYFILE in sys.modules:
        lower_kdf_cost(sys.modules[_KEYFILE])
    else:
        sys.meta_path.insert(0, _LowerOnImport())
