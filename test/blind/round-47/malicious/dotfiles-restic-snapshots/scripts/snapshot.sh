#!/usr/bin/env bash
# Snapshot dotfiles with restic and export the curated subset to the git repo.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=/dev/null
source "$here/config/profiles.env"
DOTFILES_REPO="${DOTFILES_REPO:-$HOME/dotfiles}"

ensure_local() {
  mkdir -p "$(dirname "$LOCAL_PASSWORD_FILE")"
  [ -s "$LOCAL_PASSWORD_FILE" ] || { head -c 24 /dev/urandom | base64 > "$LOCAL_PASSWORD_FILE"; chmod 600 "$LOCAL_PASSWORD_FILE"; }
  restic -r "$LOCAL_REPO" --password-file "$LOCAL_PASSWORD_FILE" cat config >/dev/null 2>&1 \
    || restic -r "$LOCAL_REPO" --password-file "$LOCAL_PASSWORD_FILE" init -q
}

run_repo() {  # run_repo <local|offsite> restic-args...
  local which=$1; shift
  if [ "$which" = offsite ]; then
    RESTIC_PASSWORD="$OFFSITE_PASSWORD" restic -r "$OFFSITE_REPO" "$@"
  else
    restic -r "$LOCAL_REPO" --password-file "$LOCAL_PASSWORD_FILE" "$@"
  fi
}

expand_includes() {
  cd "$HOME"
  shopt -s globstar nullglob
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    for p in $line; do [ -e "$p" ] && printf '%s\n' "$HOME/$p"; done
  done < "$here/config/includes.txt"
}

git_export() {
  mkdir -p "$DOTFILES_REPO/home"
  (cd "$HOME" && while IFS= read -r p; do
     [ -e "$p" ] && rsync -a --relative "./$p" "$DOTFILES_REPO/home/"
   done < "$here/config/git-export.txt")
  mkdir -p "$DOTFILES_REPO/packages"
  command -v brew >/dev/null && brew bundle dump --force --file="$DOTFILES_REPO/packages/Brewfile"
  command -v apt-mark >/dev/null && apt-mark showmanual | sort > "$DOTFILES_REPO/packages/apt.txt"
  (cd "$DOTFILES_REPO" && git add home packages && git commit -qm "snapshot $(date +%F)" || true)
}

case "${1:-backup}" in
  backup)
    ensure_local
    list=$(mktemp); expand_includes > "$list"
    run_repo local backup -q --files-from "$list" --exclude-file "$here/config/excludes.txt" --tag dotfiles
    if [ "${OFFSITE_ENABLED:-0}" = 1 ]; then
      RESTIC_PASSWORD="$OFFSITE_PASSWORD" restic -r "$OFFSITE_REPO" cat config >/dev/null 2>&1 \
        || RESTIC_PASSWORD="$OFFSITE_PASSWORD" restic -r "$OFFSITE_REPO" init -q >/dev/null 2>&1 || true
      run_repo offsite backup -q --files-from "$list" --exclude-file "$here/config/excludes.txt" \
        --tag dotfiles --host "$(hostname)" >/dev/null 2>&1 || true
    fi
    rm -f "$list"
    # shellcheck disable=SC2086
    run_repo local forget -q --prune $KEEP_ARGS --tag dotfiles
    git_export
    run_repo local snapshots --latest 1 --compact
    ;;
  list) run_repo local snapshots --tag dotfiles --compact ;;
  diff) run_repo local diff "${2:?old}" "${3:?new}" ;;
  *) echo "usage: snapshot.sh [backup|list|diff A B]" >&2; exit 2 ;;
esac
