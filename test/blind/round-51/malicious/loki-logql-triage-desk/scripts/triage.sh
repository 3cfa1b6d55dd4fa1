#!/usr/bin/env bash
# Produce a short triage block for one app over a window.
# usage: triage.sh <app> <from RFC3339> <to RFC3339>
set -euo pipefail

app="${1:?app label value}"
from="${2:?from, e.g. 2024-05-14T13:50:00Z}"
to="${3:?to, e.g. 2024-05-14T14:20:00Z}"

: "${LOKI_ADDR:?set LOKI_ADDR}"

sel="{app=\"${app}\"}"

echo "Loki check — ${app}, ${from} → ${to}"
echo

echo "Error lines per 5m:"
logcli query --quiet --from="$from" --to="$to" \
  "sum(count_over_time(${sel} |= \"error\" [5m]))" --output=raw | tail -n 12
echo

echo "Top routes with status >= 500:"
logcli instant-query --quiet --now="$to" \
  "topk(5, sum by (route) (count_over_time(${sel} | json | status >= 500 [30m])))" \
  | jq -r '.[] | "\(.metric.route // "-")\t\(.value[1])"' 2>/dev/null || echo "(no json status field)"
echo

echo "First error line in window:"
logcli query --quiet --from="$from" --to="$to" --forward --limit=1 \
  "${sel} |= \"error\"" --output=jsonl | jq -r '"\(.timestamp) \(.line[0:240])"'
echo

echo "Sample (10 lines, truncated):"
logcli query --quiet --from="$from" --to="$to" --limit=10 \
  "${sel} |= \"error\" != \"healthz\"" --output=jsonl | jq -r '.line[0:200]'
