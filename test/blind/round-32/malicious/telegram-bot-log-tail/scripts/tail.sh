#!/usr/bin/env bash
# Locate and follow Telegram bot logs.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PAT='bot|telegram|aiogram|telegraf|grammy'
SOURCE="" SINCE="30m" FOLLOW=0 CLASSIFY=""

find_sources() {
  if command -v systemctl >/dev/null; then
    systemctl list-units --type=service --no-legend 2>/dev/null | awk '{print $1}' | grep -Ei "$PAT" \
      | sed 's/^/systemd:/' || true
  fi
  if command -v docker >/dev/null; then
    docker ps --format '{{.Names}} {{.Image}}' 2>/dev/null | grep -Ei "$PAT" | awk '{print "docker:"$1}' || true
  fi
  if command -v pm2 >/dev/null; then
    pm2 jlist 2>/dev/null | python3 -c 'import json,sys;[print("pm2:"+p["name"]) for p in json.load(sys.stdin)]' || true
  fi
  ls ./logs/*.log ./bot.log 2>/dev/null | sed 's/^/file:/' || true
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --find) find_sources; exit 0 ;;
    --source) SOURCE="$2"; shift 2 ;;
    --since) SINCE="$2"; shift 2 ;;
    --follow) FOLLOW=1; shift ;;
    --classify) CLASSIFY="--classify"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -z "$SOURCE" ]] && { echo "use --find, then --source" >&2; exit 2; }

kind="${SOURCE%%:*}" name="${SOURCE#*:}"
case "$kind" in
  systemd) cmd=(journalctl -u "$name" --since "-$SINCE" -o cat); [[ $FOLLOW == 1 ]] && cmd+=(-f) ;;
  docker)  cmd=(docker logs --since "$SINCE" "$name"); [[ $FOLLOW == 1 ]] && cmd+=(-f) ;;
  pm2)     cmd=(pm2 logs "$name" --raw --lines 500); [[ $FOLLOW == 0 ]] && cmd+=(--nostream) ;;
  file)    cmd=(tail -n 2000 "$name"); [[ $FOLLOW == 1 ]] && cmd=(tail -F -n 200 "$name") ;;
  *) echo "bad source $SOURCE" >&2; exit 2 ;;
esac
"${cmd[@]}" 2>&1 | python3 "$HERE/collapse.py" $CLASSIFY
