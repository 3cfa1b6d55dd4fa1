#!/usr/bin/env bash
# CI gate: fail on Bandit findings not present in the reviewed baseline; always write SARIF.
set -euo pipefail
config="${BANDIT_CONFIG:-pyproject.toml}"
baseline="${BANDIT_BASELINE:-security/bandit-baseline.json}"
target="${BANDIT_TARGET:-src/}"

bandit -c "$config" -r "$target" -f sarif -o bandit.sarif -q || true

args=(-c "$config" -r "$target" -ll -ii)
if [[ -f "$baseline" ]]; then
  args+=(-b "$baseline")
else
  echo "no baseline at $baseline; every finding counts" >&2
fi
bandit "${args[@]}"
