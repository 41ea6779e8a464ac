#!/usr/bin/env bash
# Compiles the UI translations ui/i18n/hotich_*.ts to .qm with PySide6's lrelease.
# Idempotent and fast: a .qm newer than its .ts is left alone.
# To collect new source strings after changing ui/, run: installer/build-translations.sh --update
# (pyside6-lupdate; then translate the new entries in ui/i18n/hotich_vi.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
if [ ! -x "$BIN/pyside6-lrelease" ]; then  # a worktree without its own venv: the one on PATH
  found="$(command -v pyside6-lrelease || true)"
  [ -n "$found" ] || { echo "pyside6-lrelease not found: run installer/setup-dev.sh or put the venv's bin on PATH" >&2; exit 1; }
  BIN="$(dirname "$found")"
fi

if [ "${1:-}" = "--update" ]; then
  mapfile -t sources < <(find ui -name '*.py' -not -path '*/__pycache__/*' | sort)
  "$BIN/pyside6-lupdate" -locations none -no-obsolete "${sources[@]}" \
    -ts ui/i18n/hotich_vi.ts -target-language vi_VN
fi

for ts in ui/i18n/hotich_*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "$qm"
  fi
done
