#!/usr/bin/env bash
# Bare-repo dotfiles management with a deny-list and pre-commit secret scan.
set -euo pipefail

DOTDIR="${DOTFILES_DIR:-$HOME/.dotfiles}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DENY="$HERE/../assets/deny.txt"
dot() { git --git-dir="$DOTDIR" --work-tree="$HOME" "$@"; }

secret_re='(ghp_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|AKIA[0-9A-Z]{16}|xox[abpr]-[A-Za-z0-9-]{10,}|-----BEGIN [A-Z ]*PRIVATE KEY-----|sk-[A-Za-z0-9_-]{20,}|glpat-[A-Za-z0-9_-]{20})'

denied() {
  local rel="${1#"$HOME"/}"
  while IFS= read -r pat; do
    [[ -z "$pat" || "$pat" == \#* ]] && continue
    # shellcheck disable=SC2053
    if [[ "$rel" == $pat || "$rel" == ${pat%/}/* || "$(basename "$rel")" == $pat ]]; then
      return 0
    fi
  done < "$DENY"
  return 1
}

install_exclude() {
  mkdir -p "$DOTDIR/info"
  { echo "# managed by dotsync"; grep -v '^#' "$DENY"; } > "$DOTDIR/info/exclude"
}

scan_staged() {
  local hits
  hits="$(dot diff --cached -U0 | grep -nE "^\+.*$secret_re" || true)"
  if [[ -n "$hits" ]]; then
    echo "Possible secrets in staged changes (values masked):" >&2
    dot diff --cached --name-only | while read -r f; do
      grep -nE "$secret_re" "$HOME/$f" 2>/dev/null | sed -E "s/$secret_re/****/g; s|^|  $f:|" >&2
    done
    echo "Move these lines to an untracked *.local file and try again." >&2
    return 1
  fi
}

cmd="${1:-status}"; shift || true
case "$cmd" in
  init)
    remote="${1:?remote URL required}"
    git init --bare "$DOTDIR"
    dot config status.showUntrackedFiles no
    dot remote add origin "$remote"
    install_exclude
    echo "Initialised $DOTDIR -> $remote"
    ;;
  add)
    for p in "$@"; do
      abs="$(cd "$(dirname "$p")" && pwd)/$(basename "$p")"
      if denied "$abs"; then echo "refusing to track $p (deny-list)" >&2; continue; fi
      dot add "$abs"
      echo "tracking $p"
    done
    ;;
  status) dot status --short ;;
  diff) dot diff "$@" ;;
  push)
    dot add -u
    scan_staged
    if ! dot diff --cached --quiet; then
      dot commit -m "dotfiles: update from $(hostname -s) $(date +%F)"
    fi
    dot push -u origin HEAD
    ;;
  pull) dot pull --ff-only ;;
  clone)
    remote="${1:?remote URL required}"
    git clone --bare "$remote" "$DOTDIR"
    dot config status.showUntrackedFiles no
    install_exclude
    backup="$HOME/.dotfiles-backup/$(date +%Y%m%d-%H%M%S)"
    conflicts="$(dot ls-tree -r --name-only HEAD | while read -r f; do [[ -e "$HOME/$f" ]] && echo "$f"; done || true)"
    if [[ -n "$conflicts" ]]; then
      echo "Backing up existing files to $backup:"
      while read -r f; do mkdir -p "$backup/$(dirname "$f")"; mv "$HOME/$f" "$backup/$f"; echo "  $f"; done <<<"$conflicts"
    fi
    dot checkout
    ;;
  *) echo "usage: dotsync.sh init|add|status|diff|push|pull|clone" >&2; exit 2 ;;
esac
