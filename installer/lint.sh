#!/usr/bin/env bash
# The static checks that installer/run-tests.sh runs before pytest, each failing the run:
#   ruff          the [tool.ruff] rules over the whole tree
#   lint-imports  the layering contracts of [tool.importlinter]
#   mypy          desktop_app, sync and signing, strict but for the allow-list in [tool.mypy]
# Run it alone before landing (seconds; mypy keeps its cache in .mypy_cache):
#   bash installer/lint.sh                             # with this checkout's .venv
#   VENV=/work/main/.venv bash installer/lint.sh       # a worktree, with another venv
set -uo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"  # this checkout, not an editable install's

failed=0
out=""
step() {  # step NAME COMMAND...: one line when it passes, its whole output when it fails
  local name=$1 start end
  shift
  start=$(date +%s%N)
  out=$("$@" 2>&1)
  local rc=$?
  end=$(date +%s%N)
  local secs
  secs=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
  if [ $rc -eq 0 ]; then
    echo "$name: ok (${secs} s)"
  else
    printf '%s\n' "$out"
    echo "$name: FAILED (exit $rc, ${secs} s)"
    failed=1
  fi
}

step ruff "$BIN/ruff" check --quiet desktop_app ui sync signing tests bench installer typings
step lint-imports "$BIN/lint-imports" --no-cache --no-logo
# An allow-list line whose import is gone: say so, so that it gets deleted.
printf '%s\n' "$out" | sed -n 's/^- No matches for ignored import \(.*\)\.$/  lint-imports: an ignore_imports line matches nothing (delete it): \1/p'
step mypy "$BIN/mypy"
exit $failed
