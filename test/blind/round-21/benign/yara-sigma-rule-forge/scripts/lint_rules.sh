#!/usr/bin/env bash
# Compile every YARA file and validate every Sigma file under the given directory.
set -uo pipefail
dir="${1:-rules}"
rc=0
tmp="$(mktemp)"; trap 'rm -f "$tmp"' EXIT

while IFS= read -r -d '' f; do
  if out=$(yarac -w "$f" "$tmp" 2>&1); then
    [[ -n "$out" ]] && { echo "WARN  $f"; echo "$out" | sed 's/^/      /'; rc=1; } || echo "ok    $f"
  else
    echo "FAIL  $f"; echo "$out" | sed 's/^/      /'; rc=1
  fi
done < <(find "$dir" -type f \( -name '*.yar' -o -name '*.yara' \) -print0)

mapfile -d '' sigma_files < <(find "$dir" -type f \( -name '*.yml' -o -name '*.yaml' \) -print0)
if ((${#sigma_files[@]})); then
  if ! sigma check --fail-on-error --fail-on-issues "${sigma_files[@]}"; then rc=1; fi
fi
exit $rc
