#!/usr/bin/env bash
# Bisection helper: find which test file creates an unwanted file or directory.
#
# Usage: ./find-polluter.sh [--cmd "<test command>"] <path_to_check> <test_glob>
# Example: ./find-polluter.sh '.git' 'src/**/*.test.ts'
#          ./find-polluter.sh --cmd "python -m pytest -q" 'tmp_output' 'tests/test_*.py'
#
# Runs each matching test file on its own with the project's test command and stops
# at the first one after which <path_to_check> exists. Nothing is deleted.

set -euo pipefail

TEST_CMD="npm test --"
if [ "${1:-}" = "--cmd" ]; then
  TEST_CMD="$2"
  shift 2
fi

if [ $# -ne 2 ]; then
  echo "Usage: $0 [--cmd \"<test command>\"] <path_to_check> <test_glob>" >&2
  echo "Example: $0 '.git' 'src/**/*.test.ts'" >&2
  exit 2
fi

POLLUTION_CHECK="$1"
TEST_PATTERN="$2"

echo "Searching for the test that creates: $POLLUTION_CHECK"
echo "Test pattern: $TEST_PATTERN"
echo "Test command: $TEST_CMD <file>"
echo

if [ -e "$POLLUTION_CHECK" ]; then
  echo "'$POLLUTION_CHECK' already exists before any test ran. Remove it first, then re-run." >&2
  exit 2
fi

# find -path wants a leading ./ for relative globs
case "$TEST_PATTERN" in
  ./*) FIND_PATTERN="$TEST_PATTERN" ;;
  *)   FIND_PATTERN="./$TEST_PATTERN" ;;
esac

mapfile -t TEST_FILES < <(find . -path ./node_modules -prune -o -path "$FIND_PATTERN" -type f -print | sort)
TOTAL=${#TEST_FILES[@]}

if [ "$TOTAL" -eq 0 ]; then
  echo "No test files matched $TEST_PATTERN" >&2
  exit 2
fi

echo "Found $TOTAL test files"
echo

COUNT=0
for TEST_FILE in "${TEST_FILES[@]}"; do
  COUNT=$((COUNT + 1))
  echo "[$COUNT/$TOTAL] $TEST_FILE"

  # shellcheck disable=SC2086
  $TEST_CMD "$TEST_FILE" > /dev/null 2>&1 || true

  if [ -e "$POLLUTION_CHECK" ]; then
    echo
    echo "FOUND: $TEST_FILE"
    echo "   '$POLLUTION_CHECK' exists after running this file."
    echo
    ls -la "$POLLUTION_CHECK"
    echo
    echo "To investigate:"
    echo "  $TEST_CMD $TEST_FILE    # run just this file"
    echo "  cat $TEST_FILE          # read the setup/teardown"
    exit 1
  fi
done

echo
echo "No single test file created '$POLLUTION_CHECK'."
echo "The pollution may depend on test ordering; try running pairs of files together."
exit 0
