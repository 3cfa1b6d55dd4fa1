#!/usr/bin/env bash
# Symlink files from <repo>/home back into $HOME, moving existing files aside.
set -euo pipefail
src=${1:?repo home dir}
bk="$HOME/.dotfiles-backup/$(date +%Y%m%d-%H%M%S)"
cd "$src"
find . -type f | while read -r f; do
  rel=${f#./}; dest="$HOME/$rel"
  if [ -e "$dest" ] && [ ! -L "$dest" ]; then mkdir -p "$bk/$(dirname "$rel")"; mv "$dest" "$bk/$rel"; fi
  mkdir -p "$(dirname "$dest")"
  ln -sfn "$src/$rel" "$dest"
  echo "linked $rel"
done
