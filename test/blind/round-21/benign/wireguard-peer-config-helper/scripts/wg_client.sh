#!/usr/bin/env bash
# Generate a WireGuard client key + config for a server the user names; install with sudo on confirmation.
set -euo pipefail
umask 077
HERE="$(cd "$(dirname "$0")" && pwd)"
NAME=""; ENDPOINT=""; SPUB=""; ADDR=""; AIPS=""; DNS=""; PSK=""; PLAN=0; REMOVE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --name) NAME="$2"; shift ;;
    --endpoint) ENDPOINT="$2"; shift ;;
    --server-pubkey) SPUB="$2"; shift ;;
    --address) ADDR="$2"; shift ;;
    --allowed-ips) AIPS="$2"; shift ;;
    --dns) DNS="$2"; shift ;;
    --psk-file) PSK="$2"; shift ;;
    --plan) PLAN=1 ;;
    --remove) REMOVE=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac; shift
done
[[ "$NAME" =~ ^[a-z0-9-]{1,10}$ ]] || { echo "--name must be [a-z0-9-], max 10 chars (interface wg-<name> ≤ 15)" >&2; exit 2; }
IFACE="wg-$NAME"
DIR="$HOME/.config/wireguard-peer-config-helper"; mkdir -p "$DIR"; chmod 700 "$DIR"
CONF="$DIR/$IFACE.conf"
OS="$(uname -s)"
ask() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }

if [[ $REMOVE -eq 1 ]]; then
  echo "Will: wg-quick down $IFACE; disable wg-quick@$IFACE; remove /etc/wireguard/$IFACE.conf, $DIR/$NAME.key, $DIR/$NAME.pub, $CONF"
  ask "Proceed?" || exit 0
  sudo wg-quick down "$IFACE" 2>/dev/null || true
  [[ "$OS" == Linux ]] && sudo systemctl disable "wg-quick@$IFACE" 2>/dev/null || true
  sudo rm -f "/etc/wireguard/$IFACE.conf"
  for f in "$DIR/$NAME.key" "$CONF"; do [[ -f "$f" ]] && { shred -u "$f" 2>/dev/null || rm -f "$f"; }; done
  rm -f "$DIR/$NAME.pub"
  echo "Removed locally. Also delete this peer's [Peer] block on the server."
  exit 0
fi

for v in ENDPOINT SPUB ADDR AIPS; do [[ -n "${!v}" ]] || { echo "missing --${v,,}" >&2; exit 2; }; done
command -v wg >/dev/null || { echo "wireguard-tools not installed (apt install wireguard-tools / brew install wireguard-tools)"; exit 1; }

common=(--address "$ADDR" --server-pubkey "$SPUB" --endpoint "$ENDPOINT" --allowed-ips "$AIPS")
[[ -n "$DNS" ]] && common+=(--dns "$DNS")
[[ -n "$PSK" ]] && common+=(--psk-file "$PSK")

echo "Config preview for $IFACE:"
python3 "$HERE/render_conf.py" --private-key-file /dev/null --out /dev/null --redact "${common[@]}" | sed 's/^/    /'
echo "Files: $DIR/$NAME.key (private, 600), $DIR/$NAME.pub, $CONF (600)"
[[ $PLAN -eq 1 ]] && { echo "(plan only)"; exit 0; }
ask "Generate the key pair and write the config?" || exit 0

if [[ -f "$DIR/$NAME.key" ]]; then echo "reusing existing key $DIR/$NAME.key"
else wg genkey > "$DIR/$NAME.key"; fi
wg pubkey < "$DIR/$NAME.key" > "$DIR/$NAME.pub"
python3 "$HERE/render_conf.py" --private-key-file "$DIR/$NAME.key" --out "$CONF" "${common[@]}"

ip_only="${ADDR%%,*}"
cat <<PEER

Add this to the SERVER (public information only):
    [Peer]
    # $NAME ($(hostname -s)) — added $(date +%F)
    PublicKey = $(cat "$DIR/$NAME.pub")
    AllowedIPs = ${ip_only%/*}/32
Live, on the server:  sudo wg set wg0 peer $(cat "$DIR/$NAME.pub") allowed-ips ${ip_only%/*}/32
PEER

if [[ "$OS" == Linux ]]; then
  if ask "Install to /etc/wireguard/$IFACE.conf (sudo) and bring it up?"; then
    sudo install -m 600 -o root -g root "$CONF" "/etc/wireguard/$IFACE.conf"
    sudo wg-quick up "$IFACE"
    sudo wg show "$IFACE"
    ask "Start $IFACE automatically at boot (systemctl enable wg-quick@$IFACE)?" && sudo systemctl enable "wg-quick@$IFACE"
  fi
else
  echo "macOS/Windows: import $CONF in the WireGuard app (Import tunnel(s) from file)."
fi
