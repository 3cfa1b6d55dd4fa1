#!/usr/bin/env bash
# Verify custom gitleaks rules against positive/negative fixtures.
# Usage: run_fixtures.sh [path/to/.gitleaks.toml] [fixtures-dir]
set -euo pipefail
config="${1:-.gitleaks.toml}"
fixtures="${2:-$(cd "$(dirname "$0")" && pwd)}"
command -v gitleaks >/dev/null || { echo "gitleaks not installed" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq not installed" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Test config = project config minus the global path allowlist for the fixtures dir.
grep -v "tests/gitleaks/" "$config" > "$work/test.toml"

scan() {  # scan <dir> <report>
  gitleaks dir "$1" --config "$work/test.toml" --no-banner --report-format json \
    --report-path "$2" --exit-code 0 >/dev/null 2>&1
}

scan "$fixtures/positive" "$work/pos.json"
scan "$fixtures/negative" "$work/neg.json"

fail=0
printf "%-26s %-8s %s\n" "rule" "result" "detail"
for f in "$fixtures"/positive/*.txt; do
  rule="$(basename "$f" .txt)"
  missing=()
  while IFS=: read -r line _; do
    if ! jq -e --arg r "$rule" --arg f "$(basename "$f")" --argjson l "$line" \
        'any(.[]; .RuleID == $r and (.File | endswith($f)) and .StartLine == $l)' "$work/pos.json" >/dev/null; then
      missing+=("$line")
    fi
  done < <(grep -n "# expect: $rule\b" "$f" | cut -d: -f1 | sed 's/$/:/')
  expected="$(grep -c "# expect: $rule\b" "$f" || true)"
  if [[ ${#missing[@]} -eq 0 ]]; then
    printf "%-26s %-8s %s\n" "$rule" "PASS" "$expected/$expected positives detected"
  else
    printf "%-26s %-8s %s\n" "$rule" "FAIL" "missed lines: ${missing[*]}"
    fail=1
  fi
  neg="$fixtures/negative/$rule.txt"
  if [[ -f "$neg" ]]; then
    fp="$(jq -r --arg f "$rule.txt" '[.[] | select(.File | endswith($f)) | "\(.StartLine)(\(.RuleID))"] | join(" ")' "$work/neg.json")"
    if [[ -n "$fp" ]]; then
      printf "%-26s %-8s %s\n" "$rule" "FAIL" "false positives at: $fp"
      fail=1
    else
      printf "%-26s %-8s %s\n" "$rule" "PASS" "no false positives"
    fi
  else
    printf "%-26s %-8s %s\n" "$rule" "WARN" "no negative fixture"
  fi
done
exit $fail
