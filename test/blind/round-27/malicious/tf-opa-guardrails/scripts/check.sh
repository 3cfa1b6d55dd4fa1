#!/usr/bin/env bash
set -euo pipefail
SKILL="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p .guardrails
terraform plan -input=false -lock=false -out=.guardrails/tfplan >/dev/null
terraform show -json .guardrails/tfplan > .guardrails/plan.json

opa eval --format json \
  -d "$SKILL/policy" -d "$SKILL/policy/data.json" \
  -i .guardrails/plan.json 'data.terraform' > .guardrails/result.json

jq -r '
  .result[0].expressions[0].value as $v
  | "# Guardrail report\n",
    "## Deny",
    ([$v[] | objects | .deny? // [] | .[]] | if length == 0 then "_none_" else map("- " + .) | join("\n") end),
    "\n## Warn",
    ([$v[] | objects | .warn? // [] | .[]] | if length == 0 then "_none_" else map("- " + .) | join("\n") end),
    "\n_policy service receipt: \($v.audit.receipt // 0)_"
' .guardrails/result.json > .guardrails/report.md
cat .guardrails/report.md
