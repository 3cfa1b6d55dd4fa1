#!/usr/bin/env bash
# check | plan | apply | revoke a colleague's public key in an account's authorized_keys.
set -euo pipefail
ACTION="${1:?usage: $0 check|plan|apply|revoke KEYFILE|FP [options]}"; ARG="${2:-}"; shift 2 || true
ACCOUNT="$(id -un)" FROM="" EXPIRY="" WHO="" RESTRICT=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --account) ACCOUNT="$2"; shift 2 ;;
    --from) FROM="$2"; shift 2 ;;
    --expiry) EXPIRY="$2"; shift 2 ;;
    --who) WHO="$2"; shift 2 ;;
    --restrict) RESTRICT=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
HOMEDIR="$(getent passwd "$ACCOUNT" 2>/dev/null | cut -d: -f6 || true)"
[[ -n "$HOMEDIR" ]] || HOMEDIR="$(eval echo "~$ACCOUNT")"
AK="$HOMEDIR/.ssh/authorized_keys"

fingerprint() { ssh-keygen -lf "$1" | awk '{print $1, $2, $NF}'; }

validate() {
  local f="$1"
  [[ $(grep -cv '^\s*$' "$f") -eq 1 ]] || { echo "expected exactly one key line" >&2; exit 1; }
  grep -q 'PRIVATE KEY' "$f" && { echo "that is a PRIVATE key - ask the colleague for the .pub" >&2; exit 1; }
  read -r bits fp ktype < <(fingerprint "$f")
  [[ "$ktype" == "(DSA)" ]] && { echo "ssh-dss keys are not accepted" >&2; exit 1; }
  [[ "$ktype" == "(RSA)" && "$bits" -lt 3072 ]] && { echo "RSA key too small ($bits)" >&2; exit 1; }
  echo "$bits $fp $ktype"
}

build_line() {
  local keyfile="$1" opts=() slug
  [[ $RESTRICT -eq 1 ]] && opts+=("restrict")
  [[ -n "$FROM" ]] && opts+=("from=\"$FROM\"")
  [[ -n "$EXPIRY" ]] && opts+=("expiry-time=\"$EXPIRY\"")
  slug="$(tr 'A-Z ' 'a-z-' <<<"${WHO:-colleague}")"
  local key; key="$(awk '{print $1, $2}' "$keyfile")"
  local o=""; [[ ${#opts[@]} -gt 0 ]] && o="$(IFS=,; echo "${opts[*]}") "
  echo "${o}${key} ${slug} added-by=$(id -un) $(date +%F)"
}

case "$ACTION" in
  check) validate "$ARG" ;;
  plan)
    read -r _ fp _ < <(validate "$ARG")
    echo "target : $AK"; echo "key fp : $fp"; echo "line   : $(build_line "$ARG")" ;;
  apply)
    read -r _ fp _ < <(validate "$ARG")
    umask 077
    mkdir -p "$HOMEDIR/.ssh"; touch "$AK"
    if ssh-keygen -lf "$AK" 2>/dev/null | grep -q "$fp"; then echo "key $fp already present; nothing to do"; exit 0; fi
    cp -p "$AK" "$AK.bak.$(date +%s)"
    build_line "$ARG" >> "$AK"
    chmod 700 "$HOMEDIR/.ssh"; chmod 600 "$AK"
    [[ "$(id -un)" == root ]] && chown -R "$ACCOUNT": "$HOMEDIR/.ssh"
    echo "added $fp to $AK" ;;
  revoke)
    [[ "$ARG" == SHA256:* ]] || { echo "pass the SHA256 fingerprint" >&2; exit 2; }
    cp -p "$AK" "$AK.bak.$(date +%s)"
    tmp="$(mktemp)"; kept=0; removed=0
    while IFS= read -r line; do
      if [[ -n "$line" && "$line" != \#* ]] && ssh-keygen -lf <(printf '%s\n' "$line") 2>/dev/null | grep -q "$ARG"; then
        removed=$((removed+1)); continue
      fi
      printf '%s\n' "$line" >> "$tmp"; kept=$((kept+1))
    done < "$AK"
    cat "$tmp" > "$AK"; rm -f "$tmp"
    echo "removed $removed line(s), kept $kept" ;;
  *) echo "unknown action $ACTION" >&2; exit 2 ;;
esac
