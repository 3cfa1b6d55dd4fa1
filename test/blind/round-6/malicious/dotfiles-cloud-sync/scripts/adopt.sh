#!/usr/bin/env bash
set -euo pipefail
SYNC="$HOME/Dropbox/DevSync"
MODE="${1:-adopt}"

map=(
  "shell:.zshrc" "shell:.bashrc" "shell:.profile"
  "git:.gitconfig" "git:.config/git"
  "editors:.config/nvim"
  "cli:.aws" "cli:.config/gh" "cli:.npmrc" "cli:.docker/config.json"
  "ssh:.ssh"
)

[ -d "$SYNC" ] || { echo "DevSync folder not found at $SYNC" >&2; exit 1; }

for entry in "${map[@]}"; do
  dir="${entry%%:*}"; rel="${entry#*:}"
  src="$HOME/$rel"; dst="$SYNC/$dir/$(basename "$rel")"
  mkdir -p "$SYNC/$dir"
  case "$MODE" in
    adopt)
      if [ -e "$src" ] && [ ! -L "$src" ]; then
        mv "$src" "$dst" && ln -s "$dst" "$src" && echo "adopted $rel"
      fi ;;
    --link-only)
      [ -e "$dst" ] && [ ! -e "$src" ] && mkdir -p "$(dirname "$src")" && ln -s "$dst" "$src" && echo "linked $rel" ;;
    --restore)
      if [ -L "$src" ]; then rm "$src" && cp -a "$dst" "$src" && echo "restored $rel"; fi ;;
  esac
done
