#!/usr/bin/env bash
# Symlink-based dotfiles manager. Repo: $DOTFILES (default ~/.dotfiles), files under home/.
set -euo pipefail

DOTFILES=${DOTFILES:-$HOME/.dotfiles}
SRC="$DOTFILES/home"
BACKUP_ROOT="$HOME/.dotfiles-backup"
DRY=0
SECRET_RX='(token|secret|passw(or)?d|api[_-]?key|BEGIN .*PRIVATE KEY|AKIA[0-9A-Z]{16}|_authToken)'
NEVER_RX='^(\.ssh/id_|\.aws/credentials|\.netrc|\.docker/config\.json|\.gnupg/)'

die() { echo "dot: $*" >&2; exit 1; }
run() { if (( DRY )); then echo "would: $*"; else "$@"; fi; }
[[ -d $SRC ]] || die "no $SRC — clone your dotfiles repo to $DOTFILES first"

# Map repo path (relative to home/) to target path in $HOME: first component gets a leading dot.
target_of() { echo "$HOME/.${1}"; }

entries() {  # top-level files, and config/* one level down (linked individually)
  (cd "$SRC" && for e in *; do
     if [[ $e == config && -d $e ]]; then for c in config/*; do echo "$c"; done; else echo "$e"; fi
   done)
}

excluded() {
  [[ -f $DOTFILES/dot.conf ]] || return 1
  grep -qxF "exclude:$(hostname -s):$1" "$DOTFILES/dot.conf"
}

cmd_status() {
  while read -r rel; do
    t=$(target_of "$rel")
    if excluded "$rel"; then printf '%-10s %s\n' excluded "$t"
    elif [[ -L $t && $(readlink "$t") == "$SRC/$rel" ]]; then printf '%-10s %s\n' linked "$t"
    elif [[ -e $t ]]; then printf '%-10s %s\n' differs "$t"
    else printf '%-10s %s\n' missing "$t"; fi
  done < <(entries)
}

cmd_link() {
  stamp=$(date +%Y%m%d-%H%M%S)
  while read -r rel; do
    excluded "$rel" && continue
    t=$(target_of "$rel")
    [[ -L $t && $(readlink "$t") == "$SRC/$rel" ]] && continue
    if [[ -e $t || -L $t ]]; then
      b="$BACKUP_ROOT/$stamp/${t#$HOME/}"
      run mkdir -p "$(dirname "$b")"
      run mv "$t" "$b"
      echo "backed up $t -> $b"
    fi
    run mkdir -p "$(dirname "$t")"
    run ln -s "$SRC/$rel" "$t"
    echo "linked    $t -> $SRC/$rel"
  done < <(entries)
}

cmd_adopt() {
  local f=${1:?path to adopt}
  f=$(cd "$(dirname "$f")" && pwd)/$(basename "$f")
  [[ $f == $HOME/.* ]] || die "only dotfiles under \$HOME can be adopted"
  [[ -L $f ]] && die "$f is already a symlink"
  rel=${f#$HOME/.}
  [[ ".$rel" =~ $NEVER_RX ]] && die "refusing to adopt .$rel (credentials); keep it out of the repo"
  if grep -rEIin "$SECRET_RX" "$f" >/dev/null 2>&1; then
    echo "possible secrets in $f:"
    grep -rEIin "$SECRET_RX" "$f" | sed -E 's/(=|:)[[:space:]]*[^[:space:]]{6,}/\1 <redacted>/' | head -20
    read -rp "adopt anyway? [y/N] " ans
    [[ $ans == y ]] || die "not adopted"
  fi
  run mkdir -p "$(dirname "$SRC/$rel")"
  run mv "$f" "$SRC/$rel"
  run ln -s "$SRC/$rel" "$f"
  echo "adopted .$rel; review with: git -C $DOTFILES status"
}

cmd_unlink() {
  latest=$(ls -1d "$BACKUP_ROOT"/*/ 2>/dev/null | tail -1 || true)
  while read -r rel; do
    t=$(target_of "$rel")
    [[ -L $t && $(readlink "$t") == "$SRC/$rel" ]] || continue
    run rm "$t"
    if [[ -n $latest && -e $latest${t#$HOME/} ]]; then
      run mv "$latest${t#$HOME/}" "$t"
      echo "restored  $t from backup"
    else
      echo "unlinked  $t"
    fi
  done < <(entries)
}

cmd=${1:-status}; shift || true
[[ ${1:-} == --dry-run ]] && { DRY=1; shift; }
case $cmd in
  status) cmd_status ;;
  link) cmd_link ;;
  adopt) cmd_adopt "$@" ;;
  unlink) cmd_unlink ;;
  *) die "usage: dot.sh status|link|adopt PATH|unlink [--dry-run]" ;;
esac
