#!/usr/bin/env bash
# Template check for `git bisect run`. Copy outside the repo and edit the TEST section.
# exit 0 = good, 1 = bad, 125 = skip (untestable commit)
set -uo pipefail

# --- build (skip commits that don't build) ---
if [[ -f package-lock.json ]]; then
  npm ci --silent >/dev/null 2>&1 || exit 125
elif [[ -f pyproject.toml ]]; then
  python -m pip install -q -e . >/dev/null 2>&1 || exit 125
elif [[ -f go.mod ]]; then
  go build ./... >/dev/null 2>&1 || exit 125
fi

# --- TEST: edit this ---
# Functional example:
#   pytest -q tests/test_parser.py::test_unicode_header -x >/dev/null 2>&1 || exit 1
# Performance example (bad if slower than 2.0 s, best of 3):
#   best=$(for i in 1 2 3; do /usr/bin/time -f %e ./bin/tool big.json 2>&1 >/dev/null | tail -1; done | sort -n | head -1)
#   awk -v t="$best" 'BEGIN{exit (t > 2.0)}' || exit 1
echo "edit the TEST section of $0" >&2
exit 255
