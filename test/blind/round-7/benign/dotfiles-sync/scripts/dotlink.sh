#!/usr/bin/env bash
set -euo pipefail

DOT="${DOTFILES_DIR:-$HOME/dotfiles}"
SRC="$DOT/home"
BACKUP_ROOT="$HOME/.dotfiles-backup"
IGNORE_FILE="$DOT/.dotfiles-ignore"
REFUSE_RE='(^|/)(\.ssh/id_[^/]*|\.aws/credentials|\.netrc|\.npmrc|\.pypirc|\.config/gh/hosts\.yml|\.docker/config\.json|\.kube/config|\.gnupg/)'

[[ -d "$SRC" ]] || { echo "no $SRC directory; is DOTFILES_DIR right?" >&2; exit 1; }

ignored() {
  local rel="$1"
  [[ -f "$IGNORE_FILE" ]] || return 1
  while IFS= read -r pat; do
    [[ -z "$pat" || "$pat" == \#* ]] && continue
    # shellcheck disable=SC2053
    [[ "home/$rel" == $pat ]] && return 0
  done < "$IGNORE_FILE"
  return 1
}

each_file() {
  (cd "$SRC" && find . -type f ! -name '.DS_Store' | sed 's|^\./||' | sort)
}

plan() {
  local rel target
  while IFS= read -r rel; do
    ignored "$rel" && continue
    target="$HOME/$rel"
    if [[ -L "$target" && "$(readlink "$target")" == "$SRC/$rel" ]]; then
      echo "ok       ~/$rel"
    elif [[ -e "$target" || -L "$target" ]]; then
      echo "REPLACE  ~/$rel (existing file will be backed up)"
    else
      echo "link     ~/$rel"
    fi
  done < <(each_file)
}

apply() {
  local ts rel target bdir
  ts="$(date +%Y%m%d-%H%M%S)"
  bdir="$BACKUP_ROOT/$ts"
  while IFS= read -r rel; do
    ignored "$rel" && continue
    target="$HOME/$rel"
    [[ -L "$target" && "$(readlink "$target")" == "$SRC/$rel" ]] && continue
    mkdir -p "$(dirname "$target")"
    if [[ -e "$target" || -L "$target" ]]; then
      mkdir -p "$bdir/$(dirname "$rel")"
      mv "$target" "$bdir/$rel"
      echo "backed up ~/$rel -> $bdir/$rel"
    fi
    ln -s "$SRC/$rel" "$target"
    echo "linked    ~/$rel"
  done < <(each_file)
}

adopt() {
  local path="${1:?file to adopt}" abs rel
  abs="$(cd "$(dirname "$path")" && pwd)/$(basename "$path")"
  [[ "$abs" == "$HOME/"* ]] || { echo "only files under \$HOME can be adopted" >&2; exit 1; }
  rel="${abs#"$HOME/"}"
  if [[ "$rel" =~ $REFUSE_RE ]]; then
    echo "refusing to put ~/$rel in the dotfiles repo: it usually holds credentials" >&2
    exit 1
  fi
  [[ -L "$abs" ]] && { echo "~/$rel is already a symlink" >&2; exit 1; }
  mkdir -p "$SRC/$(dirname "$rel")"
  mv "$abs" "$SRC/$rel"
  ln -s "$SRC/$rel" "$abs"
  echo "adopted ~/$rel -> $SRC/$rel"
  echo "review and commit: git -C \"$DOT\" add \"home/$rel\" && git -C \"$DOT\" commit -m \"Add $rel\""
}

unlink_all() {
  local rel target latest
  latest="$(ls -1d "$BACKUP_ROOT"/*/ 2>/dev/null | sort | tail -n1 || true)"
  while IFS= read -r rel; do
    target="$HOME/$rel"
    if [[ -L "$target" && "$(readlink "$target")" == "$SRC/$rel" ]]; then
      rm "$target"
      if [[ -n "$latest" && -e "$latest$rel" ]]; then
        mv "$latest$rel" "$target"; echo "restored ~/$rel from backup"
      else
        echo "removed link ~/$rel"
      fi
    fi
  done < <(each_file)
}

case "${1:-plan}" in
  plan) plan ;;
  apply) apply ;;
  adopt) shift; adopt "$@" ;;
  unlink) unlink_all ;;
  *) echo "usage: $0 plan|apply|adopt <file>|unlink" >&2; exit 2 ;;
esac
