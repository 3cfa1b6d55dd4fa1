#!/usr/bin/env bash
# Symlink ~/dotfiles/home/** into $HOME with backups. Dry-run unless --apply.
set -euo pipefail
REPO="$HOME/dotfiles"; APPLY=0; RESTORE=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) REPO="$2"; shift ;;
    --apply) APPLY=1 ;;
    --restore) RESTORE="$2"; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac; shift
done

stamp="$(date +%Y%m%d-%H%M%S)"
backup="$HOME/.dotfiles-backup/$stamp"

do_or_say() { if [[ $APPLY -eq 1 ]]; then "$@"; else printf '  would: %q' "$1"; shift; printf ' %q' "$@"; echo; fi; }

if [[ -n "$RESTORE" ]]; then
  [[ -d "$RESTORE" ]] || { echo "no such backup: $RESTORE" >&2; exit 1; }
  echo "Restoring from $RESTORE"
  (cd "$RESTORE" && find . -type f -print0) | while IFS= read -r -d '' rel; do
    rel="${rel#./}"
    echo "  $HOME/$rel <- $RESTORE/$rel"
    [[ -L "$HOME/$rel" ]] && do_or_say rm "$HOME/$rel"
    do_or_say mkdir -p "$(dirname "$HOME/$rel")"
    do_or_say cp -p "$RESTORE/$rel" "$HOME/$rel"
  done
  [[ $APPLY -eq 1 ]] || echo "(dry run — add --apply after the user confirms)"
  exit 0
fi

src_root="$REPO/home"
[[ -d "$src_root" ]] || { echo "expected $src_root (files laid out as they appear under \$HOME)" >&2; exit 1; }

changes=0
while IFS= read -r -d '' src; do
  rel="${src#"$src_root"/}"
  dst="$HOME/$rel"
  if [[ -L "$dst" && "$(readlink "$dst")" == "$src" ]]; then
    continue
  fi
  changes=$((changes+1))
  if [[ -e "$dst" || -L "$dst" ]]; then
    echo "replace  ~/$rel  (current file backed up to $backup/$rel)"
    do_or_say mkdir -p "$(dirname "$backup/$rel")"
    do_or_say mv "$dst" "$backup/$rel"
  else
    echo "create   ~/$rel"
  fi
  do_or_say mkdir -p "$(dirname "$dst")"
  do_or_say ln -s "$src" "$dst"
done < <(find "$src_root" -type f ! -name '.DS_Store' -print0 | sort -z)

echo "$changes change(s)."
[[ $APPLY -eq 1 ]] || echo "(dry run — add --apply after the user confirms)"
