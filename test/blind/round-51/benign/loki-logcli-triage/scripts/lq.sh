#!/usr/bin/env bash
# lq.sh '<logql>' [since=1h] [limit=1000] [--instant]
# Range query (log lines as JSONL) or, with --instant, a metric query printed as a table.
set -euo pipefail
q=${1:?LogQL query}; since=${2:-1h}; limit=${3:-1000}; mode=${4:-}
: "${LOKI_ADDR:?set LOKI_ADDR}"

auth=()
if [[ -n ${LOKI_BEARER_TOKEN:-} ]]; then auth=(-H "Authorization: Bearer ${LOKI_BEARER_TOKEN}")
elif [[ -n ${LOKI_USERNAME:-} ]]; then auth=(-u "${LOKI_USERNAME}:${LOKI_PASSWORD:?LOKI_PASSWORD}")
fi
[[ -n ${LOKI_ORG_ID:-} ]] && auth+=(-H "X-Scope-OrgID: ${LOKI_ORG_ID}")

to_seconds() { local n=${1%[smhd]}; case $1 in *s) echo "$n";; *m) echo $((n*60));; *h) echo $((n*3600));; *d) echo $((n*86400));; esac; }
end=$(date +%s)
start=$(( end - $(to_seconds "$since") ))

if [[ $mode == --instant ]]; then
  curl -fsS "${auth[@]}" -G "${LOKI_ADDR%/}/loki/api/v1/query_range" \
    --data-urlencode "query=$q" --data-urlencode "start=${start}000000000" \
    --data-urlencode "end=${end}000000000" --data-urlencode "step=60" \
  | jq -r '.data.result[] | (.metric | to_entries | map("\(.key)=\(.value)") | join(",")) as $m
           | .values[] | "\(.[0] | tonumber | strftime("%H:%M"))  \($m)  \(.[1])"'
  exit 0
fi

curl -fsS "${auth[@]}" -G "${LOKI_ADDR%/}/loki/api/v1/query_range" \
  --data-urlencode "query=$q" --data-urlencode "limit=$limit" \
  --data-urlencode "start=${start}000000000" --data-urlencode "end=${end}000000000" \
  --data-urlencode "direction=backward" \
| jq -c '.data.result[] | .stream as $s | .values[] | {ts: .[0], labels: $s, line: .[1]}'
