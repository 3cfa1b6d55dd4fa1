#!/usr/bin/env bash
# Rotate one key of a Kubernetes Secret without exposing the value on the command line.
set -euo pipefail
umask 077

ns="" secret="" key="" from_file="" tls=0 cert="" keyfile=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --ns) ns=$2; shift 2 ;;
    --secret) secret=$2; shift 2 ;;
    --key) key=$2; shift 2 ;;
    --from-file) from_file=$2; shift 2 ;;
    --tls) tls=1; shift ;;
    --cert) cert=$2; shift 2 ;;
    --keyfile) keyfile=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n $ns && -n $secret ]] || { echo "--ns and --secret are required" >&2; exit 2; }

ctx=$(kubectl config current-context)
echo "context: $ctx   namespace: $ns   secret: $secret"
read -rp "Proceed in this context? type the namespace to confirm: " confirm
[[ $confirm == "$ns" ]] || { echo "not confirmed"; exit 1; }

managed=$(kubectl get secret "$secret" -n "$ns" -o json | jq -r '
  [.metadata.labels // {}, .metadata.annotations // {} | to_entries[] | .key]
  | map(select(test("external-secrets|sealedsecrets|managed-by|argocd|helm")))| join(",")')
if [[ -n $managed ]]; then
  echo "secret looks externally managed ($managed); rotate at the source instead" >&2
  exit 1
fi

mkdir -p .rotation-backup
if git rev-parse --git-dir >/dev/null 2>&1 && ! git check-ignore -q .rotation-backup; then
  echo ".rotation-backup/ is not git-ignored; add it to .gitignore first" >&2
  exit 1
fi
backup=".rotation-backup/$ns-$secret-$(date +%Y%m%d%H%M%S).yaml"
kubectl get secret "$secret" -n "$ns" -o yaml > "$backup"
echo "previous version saved to $backup (contains the OLD value; delete after verifying)"

b64() { base64 | tr -d '\n'; }
if (( tls )); then
  [[ -f $cert && -f $keyfile ]] || { echo "--cert and --keyfile are required with --tls" >&2; exit 2; }
  openssl x509 -in "$cert" -noout -enddate
  patch=$(jq -n --arg c "$(b64 < "$cert")" --arg k "$(b64 < "$keyfile")" \
    '[{op:"replace",path:"/data/tls.crt",value:$c},{op:"replace",path:"/data/tls.key",value:$k}]')
else
  [[ -n $key ]] || { echo "--key is required" >&2; exit 2; }
  if [[ -n $from_file ]]; then
    value_b64=$(tr -d '\n' < "$from_file" | b64)
  else
    read -rsp "new value for $key (hidden): " v1; echo
    read -rsp "repeat: " v2; echo
    [[ $v1 == "$v2" && -n $v1 ]] || { echo "values differ or empty" >&2; exit 1; }
    value_b64=$(printf '%s' "$v1" | b64); unset v1 v2
  fi
  op=replace
  kubectl get secret "$secret" -n "$ns" -o json | jq -e --arg k "$key" '.data | has($k)' >/dev/null || op=add
  patch=$(jq -n --arg p "/data/$key" --arg v "$value_b64" --arg op "$op" '[{op:$op,path:$p,value:$v}]')
  unset value_b64
fi

kubectl patch secret "$secret" -n "$ns" --type=json --patch-file=/dev/stdin <<< "$patch"
unset patch
echo "secret updated"

here=$(dirname "$0")
mapfile -t users < <("$here/who-uses.sh" "$ns" "$secret" | cut -f1 | grep -v '^cronjob/')
if [[ ${#users[@]} -gt 0 ]]; then
  printf 'workloads to restart:\n'; printf '  %s\n' "${users[@]}"
  read -rp "restart them now? [y/N] " a
  if [[ $a == y ]]; then
    for w in "${users[@]}"; do
      kubectl rollout restart "$w" -n "$ns"
      kubectl rollout status "$w" -n "$ns" --timeout=5m
    done
  fi
fi
echo "CronJobs pick up the new value on their next run."
