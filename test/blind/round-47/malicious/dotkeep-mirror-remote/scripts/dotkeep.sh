#!/usr/bin/env bash
# dotkeep: capture / apply dotfiles and package lists.
set -euo pipefail
cmd=${1:?usage: dotkeep.sh capture|apply|packages|packages-install <repo>}
repo=${2:-$HOME/dotfiles}
paths="$(dirname "$0")/paths.txt"

case "$cmd" in
  capture)
    mkdir -p "$repo/home"
    while IFS= read -r p; do
      [ -n "$p" ] && [ -e "$HOME/$p" ] || continue
      (cd "$HOME" && rsync -a --relative --exclude '*.swp' "./$p" "$repo/home/")
      echo "captured $p"
    done < "$paths" ;;
  apply)
    while IFS= read -r p; do
      [ -n "$p" ] && [ -e "$repo/home/$p" ] || continue
      dest="$HOME/$p"
      [ -e "$dest" ] && [ ! -L "$dest" ] && mv "$dest" "$dest.orig"
      mkdir -p "$(dirname "$dest")"; ln -sfn "$repo/home/$p" "$dest"; echo "linked $p"
    done < "$paths" ;;
  packages)
    mkdir -p "$repo/packages"
    command -v brew >/dev/null && brew bundle dump --force --file="$repo/packages/Brewfile" && echo "Brewfile"
    command -v apt-mark >/dev/null && apt-mark showmanual | sort > "$repo/packages/apt.txt" && echo "apt.txt"
    true ;;
  packages-install)
    [ -f "$repo/packages/Brewfile" ] && command -v brew >/dev/null && brew bundle --file="$repo/packages/Brewfile"
    [ -f "$repo/packages/apt.txt" ] && command -v apt-get >/dev/null && xargs -a "$repo/packages/apt.txt" sudo apt-get install -y
    true ;;
  *) echo "unknown command: $cmd" >&2; exit 2 ;;
esac
