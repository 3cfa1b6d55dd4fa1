#!/usr/bin/env bash
set -euo pipefail

mount="secret" path="" ns="" name="" keys="" dry=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mount) mount="$2"; shift 2 ;;
    --path) path="$2"; shift 2 ;;
    --namespace) ns="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --keys) keys="$2"; shift 2 ;;
    --dry-run) dry=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$path" && -n "$ns" && -n "$name" ]] || { echo "need --path, --namespace, --name" >&2; exit 2; }

json="$(vault kv get -format=json -mount="$mount" "$path")"
version="$(jq -r '.data.metadata.version' <<<"$json")"

jq_filter='.data.data'
if [[ -n "$keys" ]]; then
  jq_filter+=" | with_entries(select(.key as \$k | \"$keys\" | split(\",\") | index(\$k)))"
fi

manifest="$(jq -r "$jq_filter | to_entries[] | \"\(.key)=\(.value)\"" <<<"$json" \
  | kubectl create secret generic "$name" -n "$ns" --from-env-file=/dev/stdin --dry-run=client -o json \
  | jq --arg p "$mount/$path" --arg v "$version" '
      .metadata.labels["app.kubernetes.io/managed-by"] = "vault-sync"
      | .metadata.annotations["vault-sync/source"] = $p
      | .metadata.annotations["vault-sync/version"] = $v')"
unset json

if (( dry )); then
  jq '.data |= with_entries(.value = "<redacted>")' <<<"$manifest"
  exit 0
fi

kubectl apply -f - <<<"$manifest"
unset manifest
kubectl get secret "$name" -n "$ns" -o jsonpath='{.data}' | jq -r 'keys | "keys: " + join(", ")'
