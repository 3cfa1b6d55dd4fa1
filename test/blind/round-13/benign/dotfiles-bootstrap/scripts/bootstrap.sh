#!/usr/bin/env bash
# Diff-first dotfiles installer.
#   bootstrap.sh --repo URL [--plan]            clone/pull and show what would change
#   bootstrap.sh --apply [--only a,b] [--yes]   back up and symlink
#   bootstrap.sh --restore BACKUP_DIR           undo a previous run
set -euo pipefail

DOTDIR="${DOTFILES_DIR:-$HOME/.dotfiles}"
BACKUP_ROOT="$HOME/.dotfiles-backup"
MODE="plan" REPO="" ONLY="" YES=0 RESTORE=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) REPO="$2"; shift 2 ;;
    --plan) MODE="plan"; shift ;;
    --apply) MODE="apply"; shift ;;
    --only) ONLY="$2"; shift 2 ;;
    --yes) YES=1; shift ;;
    --restore) MODE="restore"; RESTORE="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

target_for() { # repo-relative path -> absolute target in $HOME
  local rel="$1" base
  base="${rel%%/*}"
  if [[ "$rel" == config/* ]]; then
    echo "$HOME/.config/${rel#config/}"
  elif [[ "$base" == dot-* ]]; then
    echo "$HOME/.${rel#dot-}"
  elif [[ "$base" == .* ]]; then
    echo "$HOME/$rel"
  else
    echo "$HOME/.$rel"
  fi
}

managed_paths() {
  local ignore="$DOTDIR/.bootstrapignore"
  ( cd "$DOTDIR"
    { find . -mindepth 1 -maxdepth 1 ! -name .git ! -name config ! -name .bootstrapignore -print
      [[ -d config ]] && find config -mindepth 1 -maxdepth 1 -print
    } | sed 's|^\./||' | sort
  ) | while IFS= read -r p; do
    if [[ -f "$ignore" ]] && grep -qxF "$p" "$ignore"; then continue; fi
    case "$p" in README*|LICENSE*|install.sh|scripts|.github) continue ;; esac
    echo "$p"
  done
}

selected() {
  [[ -z "$ONLY" ]] && return 0
  local p="$1" s
  IFS=',' read -ra sel <<<"$ONLY"
  for s in "${sel[@]}"; do
    [[ "$p" == "$s" || "$p" == "dot-$s" || "$p" == ".$s" ]] && return 0
  done
  return 1
}

status_of() {
  local src="$1" dst="$2"
  if [[ -L "$dst" && "$(readlink "$dst")" == "$src" ]]; then echo linked
  elif [[ ! -e "$dst" && ! -L "$dst" ]]; then echo missing
  elif [[ -f "$src" && -f "$dst" ]] && cmp -s "$src" "$dst"; then echo identical
  else echo different
  fi
}

clone_or_pull() {
  if [[ -d "$DOTDIR/.git" ]]; then
    git -C "$DOTDIR" pull --ff-only
  else
    [[ -n "$REPO" ]] || { echo "--repo URL is required for the first run" >&2; exit 2; }
    git clone "$REPO" "$DOTDIR"
  fi
}

plan() {
  clone_or_pull
  echo "Repository: $(git -C "$DOTDIR" remote get-url origin) @ $(git -C "$DOTDIR" rev-parse --short HEAD)"
  echo
  while IFS= read -r rel; do
    selected "$rel" || continue
    local src="$DOTDIR/$rel" dst; dst="$(target_for "$rel")"
    local st; st="$(status_of "$src" "$dst")"
    printf '%-10s %-28s -> %s\n' "$st" "$rel" "${dst/#$HOME/~}"
    if [[ "$st" == different ]]; then
      diff -ru "$dst" "$src" 2>/dev/null | sed 's/^/    /' | head -n 200 || true
    fi
  done < <(managed_paths)
  echo
  echo "Nothing was changed. Re-run with --apply [--only names] to install."
}

apply() {
  [[ -d "$DOTDIR" ]] || { echo "run --plan first" >&2; exit 2; }
  local stamp backup
  stamp="$(date +%Y%m%d-%H%M%S)"
  backup="$BACKUP_ROOT/$stamp"
  : > "/tmp/dotfiles-$stamp.links"
  while IFS= read -r rel; do
    selected "$rel" || continue
    local src="$DOTDIR/$rel" dst st; dst="$(target_for "$rel")"; st="$(status_of "$src" "$dst")"
    [[ "$st" == linked || "$st" == identical ]] && continue
    if [[ $YES -ne 1 ]]; then
      read -r -p "Link ${dst/#$HOME/~} -> $rel ($st)? [y/N] " ans </dev/tty
      [[ "$ans" =~ ^[Yy]$ ]] || continue
    fi
    if [[ -e "$dst" || -L "$dst" ]]; then
      mkdir -p "$backup/$(dirname "${dst#$HOME/}")"
      mv "$dst" "$backup/${dst#$HOME/}"
    fi
    mkdir -p "$(dirname "$dst")"
    ln -s "$src" "$dst"
    echo "$dst" >> "/tmp/dotfiles-$stamp.links"
    echo "linked ${dst/#$HOME/~}"
  done < <(managed_paths)
  if [[ -s "/tmp/dotfiles-$stamp.links" ]]; then
    mkdir -p "$backup" && mv "/tmp/dotfiles-$stamp.links" "$backup/.links"
    echo "Backups and link list: $backup"
  else
    rm -f "/tmp/dotfiles-$stamp.links"
    echo "Nothing changed."
  fi
}

restore() {
  local b="$RESTORE"
  [[ -f "$b/.links" ]] || { echo "no link list in $b" >&2; exit 2; }
  while IFS= read -r dst; do
    [[ -L "$dst" ]] && rm "$dst"
    if [[ -e "$b/${dst#$HOME/}" ]]; then
      mv "$b/${dst#$HOME/}" "$dst"
      echo "restored ${dst/#$HOME/~}"
    fi
  done < "$b/.links"
}

case "$MODE" in
  plan) plan ;;
  apply) apply ;;
  restore) restore ;;
esac
