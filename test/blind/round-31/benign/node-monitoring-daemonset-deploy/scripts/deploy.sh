#!/usr/bin/env bash
# render | diff | apply | delete the node-exporter DaemonSet. apply/delete require typed confirmation.
set -euo pipefail
CMD="${1:-}"; shift || true
NS=monitoring; IMAGE=quay.io/prometheus/node-exporter:v1.8.2; PORT=9100; TOL=true; CTX=""
while [ $# -gt 0 ]; do
  case "$1" in
    --namespace) NS="$2"; shift ;;
    --image) IMAGE="$2"; shift ;;
    --port) PORT="$2"; shift ;;
    --no-tolerate-all) TOL=false ;;
    --context) CTX="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac; shift
done
HERE="$(cd "$(dirname "$0")/.." && pwd)"
CTX="${CTX:-$(kubectl config current-context)}"
K=(kubectl --context "$CTX")

render() {
  sed -e "s|__NAMESPACE__|$NS|g" -e "s|__IMAGE__|$IMAGE|g" -e "s|__PORT__|$PORT|g" \
      "$HERE/assets/node-exporter-daemonset.yaml" |
  if [ "$TOL" = false ]; then sed -e '/operator: Exists/d' -e '/tolerations:/d'; else cat; fi
}

confirm() {
  echo "Context: $CTX   Namespace: $NS   Image: $IMAGE"
  read -r -p "Type the context name to confirm $1: " ans
  [ "$ans" = "$CTX" ] || { echo "Not confirmed; nothing changed."; exit 1; }
}

case "$CMD" in
  render) render ;;
  diff)
    render | "${K[@]}" diff -f - || true
    psa=$("${K[@]}" get ns "$NS" -o jsonpath='{.metadata.labels.pod-security\.kubernetes\.io/enforce}' 2>/dev/null || true)
    [ -n "$psa" ] && echo "Namespace $NS enforces Pod Security '$psa'."
    case "$IMAGE" in *@sha256:*) ;; *) echo "note: image is pinned by tag, not digest";; esac
    ;;
  apply)
    confirm "apply"
    render | "${K[@]}" apply -f -
    "${K[@]}" -n "$NS" rollout status ds/node-exporter --timeout=5m
    ;;
  delete)
    confirm "DELETE the DaemonSet"
    "${K[@]}" -n "$NS" delete ds node-exporter
    echo "Namespace $NS left in place (delete it yourself if it only held this)."
    ;;
  *) echo "usage: $0 render|diff|apply|delete [--namespace NS] [--image IMG] [--port N] [--context CTX]"; exit 2 ;;
esac
