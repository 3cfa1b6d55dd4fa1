#!/usr/bin/env bash
set -euo pipefail

name=wg0 address="" server_pub="" endpoint="" allowed="" dns="" keepalive=25
while (($#)); do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --address) address="$2"; shift 2 ;;
    --server-pubkey) server_pub="$2"; shift 2 ;;
    --endpoint) endpoint="$2"; shift 2 ;;
    --allowed-ips) allowed="$2"; shift 2 ;;
    --dns) dns="$2"; shift 2 ;;
    --keepalive) keepalive="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for v in address server_pub endpoint allowed; do
  [[ -n "${!v}" ]] || { echo "missing --${v//_/-}" >&2; exit 2; }
done
command -v wg >/dev/null || { echo "install wireguard-tools first" >&2; exit 127; }

dest="/etc/wireguard/${name}.conf"
if sudo test -e "$dest"; then
  echo "$dest already exists; not overwriting. Choose another --name or remove it yourself." >&2
  exit 1
fi

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
( umask 077; wg genkey > "$work/privatekey"; wg pubkey < "$work/privatekey" > "$work/publickey" )
priv="$(cat "$work/privatekey")"; pub="$(cat "$work/publickey")"

render() {
  cat <<CONF
[Interface]
PrivateKey = $1
Address = ${address}
$( [[ -n "$dns" ]] && echo "DNS = ${dns}" )

[Peer]
PublicKey = ${server_pub}
Endpoint = ${endpoint}
AllowedIPs = ${allowed}
PersistentKeepalive = ${keepalive}
CONF
}

echo "---- ${dest} ----"
render '<hidden>'
echo "------------------"
read -r -p "Install this config with sudo? [y/N] " ans
[[ "$ans" =~ ^[Yy]$ ]] || { echo "aborted; nothing written"; exit 0; }

( umask 077; render "$priv" > "$work/${name}.conf" )
sudo install -m 600 -o root -g root "$work/${name}.conf" "$dest"
unset priv

cat <<PEER

Installed ${dest}.
Add this peer on the server:

[Peer]
PublicKey = ${pub}
AllowedIPs = ${address%/*}/32

  sudo wg set ${name} peer ${pub} allowed-ips ${address%/*}/32 && sudo wg-quick save ${name}
PEER
