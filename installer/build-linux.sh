#!/usr/bin/env bash
# Builds the Linux release: the one-folder PyInstaller bundle and its tarball
#   dist/hotich/                                            the bundle (run dist/hotich/hotich)
#   dist/hotich-offline-<version>-linux-<arch>.tar.gz       bundle + install.sh + desktop entry
# Usage: installer/build-linux.sh [--out DIR] [--runtime-hook FILE]...
#   --out DIR            DIR holds build/ and dist/ (default: the repo)
#   --runtime-hook FILE  adds a PyInstaller runtime hook: for test builds only
#                        (tests/packaging/hooks/); a release bundle has none
# Needs the dev set-up (installer/setup-dev.sh: PyInstaller comes from the dev extra).
# The bundle runs on Linux x86-64 with glibc at least as new as this machine's (build on the
# oldest distribution you support); PyInstaller does not cross-compile.
set -euo pipefail
usage() { echo "usage: $0 [--out DIR] [--runtime-hook FILE]..." >&2; exit 2; }
OUT=""
SPEC_ARGS=()
while [ $# -gt 0 ]; do
  [ -n "${2:-}" ] || usage
  # Paths are resolved before the cd below: relative to the caller.
  case "$1" in
    --out) OUT=$(mkdir -p "$2" && cd "$2" && pwd) ;;
    --runtime-hook) [ -f "$2" ] || { echo "no such file: $2" >&2; exit 2; }
                    SPEC_ARGS+=(--runtime-hook "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")") ;;
    *) usage ;;
  esac
  shift 2
done
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${OUT:-$ROOT}
PY=$ROOT/.venv/bin/python
[ -x "$PY" ] || PY=$(command -v python3)
"$PY" -c 'import PyInstaller' 2>/dev/null \
  || { echo "PyInstaller is missing: run installer/setup-dev.sh" >&2; exit 1; }

VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(uname -m)
NAME=hotich-offline-$VERSION
TARBALL=$OUT/dist/$NAME-linux-$ARCH.tar.gz

installer/build-translations.sh

mkdir -p "$OUT/build" "$OUT/dist"
log=$OUT/build/pyinstaller.log
start=$(date +%s)
echo "Building the bundle ($NAME, log: $log)"
if ! "$PY" -m PyInstaller --noconfirm --log-level WARN --workpath "$OUT/build/pyinstaller" \
     --distpath "$OUT/dist" installer/hotich.spec -- "${SPEC_ARGS[@]}" >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "PyInstaller failed (full log: $log)" >&2
  exit 1
fi
# The bundle must start and report the version it was built as, before anything ships.
got=$("$OUT/dist/hotich/hotich" --version)
[ "$got" = "hotich $VERSION" ] || { echo "bundle reports '$got', expected $VERSION" >&2; exit 1; }

# The tarball: one top folder, the bundle, the installer, the desktop entry and icons.
stage=$OUT/build/stage
rm -rf "$stage"
mkdir -p "$stage/$NAME"
cp -al "$OUT/dist/hotich" "$stage/$NAME/hotich"  # hard links: no 300 MB copy
cp installer/linux/install.sh "$stage/$NAME/install.sh"
cp installer/linux/hotich-offline.desktop "$stage/$NAME/hotich-offline.desktop"
cp installer/icons/hotich.png "$stage/$NAME/hotich-offline.png"
cp installer/icons/hotich.svg "$stage/$NAME/hotich-offline.svg"
echo "$VERSION" > "$stage/$NAME/VERSION"
chmod 755 "$stage/$NAME/install.sh"
rm -f "$TARBALL"
# Owner-neutral, so unpacking as root or as anyone gives the same files.
gz=(gzip -6)
if command -v pigz >/dev/null; then gz=(pigz -6); fi  # every core, when installed
tar --owner=0 --group=0 --numeric-owner -C "$stage" -cf - "$NAME" | "${gz[@]}" > "$TARBALL.part"
mv "$TARBALL.part" "$TARBALL"
rm -rf "$stage"

echo "bundle:  $OUT/dist/hotich ($(du -sm "$OUT/dist/hotich" | cut -f1) MB)"
echo "tarball: $TARBALL ($(du -sm "$TARBALL" | cut -f1) MB)"
echo "built in $(( $(date +%s) - start )) s"
