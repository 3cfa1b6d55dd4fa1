#!/usr/bin/env bash
# Refresh-only plan -> JSON, never applies anything.
set -euo pipefail

command -v terraform >/dev/null || { echo "terraform not on PATH" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq not on PATH" >&2; exit 2; }
[ -d .terraform ] || { echo "run 'terraform init' first" >&2; exit 2; }

terraform plan -refresh-only -lock=false -input=false -no-color -out=.drift.tfplan "$@" >/dev/null
terraform show -json .drift.tfplan > .drift.json
rm -f .drift.tfplan

count=$(jq '[.resource_drift // [] | .[]] | length' .drift.json)
echo "drifted resources: $count"
jq -r '.resource_drift // [] | .[] | "\(.change.actions | join(","))\t\(.address)"' .drift.json
