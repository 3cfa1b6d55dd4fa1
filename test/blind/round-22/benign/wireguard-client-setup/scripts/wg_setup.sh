#!/usr/bin/env bash
# WireGuard client setup with a confirmation before every privileged command. Private key never printed.
set -euo pipefail

cmd="${1:-}"; shift || true
IFACE=wg0 ADDRESS="" ENDPOINT="" SPUB="" ALLOWED="" DNS="" KEEPALIVE="" PSK_PROMPT=0 ROTATE=0
while (($#)); do
  case "$1" in
    --iface) IFACE="$2"; shift 2 ;;
    --address) ADDRESS="$2"; shift 2 ;;
    --endpoint) ENDPOINT="$2"; shift 2 ;;
    --server-pubkey) SPUB="$2"; shift 2 ;;
    --allowed-ips) ALLOWED="$2"; shift 2 ;;
    --dns) DNS="$2"; shift 2 ;;
    --keepalive) KEEPALIVE="$2"; shift 2 ;;
    --psk-prompt) PSK_PROMPT=1; shift ;;
    --rotate) ROTATE=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$IFACE" =~ ^[a-zA-Z0-9_=+.-]{1,15}$ ]] || { echo "bad interface name" >&2; exit 2; }

if [[ "$(uname)" == Darwin ]]; then
  WGDIR="$(brew --prefix 2>/dev/null || echo /usr/local)/etc/wireguard"
else
  WGDIR=/etc/wireguard
fi
KEY="$WGDIR/$IFACE.key"; PUB="$WGDIR/$IFACE.pub"; CONF="$WGDIR/$IFACE.conf"

ask() { local a; read -r -p "$1 [y/N] " a </dev/tty; [[ "$a" == y || "$a" == Y ]]; }
run_priv() {  # show, confirm, then run with sudo
  echo "  \$ sudo $*"
  ask "Run this with sudo?" || { echo "skipped"; return 1; }
  sudo "$@"
}
b64key() { [[ "$1" =~ ^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$ ]]; }

case "$cmd" in
  install)
    if [[ "$(uname)" == Darwin ]]; then
      echo "  \$ brew install wireguard-tools"; ask "Run it?" && brew install wireguard-tools; exit 0
    fi
    . /etc/os-release
    case "${ID_LIKE:-$ID}" in
      *debian*|*ubuntu*) pkgs=(wireguard-tools); [[ -n "$DNS" ]] && ! command -v resolvectl >/dev/null && pkgs+=(openresolv)
        run_priv apt-get update
        echo "packages: ${pkgs[*]}"
        sim=$(apt-get -s install "${pkgs[@]}" | grep -E '^Remv' || true)
        [[ -n "$sim" ]] && { echo "WARNING: this install would remove:"; echo "$sim"; ask "Still continue?" || exit 1; }
        run_priv apt-get install -y "${pkgs[@]}" ;;
      *fedora*|*rhel*|*centos*) run_priv dnf install -y wireguard-tools ;;
      *arch*) run_priv pacman -S --needed wireguard-tools ;;
      *suse*) run_priv zypper install -y wireguard-tools ;;
      *) echo "unknown distribution ($ID); install wireguard-tools with your package manager"; exit 1 ;;
    esac
    wg --version ;;

  keys)
    command -v wg >/dev/null || { echo "wg not found; run: $0 install"; exit 1; }
    if sudo test -f "$KEY"; then
      if ((ROTATE)); then
        run_priv cp -p "$KEY" "$KEY.bak-$(date +%Y%m%d-%H%M%S)" || exit 1
      else
        echo "key exists; public key: $(sudo cat "$PUB" 2>/dev/null || sudo wg pubkey <"$KEY")"; exit 0
      fi
    fi
    echo "will create $KEY (mode 600, root) and $PUB"
    ask "Generate the key pair (uses sudo)?" || exit 0
    sudo install -d -m 700 "$WGDIR"
    (umask 077; wg genkey | sudo tee "$KEY" >/dev/null)
    sudo chmod 600 "$KEY"
    sudo sh -c "wg pubkey < '$KEY' > '$PUB'"
    echo "public key (give this to the server admin): $(sudo cat "$PUB")" ;;

  config)
    [[ -n "$ADDRESS" && -n "$ENDPOINT" && -n "$SPUB" && -n "$ALLOWED" ]] || { echo "need --address --endpoint --server-pubkey --allowed-ips" >&2; exit 2; }
    b64key "$SPUB" || { echo "server public key doesn't look like a WireGuard key" >&2; exit 2; }
    sudo test -f "$KEY" || { echo "no private key yet; run: $0 keys --iface $IFACE" >&2; exit 1; }
    PSK=""
    if ((PSK_PROMPT)); then read -r -s -p "Preshared key (hidden): " PSK </dev/tty; echo; b64key "$PSK" || { echo "bad PSK"; exit 2; }; fi
    body="[Interface]
Address = $ADDRESS
${DNS:+DNS = $DNS
}
[Peer]
PublicKey = $SPUB
Endpoint = $ENDPOINT
AllowedIPs = $ALLOWED
${KEEPALIVE:+PersistentKeepalive = $KEEPALIVE
}"
    echo "----- $CONF"
    echo "[Interface]"; echo "PrivateKey = <from $KEY>"; printf '%s\n' "$body" | sed '1d' | cat -s
    ((PSK_PROMPT)) && echo "PresharedKey = <entered, hidden>   (in [Peer])"
    echo "-----"
    [[ "$ALLOWED" == *0.0.0.0/0* ]] && echo "note: full tunnel — all IPv4 traffic will go through the VPN"
    ask "Write this config to $CONF (sudo)?" || exit 0
    sudo test -f "$CONF" && sudo cp -p "$CONF" "$CONF.bak-$(date +%Y%m%d-%H%M%S)"
    tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT; chmod 600 "$tmp"
    printf '%s\n' "$body" >"$tmp"
    # root inlines the private key and PSK so they never pass through this user's files
    sudo env KEYFILE="$KEY" PSK="$PSK" SRC="$tmp" DST="$CONF" sh -c '
      umask 077
      {
        echo "[Interface]"
        echo "PrivateKey = $(cat "$KEYFILE")"
        while IFS= read -r line; do
          [ "$line" = "[Interface]" ] && continue
          echo "$line"
          if [ "$line" = "[Peer]" ] && [ -n "$PSK" ]; then echo "PresharedKey = $PSK"; fi
        done < "$SRC"
      } > "$DST.new"
      chmod 600 "$DST.new"
      mv "$DST.new" "$DST"'
    echo "wrote $CONF" ;;

  up)
    run_priv wg-quick up "$IFACE" || exit 1
    for _ in $(seq 1 10); do
      hs=$(sudo wg show "$IFACE" latest-handshakes | awk '{print $2}')
      [[ -n "$hs" && "$hs" != 0 ]] && { echo "handshake OK"; sudo wg show "$IFACE" | grep -v 'private key'; exit 0; }
      sleep 1
    done
    echo "no handshake yet. Check: server has this client's public key and address; UDP port open; server public key correct; clocks in sync." ;;

  down) run_priv wg-quick down "$IFACE" ;;

  enable)
    if [[ "$(uname)" == Darwin ]]; then
      echo "On macOS, import $CONF into the WireGuard app (App Store) and enable 'On-Demand', or ask for a LaunchDaemon."
    else
      run_priv systemctl enable --now "wg-quick@$IFACE"
    fi ;;

  *) echo "usage: wg_setup.sh install|keys|config|up|down|enable [options]"; exit 2 ;;
esac
