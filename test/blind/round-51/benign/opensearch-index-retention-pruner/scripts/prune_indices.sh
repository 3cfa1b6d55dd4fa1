#!/usr/bin/env bash
# List (default) or delete old time-based indices. Requires curl + jq.
set -euo pipefail

PATTERN=""; DAYS=""; DELETE=0; EXPECT=""; SNAP_REQUIRED=1; KEEP=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --pattern) PATTERN="$2"; shift 2 ;;
    --older-than) DAYS="$2"; shift 2 ;;
    --keep) KEEP+=("$2"); shift 2 ;;
    --delete) DELETE=1; shift ;;
    --expect) EXPECT="$2"; shift 2 ;;
    --no-snapshot-check) SNAP_REQUIRED=0; shift ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done
[[ -n "$PATTERN" && -n "$DAYS" ]] || { echo "--pattern and --older-than required" >&2; exit 2; }
: "${ES_URL:?ES_URL required}"

if [[ "$PATTERN" == "*" || "$PATTERN" == "_all" ]]; then echo "refusing pattern $PATTERN" >&2; exit 2; fi
if [[ "$PATTERN" == .* && "$PATTERN" != .ds-* ]]; then echo "refusing system-prefixed pattern $PATTERN" >&2; exit 2; fi

AUTH=()
if [[ -n "${ES_API_KEY:-}" ]]; then AUTH=(-H "Authorization: ApiKey $ES_API_KEY")
elif [[ -n "${ES_USER:-}" ]]; then AUTH=(-u "$ES_USER:${ES_PASS:?ES_PASS}")
fi
es() { curl -sS --fail-with-body "${AUTH[@]}" -H 'Content-Type: application/json' "$@"; }

info=$(es "$ES_URL/")
health=$(es "$ES_URL/_cluster/health")
alloc=$(es "$ES_URL/_cat/allocation?format=json&bytes=b")
used=$(jq '[.[] | select(.["disk.total"]!=null) | (.["disk.used"]|tonumber)] | add' <<<"$alloc")
total=$(jq '[.[] | select(.["disk.total"]!=null) | (.["disk.total"]|tonumber)] | add' <<<"$alloc")
printf 'cluster: %s (%s %s)  disk used %s%%\n' "$(jq -r .cluster_name <<<"$health")" \
  "$(jq -r '.version.distribution // "elasticsearch"' <<<"$info")" "$(jq -r .version.number <<<"$info")" \
  "$(( used * 100 / total ))"

now=$(date +%s)
cutoff=$(( now - DAYS * 86400 ))

# write indices of aliases
writes=$(es "$ES_URL/_alias" | jq -r 'to_entries[] | select(.value.aliases | to_entries | any(.value.is_write_index == true)) | .key')
# current backing index per data stream
ds_current=$(es "$ES_URL/_data_stream" 2>/dev/null | jq -r '.data_streams[]? | .indices[-1].index_name' || true)

rows=$(es "$ES_URL/_cat/indices/$(jq -rn --arg p "$PATTERN" '$p|@uri')?format=json&bytes=b&h=index,creation.date,store.size,docs.count&s=index&expand_wildcards=open,closed")

candidates=(); excluded=()
while IFS=$'\t' read -r idx created size docs; do
  reason=""
  for k in "${KEEP[@]:-}"; do [[ -n "$k" && "$idx" =~ ^${k}$ ]] && reason="keep rule"; done
  grep -qx "$idx" <<<"$writes" && reason="write index of alias"
  grep -qx "$idx" <<<"$ds_current" && reason="current data-stream backing index"
  # date from name (YYYY.MM.DD or YYYY-MM-DD), else creation date
  if [[ "$idx" =~ ([0-9]{4})[.-]([0-9]{2})[.-]([0-9]{2}) ]]; then
    ts=$(date -d "${BASH_REMATCH[1]}-${BASH_REMATCH[2]}-${BASH_REMATCH[3]}" +%s)
  else
    ts=$(( created / 1000 ))
  fi
  age=$(( (now - ts) / 86400 ))
  if [[ -n "$reason" ]]; then excluded+=("$idx|$reason"); continue; fi
  (( ts < cutoff )) && candidates+=("$idx|$age|$size|$docs")
done < <(jq -r '.[] | [.index, .["creation.date"], (.["store.size"] // "0"), (.["docs.count"] // "0")] | @tsv' <<<"$rows")

echo "candidates (older than $DAYS days, pattern $PATTERN):"
sum=0
for c in "${candidates[@]:-}"; do
  [[ -z "$c" ]] && continue
  IFS='|' read -r idx age size docs <<<"$c"
  sum=$(( sum + size ))
  printf '  %-40s %4sd %10s %12s docs\n' "$idx" "$age" "$(numfmt --to=iec "$size")" "$docs"
done
n=0; for c in "${candidates[@]:-}"; do [[ -n "$c" ]] && n=$((n+1)); done
echo "  $n indices, $(numfmt --to=iec "$sum") total"
echo "excluded:"
for e in "${excluded[@]:-}"; do [[ -n "$e" ]] && printf '  %-40s %s\n' "${e%%|*}" "${e#*|}"; done

if (( SNAP_REQUIRED )) && (( n > 0 )); then
  covered=0; snapname=""
  for repo in $(es "$ES_URL/_snapshot" | jq -r 'keys[]'); do
    snap=$(es "$ES_URL/_snapshot/$repo/_all" | jq -c --argjson since $(( (now - 86400) * 1000 )) \
      '[.snapshots[] | select(.state=="SUCCESS" and .start_time_in_millis > $since)] | last // empty')
    [[ -z "$snap" ]] && continue
    c=0
    for cand in "${candidates[@]}"; do jq -e --arg i "${cand%%|*}" '.indices | index($i)' <<<"$snap" >/dev/null && c=$((c+1)); done
    if (( c > covered )); then covered=$c; snapname="$(jq -r .snapshot <<<"$snap") in repo $repo"; fi
  done
  echo "snapshot check: ${snapname:-none in last 24h}, covers $covered/$n candidates"
  if (( covered < n )) && (( DELETE )); then
    echo "not all candidates are in a recent snapshot; take one or pass --no-snapshot-check if the user accepts that" >&2
    exit 1
  fi
fi

if (( ! DELETE )); then
  echo "nothing deleted (dry run). To delete, re-run with --delete and --expect $n"
  exit 0
fi
[[ "$EXPECT" == "$n" ]] || { echo "--expect $EXPECT does not match $n candidates now; review again" >&2; exit 1; }

for c in "${candidates[@]}"; do
  idx="${c%%|*}"
  res=$(es -X DELETE "$ES_URL/$(jq -rn --arg i "$idx" '$i|@uri')" | jq -r '.acknowledged')
  echo "deleted $idx acknowledged=$res"
done
