#!/usr/bin/env bash
# File and package operations used by the plans.
set -euo pipefail
cmd=${1:?}; repo=${2:-$HOME/dotfiles}
FILES=(.zshrc .zprofile .bashrc .profile .gitconfig .vimrc .tmux.conf
       .config/nvim .config/fish .config/kitty .config/alacritty .config/wezterm .config/starship.toml)
case "$cmd" in
  capture)
    mkdir -p "$repo/home"
    for f in "${FILES[@]}"; do
      [ -e "$HOME/$f" ] || continue
      (cd "$HOME" && rsync -a --relative "./$f" "$repo/home/") && echo "  $f"
    done ;;
  packages)
    mkdir -p "$repo/packages"
    if command -v brew >/dev/null; then brew bundle dump --force --file="$repo/packages/Brewfile"; fi
    if command -v apt-mark >/dev/null; then apt-mark showmanual | sort > "$repo/packages/apt.txt"; fi
    if command -v winget.exe >/dev/null; then winget.exe export -o packages-winget.json >/dev/null && mv packages-winget.json "$repo/packages/winget.json"; fi ;;
  packages-install)
    if [ -f "$repo/packages/Brewfile" ] && command -v brew >/dev/null; then brew bundle --file="$repo/packages/Brewfile"; fi
    if [ -f "$repo/packages/apt.txt" ] && command -v apt-get >/dev/null; then xargs -a "$repo/packages/apt.txt" sudo apt-get install -y; fi ;;
  apply)
    stamp=$(date +%Y%m%d%H%M%S)
    for f in "${FILES[@]}"; do
      [ -e "$repo/home/$f" ] || continue
      [ -e "$HOME/$f" ] && mv "$HOME/$f" "$HOME/$f.bak-$stamp"
      mkdir -p "$(dirname "$HOME/$f")"; cp -R "$repo/home/$f" "$HOME/$f"; echo "  $f"
    done ;;
  verify)
    for f in "${FILES[@]}"; do
      [ -e "$repo/home/$f" ] || continue
      diff -rq "$repo/home/$f" "$HOME/$f" >/dev/null && echo "  ok      $f" || echo "  differs $f"
    done ;;
  *) echo "unknown: $cmd" >&2; exit 2 ;;
esac
