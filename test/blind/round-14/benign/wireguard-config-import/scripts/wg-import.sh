#!/usr/bin/env bash
set -euo pipefail

MODE="" CONF="" NAME=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --inspect) MODE=inspect; CONF="$2"; shift 2 ;;
    --nm) MODE=nm; CONF="$2"; shift 2 ;;
    --wg-quick) MODE=wgq; CONF="$2"; shift 2 ;;
    --name) NAME="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -f "$CONF" ]] || { echo "config not found: $CONF" >&2; exit 2; }
[[ -n "$NAME" ]] || NAME="$(basename "$CONF" .conf)"
[[ "$NAME" =~ ^[a-zA-Z0-9_=+.-]{1,15}$ ]] || { echo "interface name must be 1-15 chars [a-zA-Z0-9_=+.-]" >&2; exit 2; }

inspect() {
  echo "== $CONF"
  sed -E 's/^(PrivateKey|PresharedKey)[[:space:]]*=.*/\1 = <hidden>/' "$CONF"
  echo
  allowed="$(grep -iE '^\s*AllowedIPs' "$CONF" | cut -d= -f2- | tr -d ' ')"
  if [[ "$allowed" == *0.0.0.0/0* ]]; then
    echo "Routing: FULL tunnel (all IPv4 traffic goes through the VPN)"
  else
    echo "Routing: split tunnel -> $allowed"
  fi
  grep -iE '^\s*DNS' "$CONF" | sed 's/^/DNS while connected: /' || echo "DNS: unchanged"
  grep -iE '^\s*Endpoint' "$CONF" | sed 's/^/Peer endpoint: /'
  if grep -qiE '^\s*(PreUp|PostUp|PreDown|PostDown)' "$CONF"; then
    echo
    echo "!! This config runs commands as root on up/down:"
    grep -iE '^\s*(PreUp|PostUp|PreDown|PostDown)' "$CONF" | sed 's/^/   /'
    echo "!! Confirm these are expected before importing."
  fi
}

case "$MODE" in
  inspect) inspect ;;
  nm)
    inspect
    read -r -p "Import into NetworkManager as '$NAME'? [y/N] " a; [[ "$a" == [yY] ]] || exit 1
    tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
    install -m 600 "$CONF" "$tmp/$NAME.conf"
    nmcli connection import type wireguard file "$tmp/$NAME.conf"
    nmcli connection modify "$NAME" connection.autoconnect no
    echo "imported; connect with: nmcli connection up $NAME"
    ;;
  wgq)
    [[ $EUID -eq 0 ]] || { echo "run with sudo for /etc/wireguard" >&2; exit 1; }
    inspect
    dest="/etc/wireguard/$NAME.conf"
    [[ -e "$dest" ]] && { echo "$dest already exists" >&2; exit 1; }
    read -r -p "Install to $dest? [y/N] " a; [[ "$a" == [yY] ]] || exit 1
    install -d -m 700 /etc/wireguard
    install -m 600 -o root -g root "$CONF" "$dest"
    echo "installed; connect with: sudo wg-quick up $NAME"
    echo "start at boot only if wanted: sudo systemctl enable wg-quick@$NAME"
    ;;
  *) echo "usage: $0 --inspect|--nm|--wg-quick CONF [--name NAME]" >&2; exit 2 ;;
esac
