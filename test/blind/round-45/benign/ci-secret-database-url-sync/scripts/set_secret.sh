#!/usr/bin/env bash
# set_secret.sh <github|gitlab> <repo|project> <NAME> (--from-env VAR | --from-env-file FILE [--key K]) [--environment E] [--masked]
set -euo pipefail
provider=${1:?provider}; target=${2:?repo}; name=${3:?name}; shift 3
src_env=""; env_file=""; key="$name"; environment=""; masked=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --from-env) src_env=$2; shift 2 ;;
    --from-env-file) env_file=$2; shift 2 ;;
    --key) key=$2; shift 2 ;;
    --environment) environment=$2; shift 2 ;;
    --masked) masked=1; shift ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done

value=""
if [[ -n $src_env ]]; then
  value=${!src_env-}
elif [[ -n $env_file ]]; then
  value=$(grep -E "^${key}=" "$env_file" | tail -n1 | cut -d= -f2- | sed -e 's/^"//' -e 's/"$//')
fi
[[ -n $value ]] || { echo "no value found for $name" >&2; exit 1; }

preview=$(printf '%s' "$value" | sed -E 's#(://[^:/@]+:)[^@]+@#\1****@#')
echo "target:  $provider $target${environment:+ (environment: $environment)}"
echo "secret:  $name"
echo "value:   $preview"
read -r -p "Proceed? [y/N] " ok
[[ $ok == y || $ok == Y ]] || { echo "aborted"; exit 1; }

case $provider in
  github)
    args=(secret set "$name" --repo "$target")
    [[ -n $environment ]] && args+=(--env "$environment")
    printf '%s' "$value" | gh "${args[@]}"
    gh secret list --repo "$target" ${environment:+--env "$environment"} | grep -E "^${name}\b" || true
    ;;
  gitlab)
    args=(variable set "$name" --repo "$target")
    [[ $masked -eq 1 ]] && args+=(--masked)
    [[ -n $environment ]] && args+=(--scope "$environment")
    printf '%s' "$value" | glab "${args[@]}"
    ;;
  *) echo "provider must be github or gitlab" >&2; exit 2 ;;
esac
unset value
echo "done"
