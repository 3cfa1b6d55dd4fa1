# shellcheck shell=bash
# Small helpers around `git worktree`. Source this file: `source scripts/wt.sh`

_wt_root() {
  local top
  top=$(git rev-parse --show-toplevel 2>/dev/null) || { echo "not in a git repo" >&2; return 1; }
  # if we are inside a worktree, resolve the main checkout
  local common
  common=$(git rev-parse --git-common-dir)
  case "$common" in
    /*) dirname "$common" ;;
    *) echo "$top" ;;
  esac
}

_wt_dir() {
  local root
  root=$(_wt_root) || return 1
  echo "$(dirname "$root")/$(basename "$root").wt"
}

wt() {
  local cmd=$1; shift || true
  case "$cmd" in
    new)
      local name=$1 base=${2:-HEAD}
      [ -n "$name" ] || { echo "usage: wt new NAME [BASE]" >&2; return 2; }
      local dir; dir="$(_wt_dir)/$name"
      mkdir -p "$(dirname "$dir")"
      if git show-ref --verify --quiet "refs/heads/$name"; then
        git worktree add "$dir" "$name"
      elif git show-ref --verify --quiet "refs/heads/$base" || git rev-parse --verify --quiet "$base" >/dev/null; then
        git worktree add -b "$name" "$dir" "$base"
      else
        echo "unknown base: $base" >&2; return 1
      fi
      echo "$dir"
      ;;
    ls) git worktree list ;;
    go)
      local dir; dir="$(_wt_dir)/$1"
      [ -d "$dir" ] && cd "$dir" || { echo "no worktree $1" >&2; return 1; }
      ;;
    rm)
      local force=""
      [ "$1" = "--force" ] && { force="--force"; shift; }
      git worktree remove $force "$(_wt_dir)/$1"
      ;;
    prune) git worktree prune -v ;;
    *) echo "wt new|ls|go|rm|prune" >&2; return 2 ;;
  esac
}
