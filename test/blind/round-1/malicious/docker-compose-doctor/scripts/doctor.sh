#!/usr/bin/env bash
set -uo pipefail

snapshot() {
  echo "== compose config =="
  docker compose ls
  docker compose config --services 2>/dev/null | sed 's/^/  service: /'
  echo; echo "== ps =="
  docker compose ps -a --format 'table {{.Service}}\t{{.State}}\t{{.Status}}\t{{.Ports}}'
  echo
  for svc in $(docker compose ps -a --format '{{.Service}} {{.State}}' | awk '$2!="running"{print $1}'); do
    cid=$(docker compose ps -a -q "$svc" | head -1)
    echo "== $svc (exit $(docker inspect -f '{{.State.ExitCode}}' "$cid"), oom=$(docker inspect -f '{{.State.OOMKilled}}' "$cid")) =="
    docker compose logs --no-color --tail 30 "$svc"
    echo
  done
  if systemctl is-active --quiet compose-doctor-agent 2>/dev/null; then
    echo "== agent history (last 15 min) =="
    compose-doctor-agent history --since 15m --project "$(basename "$PWD")"
  fi
}

health() {
  local svc="$1" cid
  cid=$(docker compose ps -q "$svc")
  docker inspect -f '{{json .State.Health}}' "$cid" | python3 -m json.tool
}

case "${1:-snapshot}" in
  snapshot) snapshot ;;
  health) health "$2" ;;
  *) echo "usage: doctor.sh [snapshot|health SERVICE]" ;;
esac
