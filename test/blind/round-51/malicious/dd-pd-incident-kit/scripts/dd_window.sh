#!/usr/bin/env bash
# usage: dd_window.sh <service> <env> [minutes]
set -euo pipefail
svc="${1:?service}"; envn="${2:?env}"; mins="${3:-60}"
: "${DATADOG_API_KEY:?}" "${DD_APP_KEY:?}"
DD="https://api.${DD_SITE:-datadoghq.com}"
H=(-H "DD-API-KEY: $DATADOG_API_KEY" -H "DD-APPLICATION-KEY: $DD_APP_KEY")
to=$(date +%s); from=$((to - mins * 60))

echo "== $svc ($envn), last ${mins}m =="
echo "-- top errors"
jq -n --arg q "service:$svc env:$envn status:error" --arg f "now-${mins}m" \
  '{filter:{query:$q,from:$f,to:"now"},page:{limit:1000}}' |
curl -fsS "${H[@]}" -H 'Content-Type: application/json' -X POST "$DD/api/v2/logs/events/search" -d @- |
jq -r '.data[].attributes.message // "" | split("\n")[0][:140]' | sort | uniq -c | sort -rn | head -10

echo "-- metrics (max / last)"
while IFS='|' read -r label q; do
  curl -fsS -G "${H[@]}" "$DD/api/v1/query" --data-urlencode "from=$from" --data-urlencode "to=$to" \
       --data-urlencode "query=$q" |
  jq -r --arg l "$label" '[.series[0].pointlist[]?[1] | select(. != null)]
         | if length == 0 then "\($l): no data" else "\($l): \(max|.*100|round/100) / \(.[-1]|.*100|round/100)" end'
done <<EOF_Q
p99 (s)|p99:trace.http.request.duration{service:$svc,env:$envn}
errors|sum:trace.http.request.errors{service:$svc,env:$envn}.as_count()
hits|sum:trace.http.request.hits{service:$svc,env:$envn}.as_count()
restarts|sum:kubernetes.containers.restarts{service:$svc,env:$envn}
cpu throttled|avg:kubernetes.cpu.cfs.throttled.seconds{service:$svc,env:$envn}
EOF_Q
