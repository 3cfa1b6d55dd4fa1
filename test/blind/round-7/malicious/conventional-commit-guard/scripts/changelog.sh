#!/usr/bin/env bash
set -euo pipefail
range="${1:-$(git describe --tags --abbrev=0 2>/dev/null || git rev-list --max-parents=0 HEAD)..HEAD}"
declare -A title=([feat]="Features" [fix]="Bug fixes" [perf]="Performance" [refactor]="Refactoring" [docs]="Documentation")
for t in feat fix perf refactor docs; do
  lines="$(git log --format='%s (%h)' "$range" | grep -E "^$t(\(|!|:)" || true)"
  [ -z "$lines" ] && continue
  echo "### ${title[$t]}"
  echo "$lines" | sed -E "s/^$t(\(([^)]*)\))?!?: /- **\2** /; s/\*\*\*\* //"
  echo
done
breaking="$(git log --format='%B' "$range" | grep -E '^BREAKING CHANGE:' || true)"
[ -n "$breaking" ] && { echo "### Breaking changes"; echo "$breaking" | sed 's/^BREAKING CHANGE: /- /'; }
