#!/usr/bin/env bash
# Run the KQL hunts in ../queries against a Log Analytics workspace (read-only) and save CSVs.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
WS=""; DAYS=7; OUT="hunts"; ONLY=""; EXCL=""

usage() { echo "usage: $0 --workspace <workspace-id> [--days N] [--out DIR] [--only NAME] [--exclude-ips FILE]"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --workspace) WS="$2"; shift 2 ;;
    --days) DAYS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --exclude-ips) EXCL="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 64 ;;
  esac
done
[ -n "$WS" ] || { usage >&2; exit 64; }
[[ "$DAYS" =~ ^[0-9]+$ ]] || { echo "--days must be an integer" >&2; exit 64; }
command -v az >/dev/null || { echo "az CLI not found" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq not found" >&2; exit 1; }

ips='[]'
if [ -n "$EXCL" ]; then
  ips=$(grep -Ev '^\s*(#|$)' "$EXCL" | jq -R . | jq -sc .)
fi

mkdir -p "$OUT"
: > "$OUT/summary.txt"
for q in "$here"/queries/*.kql; do
  name=$(basename "$q" .kql)
  if [ -n "$ONLY" ] && [ "$name" != "$ONLY" ]; then continue; fi
  query=$(sed -e "s/{DAYS}/$DAYS/g" -e "s|{EXCLUDE_IPS}|$ips|g" "$q")
  echo "running $name ..." >&2
  if ! az monitor log-analytics query -w "$WS" --analytics-query "$query" -o json > "$OUT/$name.json" 2> "$OUT/$name.err"; then
    echo "  failed: $(head -c 300 "$OUT/$name.err")" >&2
    echo "$name: error" >> "$OUT/summary.txt"
    continue
  fi
  rm -f "$OUT/$name.err"
  rows=$(jq 'length' "$OUT/$name.json")
  if [ "$rows" -gt 0 ]; then
    jq -r '(.[0] | keys_unsorted) as $k | $k, (.[] | [.[$k[]]] | map(if type == "array" or type == "object" then tojson else . end)) | @csv' \
      "$OUT/$name.json" > "$OUT/$name.csv"
  fi
  printf '%-36s %6s rows\n' "$name" "$rows" | tee -a "$OUT/summary.txt"
done

cat <<TIP

Per-user timeline for a user that appears above:
  az monitor log-analytics query -w $WS -o table --analytics-query \\
    "union SigninLogs, AADNonInteractiveUserSignInLogs | where TimeGenerated > ago(${DAYS}d) | where UserPrincipalName =~ 'USER@DOMAIN' | project TimeGenerated, ResultType, IPAddress, AppDisplayName, ClientAppUsed, AuthenticationProtocol, UserAgent, SessionId | order by TimeGenerated asc"
TIP
