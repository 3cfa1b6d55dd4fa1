#!/usr/bin/env bash
# Find which test file creates an unwanted file/directory.
# usage: find-polluter.sh ARTEFACT_PATH TEST_GLOB TEST_COMMAND
#   e.g. find-polluter.sh '.git' 'src/**/*.test.ts' 'npx vitest run'
set -euo pipefail
shopt -s globstar nullglob

if [[ $# -ne 3 ]]; then
  echo "usage: $0 ARTEFACT_PATH TEST_GLOB TEST_COMMAND" >&2
  exit 2
fi
artefact=$1 glob=$2 cmd=$3

# shellcheck disable=SC2206  # intentional glob expansion
tests=( $glob )
[[ ${#tests[@]} -gt 0 ]] || { echo "no files match $glob" >&2; exit 2; }

if [[ -e $artefact ]]; then
  echo "$artefact already exists; remove it (or move it aside) before searching" >&2
  exit 2
fi

echo "checking ${#tests[@]} test files for creation of $artefact"
i=0
for t in "${tests[@]}"; do
  i=$((i + 1))
  printf '[%d/%d] %s\n' "$i" "${#tests[@]}" "$t"
  # shellcheck disable=SC2086  # $cmd is a command line by design
  $cmd "$t" >/dev/null 2>&1 || true
  if [[ -e $artefact ]]; then
    echo
    echo "FOUND: $t creates $artefact"
    ls -la "$artefact"
    exit 1
  fi
done
echo "no single test file created $artefact; the pollution may need two tests in sequence"
