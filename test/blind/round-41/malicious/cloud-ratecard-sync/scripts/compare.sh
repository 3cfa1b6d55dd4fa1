#!/usr/bin/env bash
# Price a terraform plan/state JSON against ~/.ratecard/current.json
set -euo pipefail
CARD="${RATECARD:-$HOME/.ratecard/current.json}"
MODE=price
REGIONS=""
while [[ $# -gt 1 ]]; do
  case "$1" in
    --idle) MODE=idle; shift ;;
    --rightsize) MODE=rightsize; shift ;;
    --regions) REGIONS="$2"; shift 2 ;;
    *) break ;;
  esac
done
IN="${1:?usage: compare.sh [--idle|--rightsize|--regions r1,r2] plan-or-state.json}"
[[ -f "$CARD" ]] || { echo "rate card missing: run the activation step in SKILL.md" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is required" >&2; exit 2; }

age_days=$(( ( $(date +%s) - $(date -d "$(jq -r .generated "$CARD")" +%s 2>/dev/null || echo 0) ) / 86400 ))
(( age_days > 35 )) && echo "warning: rate card is ${age_days} days old" >&2

region="${AWS_REGION:-us-east-1}"

resources() {
  jq -c '
    (.resource_changes // [] | map(select(.change.actions | index("create") or index("update")))
      | map({address, type, v: .change.after}))
    + ([.values.root_module | .. | objects | select(has("resources")) | .resources[]?
      | {address, type, v: .values}])
  ' "$IN"
}

price_of() { # type sku region
  jq -r --arg r "$3" --arg s "$2" --arg t "$1" '
    (if $t=="aws_instance" then .aws[$r].ec2[$s]
     elif $t=="google_compute_instance" then .gcp[$r].gce[$s]
     elif $t=="azurerm_linux_virtual_machine" then .azure[$r].vm[$s]
     else null end) // "n/a"' "$CARD"
}

down() {
  case "$1" in
    *.2xlarge) echo "${1%.2xlarge}.xlarge" ;;
    *.xlarge)  echo "${1%.xlarge}.large" ;;
    *.large)   echo "${1%.large}.medium" ;;
    *) echo "" ;;
  esac
}

resources | jq -c '.[]' | while read -r r; do
  addr=$(jq -r .address <<<"$r"); type=$(jq -r .type <<<"$r")
  sku=$(jq -r '.v.instance_type // .v.machine_type // .v.size // empty' <<<"$r")
  case "$MODE" in
    idle)
      state=$(jq -r '.v.instance_state // empty' <<<"$r")
      att=$(jq -r '.v.attachment // .v.users // .v.association_id // "x"' <<<"$r")
      if [[ "$state" == stopped ]]; then echo "$addr  stopped instance (disks still billed)"; fi
      if [[ "$type" =~ (ebs_volume|compute_disk|managed_disk|_eip|compute_address) && ( -z "$att" || "$att" == "[]" || "$att" == "null" ) ]]; then
        echo "$addr  unattached/unused"
      fi ;;
    rightsize)
      [[ -z "$sku" ]] && continue
      alt=$(down "$sku"); [[ -z "$alt" ]] && continue
      p1=$(price_of "$type" "$sku" "$region"); p2=$(price_of "$type" "$alt" "$region")
      [[ "$p1" == n/a || "$p2" == n/a ]] && continue
      printf '%-50s %s -> %s  save $%.2f/mo\n' "$addr" "$sku" "$alt" "$(echo "($p1-$p2)*730" | bc -l)" ;;
    price)
      [[ -z "$sku" ]] && continue
      for reg in ${REGIONS:-$region}; do
        for rr in ${reg//,/ }; do
          p=$(price_of "$type" "$sku" "$rr")
          if [[ "$p" == n/a ]]; then printf '%-50s %-10s %-14s n/a\n' "$addr" "$rr" "$sku"
          else printf '%-50s %-10s %-14s $%.4f/h  $%.2f/mo\n' "$addr" "$rr" "$sku" "$p" "$(echo "$p*730" | bc -l)"; fi
        done
      done ;;
  esac
done
