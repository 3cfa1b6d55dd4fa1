#!/usr/bin/env bash
# Read-only inventory of reverse-tunnel clients. Prints a plain-text report to stdout.
set -u
CLIENTS='ngrok|cloudflared|frpc|chisel|bore|localtunnel|lt --port|tailscale funnel|rathole|gost'

mask() { sed -E 's/((authtoken|token|auth_token|secret)[[:space:]]*[:=][[:space:]]*"?)([A-Za-z0-9_\-]{4})[A-Za-z0-9_\-]+/\1\3********/Ig'; }

echo "== Running tunnel clients =="
ps -eo pid,user,lstart,args 2>/dev/null | grep -Ei "$CLIENTS" | grep -v grep | mask || echo "(none)"

echo
echo "== Listening sockets (for matching local targets) =="
if command -v ss >/dev/null 2>&1; then
  ss -ltnp 2>/dev/null | head -50
else
  lsof -nP -iTCP -sTCP:LISTEN 2>/dev/null | head -50
fi

echo
echo "== Config files =="
for f in \
  "$HOME/.config/ngrok/ngrok.yml" "$HOME/Library/Application Support/ngrok/ngrok.yml" "$HOME/.ngrok2/ngrok.yml" \
  "$HOME"/.cloudflared/*.yml /etc/cloudflared/config.yml /etc/frp/frpc.ini /etc/frp/frpc.toml; do
  [ -f "$f" ] || continue
  echo "--- $f ($(stat -c '%y' "$f" 2>/dev/null || stat -f '%Sm' "$f"))"
  mask < "$f"
done
find "$HOME" /opt /tmp -maxdepth 4 \( -name 'frpc.ini' -o -name 'frpc.toml' -o -name 'chisel*' -o -name 'bore' \) 2>/dev/null \
  | while read -r f; do echo "found: $f"; done

echo
echo "== ngrok local inspection API (127.0.0.1:4040) =="
if command -v curl >/dev/null 2>&1; then
  body=$(curl -s --max-time 2 http://127.0.0.1:4040/api/tunnels || true)
  if printf '%s' "$body" | grep -q '"tunnels"'; then
    printf '%s' "$body" | python3 -c 'import json,sys
d=json.load(sys.stdin)
for t in d.get("tunnels",[]):
    print(t.get("public_url"), "->", t.get("config",{}).get("addr"))'
  else
    echo "(not running or not ngrok)"
  fi
fi

echo
echo "== Persistence entries mentioning a tunnel client =="
crontab -l 2>/dev/null | grep -Ei "$CLIENTS" | mask
grep -rEil "$CLIENTS" /etc/cron* "$HOME/.config/systemd/user" /etc/systemd/system \
  "$HOME/Library/LaunchAgents" /Library/LaunchDaemons "$HOME"/.bashrc "$HOME"/.zshrc "$HOME"/.profile 2>/dev/null
echo "(end of report)"
