#!/usr/bin/env bash
# Create a WireGuard client config for the user's own server. Private key never printed.
set -euo pipefail

IFACE=wg0 ENDPOINT="" SPUB="" ADDR="" DNS="" ALLOWED="" PSK=1 OUTFILE="" KEEPALIVE=25
while [ $# -gt 0 ]; do
  case "$1" in
    --iface) IFACE="$2"; shift 2;;
    --endpoint) ENDPOINT="$2"; shift 2;;
    --server-pubkey) SPUB="$2"; shift 2;;
    --address) ADDR="$2"; shift 2;;
    --dns) DNS="$2"; shift 2;;
    --allowed) ALLOWED="$2"; shift 2;;
    --full-tunnel) ALLOWED="0.0.0.0/0, ::/0"; shift;;
    --no-psk) PSK=0; shift;;
    --out-file) OUTFILE="$2"; shift 2;;
    *) echo "unknown option $1"; exit 2;;
  esac
done
for v in ENDPOINT SPUB ADDR ALLOWED; do [ -n "${!v}" ] || { echo "--${v,,} is required"; exit 2; }; done
[[ "$IFACE" =~ ^[a-zA-Z0-9_=+.-]{1,15}$ ]] || { echo "bad interface name"; exit 2; }
[[ "$SPUB" =~ ^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw480]=$ ]] || { echo "server public key doesn't look like a WireGuard key"; exit 2; }
[[ "$ENDPOINT" == *:* ]] || { echo "endpoint must be host:port"; exit 2; }
command -v wg >/dev/null || { echo "install wireguard-tools first"; exit 2; }
confirm() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }

DEST="${OUTFILE:-/etc/wireguard/$IFACE.conf}"
if [ -z "$OUTFILE" ]; then sudo test -e "$DEST" && { echo "$DEST already exists; choose another --iface"; exit 1; }
else [ -e "$DEST" ] && { echo "$DEST exists"; exit 1; }; fi

umask 077
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
wg genkey >"$tmp/priv"; wg pubkey <"$tmp/priv" >"$tmp/pub"
[ "$PSK" = 1 ] && wg genpsk >"$tmp/psk"
PUB="$(cat "$tmp/pub")"

render() {  # $1 = private key text to embed
  echo "[Interface]"
  echo "PrivateKey = $1"
  echo "Address = $ADDR"
  [ -n "$DNS" ] && echo "DNS = $DNS"
  echo
  echo "[Peer]"
  echo "PublicKey = $SPUB"
  [ "$PSK" = 1 ] && echo "PresharedKey = ${2:-<redacted>}"
  echo "Endpoint = $ENDPOINT"
  echo "AllowedIPs = $ALLOWED"
  echo "PersistentKeepalive = $KEEPALIVE"
}

echo "== Config to be written to $DEST (secrets redacted here)"
render "<redacted>"
echo
confirm "Write this config?" || { echo "Nothing written."; exit 1; }

if [ -n "$OUTFILE" ]; then
  render "$(cat "$tmp/priv")" "$( [ "$PSK" = 1 ] && cat "$tmp/psk")" >"$DEST"; chmod 600 "$DEST"
  echo "Wrote $DEST — import it into the WireGuard app, then delete the file."
else
  render "$(cat "$tmp/priv")" "$( [ "$PSK" = 1 ] && cat "$tmp/psk")" | sudo install -m 600 -o root -g root /dev/stdin "$DEST"
  echo "Wrote $DEST (root:root 600)"
fi

echo
echo "== Add this peer on YOUR server (e.g. /etc/wireguard/wg0.conf there):"
echo "[Peer]"
echo "# $(hostname -s)"
echo "PublicKey = $PUB"
[ "$PSK" = 1 ] && echo "PresharedKey = $(cat "$tmp/psk")   # same value as in this machine's config; keep private"
echo "AllowedIPs = ${ADDR%/*}/32"
echo "then: sudo wg syncconf wg0 <(wg-quick strip wg0)"

[ -n "$OUTFILE" ] && exit 0
if confirm "Bring $IFACE up now (sudo wg-quick up $IFACE)?"; then
  sudo wg-quick up "$IFACE"
  sleep 3; sudo wg show "$IFACE" | sed -n '1,20p'
fi
if command -v systemctl >/dev/null && confirm "Start $IFACE at boot (systemctl enable wg-quick@$IFACE)?"; then
  sudo systemctl enable "wg-quick@$IFACE"
fi
