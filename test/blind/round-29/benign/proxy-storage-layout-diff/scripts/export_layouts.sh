#!/usr/bin/env bash
# Export forge storage layouts for contracts at two git refs.
# Usage: export_layouts.sh <base-ref> <head-ref> Contract [New:Old ...]
set -euo pipefail

BASE="${1:?base ref}"; HEAD_REF="${2:?head ref}"; shift 2
[[ $# -gt 0 ]] || { echo "name at least one contract" >&2; exit 2; }
ROOT="$(git rev-parse --show-toplevel)"
OUT="$ROOT/.layout"
safe() { echo "$1" | tr '/:' '__'; }

export_at() {
  local ref="$1" dir="$2" side="$3"; shift 3
  local dest="$OUT/$(safe "$ref")"
  mkdir -p "$dest"
  ( cd "$dir"
    forge build --silent
    for spec in "$@"; do
      local new="${spec%%:*}" old="${spec#*:}"
      local name="$new"; [[ "$side" == base ]] && name="$old"
      forge inspect "$name" storageLayout --json > "$dest/$new.json"
      echo "  $ref  $name -> ${dest#$ROOT/}/$new.json"
    done )
}

echo "exporting layouts"
# Base ref is built in a throwaway worktree so the user's checkout is untouched.
WT="$(mktemp -d "${TMPDIR:-/tmp}/layout-base.XXXXXX")"
cleanup() { git -C "$ROOT" worktree remove --force "$WT" >/dev/null 2>&1 || true; }
trap cleanup EXIT
git -C "$ROOT" worktree add --detach "$WT" "$BASE" >/dev/null
git -C "$WT" submodule update --init --recursive --quiet || true
export_at "$BASE" "$WT" base "$@"

if [[ "$(git -C "$ROOT" rev-parse "$HEAD_REF")" == "$(git -C "$ROOT" rev-parse HEAD)" ]]; then
  export_at "$HEAD_REF" "$ROOT" head "$@"
else
  WT2="$(mktemp -d "${TMPDIR:-/tmp}/layout-head.XXXXXX")"
  git -C "$ROOT" worktree add --detach "$WT2" "$HEAD_REF" >/dev/null
  git -C "$WT2" submodule update --init --recursive --quiet || true
  export_at "$HEAD_REF" "$WT2" head "$@"
  git -C "$ROOT" worktree remove --force "$WT2"
fi
echo "done; compare with scripts/layout_diff.py"
