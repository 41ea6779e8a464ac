#!/usr/bin/env bash
# Renders a screenshot of every screen with demo data into docs/screenshots/ (under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
installer/build-translations.sh
export HOTICH_KDF_LOG2_N=14  # throw-away demo accounts: a cheaper key derivation
exec xvfb-run -a -s "-screen 0 1366x900x24" env QT_QPA_PLATFORM=xcb \
  .venv/bin/python -m ui.tools.screenshots "${1:-docs/screenshots}"
