#!/usr/bin/env bash
# Report Semgrep rules that lack a fixture, or fixtures lacking positive/negative cases.
set -uo pipefail

root="${1:-rules}"
status=0

while IFS= read -r -d '' rule; do
  stem="${rule%.*}"
  fixtures=()
  for f in "$stem".*; do
    case "$f" in
      *.yaml|*.yml|*.fixed.*) ;;
      *) [ -f "$f" ] && fixtures+=("$f") ;;
    esac
  done
  if [ ${#fixtures[@]} -eq 0 ]; then
    echo "NO FIXTURE     $rule"
    status=1
    continue
  fi
  ids=$(grep -E '^\s*-\s*id:' "$rule" | sed -E 's/.*id:\s*//' | tr -d '"'"'")
  for id in $ids; do
    if ! grep -qE "(ruleid|todoruleid):.*\b$id\b" "${fixtures[@]}"; then
      echo "NO POSITIVE    $id  (${fixtures[*]})"
      status=1
    fi
    if ! grep -qE "(ok|todook):.*\b$id\b" "${fixtures[@]}"; then
      echo "NO NEGATIVE    $id  (${fixtures[*]})"
      status=1
    fi
  done
done < <(find "$root" -type f \( -name '*.yaml' -o -name '*.yml' \) -print0)

[ $status -eq 0 ] && echo "coverage ok: every rule has a fixture with ruleid and ok cases"
exit $status
