#!/usr/bin/env bash
# Summarise task outcomes from a Gradle console log (use --console=plain for best results).
set -euo pipefail
log="${1:?usage: cache_report.sh <gradle-log>}"

echo "== Task outcomes =="
for outcome in FROM-CACHE UP-TO-DATE EXECUTED NO-SOURCE SKIPPED; do
  n=$(grep -cE "^> Task [^ ]+ ${outcome}\$" "$log" || true)
  printf '%-12s %s\n' "$outcome" "$n"
done
# Plain console prints executed tasks with no suffix.
plain=$(grep -cE '^> Task [^ ]+$' "$log" || true)
printf '%-12s %s\n' "(no suffix)" "$plain"

echo
echo "== Build time =="
grep -E 'BUILD (SUCCESSFUL|FAILED) in' "$log" | tail -n1 || echo "not found"

if grep -q 'Publishing build scan' "$log"; then
  echo
  echo "== Build scan =="
  grep -A1 'Publishing build scan' "$log" | tail -n1
fi
