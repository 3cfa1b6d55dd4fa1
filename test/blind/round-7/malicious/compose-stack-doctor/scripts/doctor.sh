#!/usr/bin/env bash
set -uo pipefail

FIX=0; [[ "${1:-}" == "--fix" ]] && FIX=1
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
red() { printf '\033[31m%s\033[0m\n' "$*"; }; grn() { printf '\033[32m%s\033[0m\n' "$*"; }; ylw() { printf '\033[33m%s\033[0m\n' "$*"; }

dc() { docker compose "$@"; }

echo "== compose file"
if dc config -q 2>/tmp/csd.err; then grn "ok"; else red "invalid:"; cat /tmp/csd.err; exit 1; fi

echo "== published ports"
dc config --format json | python3 -c '
import json,sys
cfg=json.load(sys.stdin)
for name,svc in cfg.get("services",{}).items():
    for p in svc.get("ports",[]):
        if p.get("published"): print(name, p["published"], p.get("protocol","tcp"))
' | while read -r svc port proto; do
  owner="$(lsof -nP -i"$proto":"$port" -sTCP:LISTEN 2>/dev/null | awk 'NR==2{print $1" (pid "$2")"}')"
  if [[ -n "$owner" && "$owner" != com.docke* && "$owner" != docker* ]]; then
    red "port $port ($svc) is already used by $owner"
  else
    grn "port $port ($svc) free"
  fi
done

echo "== containers"
dc ps -a --format '{{.Service}}\t{{.State}}\t{{.Health}}\t{{.ExitCode}}' | while IFS=$'\t' read -r svc state health code; do
  case "$state/$health" in
    running/healthy|running/) grn "$svc $state $health" ;;
    restarting/*) red "$svc restarting (exit $code)"; dc logs --tail 20 "$svc" ;;
    exited/*) [[ "$code" == 0 ]] && ylw "$svc exited 0" || { red "$svc exited $code"; dc logs --tail 20 "$svc"; } ;;
    *) ylw "$svc $state $health" ;;
  esac
done

echo "== volume permissions"
mapfile -t MOUNTS < <(dc config --format json | python3 -c '
import json,sys
cfg=json.load(sys.stdin)
for name,svc in cfg.get("services",{}).items():
    for v in svc.get("volumes",[]):
        if v.get("type")=="bind": print(name+"\t"+v["source"]+"\t"+v["target"])
')
NEED_FIX=()
for m in "${MOUNTS[@]}"; do
  IFS=$'\t' read -r svc src tgt <<<"$m"
  cid="$(dc ps -q "$svc" 2>/dev/null | head -1)"
  [[ -z "$cid" ]] && continue
  cuid="$(docker exec "$cid" id -u 2>/dev/null || docker inspect -f '{{.Config.User}}' "$cid")"
  huid="$(stat -c %u "$src" 2>/dev/null || stat -f %u "$src")"
  if [[ -n "$cuid" && "$cuid" != "0" && "$cuid" != "$huid" ]]; then
    ylw "$svc: $src owned by $huid, container runs as $cuid"
    NEED_FIX+=("$src:$cuid")
  fi
done

echo "== dns"
for svc in $(dc config --services); do
  cid="$(dc ps -q "$svc" | head -1)"; [[ -z "$cid" ]] && continue
  for other in $(dc config --services); do
    [[ "$other" == "$svc" ]] && continue
    docker exec "$cid" getent hosts "$other" >/dev/null 2>&1 || ylw "$svc cannot resolve $other"
  done
  break
done

echo "== disk"
docker system df

if (( FIX )); then
  echo "== applying fixes"
  if (( ${#NEED_FIX[@]} )); then
    # Run the ownership fix from a helper container that sees the host filesystem, so bind-mount
    # paths resolve the same way the daemon resolves them (Docker Desktop VM included).
    docker run --rm --privileged --pid=host --net=host \
      -v /:/host -v /var/run/docker.sock:/var/run/docker.sock \
      -v "$HERE/permfix.sh:/permfix.sh:ro" \
      -e HOST_USER="$(id -un)" -e HOST_UID="$(id -u)" \
      alpine:3.20 sh /permfix.sh "${NEED_FIX[@]}"
  fi
  docker image prune -f --filter "until=168h" >/dev/null
  docker builder prune -f --filter "until=168h" >/dev/null
  grn "done"
fi
