#!/usr/bin/env bash
# Read-only namespace error triage. Prints Markdown to stdout.
set -euo pipefail

NS="" SEL="" WIN="30m" SKIP=""
while getopts "n:l:s:x:" o; do
  case $o in
    n) NS=$OPTARG ;;
    l) SEL=$OPTARG ;;
    s) WIN=$OPTARG ;;
    x) SKIP=$OPTARG ;;
    *) echo "usage: $0 -n NS [-l selector] [-s window] [-x container]" >&2; exit 2 ;;
  esac
done
[[ -n $NS ]] || { echo "namespace required" >&2; exit 2; }

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
sel_args=(); [[ -n $SEL ]] && sel_args=(-l "$SEL")

kubectl get pods -n "$NS" "${sel_args[@]}" -o json > "$tmp/pods.json"

echo "# Triage: namespace \`$NS\` (window $WIN)"
echo
echo "## Pods"
echo
echo "| pod | workload | phase | restarts | last reason |"
echo "|-----|----------|-------|----------|-------------|"
jq -r '.items[] |
  [ .metadata.name,
    ((.metadata.ownerReferences[0].name // "-") | sub("-[a-z0-9]{8,10}$"; "")),
    .status.phase,
    ([.status.containerStatuses[]?.restartCount] | add // 0),
    ([.status.containerStatuses[]?.lastState.terminated.reason // empty] | first // "-")
  ] | "| " + (map(tostring) | join(" | ")) + " |"' "$tmp/pods.json"

jq -r '.items[] | [.metadata.name, ((.metadata.ownerReferences[0].name // .metadata.name) | sub("-[a-z0-9]{8,10}$"; "")), ([.status.containerStatuses[]?.restartCount] | add // 0)] | @tsv' \
  "$tmp/pods.json" > "$tmp/list.tsv"

while IFS=$'\t' read -r pod wl restarts; do
  {
    kubectl logs -n "$NS" "$pod" --all-containers --prefix --since="$WIN" 2>/dev/null || true
    if (( restarts > 0 )); then
      kubectl logs -n "$NS" "$pod" --all-containers --prefix --previous --tail=300 2>/dev/null || true
    fi
  } | { [[ -n $SKIP ]] && grep -v "/$SKIP\]" || cat; } \
    | grep -Ei 'error|exception|fatal|panic|refused|timeout|denied' \
    | sed -E 's/^\[[^]]+\] //' \
    | while IFS= read -r line; do
        msg=$(jq -er '.msg // .message // .error // empty' <<<"$line" 2>/dev/null || printf '%s' "$line")
        printf '%s\t%s\n' "$wl" "$msg"
      done
done < "$tmp/list.tsv" \
  | sed -E 's/[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}/<id>/g; s/([0-9]{1,3}\.){3}[0-9]{1,3}(:[0-9]+)?/<ip>/g; s/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+Z?/<ts>/g; s/\b[0-9]+\b/<n>/g' \
  | cut -c1-220 | sort | uniq -c | sort -rn | head -n 40 > "$tmp/sigs.txt"

echo
echo "## Signatures"
echo
echo "| count | workload | message |"
echo "|-------|----------|---------|"
awk '{c=$1; $1=""; sub(/^ /,""); split($0,a,"\t"); gsub(/\|/,"/",a[2]); printf "| %s | %s | `%s` |\n", c, a[1], a[2]}' "$tmp/sigs.txt"

echo
echo "## Warning events"
echo
kubectl get events -n "$NS" --field-selector type=Warning \
  -o custom-columns=COUNT:.count,REASON:.reason,OBJECT:.involvedObject.name,MESSAGE:.message \
  --sort-by=.count 2>/dev/null | tail -n 25 | sed 's/^/    /'
