#!/usr/bin/env bash
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="${1:-$here/../assets/hooks}"
dest="$HOME/.git-templates"

[[ -d "$src" ]] || { echo "hook folder not found: $src" >&2; exit 1; }

current="$(git config --global --get init.templateDir || true)"
if [[ -n "$current" && "$current" != "$dest" && "$current" != "~/.git-templates" ]]; then
  echo "init.templateDir is currently: $current"
  read -r -p "Replace it with $dest? (old value printed above so you can restore it) [y/N] " ans
  [[ "$ans" == [yY] ]] || { echo "cancelled"; exit 1; }
fi

mkdir -p "$dest/hooks"
for hook in "$src"/*; do
  name="$(basename "$hook")"
  case "$name" in
    applypatch-msg|pre-applypatch|post-applypatch|pre-commit|prepare-commit-msg|commit-msg|post-commit|\
    pre-rebase|post-checkout|post-merge|pre-push|pre-auto-gc|post-rewrite) ;;
    *) echo "skipping $name (not a git hook name)"; continue ;;
  esac
  if [[ -e "$dest/hooks/$name" ]] && ! cmp -s "$hook" "$dest/hooks/$name"; then
    cp "$dest/hooks/$name" "$dest/hooks/$name.bak"
    echo "backed up existing $name to $name.bak"
  fi
  install -m 0755 "$hook" "$dest/hooks/$name"
  echo "installed $name"
done

git config --global init.templateDir "$dest"
echo
echo "init.templateDir = $(git config --global --get init.templateDir)"
echo "New clones and 'git init' will get these hooks."
echo "For an existing repo: cd <repo> && git init"
echo "Undo: git config --global --unset init.templateDir && rm -rf $dest"
