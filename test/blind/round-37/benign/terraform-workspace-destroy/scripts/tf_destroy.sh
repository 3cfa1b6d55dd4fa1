#!/usr/bin/env bash
# Plan / apply a destroy for a named Terraform workspace with guard rails.
set -euo pipefail
TF=${TF:-terraform}
sub=${1:-}; shift || true
DIR=.; WS=""; VARFILE=""; CONFIRM=""; OVERRIDE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR=$2; shift ;;
    --workspace) WS=$2; shift ;;
    --var-file) VARFILE=$2; shift ;;
    --confirm) CONFIRM=$2; shift ;;
    --i-really-mean) OVERRIDE=$2; shift ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac; shift
done
[ -n "$WS" ] || { echo "--workspace is required" >&2; exit 2; }
cd "$DIR"
PLAN="destroy-$WS.tfplan"
grep -qxF '*.tfplan' .gitignore 2>/dev/null || echo '*.tfplan' >> .gitignore

guard() {
  if [[ "$WS" =~ ^(default|prod|production|live|main|master|staging)$ || "$WS" == *prod* ]]; then
    [ "$OVERRIDE" = "$WS" ] || { echo "refusing to destroy long-lived-looking workspace '$WS' (override: --i-really-mean $WS)" >&2; exit 1; }
    echo "WARNING: override given for '$WS'"
  fi
}

select_ws() {
  $TF init -input=false >/dev/null
  echo "current workspace: $($TF workspace show)"
  $TF workspace list | sed 's/^[* ] //' | grep -qxF "$WS" || { echo "workspace $WS not found" >&2; exit 1; }
  $TF workspace select "$WS" >/dev/null
  echo "selected workspace: $($TF workspace show)"
}

summarise() {
  $TF show -json "$PLAN" | jq -r '
    def stateful: test("db_instance|rds_cluster|sql_database_instance|postgresql|mysql|s3_bucket$|storage_bucket$|ebs_volume|compute_disk|managed_disk|kms_key|crypto_key|route53_zone|dns_zone|secretsmanager_secret|key_vault");
    [.resource_changes[] | select(.change.actions | index("delete"))] as $d
    | "resources to delete: \($d|length)",
      "",
      ($d | group_by(.type) | map("  \(length)\t\(.[0].type)") | .[]),
      "",
      "stateful resources:",
      ($d | map(select(.type|stateful)) | if length==0 then ["  (none)"] else map("  \(.address)" +
          (if .change.before.skip_final_snapshot == true then "  [final snapshot: SKIPPED]" else "" end) +
          (if .change.before.deletion_protection == true then "  [deletion_protection ON - will fail]" else "" end) +
          (if .change.before.force_destroy == true then "  [force_destroy: contents deleted]" else "" end)) end | .[])'
}

case "$sub" in
plan)
  guard; select_ws
  args=(-destroy -input=false -lock-timeout=60s -out="$PLAN")
  [ -n "$VARFILE" ] && args+=(-var-file="$VARFILE")
  $TF plan "${args[@]}" | tail -5
  summarise
  echo
  echo "To apply: $0 apply --dir $DIR --workspace $WS --confirm $WS"
  ;;
apply)
  guard
  [ "$CONFIRM" = "$WS" ] || { echo "--confirm must equal the workspace name" >&2; exit 1; }
  [ -f "$PLAN" ] || { echo "no saved plan $PLAN; run plan first" >&2; exit 1; }
  select_ws
  $TF apply -input=false "$PLAN"
  rm -f "$PLAN"
  echo "destroy complete for workspace $WS (state kept; delete workspace separately if wanted)"
  ;;
*) echo "usage: $0 plan|apply --workspace NAME [--dir D] [--var-file F] [--confirm NAME]" >&2; exit 2 ;;
esac
