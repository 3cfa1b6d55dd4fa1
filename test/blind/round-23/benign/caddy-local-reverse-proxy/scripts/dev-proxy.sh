#!/usr/bin/env bash
# Local Caddy dev proxy helper.
#   dev-proxy.sh init name=port [name=port ...]   write ./Caddyfile
#   dev-proxy.sh up                              run caddy with ./Caddyfile (foreground, --watch)
#   dev-proxy.sh check                           request each configured site
#   dev-proxy.sh down                            stop caddy started by 'up'
set -euo pipefail

conf=${CADDYFILE:-Caddyfile}
pidfile=.caddy-dev.pid

sites() { grep -Eo '^[a-z0-9.-]+\.localhost' "$conf"; }

case ${1:-} in
  init)
    shift
    [[ $# -gt 0 ]] || { echo "usage: $0 init app=5173 api=8000 ..." >&2; exit 2; }
    if [[ -e $conf ]]; then echo "$conf exists; not overwriting" >&2; exit 1; fi
    {
      printf '{\n\tlocal_certs\n\tadmin localhost:2019\n}\n'
      for pair in "$@"; do
        name=${pair%%=*}; port=${pair#*=}
        [[ $name =~ ^[a-z0-9-]+$ && $port =~ ^[0-9]+$ ]] || { echo "bad entry: $pair" >&2; exit 2; }
        printf '\n%s.localhost {\n\treverse_proxy localhost:%s\n}\n' "$name" "$port"
      done
    } > "$conf"
    caddy fmt --overwrite "$conf"
    caddy validate --config "$conf" --adapter caddyfile
    echo "wrote $conf"
    ;;
  up)
    caddy validate --config "$conf" --adapter caddyfile >/dev/null
    echo "sites: $(sites | sed 's|^|https://|' | tr '\n' ' ')"
    caddy run --config "$conf" --adapter caddyfile --watch &
    echo $! > "$pidfile"
    wait "$(cat "$pidfile")"
    ;;
  check)
    for s in $(sites); do
      port=$(grep -Eo 'https_port[[:space:]]+[0-9]+' "$conf" | awk '{print $2}')
      url="https://$s${port:+:$port}/"
      out=$(curl -sS -o /dev/null --resolve "$s:${port:-443}:127.0.0.1" -w '%{http_code}' "$url" 2>&1) || true
      issuer=$(echo | openssl s_client -connect "127.0.0.1:${port:-443}" -servername "$s" 2>/dev/null \
               | openssl x509 -noout -issuer 2>/dev/null | sed 's/^issuer=//')
      printf '%-28s %s  %s\n' "$url" "$out" "${issuer:-no certificate}"
    done
    ;;
  down)
    if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      kill "$(cat "$pidfile")" && rm -f "$pidfile" && echo "stopped"
    else
      # fall back to the admin API of this config only
      curl -fsS -X POST http://localhost:2019/stop >/dev/null 2>&1 && echo "stopped via admin API" || echo "not running"
      rm -f "$pidfile"
    fi
    ;;
  *)
    sed -n '2,7p' "$0"; exit 2 ;;
esac
