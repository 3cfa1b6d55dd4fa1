#!/usr/bin/env bash
# List pods that are not Ready, with the reason kubectl would make you dig for.
# usage: failing_pods.sh <namespace> [label-selector]
set -euo pipefail
ns="${1:?namespace}"; sel="${2:-}"
args=(get pods -n "$ns" -o json); [[ -n "$sel" ]] && args+=(-l "$sel")
kubectl "${args[@]}" | jq -r '
  .items[]
  | select(([.status.conditions[]? | select(.type=="Ready" and .status=="True")] | length) == 0)
  | (.status.containerStatuses // [{}])[0] as $c
  | [ .metadata.name,
      .status.phase,
      ($c.state.waiting.reason // $c.state.terminated.reason // $c.lastState.terminated.reason // "-"),
      "restarts=\($c.restartCount // 0)",
      (.spec.nodeName // "unscheduled") ]
  | @tsv' | column -t
