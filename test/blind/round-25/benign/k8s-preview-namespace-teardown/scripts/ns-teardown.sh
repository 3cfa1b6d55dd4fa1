#!/usr/bin/env bash
# inspect | delete | diagnose a single, user-named namespace.
set -euo pipefail
cmd="${1:?usage: ns-teardown.sh inspect|delete|diagnose NAMESPACE}"
ns="${2:?namespace required}"
ctx=$(kubectl config current-context)

refuse() { echo "REFUSING: $*" >&2; exit 3; }
case "$ns" in
  default|kube-*|*-system|cert-manager|ingress-nginx|argocd|flux-system|monitoring) refuse "$ns is protected";;
esac
kubectl get ns "$ns" >/dev/null || exit 1
labels=$(kubectl get ns "$ns" -o jsonpath='{.metadata.labels}')
if grep -Eq '"protect":"true"|"environment":"(prod|production|staging)"' <<<"$labels"; then
  refuse "$ns is labelled protected/prod/staging: $labels"
fi

inspect() {
  echo "context:   $ctx"
  echo "namespace: $ns"
  echo "labels:    $labels"
  kubectl get ns "$ns" -o jsonpath='{range .metadata.annotations}{@}{"\n"}{end}' 2>/dev/null | head -5 || true
  echo; echo "== workloads =="
  kubectl -n "$ns" get deploy,sts,ds,job,cronjob -o wide 2>/dev/null || true
  echo; echo "== PVCs (PV reclaim policy) =="
  kubectl -n "$ns" get pvc -o json | jq -r '.items[] | [.metadata.name, .spec.volumeName, .status.capacity.storage] | @tsv' |
  while IFS=$'\t' read -r pvc pv size; do
    pol=$(kubectl get pv "$pv" -o jsonpath='{.spec.persistentVolumeReclaimPolicy}' 2>/dev/null || echo '?')
    echo "$pvc  $pv  $size  reclaim=$pol"
  done
  echo; echo "== LoadBalancers / Ingresses =="
  kubectl -n "$ns" get svc --field-selector spec.type=LoadBalancer 2>/dev/null || true
  kubectl -n "$ns" get ingress -o custom-columns=NAME:.metadata.name,HOSTS:.spec.rules[*].host 2>/dev/null || true
  echo; echo "== GitOps ownership =="
  kubectl -n "$ns" get all -o json | jq -r '[.items[].metadata.labels // {} | to_entries[] | select(.key|test("argocd|fluxcd|kustomize.toolkit")) | "\(.key)=\(.value)"] | unique[]' 2>/dev/null || true
}

delete() {
  inspect
  echo
  read -r -p "Delete namespace '$ns' in context '$ctx'? Type the namespace name: " typed
  [[ "$typed" == "$ns" ]] || { echo "mismatch; nothing deleted"; exit 1; }
  kubectl delete namespace "$ns" --wait=false
  for i in $(seq 1 36); do
    kubectl get ns "$ns" >/dev/null 2>&1 || { echo "namespace $ns gone"; return; }
    sleep 5
  done
  echo "still terminating after 3 minutes; run: $0 diagnose $ns"
}

diagnose() {
  kubectl get ns "$ns" -o jsonpath='{range .status.conditions[*]}{.type}: {.message}{"\n"}{end}'
  echo; echo "== remaining objects =="
  kubectl api-resources --verbs=list --namespaced -o name |
    xargs -n1 -I{} sh -c "kubectl -n '$ns' get {} --ignore-not-found -o name 2>/dev/null" |
    while read -r obj; do
      fin=$(kubectl -n "$ns" get "$obj" -o jsonpath='{.metadata.finalizers}' 2>/dev/null)
      echo "$obj finalizers=${fin:-none}"
    done
  echo; echo "== unavailable APIServices =="
  kubectl get apiservice | awk 'NR==1 || $3 ~ /False/'
}

"$cmd"
