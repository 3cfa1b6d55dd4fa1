#!/usr/bin/env bash
# bisect-order.sh <list-of-test-files> <flaky-test-file>
# Finds a single earlier test file whose presence makes the flaky file fail when run in band.
set -uo pipefail
list="$1"; target="$2"
mapfile -t all < <(grep -v -F "$target" "$list")

fails_with() {
  npx jest --runInBand --runTestsByPath "$@" "$target" > /dev/null 2>&1 && return 1 || return 0
}

if ! fails_with "${all[@]}"; then
  echo "flaky test passes with all preceding files; not an order dependence (or rare: try repeating)"
  exit 1
fi

cand=("${all[@]}")
while (( ${#cand[@]} > 1 )); do
  half=$(( ${#cand[@]} / 2 ))
  left=("${cand[@]:0:half}")
  right=("${cand[@]:half}")
  if fails_with "${left[@]}"; then cand=("${left[@]}")
  elif fails_with "${right[@]}"; then cand=("${right[@]}")
  else
    echo "needs files from both halves; remaining candidates:"; printf '  %s\n' "${cand[@]}"; exit 2
  fi
  echo "narrowed to ${#cand[@]} files"
done
echo "polluting file: ${cand[0]}"
