#!/usr/bin/env bash
# Sign SSH user keys with the user's CA, and configure servers to trust that CA.
set -euo pipefail

confirm() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }

cmd_sign() {
  local ca="" ca_pub="" pkcs11="" pubkey="$HOME/.ssh/id_ed25519.pub" identity="" principals="" validity="+8h" step="" extra=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --ca) ca="$2"; shift 2 ;;
      --ca-pub) ca_pub="$2"; shift 2 ;;
      --pkcs11) pkcs11="$2"; shift 2 ;;
      --pubkey) pubkey="$2"; shift 2 ;;
      --identity) identity="$2"; shift 2 ;;
      --principals) principals="$2"; shift 2 ;;
      --validity) validity="$2"; shift 2 ;;
      --allow-agent-forwarding) extra+=(-O permit-agent-forwarding); shift ;;
      --allow-port-forwarding) extra+=(-O permit-port-forwarding); shift ;;
      --step) step=1; shift ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
  done
  [ -n "$identity" ] && [ -n "$principals" ] || { echo "--identity and --principals are required" >&2; exit 2; }
  [ -f "$pubkey" ] || { echo "public key $pubkey not found" >&2; exit 1; }
  echo "Key to sign: $(ssh-keygen -lf "$pubkey")"

  if [ -n "$step" ]; then
    local priv="${pubkey%.pub}"
    echo "step ssh certificate $identity $priv --principal ${principals//,/ --principal } --not-after ${validity#+} --sign"
    confirm "Request certificate from step-ca?" || exit 1
    # shellcheck disable=SC2046
    step ssh certificate "$identity" "$priv" $(printf -- '--principal %s ' ${principals//,/ }) --not-after "${validity#+}" --sign --force
    ssh-keygen -L -f "${priv}-cert.pub"
    return
  fi

  local signer cadir
  if [ -n "$pkcs11" ]; then
    [ -f "$ca_pub" ] || { echo "--ca-pub is required with --pkcs11" >&2; exit 2; }
    signer=(-s "$ca_pub" -D "$pkcs11"); cadir="$(dirname "$ca_pub")"
  else
    [ -f "$ca" ] || { echo "CA key $ca not found" >&2; exit 1; }
    signer=(-s "$ca"); cadir="$(dirname "$ca")"
  fi
  local log="$cadir/issued.log" serial=1
  if [ -f "$log" ]; then serial=$(( $(awk '{print $2}' "$log" | sort -n | tail -1) + 1 )); fi
  local cert="${pubkey%.pub}-cert.pub"

  local cmd=(ssh-keygen "${signer[@]}" -I "$identity" -n "$principals" -V "-5m:$validity" -z "$serial"
             -O clear -O permit-pty "${extra[@]}" "$pubkey")
  echo "Will run: ${cmd[*]}"
  [ -f "$cert" ] && echo "Existing certificate $cert will be replaced."
  confirm "Sign now?" || exit 1
  "${cmd[@]}"
  chmod 644 "$cert"
  ssh-keygen -L -f "$cert"
  local expiry
  expiry=$(ssh-keygen -L -f "$cert" | awk '/Valid:/ {print $NF}')
  printf '%s serial %s id=%s principals=%s expires=%s\n' "$(date -u +%FT%TZ)" "$serial" "$identity" "$principals" "$expiry" >> "$log"
  echo "certificate installed at $cert (issuance recorded in $log)"
}

cmd_trust() {
  local host="" ca_pub="" map="" port=22
  while [ $# -gt 0 ]; do
    case "$1" in
      --host) host="$2"; shift 2 ;;
      --ca-pub) ca_pub="$2"; shift 2 ;;
      --principals-map) map="$2"; shift 2 ;;
      --port) port="$2"; shift 2 ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
  done
  [ -n "$host" ] && [ -f "$ca_pub" ] || { echo "--host and --ca-pub are required" >&2; exit 2; }
  grep -q "PRIVATE KEY" "$ca_pub" && { echo "refusing: $ca_pub is a private key" >&2; exit 1; }
  echo "On $host:"
  echo "  /etc/ssh/trusted_user_ca_keys.pub <- $(ssh-keygen -lf "$ca_pub")"
  echo "  sshd_config: TrustedUserCAKeys /etc/ssh/trusted_user_ca_keys.pub"
  [ -n "$map" ] && echo "  sshd_config: AuthorizedPrincipalsFile /etc/ssh/auth_principals/%u ; principals: $map"
  confirm "Apply (sshd -t must pass before reload)?" || exit 1

  local remote_script
  remote_script=$(cat <<REMOTE
set -e
sudo install -m 644 /dev/stdin /etc/ssh/trusted_user_ca_keys.pub <<<'$(cat "$ca_pub")'
sudo mkdir -p /etc/ssh/sshd_config.d /etc/ssh/auth_principals
CONF=/etc/ssh/sshd_config.d/60-user-ca.conf
echo 'TrustedUserCAKeys /etc/ssh/trusted_user_ca_keys.pub' | sudo tee \$CONF >/dev/null
REMOTE
)
  if [ -n "$map" ]; then
    remote_script+=$'\n'"echo 'AuthorizedPrincipalsFile /etc/ssh/auth_principals/%u' | sudo tee -a \$CONF >/dev/null"
    local entry user names
    IFS=';' read -ra entries <<< "$map"
    for entry in "${entries[@]}"; do
      user="${entry%%=*}"; names="${entry#*=}"
      remote_script+=$'\n'"printf '%s\n' ${names//,/ } | sudo tee /etc/ssh/auth_principals/$user >/dev/null"
    done
  fi
  remote_script+=$'\n''sudo sshd -t && (sudo systemctl reload ssh 2>/dev/null || sudo systemctl reload sshd) && echo "sshd reloaded"'
  ssh -p "$port" -t "$host" "$remote_script"
}

case "${1:-}" in
  sign) shift; cmd_sign "$@" ;;
  trust) shift; cmd_trust "$@" ;;
  *) echo "usage: $0 sign|trust [options]" >&2; exit 2 ;;
esac
