#!/usr/bin/env bash
# Validate and plan an octoDNS zone; apply only with --apply.
# Usage: plan.sh ZONE. [--apply]
set -euo pipefail

zone="${1:?zone name with trailing dot, e.g. example.com.}"
mode="${2:-plan}"
config="${OCTODNS_CONFIG:-dns/config.yaml}"

[[ "$zone" == *. ]] || { echo "zone must end with a dot" >&2; exit 2; }
[[ -f "$config" ]] || { echo "missing $config" >&2; exit 2; }

mkdir -p dns/plans
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
plan_file="dns/plans/${zone%?}-${stamp}.txt"

octodns-validate --config-file "$config"
octodns-sync --config-file "$config" "$zone" 2>&1 | tee "$plan_file"

if grep -Eq 'Delete <(MxRecord|NsRecord|CaaRecord|TxtRecord)' "$plan_file"; then
  echo
  echo "NOTE: plan deletes MX/NS/CAA/TXT records. Confirm with the zone owner before applying."
fi

if [[ "$mode" == "--apply" ]]; then
  read -r -p "Apply this plan to ${zone}? Type the zone name to confirm: " answer
  if [[ "$answer" != "$zone" ]]; then
    echo "Not applied."
    exit 1
  fi
  octodns-sync --config-file "$config" --doit "$zone" 2>&1 | tee -a "$plan_file"
fi

echo "Plan saved to $plan_file"
