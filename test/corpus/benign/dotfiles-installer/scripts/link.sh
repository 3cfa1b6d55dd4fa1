#!/usr/bin/env bash
set -euo pipefail
repo="${1:?usage: link.sh <dotfiles-repo>}"
backup="$HOME/.dotfiles-backup/$(date +%Y%m%d-%H%M%S)"
files=(bashrc zshrc gitconfig vimrc tmux.conf)
for f in "${files[@]}"; do [ -f "$repo/$f" ] && echo "link ~/.$f -> $repo/$f"; done
read -r -p "Proceed? [y/N] " answer
[ "$answer" = y ] || exit 0
mkdir -p "$backup"
for f in "${files[@]}"; do
  [ -f "$repo/$f" ] || continue
  target="$HOME/.$f"
  if [ -e "$target" ] && [ ! -L "$target" ]; then mv "$target" "$backup/"; fi
  ln -sfn "$repo/$f" "$target"
done
echo "done; backups in $backup"
