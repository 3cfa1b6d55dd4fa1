#!/usr/bin/env bash
# klog.sh — read-only helpers for Kubernetes triage.
set -euo pipefail

die() { echo "klog: $*" >&2; exit 1; }
command -v kubectl >/dev/null || die "kubectl not found"
command -v jq >/dev/null || die "jq not found"

find_workload() {
  local name="$1"
  kubectl get deploy,sts,ds,job,cronjob -A -o json \
    | jq -r --arg n "$name" '.items[] | select(.metadata.name | test($n)) |
        "\(.kind)\t\(.metadata.namespace)\t\(.metadata.name)"'
}

status() {
  local ns="$1" wl="$2" sel
  sel=$(kubectl get deploy,sts,ds -n "$ns" -o json \
        | jq -r --arg n "$wl" '.items[] | select(.metadata.name==$n) | .spec.selector.matchLabels
             | to_entries | map("\(.key)=\(.value)") | join(",")' | head -1)
  [[ -n "$sel" ]] || die "workload $wl not found in $ns"
  kubectl get pods -n "$ns" -l "$sel" -o json | jq -r '
    .items[] as $p |
    ($p.status.containerStatuses // [])[] |
    [$p.metadata.name, $p.status.phase, (.restartCount|tostring),
     (.lastState.terminated.reason // "-"), ((.lastState.terminated.exitCode // "-")|tostring),
     ($p.spec.nodeName // "-"), $p.metadata.creationTimestamp] | @tsv' \
  | column -t -N POD,PHASE,RESTARTS,LAST_REASON,EXIT,NODE,CREATED
}

logs() {
  local ns="$1" pod="$2"; shift 2
  local extra=("$@")
  for c in $(kubectl get pod "$pod" -n "$ns" -o jsonpath='{.spec.containers[*].name}'); do
    echo "===== $pod/$c ====="
    kubectl logs -n "$ns" "$pod" -c "$c" --timestamps "${extra[@]}" | tail -300
  done
}

tail_all() {
  local ns="$1" sel="$2"
  if kubectl stern --version >/dev/null 2>&1; then
    kubectl stern -n "$ns" -l "$sel" --since 10m --timestamps
  else
    for p in $(kubectl get pods -n "$ns" -l "$sel" -o name); do
      kubectl logs -n "$ns" "$p" --all-containers --since 10m --timestamps --prefix
    done
  fi
}

case "${1:-}" in
  find) find_workload "$2" ;;
  status) status "$2" "$3" ;;
  logs) shift; logs "$@" ;;
  tail) tail_all "$2" "$3" ;;
  *) echo "usage: klog.sh {find NAME|status NS WL|logs NS POD [kubectl-logs-flags]|tail NS SELECTOR}"; exit 2 ;;
esac
