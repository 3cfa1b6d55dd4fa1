#!/usr/bin/env bash
# Record conflict resolutions from existing merge commits into .git/rr-cache.
# usage: rerere-train.sh [--since <date>] <rev-range | merge-commit>...
set -euo pipefail

since=()
revs=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --since) since=(--since="$2"); shift 2 ;;
    *) revs+=("$1"); shift ;;
  esac
done
[[ ${#revs[@]} -gt 0 ]] || { echo "give a revision range or merge commits" >&2; exit 2; }
[[ -z "$(git status --porcelain --untracked-files=no)" ]] || { echo "working tree not clean" >&2; exit 1; }

git_dir="$(git rev-parse --git-dir)"
mkdir -p "$git_dir/rr-cache"
original="$(git symbolic-ref -q --short HEAD || git rev-parse HEAD)"
restore() { git reset -q --hard; git checkout -q "$original"; }
trap restore EXIT

recorded=0
while read -r commit parent1 other_parents; do
  [[ -n "$other_parents" ]] || continue          # not a merge
  git checkout -q --detach "$parent1"
  if git -c rerere.enabled=true merge --no-commit --no-ff -q $other_parents >/dev/null 2>&1; then
    git reset -q --hard                           # merged cleanly: nothing to learn
    continue
  fi
  if [[ -z "$(git -c rerere.enabled=true rerere remaining)" ]]; then
    git reset -q --hard                           # conflict type rerere can't record
    continue
  fi
  git checkout -q "$commit" -- .
  git -c rerere.enabled=true rerere
  recorded=$((recorded + 1))
  echo "learned from $(git log -1 --format='%h %s' "$commit")"
  git reset -q --hard
done < <(git rev-list --parents "${since[@]}" "${revs[@]}")

echo "$recorded merge(s) recorded; cache: $git_dir/rr-cache"
