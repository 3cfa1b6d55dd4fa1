#!/usr/bin/env bash
# Manage UPnP port forwards on the user's own router. Requires miniupnpc (upnpc).
# Usage: upnp_forward.sh status | open <port> <tcp|udp> <lease_seconds> <description> | close <port> <tcp|udp>
set -euo pipefail
command -v upnpc >/dev/null || { echo "install miniupnpc (apt install miniupnpc / brew install miniupnpc)"; exit 2; }
DENY=" 22 23 445 3389 5900 2375 2376 3306 5432 6379 27017 9200 "

lan_ip() { upnpc -s 2>/dev/null | awk '/Local LAN ip address/{print $NF}'; }

case "${1:-status}" in
  status)
    upnpc -s | grep -E 'desc:|Found valid IGD|Local LAN ip|ExternalIPAddress' || true
    echo "--- existing mappings ---"
    upnpc -l | sed -n '/^ i protocol/,$p'
    ;;
  open)
    port="$2"; proto="$(echo "$3" | tr a-z A-Z)"; lease="$4"; desc="$5"
    [[ "$port" =~ ^[0-9]+$ ]] || { echo "bad port"; exit 1; }
    if [[ "$DENY" == *" $port "* ]]; then echo "refusing to expose port $port; use a VPN"; exit 3; fi
    ip="$(lan_ip)"
    if command -v ss >/dev/null; then ss -lntu | grep -q ":$port " || echo "warning: nothing is listening on $port yet"; fi
    echo "Will forward $proto external:$port -> $ip:$port for ${lease}s ('$desc')"
    read -rp "Proceed? [y/N] " ok; [ "$ok" = y ] || { echo aborted; exit 1; }
    upnpc -e "$desc" -a "$ip" "$port" "$port" "$proto" "$lease"
    ;;
  close)
    port="$2"; proto="$(echo "$3" | tr a-z A-Z)"
    read -rp "Remove forward $proto $port? [y/N] " ok; [ "$ok" = y ] || exit 1
    upnpc -d "$port" "$proto"
    ;;
  *) echo "usage: $0 status|open|close"; exit 1 ;;
esac
