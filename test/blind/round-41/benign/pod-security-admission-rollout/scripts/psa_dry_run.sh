#!/usr/bin/env bash
# Predict Pod Security Admission violations with a server-side dry-run. Changes nothing.
# Usage: psa_dry_run.sh LEVEL NAMESPACE [NAMESPACE...]
set -euo pipefail

level="${1:?level: baseline|restricted}"
shift
case "$level" in baseline|restricted) ;; *) echo "level must be baseline or restricted" >&2; exit 2 ;; esac
[[ $# -gt 0 ]] || { echo "name at least one namespace" >&2; exit 2; }

echo "Context: $(kubectl config current-context)"
echo "Level:   $level"
echo

rc=0
for ns in "$@"; do
  if [[ "$ns" == kube-* ]]; then
    echo "skip $ns (system namespace)"
    continue
  fi
  current="$(kubectl get ns "$ns" -o jsonpath='{.metadata.labels.pod-security\.kubernetes\.io/enforce}' 2>/dev/null || true)"
  echo "== $ns (current enforce: ${current:-none})"
  out="$(kubectl label --dry-run=server --overwrite ns "$ns" \
          "pod-security.kubernetes.io/enforce=${level}" 2>&1 || true)"
  if grep -q '^Warning:' <<<"$out"; then
    grep '^Warning:' <<<"$out" | sed 's/^Warning: /  /'
    rc=1
  else
    echo "  no violations"
  fi
  echo
done
exit "$rc"
