#!/usr/bin/env bash
# Sets everything up, creates the demo data folder (first run only: its passwords are shown
# and kept in demo-data/demo-passwords.txt, readable by you only) and starts the desktop
# application on it.
set -euo pipefail
cd "$(dirname "$0")/.."
installer/setup-dev.sh
export HOTICH_DATA_DIR="${HOTICH_DATA_DIR:-$PWD/demo-data}"
echo "==> demo data ($HOTICH_DATA_DIR)"
.venv/bin/hotich demo
echo "==> starting the desktop application (F1 in the window opens the user guide)"
exec .venv/bin/hotich gui
