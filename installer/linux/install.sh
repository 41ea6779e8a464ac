#!/usr/bin/env bash
# Hộ Tịch Offline: per-user install, update and rollback on Linux (no root needed).
#   ./install.sh              install the version in this folder and make it the current one
#   ./install.sh --rollback   make the previous version current again (run it again to undo)
#   ./install.sh --status     show the installed versions
# Layout: ~/.local/opt/hotich-offline/<version>/ (each version complete), `current` and
# `previous` symlinks, ~/.local/bin/hotich -> current, the menu entry in
# ~/.local/share/applications. Only the current and the previous versions are kept.
# The data folder (HOTICH_DATA_DIR, else ~/.local/share/HoTichOffline) is never touched: a
# newer version upgrades it on first start after saving a copy in its backups/ folder.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${HOTICH_INSTALL_ROOT:-$HOME/.local/opt/hotich-offline}
SHARE=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=$HOME/.local/bin
DATA=${HOTICH_DATA_DIR:-$SHARE/HoTichOffline}

say() { printf '%s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }
link_of() { [ -L "$PREFIX/$1" ] && basename "$(readlink "$PREFIX/$1")" || true; }
# Replace a symlink atomically (rename over it), so `current` is never missing.
point() { ln -sfn "$2" "$PREFIX/.$1.new" && mv -T "$PREFIX/.$1.new" "$PREFIX/$1"; }

write_entry() {
  local exe=$PREFIX/current/hotich/hotich icons=$SHARE/icons/hicolor
  mkdir -p "$BIN" "$SHARE/applications" "$icons/256x256/apps" "$icons/scalable/apps"
  if [ -e "$BIN/hotich" ] && [ ! -L "$BIN/hotich" ]; then
    say "Chú ý / note: $BIN/hotich is not ours; left as it is."
  else
    ln -sfn "$exe" "$BIN/hotich"
  fi
  cp "$PREFIX/current/hotich-offline.png" "$icons/256x256/apps/hotich-offline.png"
  cp "$PREFIX/current/hotich-offline.svg" "$icons/scalable/apps/hotich-offline.svg"
  # Exec points at `current`: updates and rollbacks need no new menu entry.
  sed -e "s|^Exec=.*|Exec=\"$exe\" gui|" -e "/^#/d" \
    "$PREFIX/current/hotich-offline.desktop" > "$SHARE/applications/.hotich-offline.desktop.new"
  chmod 644 "$SHARE/applications/.hotich-offline.desktop.new"
  mv -f "$SHARE/applications/.hotich-offline.desktop.new" \
    "$SHARE/applications/hotich-offline.desktop"
  # The menu cache, when the tool exists; the entry works without it.
  update-desktop-database -q "$SHARE/applications" >/dev/null 2>&1 || true
  case ":$PATH:" in *":$BIN:"*) ;; *) say "Chú ý / note: add $BIN to PATH to type 'hotich'." ;; esac
}

install_here() {
  local version old staged
  version=$(cat "$HERE/VERSION" 2>/dev/null) || die "no VERSION file next to install.sh"
  [ -x "$HERE/hotich/hotich" ] || die "no hotich/ bundle next to install.sh"
  "$HERE/hotich/hotich" --version >/dev/null 2>&1 \
    || die "the bundle does not start on this machine (run $HERE/hotich/hotich --version)"
  mkdir -p "$PREFIX"
  old=$(link_of current)
  # Copy into a temporary folder, then rename: an interrupted install leaves no half version.
  staged=$PREFIX/.$version.new
  rm -rf "$staged"
  mkdir -p "$staged"
  cp -a "$HERE/hotich" "$HERE/VERSION" "$HERE/install.sh" "$HERE/hotich-offline.desktop" \
    "$HERE/hotich-offline.png" "$HERE/hotich-offline.svg" "$staged/"
  if [ -e "$PREFIX/$version" ]; then  # the same version again: replace it
    rm -rf "$PREFIX/.$version.old"
    mv "$PREFIX/$version" "$PREFIX/.$version.old"
  fi
  mv "$staged" "$PREFIX/$version"
  rm -rf "$PREFIX/.$version.old"
  if [ -n "$old" ] && [ "$old" != "$version" ] && [ -d "$PREFIX/$old" ]; then
    point previous "$old"
  fi
  point current "$version"
  write_entry
  # Keep only the current and the previous versions (each is ~300 MB).
  local keep_prev dir
  keep_prev=$(link_of previous)
  for dir in "$PREFIX"/*/; do
    dir=$(basename "$dir")
    [ -L "$PREFIX/$dir" ] && continue  # current, previous
    if [ "$dir" != "$version" ] && [ "$dir" != "$keep_prev" ] && [ -x "$PREFIX/$dir/hotich/hotich" ]; then
      rm -rf "${PREFIX:?}/$dir"
      say "Đã xóa phiên bản cũ / removed old version $dir"
    fi
  done
  say "Đã cài / installed Hộ Tịch Offline $version: $PREFIX/$version"
  if [ -n "$keep_prev" ]; then
    say "Phiên bản trước / previous version: $keep_prev ($PREFIX/current/install.sh --rollback)"
  fi
  say "Dữ liệu không thay đổi / data folder untouched: $DATA"
}

rollback() {
  local cur prev
  cur=$(link_of current)
  prev=$(link_of previous)
  [ -n "$prev" ] && [ -x "$PREFIX/$prev/hotich/hotich" ] \
    || die "không có phiên bản trước / no previous version to roll back to"
  point current "$prev"
  if [ -n "$cur" ]; then point previous "$cur"; fi
  write_entry
  say "Đã quay lại / rolled back to $prev (from ${cur:-?}); --rollback again returns to ${cur:-?}"
  say "Lưu ý / note: if ${cur:-the newer version} upgraded the data, $prev refuses to open it; the pre-upgrade copy is the folder $DATA/backups/pre-upgrade-$prev-to-${cur:-*}-*/"
}

status() {
  say "current:  $(link_of current)"
  say "previous: $(link_of previous)"
  say "installed in $PREFIX; data in $DATA"
}

case "${1:-}" in
  "") install_here ;;
  --rollback) rollback ;;
  --status) status ;;
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown option ${1} (try --help)" ;;
esac
