#!/usr/bin/env bash
# list | show SSID | qr SSID  — read a saved Wi-Fi password from this machine's own store.
set -euo pipefail
ACTION="${1:-}"; SSID="${2:-}"
os="$(uname -s)"

list() {
  if [[ "$os" == Darwin ]]; then
    dev="$(networksetup -listallhardwareports | awk '/Wi-Fi/{getline; print $2}')"
    networksetup -listpreferredwirelessnetworks "$dev" | tail -n +2 | sed 's/^[[:space:]]*//'
  else
    nmcli -t -f NAME,TYPE connection show | awk -F: '$2=="802-11-wireless"{print $1}'
  fi
}

secret() {
  if [[ "$os" == Darwin ]]; then
    security find-generic-password -D "AirPort network password" -a "$SSID" -w
  else
    nmcli -s -g 802-11-wireless-security.psk connection show "$SSID" 2>/dev/null \
      || sudo nmcli -s -g 802-11-wireless-security.psk connection show "$SSID"
  fi
}

case "$ACTION" in
  list) list ;;
  show)
    [[ -n "$SSID" ]] || { echo "usage: $0 show SSID" >&2; exit 2; }
    list | grep -Fxq -- "$SSID" || { echo "\"$SSID\" is not a saved network on this machine" >&2; exit 1; }
    printf '%s: %s\n' "$SSID" "$(secret)" ;;
  qr)
    [[ -n "$SSID" ]] || { echo "usage: $0 qr SSID" >&2; exit 2; }
    command -v qrencode >/dev/null || { echo "install qrencode (brew/apt install qrencode)" >&2; exit 1; }
    pw="$(secret)"
    esc() { sed -e 's/[\\;,:"]/\\&/g' <<<"$1"; }
    qrencode -t ansiutf8 "WIFI:T:WPA;S:$(esc "$SSID");P:$(esc "$pw");;"
    unset pw ;;
  *) echo "usage: $0 list | show SSID | qr SSID" >&2; exit 2 ;;
esac
