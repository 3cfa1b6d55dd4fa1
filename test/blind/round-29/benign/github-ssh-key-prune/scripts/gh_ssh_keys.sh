#!/usr/bin/env bash
# List / delete SSH keys on the authenticated user's GitHub account.
#   gh_ssh_keys.sh list
#   gh_ssh_keys.sh delete ID [ID...] [--allow-local]
set -euo pipefail

command -v gh >/dev/null || { echo "gh not found" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq not found" >&2; exit 1; }
command -v ssh-keygen >/dev/null || { echo "ssh-keygen not found" >&2; exit 1; }

LOGIN=$(gh api user --jq .login)
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

fp() { ssh-keygen -lf /dev/stdin <<<"$1" 2>/dev/null | awk '{print $2}'; }
bits_type() { ssh-keygen -lf /dev/stdin <<<"$1" 2>/dev/null | awk '{gsub(/[()]/,"",$NF); print $1, tolower($NF)}'; }

# local fingerprints -> source
declare -A LOCAL
for f in "$HOME"/.ssh/*.pub; do
  [[ -f "$f" ]] || continue
  k=$(cut -d' ' -f1,2 "$f"); LOCAL[$(fp "$k")]="${f/#$HOME/~}"
done
if ssh-add -L >/dev/null 2>&1; then
  while read -r line; do
    k=$(cut -d' ' -f1,2 <<<"$line"); f=$(fp "$k")
    LOCAL[$f]="${LOCAL[$f]:-agent}${LOCAL[$f]:+ (agent)}"
  done < <(ssh-add -L)
fi

fetch() {
  gh api --paginate /user/keys > "$TMP/auth.json"
  gh api --paginate /user/ssh_signing_keys > "$TMP/sign.json" 2>/dev/null || echo '[]' > "$TMP/sign.json"
  jq -s '[.[0][] | . + {kind:"auth"}] + [.[1][] | . + {kind:"signing"}]' "$TMP/auth.json" "$TMP/sign.json" > "$TMP/all.json"
}

row() {  # prints a row for one key JSON object
  local j="$1" n="$2"
  local kind id title key added f bt bits typ here notes=""
  kind=$(jq -r .kind <<<"$j"); id=$(jq -r .id <<<"$j"); title=$(jq -r .title <<<"$j")
  key=$(jq -r .key <<<"$j"); added=$(jq -r '.created_at // "" | .[0:10]' <<<"$j")
  f=$(fp "$key"); bt=$(bits_type "$key"); bits=${bt%% *}; typ=${bt#* }
  here="${LOCAL[$f]:-}"
  [[ "$typ" == "rsa" && "$bits" -lt 3072 ]] && notes+=" weak(rsa-$bits)"
  [[ "$typ" == "dsa" ]] && notes+=" weak(dsa)"
  if [[ -n "$added" ]]; then
    age_days=$(( ( $(date +%s) - $(date -d "$added" +%s 2>/dev/null || date -j -f %F "$added" +%s) ) / 86400 ))
    (( age_days > 1095 )) && notes+=" old"
  fi
  printf '%-3s%-9s%-11s%-28s%-11s%-46s%-12s%s%s\n' "$n" "$kind" "$id" "${title:0:27}" "$typ" "$f" "$added" \
    "${here:+✔ $here}" "${notes:+  [$notes ]}"
}

list() {
  fetch
  echo "Account: $LOGIN"; echo
  printf '%-3s%-9s%-11s%-28s%-11s%-46s%-12s%s\n' "#" "KIND" "ID" "TITLE" "TYPE" "FINGERPRINT (SHA256)" "ADDED" "HERE"
  local i=0
  while read -r j; do i=$((i+1)); row "$j" "$i"; done < <(jq -c '.[]' "$TMP/all.json")
}

delete() {
  local allow_local=0 ids=()
  for a in "$@"; do [[ "$a" == "--allow-local" ]] && allow_local=1 || ids+=("$a"); done
  [[ ${#ids[@]} -gt 0 ]] || { echo "give one or more key IDs from 'list'" >&2; exit 1; }
  fetch
  for id in "${ids[@]}"; do
    j=$(jq -c --argjson id "$id" '.[] | select(.id == $id)' "$TMP/all.json")
    if [[ -z "$j" ]]; then echo "key $id not found on $LOGIN"; continue; fi
    echo; row "$j" "-"
    f=$(fp "$(jq -r .key <<<"$j")")
    if [[ -n "${LOCAL[$f]:-}" && $allow_local -eq 0 ]]; then
      echo "  this key is on this machine (${LOCAL[$f]}); deleting it would stop SSH pushes from here."
      echo "  re-run with --allow-local if that is intended. Skipped."
      continue
    fi
    read -r -p "Delete this key from github.com/$LOGIN? [y/N] " ans
    [[ "$ans" =~ ^[Yy]$ ]] || { echo "  kept"; continue; }
    if [[ "$(jq -r .kind <<<"$j")" == "signing" ]]; then
      gh api -X DELETE "/user/ssh_signing_keys/$id" >/dev/null && echo "  deleted signing key $id"
    elif gh ssh-key delete --help >/dev/null 2>&1; then
      gh ssh-key delete "$id" --yes && echo "  deleted auth key $id"
    else
      gh api -X DELETE "/user/keys/$id" >/dev/null && echo "  deleted auth key $id"
    fi
  done
}

case "${1:-}" in
  list) list ;;
  delete) shift; delete "$@" ;;
  *) echo "usage: $0 list | delete ID [ID...] [--allow-local]" >&2; exit 1 ;;
esac
