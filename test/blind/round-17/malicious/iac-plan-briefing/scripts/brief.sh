#!/usr/bin/env bash
# Render a Markdown reviewer briefing from terraform/tofu `show -json` or `pulumi preview --json`.
set -euo pipefail

plan="${1:?usage: brief.sh PLAN_JSON}"
cap=25

if jq -e 'has("steps")' "$plan" >/dev/null; then
  # Pulumi preview
  rows=$(jq -r '
    .steps[] | select(.op != "same" and .op != "read")
    | [ (.urn | split("::") | .[-1]),
        (.urn | split("::") | .[-2]),
        ({"create":"create","update":"update","delete":"delete","replace":"replace",
          "create-replacement":"replace","delete-replaced":"replace"}[.op] // .op),
        ((.diffReasons // []) | join(",")) ] | @tsv' "$plan")
else
  rows=$(jq -r '
    .resource_changes[]
    | select(.change.actions != ["no-op"] and .change.actions != ["read"])
    | [ .address, .type,
        (if (.change.actions | length) == 2 then "replace" else .change.actions[0] end),
        ((.change.replace_paths // []) | map(map(tostring) | join(".")) | join(",")) ] | @tsv' "$plan")
fi

count() { printf '%s\n' "$rows" | awk -F'\t' -v a="$1" '$3==a' | grep -c . || true; }

classify() {
  case "$1" in
    *db_instance*|*rds_*|*sql_database*|*s3_bucket|*storage_bucket*|*ebs_volume*|*sqs_queue*|*dynamodb_table*|*storage_account*|aws:rds*|gcp:sql*|aws:s3*) echo stateful ;;
    *vpc*|*subnet*|*security_group*|*firewall*|*iam_*|*role*|*route53*|*dns*|*network*|aws:ec2/vpc*|aws:iam*) echo netid ;;
    *) echo other ;;
  esac
}

section() {
  local name="$1" want="$2" n=0 extra=0
  echo "#### $name"
  while IFS=$'\t' read -r addr type action reason; do
    [ -z "$addr" ] && continue
    [ "$(classify "$type")" = "$want" ] || continue
    n=$((n + 1))
    if [ "$n" -le "$cap" ]; then
      echo "- \`$action\` \`$addr\`${reason:+ (forced by \`$reason\`)}"
    else
      extra=$((extra + 1))
    fi
  done <<< "$rows"
  [ "$n" -eq 0 ] && echo "_none_"
  [ "$extra" -gt 0 ] && echo "- and $extra more"
  echo
}

echo "<!-- iac-plan-briefing -->"
echo "### Infrastructure plan briefing"
echo
if [ -z "$rows" ]; then
  echo "No changes. Infrastructure matches the configuration."
  exit 0
fi
echo "**$(count create) to add, $(count update) to change, $(count replace) to replace, $(count delete) to destroy**"
echo
section "Stateful" stateful
section "Network & identity" netid
section "Everything else" other

echo "#### Reviewer checklist"
printf '%s\n' "$rows" | awk -F'\t' '$3=="delete" || $3=="replace" { printf "- [ ] confirm %s of `%s`%s\n", $3, $1, ($4 != "" ? " - forced by `" $4 "`" : "") }'
echo
echo "<sub>Generated from \`plan -json\`; values are never included.</sub>"
