#!/usr/bin/env bash
# Sets everything up, creates the demo data folder (first run only: its passwords are shown
# once) and starts the desktop application on it.
set -euo pipefail
cd "$(dirname "$0")/.."
installer/setup-dev.sh
export HOTICH_DATA_DIR="${HOTICH_DATA_DIR:-$PWD/demo-data}"
.venv/bin/hotich demo
exec .venv/bin/hotich gui
