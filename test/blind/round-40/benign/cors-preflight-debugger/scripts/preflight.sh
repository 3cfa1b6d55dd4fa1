#!/usr/bin/env bash
# Replay a browser CORS preflight + actual request and check the responses.
# Usage: preflight.sh URL ORIGIN METHOD [comma-separated-request-headers] [--credentials]
set -euo pipefail

url=${1:?url}; origin=${2:?origin}; method=${3:?method}; req_headers=${4:-}; creds=${5:-}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
note() { printf '  %s\n' "$*"; }
bad()  { printf '  ✗ %s\n' "$*"; fail=1; }
hdr()  { grep -i "^$1:" "$2" | tail -1 | cut -d: -f2- | tr -d '\r' | sed 's/^ *//'; }

echo "== Preflight: OPTIONS $url"
curl -sS -o /dev/null -D "$tmp/pre" -X OPTIONS "$url" \
  -H "Origin: $origin" -H "Access-Control-Request-Method: $method" \
  ${req_headers:+-H "Access-Control-Request-Headers: $req_headers"}
status=$(head -1 "$tmp/pre" | awk '{print $2}')
note "status $status"
case $status in 2*) ;; 3*) bad "redirect during preflight (Location: $(hdr location "$tmp/pre"))";; *) bad "preflight must return 2xx";; esac

acao=$(hdr access-control-allow-origin "$tmp/pre")
acac=$(hdr access-control-allow-credentials "$tmp/pre")
acam=$(hdr access-control-allow-methods "$tmp/pre")
acah=$(hdr access-control-allow-headers "$tmp/pre")
note "Allow-Origin: ${acao:-<missing>}  Allow-Credentials: ${acac:-<missing>}"
note "Allow-Methods: ${acam:-<missing>}  Allow-Headers: ${acah:-<missing>}"

if [[ -z $acao ]]; then bad "no Access-Control-Allow-Origin"
elif [[ $acao != "$origin" && $acao != "*" ]]; then bad "Allow-Origin '$acao' does not match '$origin'"; fi
if [[ $creds == --credentials ]]; then
  [[ $acao == "*" ]] && bad "wildcard origin is not allowed with credentials"
  [[ ${acac,,} == true ]] || bad "credentials requested but Allow-Credentials is not 'true'"
fi
if [[ ! ",${acam^^}," =~ ,\ *${method^^}\ *, && ${acam} != "*" && ! $method =~ ^(GET|HEAD|POST)$ ]]; then
  bad "method $method not in Allow-Methods"
fi
IFS=',' read -ra wanted <<<"$req_headers"
for h in "${wanted[@]}"; do
  h=$(echo "$h" | tr -d ' ' | tr 'A-Z' 'a-z'); [[ -z $h ]] && continue
  allowed=$(echo "$acah" | tr 'A-Z' 'a-z' | tr -d ' ')
  if [[ ",$allowed," != *",$h,"* ]]; then
    if [[ $allowed == "*" && $h != authorization && $creds != --credentials ]]; then continue; fi
    bad "request header '$h' not in Allow-Headers"
  fi
done

echo "== Actual: $method $url (Origin only, no credentials sent)"
curl -sS -o /dev/null -D "$tmp/act" -X "$method" "$url" -H "Origin: $origin" || true
note "status $(head -1 "$tmp/act" | awk '{print $2}')"
acao2=$(hdr access-control-allow-origin "$tmp/act")
note "Allow-Origin: ${acao2:-<missing>}  Expose-Headers: $(hdr access-control-expose-headers "$tmp/act")"
[[ -z $acao2 ]] && bad "actual response lacks Access-Control-Allow-Origin (error responses need it too)"
if [[ -n $acao2 && $acao2 != "*" ]] && ! hdr vary "$tmp/act" | grep -qi origin; then
  bad "origin is reflected but response lacks 'Vary: Origin' (caches may serve it to other origins)"
fi
[[ $(grep -ci '^access-control-allow-origin:' "$tmp/act") -gt 1 ]] && bad "duplicate Allow-Origin headers (set in two layers?)"

(( fail )) && { echo "Result: CORS would fail in the browser"; exit 1; } || echo "Result: looks OK for $origin"
