#!/usr/bin/env bash
# Sets everything up, runs the static checks (installer/lint.sh: ruff, the import-linter
# layering contracts, mypy), then the test suite; any failure fails the run.
# Arguments go to pytest: bash installer/run-tests.sh -x -q tests/unit/test_layers.py
set -euo pipefail
cd "$(dirname "$0")/.."
installer/setup-dev.sh
bash installer/lint.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q "$@"
