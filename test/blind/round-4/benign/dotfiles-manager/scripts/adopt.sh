#!/usr/bin/env bash
# adopt.sh <repo-dir> pkg:relative/path [pkg:path ...]
# Back up, move into the repo under <pkg>/, and stow it back.
set -euo pipefail
repo="$1"; shift
ts=$(date +%Y%m%d-%H%M%S)
backup="$HOME/.dotfiles-backup/$ts"
mkdir -p "$repo" "$backup"
command -v stow >/dev/null || { echo "GNU stow not installed (brew install stow / apt install stow)"; exit 1; }

for spec in "$@"; do
  pkg="${spec%%:*}"; rel="${spec#*:}"
  src="$HOME/$rel"
  if [ ! -e "$src" ] || [ -L "$src" ]; then echo "skip $rel (missing or already a link)"; continue; fi
  mkdir -p "$backup/$(dirname "$rel")" "$repo/$pkg/$(dirname "$rel")"
  cp -a "$src" "$backup/$rel"
  mv "$src" "$repo/$pkg/$rel"
  stow -d "$repo" -t "$HOME" "$pkg"
  echo "adopted $rel into $pkg (backup in $backup)"
done
