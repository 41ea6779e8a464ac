#!/usr/bin/env bash
# Sets up a checkout on Debian (12+) with Python 3.11+: system packages that are missing,
# then a virtual environment in .venv with the project and its test tools.
# Safe to run again: it installs only what is missing or changed. It says what it is doing
# (a first set-up downloads a few hundred MB and takes minutes): each step, then apt's and pip's
# own progress lines.
set -euo pipefail
cd "$(dirname "$0")/.."
STEPS=4
step() { printf '==> [%s/%s] %s\n' "$1" "$STEPS" "$2"; }

# Qt's xcb/offscreen runtime, poppler (pdfsig/pdftotext verify our PDFs), NSS tools
# (certutil: pdfsig's trust store), Xvfb (screenshots), venv support, iproute2 + nftables
# (ip/tc/nft: the simulated rural link of tests/netsim.py, as root), tesseract with its
# Vietnamese model (the second OCR engine of book pages, desktop_app/ocr).
DEBS=(python3-venv python3-pip poppler-utils libnss3-tools libnss3 xvfb xauth
      libgl1 libegl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
      libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1 libglib2.0-0
      iproute2 nftables tesseract-ocr tesseract-ocr-vie)

step 1 "Debian packages"
missing=()
for pkg in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "    installing ${#missing[@]}: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "    apt-get update (the package lists)…"
  $SUDO apt-get update -q | sed -u 's/^/    /'
  # -q: apt's line per download and per package set up, without the terminal progress bar
  # (which a log or a pipe would show as noise).
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
    "${missing[@]}" | sed -u 's/^/    /'
else
  echo "    all present"
fi

PY=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c \
      'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    PY="$candidate"; break
  fi
done
[ -n "$PY" ] || { echo "Python 3.11 or newer is needed" >&2; exit 1; }

step 2 "Python virtual environment (.venv, $("$PY" --version))"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
  echo "    created"
else
  echo "    present"
fi
# Reinstall only when the project's metadata changed since the last set-up.
stamp=.venv/.hotich-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
step 3 "Python packages (pip; the first time a few hundred MB, PySide6 the largest)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  log=.venv/pip-install.log
  rm -f "$log"
  # pip's own lines (Collecting, Downloading with a progress bar on a terminal, Installing)
  # go to the screen; the verbose log stays in $log for a failure.
  pip_progress=(--progress-bar on)
  [ -t 1 ] || pip_progress=(--progress-bar off)
  if ! { .venv/bin/python -m pip install --log "$log" "${pip_progress[@]}" --upgrade pip \
         && .venv/bin/python -m pip install --log "$log" "${pip_progress[@]}" -e ".[dev]"; }
  then
    echo "pip install failed (full log: $log)" >&2
    exit 1
  fi
  echo "$want" > "$stamp"
else
  echo "    up to date"
fi
step 4 "translations (ui/i18n/*.ts -> .qm)"
# Translations are compiled from the .ts sources by the project itself.
if [ -x installer/build-translations.sh ]; then
  installer/build-translations.sh
fi
echo "    done"
