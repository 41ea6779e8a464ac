#!/usr/bin/env bash
# Renders a screenshot of every screen with demo data into docs/screenshots/ (under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
installer/build-translations.sh
# throw-away demo accounts: the test suite's cheaper key derivation (tests/support)
export PYTHONPATH="$PWD/tests/support${PYTHONPATH:+:$PYTHONPATH}"
exec xvfb-run -a -s "-screen 0 1366x900x24" env QT_QPA_PLATFORM=xcb \
  .venv/bin/python -m ui.tools.screenshots "${1:-docs/screenshots}"
