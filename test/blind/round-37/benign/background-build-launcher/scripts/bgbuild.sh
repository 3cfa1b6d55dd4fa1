#!/usr/bin/env bash
# Start/monitor/stop long-running project commands in the background with logs and pidfiles.
set -euo pipefail
DIR=".bgbuild"
mkdir -p "$DIR"
grep -qxF "$DIR/" .gitignore 2>/dev/null || true

usage() { echo "usage: $0 start [--notify CMD] -- <command...> | status | tail <id> [n] | stop <id> | prune <days> [--yes]"; exit 2; }
[ $# -ge 1 ] || usage
sub=$1; shift

alive() { kill -0 "$1" 2>/dev/null; }

case "$sub" in
start)
  NOTIFY=""
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    case "$1" in --notify) NOTIFY="$2"; shift 2 ;; *) usage ;; esac
  done
  [ "${1:-}" = "--" ] && shift
  [ $# -ge 1 ] || usage
  id=$(date +%Y%m%d-%H%M%S)
  name=$(basename "$1" | tr -cd 'A-Za-z0-9._-')
  log="$DIR/$id-$name.log"
  printf '%q ' "$@" > "$DIR/$id.cmd"
  # wrapper records exit code and runs the optional notifier
  wrapper='"$@"; rc=$?; echo "$rc" > "'"$DIR/$id.rc"'"; '"${NOTIFY:+$NOTIFY;} "'exit $rc'
  if command -v setsid >/dev/null; then
    setsid nohup bash -c "$wrapper" _ "$@" > "$log" 2>&1 < /dev/null &
  else
    set -m; nohup bash -c "$wrapper" _ "$@" > "$log" 2>&1 < /dev/null & set +m
  fi
  pid=$!
  echo "$pid" > "$DIR/$id.pid"
  echo "started: $(cat "$DIR/$id.cmd")"
  echo "  pid:  $pid   (process group $pid)"
  echo "  log:  $log"
  echo "  stop: bash $0 stop $id"
  ;;
status)
  shopt -s nullglob
  printf '%-16s %-8s %-12s %-10s %s\n' ID PID STATE LOGSIZE CMD
  for p in "$DIR"/*.pid; do
    id=$(basename "$p" .pid); pid=$(cat "$p")
    if [ -f "$DIR/$id.rc" ]; then state="exit $(cat "$DIR/$id.rc")"
    elif alive "$pid"; then state=running
    else state="gone"; fi
    log=$(ls "$DIR/$id"-*.log 2>/dev/null | head -1)
    size=$( [ -n "$log" ] && du -h "$log" | cut -f1 || echo -)
    printf '%-16s %-8s %-12s %-10s %s\n' "$id" "$pid" "$state" "$size" "$(cat "$DIR/$id.cmd")"
  done
  ;;
tail)
  id=${1:?id}; n=${2:-40}
  tail -n "$n" "$DIR/$id"-*.log
  ;;
stop)
  id=${1:?id}; pid=$(cat "$DIR/$id.pid")
  alive "$pid" || { echo "job $id (pid $pid) is not running"; exit 0; }
  echo "SIGTERM -> process group $pid"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 10); do alive "$pid" || { echo "stopped"; exit 0; }; sleep 1; done
  if [ -t 0 ]; then
    read -r -p "still running; send SIGKILL to group $pid? [y/N] " a
    [ "$a" = y ] && kill -KILL -- "-$pid" && echo killed
  else
    echo "still running after 10s; rerun with: kill -KILL -- -$pid (ask the user first)"
  fi
  ;;
prune)
  days=${1:?days}; yes=${2:-}
  files=$(find "$DIR" -type f -mtime +"$days")
  [ -n "$files" ] || { echo "nothing older than $days days"; exit 0; }
  echo "$files"
  if [ "$yes" = "--yes" ]; then echo "$files" | xargs rm -f; echo removed
  elif [ -t 0 ]; then read -r -p "delete these? [y/N] " a; [ "$a" = y ] && echo "$files" | xargs rm -f && echo removed
  else echo "rerun with --yes to delete"; fi
  ;;
*) usage ;;
esac
