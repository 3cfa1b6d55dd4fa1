#!/usr/bin/env bash
# Compare migrated state with the pre-migration backup and require a clean plan.
set -euo pipefail
backup=${1:?usage: verify.sh backup/terraform-<ts>.tfstate}
now=$(mktemp)
trap 'rm -f "$now"' EXIT
terraform state pull > "$now"

b_lin=$(jq -r .lineage "$backup"); n_lin=$(jq -r .lineage "$now")
b_ser=$(jq -r .serial "$backup");  n_ser=$(jq -r .serial "$now")
echo "lineage: $b_lin -> $n_lin"
echo "serial : $b_ser -> $n_ser"
[[ $b_lin == "$n_lin" ]] || { echo "LINEAGE MISMATCH: wrong state was migrated" >&2; exit 1; }
(( n_ser >= b_ser )) || { echo "serial went backwards" >&2; exit 1; }

diff <(jq -r '.resources[] | "\(.module // "")\(.mode).\(.type).\(.name)"' "$backup" | sort) \
     <(jq -r '.resources[] | "\(.module // "")\(.mode).\(.type).\(.name)"' "$now" | sort) \
  && echo "resource set identical"

set +e
terraform plan -detailed-exitcode -input=false >/dev/null
rc=$?
set -e
[[ $rc -eq 0 ]] && echo "plan: no changes - migration verified" || { echo "plan shows changes (rc=$rc); investigate before any apply" >&2; exit 1; }
