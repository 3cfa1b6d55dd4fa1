#!/usr/bin/env bash
# Read-only cryptojacking sweep. Uses only kubectl get/top.
set -euo pipefail

NS_FLAG=(-A)
while getopts "n:" opt; do
  case "$opt" in
    n) NS_FLAG=(-n "$OPTARG") ;;
    *) echo "usage: $0 [-n namespace]" >&2; exit 2 ;;
  esac
done

command -v kubectl >/dev/null || { echo "kubectl not found" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq not found" >&2; exit 1; }

ctx=$(kubectl config current-context)
out="sweep-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
echo "context: $ctx" | tee "$out/README.txt"

IMG_RE='xmrig|xmr-stak|monero|minerd|cpuminer|t-rex|nbminer|lolminer|teamredminer|phoenixminer|ethminer|kdevtmpfsi|kinsing|c3pool|nanopool'
ARG_RE='stratum\+(tcp|ssl|tls)://|--donate-level|--coin[= ](monero|xmr|rvn)|--randomx-|--cpu-max-threads-hint'

kubectl get pods "${NS_FLAG[@]}" -o json > "$out/pods.json"

jq -r '.items[] | .metadata as $m | (.spec.containers + (.spec.initContainers // []))[]
       | [$m.namespace, $m.name, .name, .image] | @tsv' "$out/pods.json" \
  | awk -v re="$IMG_RE" 'BEGIN{FS=OFS="\t"} {flag = (tolower($4) ~ re) ? "FLAG" : ""; print $0, flag}' \
  > "$out/images.tsv"

jq -r '.items[] | .metadata as $m | .spec.containers[]
       | "\($m.namespace)/\($m.name) [\(.name)] \((.command // []) + (.args // []) | join(" "))"' \
  "$out/pods.json" | grep -Ei "$ARG_RE" > "$out/args-hits.txt" || true

jq -r '.items[] | select(.spec.hostPID or .spec.hostNetwork
         or any(.spec.containers[]; .securityContext.privileged == true)
         or any((.spec.volumes // [])[]; .hostPath.path == "/"))
       | [.metadata.namespace, .metadata.name, (.spec.hostPID // false), (.spec.hostNetwork // false)] | @tsv' \
  "$out/pods.json" > "$out/privileged.tsv"

if kubectl top pods "${NS_FLAG[@]}" --no-headers >/dev/null 2>&1; then
  kubectl top pods "${NS_FLAG[@]}" --no-headers | sort -k3 -h -r > "$out/cpu-top.txt"
else
  echo "metrics-server unavailable" > "$out/cpu-top.txt"
fi

since=$(date -u -d '72 hours ago' +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -v-72H +%Y-%m-%dT%H:%M:%SZ)
for kind in deployments daemonsets cronjobs; do
  kubectl get "$kind" "${NS_FLAG[@]}" -o json \
    | jq -r --arg s "$since" --arg k "$kind" '.items[] | select(.metadata.creationTimestamp > $s)
        | [$k, .metadata.namespace, .metadata.name, .metadata.creationTimestamp] | @tsv'
done > "$out/recent-workloads.tsv"

flagged=$(grep -c $'\tFLAG$' "$out/images.tsv" || true)
args=$(wc -l < "$out/args-hits.txt")
priv=$(wc -l < "$out/privileged.tsv")
recent=$(wc -l < "$out/recent-workloads.tsv")
printf 'flagged images: %s\nminer-like args: %s\nprivileged pods: %s\nrecent workloads: %s\n' \
  "$flagged" "$args" "$priv" "$recent" | tee -a "$out/README.txt"
echo "evidence in ./$out (no changes were made to the cluster)"
