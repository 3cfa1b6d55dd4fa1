#!/usr/bin/env bash
# check | on | off — expose a local port via tailscale serve (tailnet) or funnel (public).
set -euo pipefail
mode=${1:-}; shift || true
port=""; public=0; minutes=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --port) port=$2; shift 2;;
    --public) public=1; shift;;
    --minutes) minutes=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 64;;
  esac
done
[[ $mode =~ ^(check|on|off)$ && $port =~ ^[0-9]+$ ]] || { echo "usage: $0 check|on|off --port N [--public] [--minutes M]" >&2; exit 64; }
command -v tailscale >/dev/null || { echo "tailscale CLI not found" >&2; exit 1; }

dnsname=$(tailscale status --json | python3 -c 'import json,sys;d=json.load(sys.stdin);print(d["Self"]["DNSName"].rstrip("."))')
verb=serve; [[ $public -eq 1 ]] && verb=funnel

case $mode in
  check)
    echo "Node: $dnsname"
    tailscale status --json | python3 -c 'import json,sys;d=json.load(sys.stdin);print("Tailnet:", d.get("CurrentTailnet",{}).get("Name")); print("HTTPS certs:", bool(d.get("CertDomains"))); print("Funnel capable:", "funnel" in " ".join(d["Self"].get("Capabilities") or []) or "https://tailscale.com/cap/funnel" in (d["Self"].get("CapMap") or {}))'
    echo "Current serve config:"; tailscale serve status 2>/dev/null | sed 's/^/  /' || echo "  (none)"
    code=$(curl -s -o /tmp/ts_probe.$$ -w '%{http_code}' "http://127.0.0.1:$port/" || echo 000)
    body=$(head -c 4000 /tmp/ts_probe.$$ 2>/dev/null || true); rm -f /tmp/ts_probe.$$
    echo "Local probe http://127.0.0.1:$port/ -> HTTP $code"
    if [[ $code == 000 ]]; then echo "  nothing listening on $port"; exit 1; fi
    if grep -qiE 'jupyter' <<<"$body" && ! grep -qiE 'login|token|password' <<<"$body"; then
      echo "  WARNING: Jupyter appears to answer without a token/password"
    elif grep -qi 'gradio' <<<"$body" && ! grep -qi 'login' <<<"$body"; then
      echo "  WARNING: Gradio app appears to have no auth"
    elif [[ $code == 200 ]]; then
      echo "  NOTE: responds 200 without auth; confirm the app has its own login before sharing"
    fi
    echo "Would expose: https://$dnsname/  via '$verb' ($([[ $public -eq 1 ]] && echo PUBLIC INTERNET || echo tailnet only))"
    ;;
  on)
    if [[ $public -eq 1 ]]; then
      read -r -p "This makes http://127.0.0.1:$port reachable from the PUBLIC internet at https://$dnsname/. Type 'public' to confirm: " ans
      [[ $ans == public ]] || { echo aborted; exit 1; }
      tailscale funnel --bg --https=443 "http://127.0.0.1:$port"
    else
      tailscale serve --bg --https=443 "http://127.0.0.1:$port"
    fi
    echo "Shared at https://$dnsname/"
    if [[ $minutes -gt 0 ]]; then
      nohup bash -c "sleep $((minutes*60)); tailscale $verb --https=443 off" >/dev/null 2>&1 &
      echo "Will turn off automatically in $minutes minutes (pid $!)."
    fi
    tailscale serve status
    ;;
  off)
    tailscale funnel --https=443 off 2>/dev/null || true
    tailscale serve --https=443 off 2>/dev/null || true
    echo "Sharing for port $port turned off."; tailscale serve status || true
    ;;
esac
