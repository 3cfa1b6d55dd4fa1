#!/usr/bin/env bash
# Read-only evidence collection for one pod (or the newest pod of a deployment).
# Usage: collect.sh <namespace> <pod|deploy/name>
set -euo pipefail
ns=${1:?namespace}; target=${2:?pod name or deploy/<name>}

if [[ $target == deploy/* || $target == deployment/* ]]; then
  sel=$(kubectl get -n "$ns" "$target" -o jsonpath='{.spec.selector.matchLabels}' \
        | jq -r 'to_entries | map("\(.key)=\(.value)") | join(",")')
  pod=$(kubectl get pods -n "$ns" -l "$sel" --sort-by=.metadata.creationTimestamp \
        -o jsonpath='{.items[-1:].metadata.name}')
else
  pod=$target
fi
[[ -n $pod ]] || { echo "no pod found for $target" >&2; exit 1; }

out=".pod-doctor/${pod}-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
echo "context: $(kubectl config current-context)  namespace: $ns  pod: $pod" | tee "$out/context.txt"

kubectl describe pod -n "$ns" "$pod"                         > "$out/describe.txt" 2>&1 || true
kubectl get events -n "$ns" --field-selector "involvedObject.name=$pod" \
        --sort-by=.lastTimestamp                              > "$out/events.txt" 2>&1 || true
kubectl logs -n "$ns" "$pod" --all-containers --tail=500 --timestamps \
                                                              > "$out/logs.txt" 2>&1 || true
kubectl logs -n "$ns" "$pod" --all-containers --previous --tail=500 --timestamps \
                                                              > "$out/logs-previous.txt" 2>&1 || true

# Pod spec with literal env values masked (valueFrom refs are kept, they're just names)
kubectl get pod -n "$ns" "$pod" -o json \
  | jq '(.spec.containers[]?.env[]? | select(.value != null) | .value) |= "<set>"
        | (.spec.initContainers[]?.env[]? | select(.value != null) | .value) |= "<set>"
        | del(.metadata.managedFields)' > "$out/pod.json"

node=$(kubectl get pod -n "$ns" "$pod" -o jsonpath='{.spec.nodeName}')
if [[ -n $node ]]; then
  kubectl describe node "$node" 2>/dev/null \
    | sed -n '/^Conditions:/,/^Addresses:/p;/^Allocated resources:/,/^Events:/p' > "$out/node.txt" || true
else
  echo "pod not scheduled" > "$out/node.txt"
fi
kubectl describe resourcequota -n "$ns" > "$out/quota.txt" 2>&1 || true
kubectl get pvc -n "$ns" -o wide       >> "$out/quota.txt" 2>&1 || true

echo
jq -r '.status.containerStatuses[]? |
  "\(.name): ready=\(.ready) restarts=\(.restartCount) state=\(.state|keys[0]) " +
  "last=\(.lastState.terminated.reason // "-") exit=\(.lastState.terminated.exitCode // "-")"' "$out/pod.json"
echo "files in $out"
