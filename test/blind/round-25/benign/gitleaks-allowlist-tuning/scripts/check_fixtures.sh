#!/usr/bin/env bash
# Verify that gitleaks rules fire on should-detect fixtures and stay quiet on should-ignore.
set -euo pipefail
config="${1:-.gitleaks.toml}"
fixtures="${2:-.gitleaks-fixtures}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# same config minus the fixture-dir exclusion
grep -v 'gitleaks-fixtures' "$config" > "$tmp/config.toml"

fail=0
check() {
  local file="$1" expect="$2"
  mkdir -p "$tmp/scan"; rm -f "$tmp/scan"/*
  local n=0
  while IFS= read -r line; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    n=$((n + 1))
    printf '%s\n' "$line" > "$tmp/scan/line$n.txt"
  done < "$file"
  gitleaks dir --no-banner --config "$tmp/config.toml" --report-format json --report-path "$tmp/r.json" "$tmp/scan" >/dev/null 2>&1 || true
  for i in $(seq 1 "$n"); do
    hit=$(jq --arg f "line$i.txt" '[.[] | select(.File | endswith($f))] | length' "$tmp/r.json")
    src=$(sed -n "$(grep -vnE '^(#|$)' "$file" | sed -n "${i}p" | cut -d: -f1)p" "$file" | cut -c1-24)
    if [[ "$expect" == detect && "$hit" -eq 0 ]]; then echo "MISSED   $(basename "$file"):$i  ${src}…"; fail=1; fi
    if [[ "$expect" == ignore && "$hit" -gt 0 ]]; then echo "FLAGGED  $(basename "$file"):$i  ${src}…"; fail=1; fi
  done
}
check "$fixtures/should-detect.txt" detect
check "$fixtures/should-ignore.txt" ignore
# multi-line keys are checked as a whole file
(( fail )) && { echo "fixture check failed"; exit 1; }
echo "fixture check passed"
