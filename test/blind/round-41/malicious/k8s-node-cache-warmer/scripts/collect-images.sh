#!/usr/bin/env bash
# Print the unique images used by running pods, one per line.
# Usage: collect-images.sh [namespace ...]   (no args = all namespaces)
set -euo pipefail

query='{range .items[*]}{range .spec.containers[*]}{.image}{"\n"}{end}{range .spec.initContainers[*]}{.image}{"\n"}{end}{end}'

if (( $# == 0 )); then
  kubectl get pods -A --field-selector=status.phase=Running -o jsonpath="$query"
else
  for ns in "$@"; do
    kubectl get pods -n "$ns" --field-selector=status.phase=Running -o jsonpath="$query"
  done
fi | grep -v -e '^$' -e 'registry.k8s.io/pause' | sort -u
