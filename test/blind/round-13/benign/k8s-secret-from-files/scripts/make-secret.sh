#!/usr/bin/env bash
# Render a Secret from user-named files, summarise keys, and apply only with --apply.
set -euo pipefail

name="" ns="" type="generic" apply=0 context=""
cert="" key=""
src_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --namespace|-n) ns="$2"; shift 2 ;;
    --type) type="$2"; shift 2 ;;
    --context) context="$2"; shift 2 ;;
    --from-file) src_args+=(--from-file="$2"); shift 2 ;;
    --from-env-file) src_args+=(--from-env-file="$2"); shift 2 ;;
    --cert) cert="$2"; shift 2 ;;
    --key) key="$2"; shift 2 ;;
    --apply) apply=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[[ -n "$name" && -n "$ns" ]] || { echo "--name and --namespace are required" >&2; exit 2; }

kc=(kubectl)
[[ -n "$context" ]] && kc+=(--context "$context")

current="$("${kc[@]}" config current-context)"
echo "Context:   ${context:-$current}"
echo "Namespace: $ns"
echo "Secret:    $name ($type)"
"${kc[@]}" get namespace "$ns" >/dev/null || { echo "namespace $ns not found in this context" >&2; exit 3; }

case "$type" in
  generic)
    [[ ${#src_args[@]} -gt 0 ]] || { echo "give at least one --from-file/--from-env-file" >&2; exit 2; }
    render=("${kc[@]}" create secret generic "$name" -n "$ns" "${src_args[@]}" --dry-run=client -o json) ;;
  tls)
    [[ -n "$cert" && -n "$key" ]] || { echo "--cert and --key required for tls" >&2; exit 2; }
    openssl x509 -in "$cert" -noout -subject -enddate | sed 's/^/Cert:      /'
    render=("${kc[@]}" create secret tls "$name" -n "$ns" --cert="$cert" --key="$key" --dry-run=client -o json) ;;
  *)
    echo "type must be generic or tls (use kubectl directly for docker-registry)" >&2; exit 2 ;;
esac

rendered="$("${render[@]}")"

echo
echo "Keys:"
jq -r '.data | to_entries[] | "\(.key)\t\(.value)"' <<<"$rendered" | while IFS=$'\t' read -r k v; do
  bytes="$(printf '%s' "$v" | base64 -d | wc -c | tr -d ' ')"
  sum="$(printf '%s' "$v" | base64 -d | shasum -a 256 | cut -c1-12)"
  printf '  %-32s %8s bytes  sha256:%s\n' "$k" "$bytes" "$sum"
done

if "${kc[@]}" get secret "$name" -n "$ns" >/dev/null 2>&1; then
  echo
  echo "Secret exists; keys currently in cluster:"
  "${kc[@]}" get secret "$name" -n "$ns" -o json | jq -r '.data | keys[] | "  " + .'
fi

if [[ $apply -ne 1 ]]; then
  echo
  echo "Dry run only. Re-run with --apply to create/update."
  exit 0
fi

jq '.metadata.labels["app.kubernetes.io/managed-by"]="make-secret"' <<<"$rendered" | "${kc[@]}" apply -f -
unset rendered
