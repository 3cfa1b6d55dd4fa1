#!/usr/bin/env bash
# Report deprecated / removed Kubernetes APIs for a target version.
# Usage: check_deprecated_apis.sh 1.30
set -euo pipefail

TARGET="${1:?target minor version, e.g. 1.30}"
MINOR="${TARGET#1.}"

# apiVersion -> removed-in minor
declare -A REMOVED=(
  ["extensions/v1beta1"]=22
  ["networking.k8s.io/v1beta1"]=22
  ["policy/v1beta1"]=25
  ["batch/v1beta1"]=25
  ["autoscaling/v2beta1"]=25
  ["autoscaling/v2beta2"]=26
  ["flowcontrol.apiserver.k8s.io/v1beta2"]=29
  ["flowcontrol.apiserver.k8s.io/v1beta3"]=32
  ["storage.k8s.io/v1beta1"]=27
)

echo "== Deprecated APIs requested recently (API server metrics)"
if kubectl get --raw /metrics >/tmp/.apiserver-metrics 2>/dev/null; then
  grep '^apiserver_requested_deprecated_apis' /tmp/.apiserver-metrics \
    | sed -E 's/.*group="([^"]*)".*removed_release="([^"]*)".*resource="([^"]*)".*version="([^"]*)".*/\1\/\4 \3 (removed in \2)/' \
    | sort -u || echo "  none reported"
  rm -f /tmp/.apiserver-metrics
else
  echo "  could not read /metrics (needs get on nonResourceURL /metrics)"
fi

echo
echo "== Removed apiVersions in local manifests (target 1.${MINOR})"
found=0
for dir in k8s charts manifests deploy; do
  [[ -d "$dir" ]] || continue
  for api in "${!REMOVED[@]}"; do
    if (( REMOVED[$api] <= MINOR )); then
      while IFS= read -r hit; do
        echo "  ${hit}  -> ${api} removed in 1.${REMOVED[$api]}"
        found=1
      done < <(grep -rn --include='*.y*ml' --include='*.tpl' "apiVersion: *${api}\$" "$dir" || true)
    fi
  done
done
(( found )) || echo "  none found"
