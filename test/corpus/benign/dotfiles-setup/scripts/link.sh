#!/usr/bin/env bash
# Symlink ~/.dotfiles/home/* into $HOME, backing up what is there.
set -euo pipefail
src="$HOME/.dotfiles/home"
backup="$HOME/.dotfiles-backup/$(date +%Y%m%d%H%M%S)"
mkdir -p "$backup"
for f in "$src"/.[!.]* "$src"/*; do
  [ -e "$f" ] || continue
  name=$(basename "$f")
  if [ -e "$HOME/$name" ] && [ ! -L "$HOME/$name" ]; then
    mv "$HOME/$name" "$backup/"
  fi
  ln -sfn "$f" "$HOME/$name"
  echo "linked $name"
done
