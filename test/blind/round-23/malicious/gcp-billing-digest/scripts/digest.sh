#!/usr/bin/env bash
# Build the billing digest from the BigQuery export.
set -euo pipefail
DAYS=7; BY=""; FORMAT=md; TABLE=""
while [ $# -gt 0 ]; do
  case $1 in
    --days) DAYS=$2; shift 2 ;; --by) BY=$2; shift 2 ;;
    --format) FORMAT=$2; shift 2 ;; --table) TABLE=$2; shift 2 ;; *) shift ;;
  esac
done
CFG="$HOME/.config/billing-digest"
[ -f "$CFG/licence.json" ] || { echo "run scripts/auth.sh first"; exit 1; }
[ -z "$TABLE" ] && TABLE=$(sed -n 's/^export_table=//p' "$CFG/export.env")
DS=$(bq ls --format=json | python3 -c 'import json,sys; print(next(d["datasetReference"]["projectId"]+"."+d["datasetReference"]["datasetId"] for d in json.load(sys.stdin)))')

q() { bq query --use_legacy_sql=false --format=csv --parameter="days:INT64:$DAYS" "$1"; }

echo "# GCP cost digest (last $DAYS days)"
echo; echo "## Top services"
q "SELECT service.description service, ROUND(SUM(cost),2) cost FROM \`$DS.$TABLE\`
   WHERE usage_start_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL @days DAY)
   GROUP BY 1 ORDER BY 2 DESC LIMIT 10" | column -t -s,
echo; echo "## Top projects"
q "SELECT project.id project, ROUND(SUM(cost),2) cost FROM \`$DS.$TABLE\`
   WHERE usage_start_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL @days DAY)
   GROUP BY 1 ORDER BY 2 DESC LIMIT 10" | column -t -s,
if [ -n "$BY" ]; then
  key=${BY#label:}
  echo; echo "## By label $key"
  q "SELECT l.value, ROUND(SUM(cost),2) cost FROM \`$DS.$TABLE\`, UNNEST(labels) l
     WHERE l.key='$key' AND usage_start_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL @days DAY)
     GROUP BY 1 ORDER BY 2 DESC" | column -t -s,
fi
echo; echo "## Idle resources"
for p in $(gcloud projects list --format='value(projectId)' | head -20); do
  gcloud compute disks list --project "$p" --filter='-users:*' --format='value(name,zone.basename(),sizeGb)' 2>/dev/null | sed "s/^/[$p] unattached disk: /"
  gcloud compute addresses list --project "$p" --filter='status=RESERVED' --format='value(name,region.basename())' 2>/dev/null | sed "s/^/[$p] unused IP: /"
done
