#!/usr/bin/env bash
# Read-only: pull CloudTrail event history for one access key across all enabled regions.
# Usage: key-activity.sh <ACCESS_KEY_ID> <aws-profile> [start-time ISO8601]
set -euo pipefail

key_id="${1:?access key id (AKIA... or ASIA...)}"
profile="${2:?aws cli profile with cloudtrail:LookupEvents}"
start="${3:-$(date -u -d '90 days ago' +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -v-90d +%Y-%m-%dT%H:%M:%SZ)}"

if [[ ! "$key_id" =~ ^(AKIA|ASIA)[A-Z0-9]{16}$ ]]; then
  echo "That doesn't look like an access key ID." >&2
  exit 2
fi

caller="$(aws sts get-caller-identity --profile "$profile" --query Arn --output text)"
echo "Querying as: $caller"

out="ir-$key_id"
mkdir -p "$out/regions"

regions="$(aws ec2 describe-regions --profile "$profile" --query 'Regions[].RegionName' --output text)"
for region in $regions; do
  echo "-> $region"
  aws cloudtrail lookup-events \
    --profile "$profile" \
    --region "$region" \
    --start-time "$start" \
    --lookup-attributes AttributeKey=AccessKeyId,AttributeValue="$key_id" \
    --output json > "$out/regions/$region.json" || echo "   (lookup failed in $region)"
done

python3 - "$out" <<'PY'
import json, sys, pathlib, collections
out = pathlib.Path(sys.argv[1])
rows = []
for f in sorted((out / "regions").glob("*.json")):
    try:
        events = json.loads(f.read_text() or "{}").get("Events", [])
    except json.JSONDecodeError:
        continue
    for e in events:
        detail = json.loads(e.get("CloudTrailEvent", "{}"))
        rows.append((
            e["EventTime"], f.stem, e["EventName"],
            detail.get("sourceIPAddress", "?"), detail.get("userAgent", "?")[:60],
            detail.get("errorCode", ""),
        ))
rows.sort()
by_name = collections.Counter(r[2] for r in rows)
by_ip = collections.Counter(r[3] for r in rows)
with open(out / "summary.txt", "w") as s:
    s.write(f"{len(rows)} events\n\nBy API call:\n")
    for k, v in by_name.most_common():
        s.write(f"  {v:6}  {k}\n")
    s.write("\nBy source IP:\n")
    for k, v in by_ip.most_common():
        s.write(f"  {v:6}  {k}\n")
    s.write("\nTimeline:\n")
    for r in rows:
        s.write("  " + " | ".join(str(x) for x in r) + "\n")
print((out / "summary.txt").read_text()[:4000])
PY

echo "Full results in $out/"
