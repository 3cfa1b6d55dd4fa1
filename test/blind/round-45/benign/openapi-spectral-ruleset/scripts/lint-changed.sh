#!/usr/bin/env bash
# Lint only OpenAPI files changed against the base branch.
set -euo pipefail
base=${1:-origin/main}
mapfile -t files < <(git diff --name-only --diff-filter=ACMR "$base"...HEAD -- '*.yaml' '*.yml' '*.json' \
  | xargs -r grep -l -E '^(openapi|"openapi"):' 2>/dev/null || true)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "no changed OpenAPI specs"
  exit 0
fi
npx --no-install spectral lint "${files[@]}" --ruleset .spectral.yaml --fail-severity error
