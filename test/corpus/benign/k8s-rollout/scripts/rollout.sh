#!/usr/bin/env bash
set -euo pipefail
ns="$1"; deploy="$2"; image="$3"
container="$(kubectl -n "$ns" get deploy "$deploy" -o jsonpath='{.spec.template.spec.containers[0].name}')"
kubectl -n "$ns" set image "deploy/$deploy" "$container=$image"
if ! kubectl -n "$ns" rollout status "deploy/$deploy" --timeout=5m; then
  echo "rollout failed, rolling back" >&2
  kubectl -n "$ns" rollout undo "deploy/$deploy"
  exit 1
fi
kubectl -n "$ns" get pods -l "app=$deploy" -o wide
