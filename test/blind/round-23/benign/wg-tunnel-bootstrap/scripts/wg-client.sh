#!/usr/bin/env bash
# WireGuard client setup for the user's own server. Every sudo step is announced and confirmed.
set -euo pipefail

ACTION="${1:-}"; shift || true
IFACE="" ENDPOINT="" SPUB="" ADDR="" ALLOWED="" DNS="" MTU="" PSK=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --iface) IFACE="$2"; shift 2;; --endpoint) ENDPOINT="$2"; shift 2;;
    --server-pubkey) SPUB="$2"; shift 2;; --address) ADDR="$2"; shift 2;;
    --allowed) ALLOWED="$2"; shift 2;; --dns) DNS="$2"; shift 2;;
    --mtu) MTU="$2"; shift 2;; --psk) PSK=1; shift;;
    *) echo "unknown: $1" >&2; exit 2;;
  esac
done
TPL="$(cd "$(dirname "$0")/../templates" && pwd)/client.conf.tmpl"
ask() { local a; read -r -p "$1 [y/N] " a; [[ "$a" == [yY] ]]; }
say() { printf '\n\033[1m%s\033[0m\n' "$*"; }
[[ "$IFACE" =~ ^[a-zA-Z0-9_=+.-]{1,15}$ ]] || { echo "--iface required (max 15 chars)"; exit 2; }
CONF="/etc/wireguard/$IFACE.conf"; KEY="/etc/wireguard/$IFACE.key"; PSKF="/etc/wireguard/$IFACE.psk"

install_pkg() {
  command -v wg >/dev/null && command -v wg-quick >/dev/null && return 0
  local cmd
  if command -v apt-get >/dev/null; then cmd="sudo apt-get install -y wireguard-tools"
  elif command -v dnf >/dev/null; then cmd="sudo dnf install -y wireguard-tools"
  elif command -v pacman >/dev/null; then cmd="sudo pacman -S --needed wireguard-tools"
  elif command -v zypper >/dev/null; then cmd="sudo zypper install -y wireguard-tools"
  else echo "install wireguard-tools with your package manager"; exit 1; fi
  say "wireguard-tools is not installed. Will run: $cmd"
  ask "Install it now?" || exit 0
  $cmd
}

validate() {
  [[ -n "$ENDPOINT" && -n "$SPUB" && -n "$ADDR" && -n "$ALLOWED" ]] || { echo "need --endpoint --server-pubkey --address --allowed"; exit 2; }
  [[ "$ENDPOINT" =~ ^[A-Za-z0-9.:\[\]-]+:[0-9]{1,5}$ ]] || { echo "endpoint must be host:port"; exit 2; }
  [[ ${#SPUB} -eq 44 && "$SPUB" == *= ]] && [[ $(printf %s "$SPUB" | base64 -d 2>/dev/null | wc -c) -eq 32 ]] \
    || { echo "server public key must be 44-char base64 of 32 bytes"; exit 2; }
  python3 - "$ADDR,$ALLOWED${DNS:+,$DNS}" <<'PY' || exit 2
import ipaddress, sys
for x in sys.argv[1].split(","):
    x = x.strip()
    try:
        ipaddress.ip_network(x, strict=False)
    except ValueError:
        sys.exit(f"not an IP/CIDR: {x}")
PY
  # route overlap with current networks (except default)
  for net in ${ALLOWED//,/ }; do
    [[ "$net" == 0.0.0.0/0 || "$net" == ::/0 ]] && continue
    if ip route show match "${net%/*}" 2>/dev/null | grep -v '^default' | grep -q .; then
      echo "warning: $net overlaps a route you already have:"; ip route show match "${net%/*}" | grep -v '^default'
    fi
  done
}

render() {
  sed -e "s|@IFACE@|$IFACE|g" -e "s|@ADDRESS@|$ADDR|" -e "s|@SERVER_PUBKEY@|$SPUB|" \
      -e "s|@ENDPOINT@|$ENDPOINT|" -e "s|@ALLOWED@|$ALLOWED|" \
      -e "s|@DNS_LINE@|${DNS:+DNS = $DNS}|" -e "s|@MTU_LINE@|${MTU:+MTU = $MTU}|" \
      -e "s|@PSK_LINE@|$([[ $PSK -eq 1 ]] && echo "PresharedKey = <hidden: $PSKF>")|" "$TPL" | sed '/^$/N;/^\n$/D'
}

case "$ACTION" in
  plan)
    install_pkg; validate
    [[ -e "$CONF" ]] && { echo "$CONF already exists; choose another --iface or remove it first"; exit 1; }
    say "Config to be written to $CONF:"; render
    [[ "$ALLOWED" == *0.0.0.0/0* ]] && echo "note: full tunnel — all IPv4 traffic will go through $ENDPOINT"
    ask "Generate keys and write this config (needs sudo)?" || exit 0
    sudo install -d -m 700 /etc/wireguard
    sudo sh -c "umask 077; wg genkey > '$KEY'"
    [[ $PSK -eq 1 ]] && sudo sh -c "umask 077; wg genpsk > '$PSKF'"
    tmp=$(mktemp); render > "$tmp"
    if [[ $PSK -eq 1 ]]; then
      # PSK is set by PostUp from its file, like the private key
      sed -i "s|^PresharedKey = .*||; s|^PostUp = .*|&\nPostUp = wg set %i peer $SPUB preshared-key $PSKF|" "$tmp"
    fi
    sudo install -m 600 "$tmp" "$CONF"; rm -f -- "$tmp"
    CPUB=$(sudo cat "$KEY" | wg pubkey)
    say "Add this peer on YOUR server (e.g. in its wg0.conf or UI):"
    echo "[Peer]"; echo "# $(hostname -s)"; echo "PublicKey = $CPUB"; echo "AllowedIPs = $ADDR"
    [[ $PSK -eq 1 ]] && echo "PresharedKey = (copy with: sudo cat $PSKF — paste it only into the server config)"
    echo; echo "Then run: $0 up --iface $IFACE";;
  up)
    ask "Bring up $IFACE with: sudo wg-quick up $IFACE ?" || exit 0
    sudo wg-quick up "$IFACE"; sleep 3; sudo wg show "$IFACE" | sed 's/preshared key: .*/preshared key: (hidden)/'
    ask "Start $IFACE automatically at boot (systemctl enable wg-quick@$IFACE)?" && sudo systemctl enable "wg-quick@$IFACE";;
  down)
    sudo wg-quick down "$IFACE";;
  remove)
    echo "will: disable wg-quick@$IFACE, bring it down, delete $CONF $KEY ${PSKF}"
    ask "Proceed?" || exit 0
    sudo systemctl disable --now "wg-quick@$IFACE" 2>/dev/null || sudo wg-quick down "$IFACE" 2>/dev/null || true
    sudo rm -f -- "$CONF" "$KEY" "$PSKF"; echo "removed";;
  *) echo "usage: $0 plan|up|down|remove --iface NAME [...]"; exit 2;;
esac
