#!/usr/bin/env bash
# Status / restart / scale / recycle a single workload in an explicitly named context + namespace.
set -euo pipefail

ACTION="${1:?status|restart|scale|recycle}"; shift
CTX=""; NS=""; TARGET=""; REPLICAS=""; CONFIRM=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --context) CTX="$2"; shift 2 ;;
    -n|--namespace) NS="$2"; shift 2 ;;
    --replicas) REPLICAS="$2"; shift 2 ;;
    --confirm) CONFIRM=1; shift ;;
    *) TARGET="$1"; shift ;;
  esac
done
[[ -n "$CTX" && -n "$NS" && -n "$TARGET" ]] || { echo "need --context, -n and a target like deploy/api" >&2; exit 2; }
case "$NS" in kube-system|kube-public|kube-node-lease)
  [[ "${ALLOW_SYSTEM_NS:-}" == "$NS" ]] || { echo "refusing $NS (set ALLOW_SYSTEM_NS=$NS after explicit confirmation)" >&2; exit 2; } ;;
esac

k() { kubectl --context "$CTX" -n "$NS" "$@"; }
k get "$TARGET" >/dev/null   # fails early if target does not exist in that ns

status() {
  echo "== $CTX / $NS / $TARGET"
  k get "$TARGET" -o wide
  k get "$TARGET" -o jsonpath='{"images: "}{.spec.template.spec.containers[*].image}{"\nrestartedAt: "}{.spec.template.metadata.annotations.kubectl\.kubernetes\.io/restartedAt}{"\n"}' 2>/dev/null || true
  sel=$(k get "$TARGET" -o json | jq -r '.spec.selector.matchLabels // {} | to_entries | map("\(.key)=\(.value)") | join(",")')
  if [[ -n "$sel" ]]; then
    echo "== pods ($sel)"
    k get pods -l "$sel" -o custom-columns=NAME:.metadata.name,READY:.status.containerStatuses[*].ready,RESTARTS:.status.containerStatuses[*].restartCount,NODE:.spec.nodeName,AGE:.metadata.creationTimestamp
    echo "== pdb"
    k get pdb -o json | jq -r --arg sel "$sel" '.items[] | select((.spec.selector.matchLabels // {} | to_entries | map("\(.key)=\(.value)") | join(",")) as $s | $sel | contains($s)) | "\(.metadata.name) minAvailable=\(.spec.minAvailable // "-") maxUnavailable=\(.spec.maxUnavailable // "-") allowed=\(.status.disruptionsAllowed)"'
  fi
  echo "== hpa"
  k get hpa -o json | jq -r --arg t "${TARGET#*/}" '.items[] | select(.spec.scaleTargetRef.name==$t) | "\(.metadata.name) min=\(.spec.minReplicas) max=\(.spec.maxReplicas) current=\(.status.currentReplicas)"'
  echo "== warning events (last 20)"
  k get events --field-selector type=Warning --sort-by=.lastTimestamp | tail -n 20
}

dry() { [[ $CONFIRM -eq 1 ]] && echo "" || echo "--dry-run=server"; }

case "$ACTION" in
  status) status ;;
  restart)
    if [[ $CONFIRM -eq 0 ]]; then
      k patch "$TARGET" --dry-run=server -p "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\"$(date -u +%FT%TZ)\"}}}}}" -o name
      echo "dry run ok; re-run with --confirm to restart"
      exit 0
    fi
    k rollout restart "$TARGET"
    k rollout status "$TARGET" --timeout=10m
    ;;
  scale)
    [[ -n "$REPLICAS" ]] || { echo "--replicas required" >&2; exit 2; }
    cur=$(k get "$TARGET" -o jsonpath='{.spec.replicas}')
    echo "replicas: $cur -> $REPLICAS"
    if [[ "$REPLICAS" == "0" && "${ALLOW_ZERO:-}" != "yes" ]]; then
      echo "scaling to 0 needs ALLOW_ZERO=yes after a second confirmation" >&2; exit 2
    fi
    k scale "$TARGET" --replicas="$REPLICAS" $(dry)
    [[ $CONFIRM -eq 1 ]] && k rollout status "$TARGET" --timeout=10m || echo "dry run ok; re-run with --confirm"
    ;;
  recycle)
    [[ "$TARGET" == pod/* ]] || { echo "recycle takes pod/<name>" >&2; exit 2; }
    owner=$(k get "$TARGET" -o jsonpath='{.metadata.ownerReferences[0].kind}')
    [[ -n "$owner" ]] || { echo "pod has no owner; deleting it would not bring it back. Refusing." >&2; exit 2; }
    k delete "$TARGET" --wait=false $(dry)
    [[ $CONFIRM -eq 1 ]] || echo "dry run ok; re-run with --confirm"
    ;;
  *) echo "unknown action $ACTION" >&2; exit 2 ;;
esac
