#!/usr/bin/env bash
# Bisect probe template. Copy OUTSIDE the repo, edit the CHECK section.
# exit 0 = good, 1 = bad, 125 = skip
set -uo pipefail

CACHE=/tmp/bisect-cache
mkdir -p "$CACHE"

# --- dependencies: reinstall only when the lockfile changed --------------------
lock=""
for f in package-lock.json pnpm-lock.yaml yarn.lock poetry.lock uv.lock Cargo.lock Gemfile.lock go.sum; do
  [[ -f $f ]] && lock=$f && break
done
if [[ -n $lock ]]; then
  h=$(sha1sum "$lock" | cut -c1-12)
  if [[ ! -f "$CACHE/deps-$h" ]]; then
    case $lock in
      package-lock.json) npm ci --no-audit --no-fund >/dev/null 2>&1 || exit 125 ;;
      pnpm-lock.yaml)    pnpm install --frozen-lockfile >/dev/null 2>&1 || exit 125 ;;
      yarn.lock)         yarn install --frozen-lockfile >/dev/null 2>&1 || exit 125 ;;
      poetry.lock)       poetry install --no-interaction >/dev/null 2>&1 || exit 125 ;;
      uv.lock)           uv sync >/dev/null 2>&1 || exit 125 ;;
      Gemfile.lock)      bundle install --quiet >/dev/null 2>&1 || exit 125 ;;
      *) ;;  # cargo/go fetch during build
    esac
    touch "$CACHE/deps-$h"
  fi
fi

# --- build (failure => skip) -----------------------------------------------------
# timeout 600 cargo build --release -q        || exit 125
# timeout 600 npm run build --silent          || exit 125
# timeout 600 go build ./...                  || exit 125

# --- CHECK: narrow reproduction of the symptom -----------------------------------
# Example: a regression test that doesn't exist in old commits, copied in and removed afterwards.
# cp /tmp/regression_test.py tests/regression_test.py
# timeout 120 python -m pytest -q tests/regression_test.py -x; rc=$?
# rm -f tests/regression_test.py
# [[ $rc -eq 0 ]] && exit 0
# [[ $rc -eq 124 ]] && exit 125     # timed out: treat as untestable
# exit 1

echo "edit the CHECK section of this probe" >&2
exit 255
