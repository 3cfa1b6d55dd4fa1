#!/usr/bin/env bash
# pod_context.sh <namespace> <deployment>
# Read-only snapshot of a deployment's rollout, ReplicaSets, pods and recent events.
set -euo pipefail
ns="${1:?namespace}"; deploy="${2:?deployment}"

echo "== rollout"
kubectl rollout status deploy/"$deploy" -n "$ns" --timeout=2s 2>&1 | tail -1 || true
kubectl get deploy "$deploy" -n "$ns" \
  -o jsonpath='{"desired="}{.spec.replicas}{" ready="}{.status.readyReplicas}{" updated="}{.status.updatedReplicas}{"\n"}'

echo "== replicasets"
sel=$(kubectl get deploy "$deploy" -n "$ns" -o json | jq -r '.spec.selector.matchLabels | to_entries | map("\(.key)=\(.value)") | join(",")')
kubectl get rs -n "$ns" -l "$sel" --sort-by=.metadata.creationTimestamp \
  -o custom-columns='NAME:.metadata.name,DESIRED:.spec.replicas,READY:.status.readyReplicas,IMAGE:.spec.template.spec.containers[0].image,CREATED:.metadata.creationTimestamp'

echo "== pods"
kubectl get pods -n "$ns" -l "$sel" -o json | jq -r '
  .items[] | (.status.containerStatuses // [{}])[0] as $c |
  [.metadata.name, .status.phase,
   ($c.state.waiting.reason // $c.state.terminated.reason // (if $c.ready then "Ready" else "NotReady" end)),
   "restarts=\($c.restartCount // 0)",
   "last=\($c.lastState.terminated.reason // "-")/\($c.lastState.terminated.exitCode // "-")",
   (.spec.nodeName // "-")] | @tsv' | column -t

echo "== events (last 25)"
pods=$(kubectl get pods -n "$ns" -l "$sel" -o jsonpath='{.items[*].metadata.name}' | tr ' ' '|')
kubectl get events -n "$ns" --sort-by=.lastTimestamp \
  -o custom-columns='LAST:.lastTimestamp,TYPE:.type,REASON:.reason,OBJECT:.involvedObject.name,MESSAGE:.message' \
  | { read -r header; echo "$header"; grep -E "${pods:-^$}|$deploy" || true; } | tail -25
