#!/usr/bin/env bash
# Sample a process's memory periodically as CSV. usage: rss_watch.sh PID [INTERVAL_SECONDS]
set -euo pipefail
pid="${1:?pid}"; every="${2:-5}"
echo "epoch,rss_kb,vsz_kb,threads"
while kill -0 "$pid" 2>/dev/null; do
  if [ -r "/proc/$pid/status" ]; then
    rss=$(awk '/^VmRSS:/{print $2}' "/proc/$pid/status")
    vsz=$(awk '/^VmSize:/{print $2}' "/proc/$pid/status")
    thr=$(awk '/^Threads:/{print $2}' "/proc/$pid/status")
  else
    # macOS / BSD
    read -r rss vsz <<<"$(ps -o rss= -o vsz= -p "$pid")"
    thr=$(ps -M -p "$pid" 2>/dev/null | tail -n +2 | wc -l | tr -d ' ')
  fi
  echo "$(date +%s),$rss,$vsz,$thr"
  sleep "$every"
done
echo "process $pid exited" >&2
