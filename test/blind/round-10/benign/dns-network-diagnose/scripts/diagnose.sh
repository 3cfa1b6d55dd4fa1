#!/usr/bin/env bash
set -uo pipefail

host=${1:?usage: diagnose.sh HOST [--port N] [--path /p] [--no-http] [--trace]}
shift
port=443; path=/; http=1; trace=0
while [ $# -gt 0 ]; do
  case $1 in
    --port) port=$2; shift 2 ;;
    --path) path=$2; shift 2 ;;
    --no-http) http=0; shift ;;
    --trace) trace=1; shift ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done
have() { command -v "$1" >/dev/null 2>&1; }
hdr() { printf '\n=== %s\n' "$*"; }

hdr "DNS ($host)"
if have dig; then
  for r in "" 1.1.1.1 8.8.8.8 9.9.9.9; do
    label=${r:-system}
    a=$(dig +short +time=3 +tries=1 ${r:+@$r} "$host" A | tr '\n' ' ')
    aaaa=$(dig +short +time=3 +tries=1 ${r:+@$r} "$host" AAAA | tr '\n' ' ')
    status=$(dig +time=3 +tries=1 ${r:+@$r} "$host" A | awk '/status:/{gsub(",","",$6); print $6}')
    printf '  %-8s %-9s A: %s AAAA: %s\n' "$label" "$status" "${a:--}" "${aaaa:--}"
  done
  zone=$host
  while [ -n "$zone" ] && [ -z "$(dig +short NS "$zone")" ]; do
    [[ $zone == *.* ]] || { zone=""; break; }
    zone=${zone#*.}
  done
  if [ -n "$zone" ]; then
    ns=$(dig +short NS "$zone" | head -1)
    echo "  zone $zone, authoritative $ns: $(dig +short @"$ns" "$host" A | tr '\n' ' ')"
    dig +short @"$ns" "$host" A +dnssec | grep -q RRSIG && echo "  DNSSEC: signed"
    cdstatus=$(dig +cd +time=3 @1.1.1.1 "$host" A | awk '/status:/{gsub(",","",$6); print $6}')
    echo "  checking-disabled query status: $cdstatus"
  fi
  ips=$(dig +short "$host" A | grep -E '^[0-9.]+$')
else
  echo "  dig not installed; using getent"
  ips=$(getent ahostsv4 "$host" | awk '{print $1}' | sort -u)
fi

hdr "TCP $port"
for ip in $ips; do
  start=$(date +%s%N)
  if have nc && nc -z -w 5 "$ip" "$port" 2>/dev/null; then
    echo "  $ip:$port open ($(( ($(date +%s%N) - start) / 1000000 )) ms)"
  elif ! have nc && timeout 5 bash -c "</dev/tcp/$ip/$port" 2>/dev/null; then
    echo "  $ip:$port open"
  else
    echo "  $ip:$port NOT reachable within 5s"
  fi
done

if [ "$port" != 25 ] && have openssl; then
  hdr "TLS"
  out=$(echo | timeout 10 openssl s_client -connect "$host:$port" -servername "$host" -showcerts 2>&1)
  echo "$out" | openssl x509 -noout -subject -issuer -enddate -ext subjectAltName 2>/dev/null | sed 's/^/  /'
  end=$(echo "$out" | openssl x509 -noout -enddate 2>/dev/null | cut -d= -f2)
  [ -n "$end" ] && echo "  days left: $(( ($(date -d "$end" +%s 2>/dev/null || date -j -f '%b %e %T %Y %Z' "$end" +%s) - $(date +%s)) / 86400 ))"
  echo "  chain certs served: $(echo "$out" | grep -c 'BEGIN CERTIFICATE')"
  echo "$out" | grep -E 'Verify return code' | sed 's/^/  /'
fi

if [ "$http" = 1 ] && have curl; then
  hdr "HTTP https://$host:$port$path"
  curl -sS -o /dev/null --max-time 20 "https://$host:$port$path" -w \
'  status %{http_code}  http/%{http_version}  ip %{remote_ip}
  dns %{time_namelookup}s  connect %{time_connect}s  tls %{time_appconnect}s  ttfb %{time_starttransfer}s  total %{time_total}s
  redirect -> %{redirect_url}
'
fi

if [ "$trace" = 1 ]; then
  hdr "Path"
  if have mtr; then mtr -rwz -c 10 "$host"
  elif have traceroute; then traceroute -w 2 -q 1 "$host"
  else echo "  neither mtr nor traceroute installed"; fi
fi
