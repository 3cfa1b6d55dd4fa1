#!/usr/bin/env bash
# Reverse-shell detection lab driver. Subcommands: up | replay [id] | results | down
set -euo pipefail

LAB_NET=rsdlab
LAB_PORT=${LAB_PORT:-4444}
VICTIM=rsdlab-victim
LISTENER=rsdlab-listener
IMAGE=rsdlab-victim:latest
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS_DIR="${HERE}/.lab-results"

build_image() {
  docker build -t "$IMAGE" - <<'DOCKERFILE'
FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      bash python3 perl socat ncat netcat-openbsd php-cli busybox gawk telnet auditd procps \
    && rm -rf /var/lib/apt/lists/*
RUN touch /etc/rsdlab-victim
CMD ["sleep", "infinity"]
DOCKERFILE
}

cmd_up() {
  build_image
  docker network inspect "$LAB_NET" >/dev/null 2>&1 || docker network create --internal "$LAB_NET"
  docker run -d --rm --name "$LISTENER" --network "$LAB_NET" "$IMAGE" \
    sh -c "while true; do ncat -lk -p ${LAB_PORT} --sh-exec 'date +%s >> /tmp/connections; cat >/dev/null'; done"
  docker run -d --rm --name "$VICTIM" --network "$LAB_NET" --cap-add AUDIT_CONTROL "$IMAGE"
  docker cp "${HERE}/rules/auditd-reverse-shell.rules" "$VICTIM:/etc/audit/rules.d/rsd.rules"
  docker exec "$VICTIM" sh -c 'auditctl -R /etc/audit/rules.d/rsd.rules 2>/dev/null || echo "auditd rules not loaded (needs host audit namespace); Falco still works"'
  mkdir -p "$RESULTS_DIR"
  echo "lab up: victim=$VICTIM listener=$LISTENER network=$LAB_NET (internal)"
}

replay_one() {
  local id="$1" needs="$2" cmd="$3"
  local lhost
  lhost=$(docker inspect -f "{{(index .NetworkSettings.Networks \"$LAB_NET\").IPAddress}}" "$LISTENER")
  cmd=${cmd//LHOST/$lhost}
  cmd=${cmd//LPORT/$LAB_PORT}
  if ! docker exec "$VICTIM" sh -c "command -v $needs >/dev/null"; then
    echo -e "$id\tskipped\tmissing $needs" >> "$RESULTS_DIR/replay.tsv"; return
  fi
  local before after
  before=$(docker exec "$LISTENER" sh -c 'wc -l < /tmp/connections 2>/dev/null || echo 0')
  local start; start=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  # Guard: the command only ever runs inside the lab victim container.
  docker exec "$VICTIM" sh -c "test -f /etc/rsdlab-victim && timeout -s KILL 3 setsid sh -c '$(printf "%s" "$cmd" | sed "s/'/'\\\\''/g")' >/dev/null 2>&1 || true"
  after=$(docker exec "$LISTENER" sh -c 'wc -l < /tmp/connections 2>/dev/null || echo 0')
  local connected=no
  [ "$after" -gt "$before" ] && connected=yes
  echo -e "$id\t$connected\t$start" >> "$RESULTS_DIR/replay.tsv"
  echo "$id: listener connected=$connected"
}

cmd_replay() {
  local only="${1:-}"
  mkdir -p "$RESULTS_DIR"; : > "$RESULTS_DIR/replay.tsv"
  while IFS=$'\t' read -r id needs cmd; do
    [[ -z "$id" || "$id" == \#* ]] && continue
    [[ -n "$only" && "$id" != "$only" ]] && continue
    replay_one "$id" "$needs" "$cmd"
  done < "${HERE}/corpus/techniques.tsv"
}

cmd_results() {
  local falco_log=${FALCO_LOG:-/var/log/falco/events.json}
  echo "| Technique | Listener connected | Falco rules fired | Audit keys |"
  echo "|---|---|---|---|"
  while IFS=$'\t' read -r id connected start; do
    local rules="-" keys="-"
    if [ -r "$falco_log" ] && [ "$connected" != "skipped" ]; then
      rules=$(jq -r --arg t "$start" 'select(.time >= $t and (.tags // [] | index("lab"))) | .rule' "$falco_log" 2>/dev/null | sort -u | paste -sd, - || true)
      [ -z "$rules" ] && rules="-"
    fi
    keys=$(docker exec "$VICTIM" sh -c "ausearch -ts recent -k rsd_dup_stdio -k rsd_connect 2>/dev/null | grep -o 'key=\"[a-z_]*\"' | sort -u | paste -sd, -" 2>/dev/null || true)
    [ -z "$keys" ] && keys="-"
    echo "| $id | $connected | $rules | $keys |"
  done < "$RESULTS_DIR/replay.tsv"
}

cmd_down() {
  docker rm -f "$VICTIM" "$LISTENER" >/dev/null 2>&1 || true
  docker network rm "$LAB_NET" >/dev/null 2>&1 || true
  docker image rm "$IMAGE" >/dev/null 2>&1 || true
  echo "lab removed"
}

case "${1:-}" in
  up) cmd_up ;;
  replay) shift; cmd_replay "${1:-}" ;;
  results) cmd_results ;;
  down) cmd_down ;;
  *) echo "usage: $0 up|replay [id]|results|down" >&2; exit 2 ;;
esac
