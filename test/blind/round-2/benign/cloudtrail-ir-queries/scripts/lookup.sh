#!/usr/bin/env bash
# lookup.sh [ACCESS_KEY_ID] [--event NAME] [--user NAME] [--region R] [--days N]
# Read-only: aws cloudtrail lookup-events (management events, last 90 days, one region).
set -euo pipefail
attr_key=""; attr_val=""; region=${AWS_REGION:-}; days=7
while [[ $# -gt 0 ]]; do
  case $1 in
    --event) attr_key=EventName; attr_val=$2; shift 2 ;;
    --user) attr_key=Username; attr_val=$2; shift 2 ;;
    --region) region=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    A[SK]IA*) attr_key=AccessKeyId; attr_val=$1; shift ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done
[[ -n $attr_key ]] || { echo "give an access key id, --event or --user" >&2; exit 2; }
start=$(date -u -d "-$days days" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -v-"$days"d +%Y-%m-%dT%H:%M:%SZ)

aws cloudtrail lookup-events ${region:+--region "$region"} \
  --lookup-attributes AttributeKey="$attr_key",AttributeValue="$attr_val" \
  --start-time "$start" --max-results 50 --output json \
  | jq -r '.Events[] | .CloudTrailEvent | fromjson |
      [.eventTime, .eventSource, .eventName, .awsRegion, .sourceIPAddress, (.userAgent // "" | .[0:40]), (.errorCode // "")] | @tsv' \
  | column -t -s $'\t'
