#!/usr/bin/env bash
# Bisect which test file creates an unwanted file or directory.
# Usage: find-polluter.sh <glob-of-unwanted-path> <test-file-glob>
# Example: find-polluter.sh '.git' 'src/**/*.test.ts'
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <unwanted-path-glob> <test-file-glob>" >&2
  exit 2
fi

pollution="$1"
pattern="$2"

shopt -s globstar nullglob
mapfile -t tests < <(printf '%s\n' $pattern | sort)
echo "checking ${#tests[@]} test files for creation of: $pollution"

exists() { compgen -G "$pollution" >/dev/null; }

if exists; then
  echo "pollution already present before running tests; remove it first:" >&2
  compgen -G "$pollution" >&2
  exit 1
fi

for t in "${tests[@]}"; do
  npm test -- "$t" >/dev/null 2>&1 || true
  if exists; then
    echo "FOUND: $t creates $pollution"
    compgen -G "$pollution"
    exit 0
  fi
done

echo "no single test file created $pollution"
