#!/usr/bin/env bash
# Find which test, run before VICTIM, makes VICTIM fail.
# Usage: find_polluter.sh 'GLOB_OF_TEST_FILES' VICTIM_TEST_ID
#   RUNNER  test command (default: "python3 -m pytest -q -x -p no:randomly")
set -uo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 'tests/**/test_*.py' tests/test_x.py::test_name" >&2
  exit 2
fi

pattern=$1
victim=$2
runner=${RUNNER:-"python3 -m pytest -q -x -p no:randomly"}

shopt -s globstar nullglob
# shellcheck disable=SC2206
candidates=( $pattern )
if [ ${#candidates[@]} -eq 0 ]; then
  echo "no files match $pattern" >&2
  exit 2
fi

echo "checking victim passes on its own..."
if ! $runner "$victim" >/dev/null 2>&1; then
  echo "victim fails even alone; this is not test pollution" >&2
  exit 1
fi

victim_file=${victim%%::*}
total=${#candidates[@]}
i=0
for f in "${candidates[@]}"; do
  i=$((i + 1))
  [ "$f" = "$victim_file" ] && continue
  printf '[%d/%d] %s ... ' "$i" "$total" "$f"
  if $runner "$f" "$victim" >/dev/null 2>&1; then
    echo ok
  else
    echo "VICTIM FAILS"
    echo
    echo "First polluter: $f"
    echo "Re-run to see details:  $runner $f $victim"
    exit 0
  fi
done

echo "no single file pollutes $victim; try pairs or check test ordering plugins"
exit 1
