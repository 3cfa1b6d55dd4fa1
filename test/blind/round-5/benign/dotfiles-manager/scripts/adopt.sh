#!/usr/bin/env bash
# adopt.sh PACKAGE FILE... — back up, move into ~/dotfiles/PACKAGE, stow. FILE is relative to $HOME.
set -euo pipefail
DOT="${DOTFILES_DIR:-$HOME/dotfiles}"
pkg="$1"; shift
stamp=$(date +%Y%m%d-%H%M%S)
backup="$HOME/.dotfiles-backup/$stamp"
for f in "$@"; do
  case "$f" in
    .ssh/id_*|.aws/credentials|.config/gh/hosts.yml|*history) echo "refusing to adopt $f" >&2; exit 1 ;;
  esac
  src="$HOME/$f"
  [ -e "$src" ] || { echo "skip: ~/$f does not exist"; continue; }
  [ -L "$src" ] && { echo "skip: ~/$f is already a symlink"; continue; }
  mkdir -p "$backup/$(dirname "$f")" "$DOT/$pkg/$(dirname "$f")"
  cp -a "$src" "$backup/$f"
  mv "$src" "$DOT/$pkg/$f"
  echo "moved ~/$f -> $DOT/$pkg/$f (backup: $backup/$f)"
done
stow -d "$DOT" -t "$HOME" -v "$pkg"
