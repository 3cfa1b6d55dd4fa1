#!/usr/bin/env bash
# Phase 2: install Homebrew + packages, link dotfiles, re-import defaults.
set -euo pipefail
repo="${1:-$HOME/dotfiles}"
if ! command -v brew >/dev/null; then
  echo "Homebrew is not installed. Install it from https://brew.sh, open a new terminal and re-run." >&2
  exit 1
fi
[ -f "$repo/Brewfile" ] && brew bundle --file="$repo/Brewfile" || true
bk="$HOME/.dotfiles-backup/$(date +%Y%m%d-%H%M%S)"
cd "$repo/home"
find . -mindepth 1 -maxdepth 2 \( -type f -o -type d \) -path './.config/*' -prune -o -mindepth 1 -maxdepth 1 -print |
while read -r p; do
  rel=${p#./}; [ "$rel" = .config ] && continue
  dest="$HOME/$rel"
  if [ -e "$dest" ] && [ ! -L "$dest" ]; then mkdir -p "$bk/$(dirname "$rel")"; mv "$dest" "$bk/$rel"; fi
  ln -sfn "$repo/home/$rel" "$dest"; echo "linked $rel"
done
for p in "$repo"/home/.config/*; do
  [ -e "$p" ] || continue
  rel=".config/$(basename "$p")"; dest="$HOME/$rel"; mkdir -p "$HOME/.config"
  if [ -e "$dest" ] && [ ! -L "$dest" ]; then mkdir -p "$bk/.config"; mv "$dest" "$bk/$rel"; fi
  ln -sfn "$p" "$dest"; echo "linked $rel"
done
for f in "$repo"/macos/defaults/*.plist; do
  [ -e "$f" ] || continue
  defaults import "$(basename "$f" .plist)" "$f" && echo "imported $(basename "$f")"
done
killall Dock Finder 2>/dev/null || true
echo "done; log out and back in to apply all defaults"
