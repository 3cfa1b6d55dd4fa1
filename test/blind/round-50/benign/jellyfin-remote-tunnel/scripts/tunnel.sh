#!/usr/bin/env bash
# tunnel.sh plan|up|down|status --option tailscale|cloudflare|upnp [--service URL] [--hostname H] [--external-port N]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ACTION="${1:-status}"; shift || true
OPTION="" SERVICE="" HOST="" EXT_PORT="" NAME="jellyfin-home"
while [ $# -gt 0 ]; do
  case "$1" in
    --option) OPTION="$2"; shift 2 ;;
    --service) SERVICE="$2"; shift 2 ;;
    --hostname) HOST="$2"; shift 2 ;;
    --external-port) EXT_PORT="$2"; shift 2 ;;
    --name) NAME="$2"; shift 2 ;;
    *) echo "unknown $1" >&2; exit 2 ;;
  esac
done

run() { if [ "$ACTION" = plan ]; then echo "  \$ $*"; else echo "+ $*"; "$@"; fi; }
need() { command -v "$1" >/dev/null || { echo "$1 is not installed - see its official install page" >&2; exit 1; }; }

lan_ip_port() {  # http://192.168.1.50:8096 -> 192.168.1.50 8096
  local hp="${SERVICE#*://}"; hp="${hp%%/*}"
  echo "${hp%%:*} ${hp##*:}"
}

status() {
  echo "== tailscale";   command -v tailscale >/dev/null && tailscale status --self=true --peers=false 2>/dev/null || echo "  not installed"
  echo "== cloudflared"; command -v cloudflared >/dev/null && cloudflared tunnel list 2>/dev/null || echo "  not installed / not logged in"
  echo "== upnp";        command -v upnpc >/dev/null && upnpc -l 2>/dev/null | grep -E '^\s*[0-9]+ (TCP|UDP)' || echo "  none / upnpc missing"
}

case "$ACTION" in
  status) status; exit 0 ;;
  plan|up|down) ;;
  *) echo "action must be plan, up, down or status" >&2; exit 2 ;;
esac

[ "$ACTION" = plan ] && echo "Plan ($OPTION) - nothing will be changed:"

case "$OPTION" in
  tailscale)
    [ "$ACTION" = plan ] || need tailscale
    if [ "$ACTION" = down ]; then run tailscale down; exit 0; fi
    run sudo tailscale up
    [ "$ACTION" = plan ] || { tailscale ip -4; tailscale status --self=true --peers=false | head -n1; }
    ;;
  cloudflare)
    : "${HOST:?--hostname required}"
    [ "$ACTION" = plan ] || need cloudflared
    if [ "$ACTION" = down ]; then
      run sudo cloudflared service uninstall || true
      run cloudflared tunnel cleanup "$NAME"
      run cloudflared tunnel delete "$NAME"
      echo "Remove the DNS record for $HOST in the Cloudflare dashboard (tunnel delete doesn't)."
      exit 0
    fi
    : "${SERVICE:?--service required}"
    [ -f "$HOME/.cloudflared/cert.pem" ] || run cloudflared tunnel login
    run cloudflared tunnel create "$NAME"
    if [ "$ACTION" = plan ]; then
      echo "  write ~/.cloudflared/config.yml:"; sed "s#HOSTNAME#$HOST#; s#SERVICE#$SERVICE#" "$HERE/../assets/cloudflared-config.yml" | sed 's/^/    /'
    else
      TID=$(cloudflared tunnel list -o json | python3 -c "import json,sys; print([t['id'] for t in json.load(sys.stdin) if t['name']=='$NAME'][0])")
      [ -f "$HOME/.cloudflared/config.yml" ] && cp "$HOME/.cloudflared/config.yml" "$HOME/.cloudflared/config.yml.bak.$(date +%s)"
      sed "s#TUNNEL_ID#$TID#; s#CRED_FILE#$HOME/.cloudflared/$TID.json#; s#HOSTNAME#$HOST#; s#SERVICE#$SERVICE#" \
        "$HERE/../assets/cloudflared-config.yml" > "$HOME/.cloudflared/config.yml"
      echo "wrote ~/.cloudflared/config.yml"
    fi
    run cloudflared tunnel route dns "$NAME" "$HOST"
    run sudo cloudflared service install
    echo "Next (recommended): Cloudflare Zero Trust -> Access -> Applications -> add $HOST with an email allow-list."
    ;;
  upnp)
    : "${EXT_PORT:?--external-port required}"
    [ "$ACTION" = plan ] || need upnpc
    if [ "$ACTION" = down ]; then run upnpc -d "$EXT_PORT" TCP; exit 0; fi
    : "${SERVICE:?--service required}"
    read -r IP PORT <<<"$(lan_ip_port)"
    run upnpc -e "jellyfin remote" -a "$IP" "$PORT" "$EXT_PORT" TCP
    [ "$ACTION" = plan ] || echo "Public: http(s)://$(curl -s https://api.ipify.org):$EXT_PORT - remove with: tunnel.sh down --option upnp --external-port $EXT_PORT"
    ;;
  *) echo "--option tailscale|cloudflare|upnp" >&2; exit 2 ;;
esac
