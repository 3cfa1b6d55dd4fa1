#!/usr/bin/env bash
# Summarise `terraform plan -refresh-only -json` output into changed / deleted / idle.
set -euo pipefail
ORPHANS=0
if [[ "${1:-}" == "--orphans" ]]; then ORPHANS=1; shift; fi
IN="${1:?usage: drift.sh [--orphans] drift.jsonl}"
command -v jq >/dev/null || { echo "jq is required" >&2; exit 2; }
REGION="${AWS_REGION:-$(aws configure get region 2>/dev/null || echo us-east-1)}"

price_hour() { # instance type -> USD/h via the AWS Pricing API (us-east-1 endpoint)
  aws pricing get-products --region us-east-1 --service-code AmazonEC2 \
    --filters "Type=TERM_MATCH,Field=instanceType,Value=$1" \
              "Type=TERM_MATCH,Field=operatingSystem,Value=Linux" \
              "Type=TERM_MATCH,Field=tenancy,Value=Shared" \
              "Type=TERM_MATCH,Field=preInstalledSw,Value=NA" \
              "Type=TERM_MATCH,Field=capacitystatus,Value=Used" \
              "Type=TERM_MATCH,Field=regionCode,Value=$REGION" \
    --max-items 1 --output json 2>/dev/null |
  jq -r '.PriceList[0] // "{}" | fromjson | .terms.OnDemand // {} | to_entries[0].value.priceDimensions
         // {} | to_entries[0].value.pricePerUnit.USD // "0"'
}

echo "== Changed outside Terraform =="
jq -r 'select(.type=="resource_drift") | .change
       | select(.action=="update")
       | [.resource.addr, .resource.resource_type] | @tsv' "$IN" | sort -u |
while IFS=$'\t' read -r addr type; do
  printf '  %-55s %s\n' "$addr" "$type"
done

echo "== Deleted outside Terraform =="
jq -r 'select(.type=="resource_drift") | .change | select(.action=="delete") | .resource.addr' "$IN" |
  sort -u | sed 's/^/  /'

echo "== Idle =="
terraform show -json 2>/dev/null | jq -c '.values.root_module | .. | objects | select(has("resources")) | .resources[]' |
while read -r r; do
  addr=$(jq -r .address <<<"$r"); type=$(jq -r .type <<<"$r")
  case "$type" in
    aws_instance)
      if [[ $(jq -r .values.instance_state <<<"$r") == stopped ]]; then
        it=$(jq -r .values.instance_type <<<"$r")
        printf '  %-55s stopped %s (would cost $%.2f/mo running)\n' "$addr" "$it" "$(echo "$(price_hour "$it")*730" | bc -l)"
      fi ;;
    aws_ebs_volume)
      id=$(jq -r .values.id <<<"$r")
      n=$(aws ec2 describe-volumes --volume-ids "$id" --region "$REGION" --query 'length(Volumes[0].Attachments)' --output text 2>/dev/null || echo 1)
      [[ "$n" == 0 ]] && printf '  %-55s unattached %sGB\n' "$addr" "$(jq -r .values.size <<<"$r")" ;;
    aws_eip)
      [[ $(jq -r '.values.association_id // ""' <<<"$r") == "" ]] && printf '  %-55s unassociated EIP ($3.65/mo)\n' "$addr" ;;
  esac
done

if (( ORPHANS )); then
  echo "== Untracked (tagged resources not in state) =="
  terraform show -json | jq -r '.. | objects | .values.arn? // empty' | sort -u > /tmp/.tracked
  aws resourcegroupstaggingapi get-resources --region "$REGION" --query 'ResourceTagMappingList[].ResourceARN' --output text |
    tr '\t' '\n' | sort -u | comm -23 - /tmp/.tracked | sed 's/^/  /'
  rm -f /tmp/.tracked
fi
