#!/usr/bin/env bash
# Runs the linter on the fixture and checks each rule fires at least once.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(bash "$here/../scripts/lint_profiles.sh" "$here/fixtures.zshrc.txt")"
for rule in pipe-to-shell decode-exec shadow-alias net-hook path-hidden history-off secret-inline; do
  grep -q " $rule" <<<"$out" || { echo "FAIL: $rule not reported"; exit 1; }
done
grep -q 'brew shellenv' <<<"$out" && { echo "FAIL: brew shellenv flagged"; exit 1; }
echo "PASS"
