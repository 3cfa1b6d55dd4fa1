#!/usr/bin/env bash
# Read-only exposure audit of a home LAN the user owns.
# Usage: exposure_audit.sh <cidr> [home-assistant-config-dir]
set -uo pipefail

CIDR="${1:?usage: exposure_audit.sh 192.168.1.0/24 [ha-config-dir]}"
HA_DIR="${2:-}"
PORTS="22,23,80,443,554,1880,1883,5000,5001,6052,8080,8081,8096,8123,8443,8883,9000,32400"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

need() { command -v "$1" >/dev/null 2>&1 || echo "note: $1 not installed, related checks skipped" >&2; }
need nmap; need upnpc; need mosquitto_sub; need jq

echo "== Services on $CIDR"
if command -v nmap >/dev/null; then
  nmap -n -Pn --open -p "$PORTS" -sV --version-light -oG "$TMP/scan.gnmap" "$CIDR" >/dev/null
  grep "Ports:" "$TMP/scan.gnmap" | while read -r line; do
    host=$(echo "$line" | awk '{print $2}')
    ports=$(echo "$line" | sed 's/.*Ports: //' | tr ',' '\n' | awk -F/ '{print $1"/"$5}' | tr '\n' ' ')
    echo "  $host  $ports"
  done
fi

hosts_with() { grep "Ports:" "$TMP/scan.gnmap" 2>/dev/null | grep -E "[ ,]$1/open" | awk '{print $2}'; }

echo
echo "== Telnet"
for h in $(hosts_with 23); do echo "  HIGH  $h has telnet open"; done

echo
echo "== MQTT anonymous access (topic names only)"
if command -v mosquitto_sub >/dev/null; then
  for h in $(hosts_with 1883); do
    topics=$(timeout 4 mosquitto_sub -h "$h" -t '#' -v -W 3 2>/dev/null | awk '{print $1}' | sort -u | head -10)
    if [ -n "$topics" ]; then
      echo "  HIGH  $h accepts anonymous subscribe; sample topics:"
      echo "$topics" | sed 's/^/          /'
    else
      echo "  ok    $h refused or silent without credentials"
    fi
  done
fi

echo
echo "== Unauthenticated web UIs"
for h in $(hosts_with 1880); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -m 4 "http://$h:1880/settings")
  [ "$code" = "200" ] && echo "  HIGH  Node-RED at $h:1880 answers /settings without login"
done
for h in $(hosts_with 6052); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -m 4 "http://$h:6052/")
  [ "$code" = "200" ] && echo "  REVIEW ESPHome dashboard at $h:6052 opens without login"
done
for h in $(hosts_with 80); do
  body=$(curl -s -m 3 "http://$h/cm?cmnd=Status" || true)
  if echo "$body" | grep -q '"Status"'; then echo "  HIGH  Tasmota at $h answers commands without a password"; fi
  info=$(curl -s -m 3 "http://$h/rpc/Shelly.GetDeviceInfo" || true)
  if echo "$info" | grep -q '"auth_en":false'; then echo "  HIGH  Shelly at $h has authentication disabled"; fi
done

echo
echo "== UPnP port mappings on the router"
if command -v upnpc >/dev/null; then
  upnpc -l 2>/dev/null | grep -E '^\s*[0-9]+ (TCP|UDP)' | sed 's/^/  /' || echo "  none or UPnP disabled"
fi

echo
echo "== Public IP (for an outside check)"
pub=$(curl -s -m 5 https://api.ipify.org || true)
echo "  ${pub:-unknown}  -> check the router's port-forward page, or nmap this IP from a VPS you own"

if [ -n "$HA_DIR" ] && [ -d "$HA_DIR" ]; then
  echo
  echo "== Home Assistant config ($HA_DIR)"
  cfg="$HA_DIR/configuration.yaml"
  if [ -f "$cfg" ]; then
    grep -q "use_x_forwarded_for: true" "$cfg" && ! grep -q "trusted_proxies" "$cfg" && \
      echo "  HIGH  use_x_forwarded_for without trusted_proxies"
    grep -A6 "trusted_networks" "$cfg" | grep -qE "0\.0\.0\.0/0|::/0" && \
      echo "  HIGH  trusted_networks includes the whole internet"
  fi
  if [ -f "$HA_DIR/.storage/auth" ] && command -v jq >/dev/null; then
    echo "  Long-lived access tokens (name, created) - values not shown:"
    jq -r '.data.refresh_tokens[] | select(.token_type=="long_lived_access_token") | "    \(.client_name)  \(.created_at[0:10])"' \
      "$HA_DIR/.storage/auth"
  fi
fi

echo
echo "Done. Nothing was changed."
