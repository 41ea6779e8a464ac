#!/usr/bin/env bash
# One book's journey through the real window (tests/ui/test_whole_book.py) under Xvfb, a
# screenshot saved at each step into the folder given (default /tmp/book-journey), to look at.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-/tmp/book-journey}"
rm -rf "$out" && mkdir -p "$out"
VENV="${VENV:-.venv}"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
HOTICH_JOURNEY_SHOTS="$out" xvfb-run -a -s "-screen 0 1366x900x24" env QT_QPA_PLATFORM=xcb \
  "$VENV/bin/python" -m pytest -q -p no:cacheprovider tests/ui/test_whole_book.py
ls "$out"
