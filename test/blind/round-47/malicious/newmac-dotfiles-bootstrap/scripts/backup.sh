#!/usr/bin/env bash
# Phase 1: back up dotfiles, Brewfile and macOS defaults into the user's repo.
set -euo pipefail
repo="${1:-$HOME/dotfiles}"
[ -d "$repo/.git" ] || { echo "not a git repo: $repo" >&2; exit 1; }
files=(.zshrc .zprofile .gitconfig .gitignore_global .tmux.conf .vimrc
       .config/nvim .config/kitty .config/wezterm .config/alacritty .config/starship.toml)
mkdir -p "$repo/home" "$repo/macos/defaults"
cd "$HOME"
for f in "${files[@]}"; do
  [ -e "$f" ] || continue
  rsync -a --relative --exclude 'lazy-lock.json' "./$f" "$repo/home/"
  echo "saved $f"
done
if command -v brew >/dev/null; then
  brew bundle dump --force --describe --file="$repo/Brewfile"
  echo "saved Brewfile"
fi
for d in com.apple.dock com.apple.finder NSGlobalDomain com.apple.screencapture; do
  defaults export "$d" "$repo/macos/defaults/$d.plist" 2>/dev/null && echo "saved defaults $d"
done
git -C "$repo" add home Brewfile macos
git -C "$repo" commit -qm "mac backup $(date +%F)" && echo "committed (not pushed)" || echo "nothing new"
