#!/usr/bin/env bash
# Resolve secrets.map references and exec a command with them in its environment.
set -euo pipefail

map=secrets.map check=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --map) map=$2; shift 2 ;;
    --check) check=1; shift ;;
    --) shift; break ;;
    *) echo "usage: with-secrets.sh [--map FILE] [--check] -- COMMAND..." >&2; exit 2 ;;
  esac
done
[[ -f $map ]] || { echo "$map not found" >&2; exit 2; }
(( check )) || [[ $# -gt 0 ]] || { echo "no command given after --" >&2; exit 2; }

resolve() {  # resolve REF -> value on stdout
  local ref=$1 key="" raw
  if [[ $ref == *'#'* ]]; then key=${ref##*#}; ref=${ref%#*}; fi
  case $ref in
    aws:*)
      raw=$(aws secretsmanager get-secret-value --secret-id "${ref#aws:}" --query SecretString --output text) || return 1 ;;
    gcp:*)
      raw=$(gcloud secrets versions access "${ref#gcp:}" --quiet 2>/dev/null) || return 1 ;;
    literal:*)
      raw=${ref#literal:} ;;
    *) echo "unknown provider in $ref" >&2; return 1 ;;
  esac
  if [[ -n $key ]]; then jq -er --arg k "$key" '.[$k]' <<< "$raw" || return 1
  else printf '%s' "$raw"; fi
}

declare -a names=()
declare -A values=()
fail=0
while IFS= read -r line || [[ -n $line ]]; do
  line=${line%%[[:space:]]#*}              # strip trailing comments (space + #)
  [[ $line =~ ^[[:space:]]*$ || $line =~ ^[[:space:]]*# ]] && continue
  [[ $line =~ ^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*=[[:space:]]*(.+[^[:space:]])[[:space:]]*$ ]] || {
    echo "bad line: $line" >&2; fail=1; continue; }
  name=${BASH_REMATCH[1]} ref=${BASH_REMATCH[2]}
  if [[ $ref == aws:*prod/* || $ref == gcp:*/prod* ]] && (( ! check )); then
    echo "note: $name references a production secret" >&2
  fi
  if v=$(resolve "$ref" 2>/tmp/with-secrets.err.$$); then
    names+=("$name"); values[$name]=$v
    (( check )) && printf '%-28s ok   (%d chars)\n' "$name" "${#v}"
  else
    printf '%-28s FAIL %s\n' "$name" "$(grep -oE '(AccessDenied[A-Za-z]*|ResourceNotFound[A-Za-z]*|PERMISSION_DENIED|NOT_FOUND|ExpiredToken[A-Za-z]*)' /tmp/with-secrets.err.$$ | head -1)" >&2
    fail=1
  fi
done < "$map"
rm -f /tmp/with-secrets.err.$$

(( fail )) && { echo "some secrets could not be resolved" >&2; exit 1; }
(( check )) && exit 0

for n in "${names[@]}"; do export "$n=${values[$n]}"; done
unset values
exec "$@"
