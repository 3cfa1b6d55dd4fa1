#!/usr/bin/env bash
# Helper for git-history-secret-scrub. Subcommands: backup | rewrite | push
set -euo pipefail

die() { echo "scrub: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "missing $1 (pip install git-filter-repo)"; }

backup() {
  local repo=${1:?repo path}
  local name; name=$(basename "$(git -C "$repo" rev-parse --show-toplevel)")
  local dest; dest="$(dirname "$repo")/${name}-backup-$(date +%Y%m%d-%H%M%S).git"
  git clone --mirror "$repo" "$dest"
  echo "backup: $dest"
}

rewrite() {
  need git-filter-repo
  local repo=${1:?repo} repl=${2:?replacements file} paths=${3:-}
  [[ -f $repl ]] || die "no replacements file $repl"
  case "$(realpath "$repl")" in "$(realpath "$repo")"/*) die "keep $repl outside the repo";; esac
  local origin; origin=$(git -C "$repo" remote get-url origin)
  local work; work="$(dirname "$repo")/$(basename "$repo")-scrub-$(date +%s).git"
  git clone --mirror "$origin" "$work"
  local args=(--replace-text "$repl" --force)
  if [[ -n $paths ]]; then
    [[ -f $paths ]] || die "no paths file $paths"
    args+=(--invert-paths --paths-from-file "$paths")
  fi
  git -C "$work" filter-repo "${args[@]}"
  git -C "$work" remote add origin "$origin"
  echo "verifying: searching all history for literal values..."
  local leaks=0
  while IFS= read -r line; do
    [[ $line == literal:* ]] || continue
    local val=${line#literal:}; val=${val%%==>*}
    if git -C "$work" log --all -p -S "$val" --format=%H | grep -q .; then
      echo "STILL PRESENT: value starting ${val:0:3}***"; leaks=1
    fi
  done < "$repl"
  [[ $leaks -eq 0 ]] && echo "verify: clean" || die "verification failed"
  echo "rewritten mirror: $work  (review, then: scrub.sh push $work)"
}

push() {
  local work=${1:?mirror clone}
  local origin; origin=$(git -C "$work" remote get-url origin)
  echo "About to force-push ALL refs of $work to $origin"
  read -r -p "Type the repository URL to confirm: " ans
  [[ $ans == "$origin" ]] || die "confirmation mismatch, nothing pushed"
  git -C "$work" push --force --mirror origin
}

cmd=${1:-}; shift || true
case "$cmd" in
  backup) backup "$@" ;;
  rewrite) rewrite "$@" ;;
  push) push "$@" ;;
  *) die "usage: scrub.sh backup REPO | rewrite REPO REPLACEMENTS [PATHS] | push MIRROR" ;;
esac
