#!/usr/bin/env bash
# Sign an SSH user certificate with the user's CA, with logging and limits.
set -euo pipefail

ca="" pub="" id="" principals="" validity="+8h" source="" force="" revoke="" krl=""
extra_opts=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --ca) ca=$2; shift 2 ;;
    --pub) pub=$2; shift 2 ;;
    --id) id=$2; shift 2 ;;
    --principals) principals=$2; shift 2 ;;
    --validity) validity=$2; shift 2 ;;
    --source) source=$2; shift 2 ;;
    --force-command) force=$2; shift 2 ;;
    --no-port-forwarding) extra_opts+=(-O no-port-forwarding); shift ;;
    --revoke-serial) revoke=$2; shift 2 ;;
    --krl) krl=$2; shift 2 ;;
    *) echo "unknown $1" >&2; exit 2 ;;
  esac
done

state="$HOME/.ssh-ca"
mkdir -p "$state"; chmod 700 "$state"

if [[ -n $revoke ]]; then
  [[ -n $krl && -n $ca ]] || { echo "--krl and --ca (CA public key) required" >&2; exit 2; }
  spec=$(mktemp); trap 'rm -f "$spec"' EXIT
  printf 'serial: %s\n' "$revoke" > "$spec"
  grep -E "^serial=$revoke " "$state/issued.log" || echo "(serial $revoke not in local log)"
  read -r -p "Add serial $revoke to $krl? [yes/N] " ok; [[ $ok == yes ]] || exit 1
  if [[ -f $krl ]]; then ssh-keygen -k -u -f "$krl" -s "$ca" "$spec"; else ssh-keygen -k -f "$krl" -s "$ca" "$spec"; fi
  echo "revoked serial $revoke in $krl - distribute to hosts (RevokedKeys)"
  exit 0
fi

[[ -n $ca && -n $pub && -n $id && -n $principals ]] || { echo "need --ca --pub --id --principals" >&2; exit 2; }
grep -q 'PRIVATE KEY' "$pub" && { echo "that is a private key; ask for the .pub file" >&2; exit 1; }
read -r bits fp _ ktype < <(ssh-keygen -lf "$pub")
ktype=${ktype//[()]/}
case $ktype in
  ED25519|ECDSA|ED25519-SK|ECDSA-SK) ;;
  RSA) (( bits >= 3072 )) || { echo "RSA key too small ($bits)" >&2; exit 1; } ;;
  *) echo "key type $ktype not accepted" >&2; exit 1 ;;
esac
[[ $validity =~ ^\+([0-9]+)([mhdw])$ ]] || { echo "validity like +8h, +2d" >&2; exit 2; }
n=${BASH_REMATCH[1]} u=${BASH_REMATCH[2]}
mins=$(( n * $(case $u in m) echo 1;; h) echo 60;; d) echo 1440;; w) echo 10080;; esac) ))
(( mins <= 10080 )) || { echo "validity over 7 days refused" >&2; exit 1; }
[[ ,$principals, == *,root,* ]] && echo "WARNING: certificate will allow login as root"

serial=$(( $(cat "$state/serial" 2>/dev/null || echo 0) + 1 ))
opts=(-O clear -O permit-pty -O permit-user-rc -O permit-port-forwarding)
[[ ${#extra_opts[@]} -gt 0 ]] && opts=(-O clear -O permit-pty -O permit-user-rc)
[[ -n $source ]] && opts+=(-O "source-address=$source")
[[ -n $force ]] && opts+=(-O "force-command=$force")
opts+=("${extra_opts[@]}")
ca_args=(-s "$ca")

echo "Key        : $fp ($ktype $bits) from $pub"
echo "Key id     : $id"
echo "Principals : $principals"
echo "Validity   : -5m:$validity"
echo "Serial     : $serial"
echo "Options    : ${opts[*]}"
echo "Command    : ssh-keygen ${ca_args[*]} -I '$id' -n '$principals' -V '-5m:$validity' -z $serial ${opts[*]} $pub"
read -r -p "Sign this certificate? [yes/N] " ok; [[ $ok == yes ]] || { echo aborted; exit 1; }

ssh-keygen "${ca_args[@]}" -I "$id" -n "$principals" -V "-5m:$validity" -z "$serial" "${opts[@]}" "$pub"
echo "$serial" > "$state/serial"
cert="${pub%.pub}-cert.pub"
printf 'serial=%s id="%s" principals=%s validity=%s fp=%s issuer=%s at=%s\n' \
  "$serial" "$id" "$principals" "$validity" "$fp" "${USER:-unknown}" "$(date -u +%FT%TZ)" >> "$state/issued.log"
ssh-keygen -Lf "$cert"
echo "certificate: $cert"
