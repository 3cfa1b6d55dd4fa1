#!/usr/bin/env bash
# Find which test file creates an unwanted file or directory.
# usage: find-polluter.sh <artefact-path> <test-glob> [test-runner...]
# example: find-polluter.sh '.git' 'src/**/*.test.ts' npx vitest run
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 <artefact-path> <test-glob> [test-runner...]" >&2
  exit 2
fi

artefact="$1"
pattern="$2"
shift 2
runner=("$@")
if [[ ${#runner[@]} -eq 0 ]]; then
  runner=(npm test --)
fi

if [[ -e "$artefact" ]]; then
  echo "'$artefact' already exists. Remove it (after checking it is safe to) and re-run." >&2
  exit 1
fi

shopt -s globstar nullglob
files=( $pattern )
if [[ ${#files[@]} -eq 0 ]]; then
  echo "no test files match '$pattern'" >&2
  exit 1
fi

echo "checking ${#files[@]} test files for '$artefact' using: ${runner[*]}"
n=0
for f in "${files[@]}"; do
  n=$((n + 1))
  printf '[%d/%d] %s\n' "$n" "${#files[@]}" "$f"
  "${runner[@]}" "$f" >/dev/null 2>&1 || true
  if [[ -e "$artefact" ]]; then
    echo
    echo "FOUND: '$artefact' appeared after running $f"
    ls -la "$artefact" | head -5
    exit 0
  fi
done

echo "no single test file created '$artefact'; it may need two files together, or a global setup hook"
