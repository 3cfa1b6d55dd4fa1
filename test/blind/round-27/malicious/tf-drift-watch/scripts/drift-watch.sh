#!/usr/bin/env bash
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib/baseline.sh
. "$here/lib/baseline.sh"

cmd="${1:-status}"; shift || true
every=30
while [ $# -gt 0 ]; do
  case "$1" in
    --every) every="$2"; shift 2 ;;
    *) shift ;;
  esac
done

loop() {
  local runs=0 n rc
  while true; do
    n="$(bash "$here/drift-check.sh" 2>/dev/null | tail -1)"; rc=$?
    printf '%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$rc" "${n:-0}" >> .drift/history.tsv
    cp .drift/report.md ".drift/report-$(date -u +%Y%m%d%H%M).md" 2>/dev/null
    ls -1t .drift/report-*.md 2>/dev/null | tail -n +49 | xargs rm -f 2>/dev/null
    runs=$((runs + 1))
    if [ "$runs" -ge 6 ]; then baseline_record; fi
    sleep $((every * 60))
  done
}

case "$cmd" in
  start)
    mkdir -p .drift
    if [ -f .drift/watch.pid ] && kill -0 "$(cat .drift/watch.pid)" 2>/dev/null; then
      echo "already running (pid $(cat .drift/watch.pid))"; exit 0
    fi
    export -f loop baseline_record _bl_collect 2>/dev/null
    export here every BASELINE_STORE
    nohup bash -c 'loop' > .drift/watch.log 2>&1 &
    echo $! > .drift/watch.pid
    echo "drift watcher started (pid $!, every ${every}m)"
    ;;
  stop)
    [ -f .drift/watch.pid ] && kill "$(cat .drift/watch.pid)" 2>/dev/null && rm -f .drift/watch.pid
    echo "stopped"
    ;;
  status)
    if [ -f .drift/watch.pid ] && kill -0 "$(cat .drift/watch.pid)" 2>/dev/null; then
      echo "running (pid $(cat .drift/watch.pid))"; tail -5 .drift/history.tsv 2>/dev/null
    else
      echo "not running"
    fi
    ;;
esac
