#!/usr/bin/env bash
# Symlink-based dotfiles manager for the user's own repo. plan = dry run; apply/undo ask first.
set -euo pipefail

CMD="${1:-plan}"; REPO="${2:-$HOME/dotfiles}"
REPO="$(cd "$REPO" && pwd)"
SRC="$REPO/home"
BK_ROOT="$HOME/.dotfile-backups"
TS="$(date +%Y%m%d-%H%M%S)"
BEGIN="# >>> dotfile-sync-manager >>>"
END="# <<< dotfile-sync-manager <<<"
SENSITIVE='(^|/)(\.ssh/id_[^/]*|\.aws/credentials|\.netrc|\.env(\..*)?|\.git-credentials|\.pypirc|\.npmrc)$'

[ -d "$SRC" ] || { echo "expected $SRC (files mirroring \$HOME)"; exit 2; }
confirm() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }

list_sources() {
  ( cd "$SRC" && find . -mindepth 1 \( -type f -o -type l \) -print | sed 's|^\./||' ) |
    { if [ -f "$REPO/links.ignore" ]; then grep -v -E -f <(sed 's/\./\\./g; s/\*/.*/g' "$REPO/links.ignore"); else cat; fi; }
}

rc_files() {
  local out=()
  [ -f "$HOME/.zshrc" ] || [ "$(basename "${SHELL:-}")" = zsh ] && out+=("$HOME/.zshrc")
  [ -f "$HOME/.bashrc" ] && out+=("$HOME/.bashrc")
  printf '%s\n' "${out[@]}"
}

rc_block() {
  printf '%s\n' "$BEGIN" \
    "for f in \"$REPO/rc.d/\"*.sh \"$REPO/rc.d/\"*.zsh; do [ -r \"\$f\" ] && . \"\$f\"; done" \
    "$END"
}

plan() {
  local n=0
  while IFS= read -r rel; do
    if [[ "$rel" =~ $SENSITIVE ]]; then echo "  WARN  $rel looks like a secret; skipping (remove it from the repo)"; continue; fi
    tgt="$HOME/$rel"
    if [ -L "$tgt" ] && [ "$(readlink "$tgt")" = "$SRC/$rel" ]; then echo "  ok    ~/$rel"; continue; fi
    if [ -e "$tgt" ] || [ -L "$tgt" ]; then echo "  BACKUP+LINK ~/$rel  (existing moved to $BK_ROOT/$TS/$rel)"
    else echo "  LINK  ~/$rel -> $SRC/$rel"; fi
    n=$((n+1))
  done < <(list_sources)
  if [ -d "$REPO/rc.d" ]; then
    while IFS= read -r rc; do
      if grep -qF "$BEGIN" "$rc" 2>/dev/null; then echo "  ok    managed block present in $rc"
      else echo "  APPEND to $rc:"; rc_block | sed 's/^/          /'; n=$((n+1)); fi
    done < <(rc_files)
  fi
  echo "$n change(s) planned."
  return 0
}

apply() {
  plan
  confirm "Apply these changes to your home directory?" || { echo "Nothing changed."; exit 1; }
  mkdir -p "$BK_ROOT/$TS"; manifest="$BK_ROOT/manifest-$TS.txt"; : >"$manifest"
  while IFS= read -r rel; do
    [[ "$rel" =~ $SENSITIVE ]] && continue
    tgt="$HOME/$rel"
    [ -L "$tgt" ] && [ "$(readlink "$tgt")" = "$SRC/$rel" ] && continue
    mkdir -p "$(dirname "$tgt")"
    if [ -e "$tgt" ] || [ -L "$tgt" ]; then
      mkdir -p "$BK_ROOT/$TS/$(dirname "$rel")"; mv "$tgt" "$BK_ROOT/$TS/$rel"; echo "backup $rel" >>"$manifest"
    fi
    ln -s "$SRC/$rel" "$tgt"; echo "link $rel" >>"$manifest"
  done < <(list_sources)
  if [ -d "$REPO/rc.d" ]; then
    while IFS= read -r rc; do
      grep -qF "$BEGIN" "$rc" 2>/dev/null && continue
      cp -p "$rc" "$BK_ROOT/$TS/$(basename "$rc").pre-block" 2>/dev/null || true
      { echo; rc_block; } >>"$rc"; echo "rcblock $rc" >>"$manifest"
    done < <(rc_files)
  fi
  echo "Done. Manifest: $manifest"
}

undo() {
  latest="$(ls -1 "$BK_ROOT"/manifest-*.txt 2>/dev/null | tail -n1)"
  [ -n "$latest" ] || { echo "no manifest found"; exit 1; }
  ts="$(basename "$latest" .txt)"; ts="${ts#manifest-}"
  echo "Will undo changes recorded in $latest:"; sed 's/^/  /' "$latest"
  confirm "Undo?" || exit 1
  while read -r kind path; do
    case "$kind" in
      link) [ -L "$HOME/$path" ] && rm "$HOME/$path" ;;
      backup) mv "$BK_ROOT/$ts/$path" "$HOME/$path" ;;
      rcblock) sed -i.bak "/^$BEGIN\$/,/^$END\$/d" "$path" && rm -f "$path.bak" ;;
    esac
  done < <(tac "$latest" 2>/dev/null || tail -r "$latest")
  mv "$latest" "$latest.undone"; echo "Restored."
}

adopt() {
  local file="${3:?usage: adopt REPO ~/path}"
  file="$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"
  rel="${file#$HOME/}"
  [[ "$rel" =~ $SENSITIVE ]] && { echo "refusing: $rel looks like a secret"; exit 2; }
  echo "Will move ~/$rel into $SRC/$rel and symlink it back."
  confirm "Proceed?" || exit 1
  mkdir -p "$SRC/$(dirname "$rel")"; mv "$file" "$SRC/$rel"; ln -s "$SRC/$rel" "$file"
  echo "Adopted. Remember to commit it in $REPO."
}

case "$CMD" in
  plan) plan ;; apply) apply ;; undo) undo ;; adopt) adopt "$@" ;;
  *) echo "usage: $0 plan|apply|undo|adopt REPO [FILE]"; exit 2 ;;
esac
