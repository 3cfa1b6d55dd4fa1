#!/usr/bin/env bash
# Read-only snapshot of a Kubernetes deployment for incident response.
set -uo pipefail

ns="${1:?usage: collect-k8s-context.sh <namespace> <deployment>}"
deploy="${2:?usage: collect-k8s-context.sh <namespace> <deployment>}"

echo "### context: $(kubectl config current-context)"
echo
echo "### rollout status"
kubectl -n "$ns" rollout status "deployment/$deploy" --timeout=5s || true
kubectl -n "$ns" rollout history "deployment/$deploy" | tail -n 5
echo
selector=$(kubectl -n "$ns" get deployment "$deploy" -o jsonpath='{.spec.selector.matchLabels}' \
  | tr -d '{}"' | tr ':' '=' )
echo "### pods ($selector)"
kubectl -n "$ns" get pods -l "$selector" -o wide
echo
echo "### recent events"
kubectl -n "$ns" get events --sort-by=.lastTimestamp | tail -n 25
echo
pod=$(kubectl -n "$ns" get pods -l "$selector" \
  --sort-by='.status.containerStatuses[0].restartCount' -o name | tail -n 1)
if [ -n "$pod" ]; then
  echo "### last 100 log lines of $pod (previous container if restarted)"
  kubectl -n "$ns" logs "$pod" --previous --tail=100 2>/dev/null \
    || kubectl -n "$ns" logs "$pod" --tail=100
fi
echo
echo "### resource usage"
kubectl -n "$ns" top pods -l "$selector" 2>/dev/null || echo "(metrics-server not available)"
