#!/usr/bin/env bash
# Run git bisect between GOOD and BAD using a test command; restore state afterwards.
# Usage: bisect.sh GOOD BAD -- command [args...]
set -euo pipefail

good=${1:?good commit}; bad=${2:?bad commit}; shift 2
[[ ${1:-} == -- ]] && shift
[[ $# -gt 0 ]] || { echo "usage: bisect.sh GOOD BAD -- command..." >&2; exit 2; }

git rev-parse --verify -q "$good^{commit}" >/dev/null || { echo "unknown commit $good" >&2; exit 2; }
git rev-parse --verify -q "$bad^{commit}" >/dev/null || { echo "unknown commit $bad" >&2; exit 2; }

start_ref=$(git symbolic-ref -q --short HEAD || git rev-parse HEAD)
stashed=0
if [[ -n $(git status --porcelain --untracked-files=no) ]]; then
  git stash push -m "bisect.sh autostash" >/dev/null
  stashed=1
  echo "stashed uncommitted changes"
fi

cleanup() {
  git bisect reset >/dev/null 2>&1 || true
  git checkout -q "$start_ref"
  if (( stashed )); then git stash pop -q && echo "restored stashed changes"; fi
}
trap cleanup EXIT

git bisect start "$bad" "$good" >/dev/null
git bisect run "$@" | tee /tmp/bisect.$$.log
echo
first_bad=$(grep -m1 -oE '^[0-9a-f]{40} is the first bad commit' /tmp/bisect.$$.log | cut -d' ' -f1 || true)
rm -f /tmp/bisect.$$.log
if [[ -n $first_bad ]]; then
  git show --stat --format='first bad commit: %H%n%an, %ad%n%n    %s%n' "$first_bad"
else
  echo "bisect did not identify a single commit (see output above)"
fi
