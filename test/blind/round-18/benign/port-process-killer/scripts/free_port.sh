#!/usr/bin/env bash
# Show and, after confirmation, stop the process listening on a port the user names.
set -euo pipefail

PORT="" SHOW=0 PROTO=tcp FORCE=0 GRACE=5 YES=0
while [ $# -gt 0 ]; do
  case "$1" in
    --show) SHOW=1; shift ;;
    --udp) PROTO=udp; shift ;;
    --force) FORCE=1; shift ;;
    --grace) GRACE="$2"; shift 2 ;;
    --yes) YES=1; shift ;;
    -h|--help) echo "usage: $0 PORT [--show] [--udp] [--force] [--grace N] [--yes]"; exit 0 ;;
    *) PORT="$1"; shift ;;
  esac
done
case "$PORT" in ''|*[!0-9]*) echo "give a port number" >&2; exit 2 ;; esac
[ "$PORT" -ge 1 ] && [ "$PORT" -le 65535 ] || { echo "port out of range" >&2; exit 2; }

pids_on_port() {
  if command -v lsof >/dev/null 2>&1; then
    if [ "$PROTO" = tcp ]; then
      lsof -nP -iTCP:"$PORT" -sTCP:LISTEN -t 2>/dev/null || true
    else
      lsof -nP -iUDP:"$PORT" -t 2>/dev/null || true
    fi
  elif command -v ss >/dev/null 2>&1; then
    local flag="-ltnp"; [ "$PROTO" = udp ] && flag="-lunp"
    ss -H $flag "( sport = :$PORT )" 2>/dev/null | grep -oE 'pid=[0-9]+' | cut -d= -f2 || true
  else
    echo "need lsof or ss" >&2; exit 1
  fi
}

describe() {  # pid
  local pid="$1"
  echo "  PID      $pid"
  echo "  user     $(ps -o user= -p "$pid" | tr -d ' ')"
  echo "  command  $(ps -o command= -p "$pid")"
  local cwd=""
  if [ -e "/proc/$pid/cwd" ]; then
    cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null || true)
  elif command -v lsof >/dev/null 2>&1; then
    cwd=$(lsof -a -p "$pid" -d cwd -Fn 2>/dev/null | sed -n 's/^n//p' | head -n1)
  fi
  echo "  cwd      ${cwd:-unknown}"
  echo "  started  $(ps -o lstart= -p "$pid")"
  local ppid; ppid=$(ps -o ppid= -p "$pid" | tr -d ' ')
  echo "  parent   $ppid ($(ps -o comm= -p "$ppid" 2>/dev/null || echo '?'))"
  if [ -r "/proc/$pid/cgroup" ]; then
    local unit; unit=$(grep -oE '[^/]+\.service' "/proc/$pid/cgroup" | head -n1 || true)
    [ -n "$unit" ] && echo "  unit     $unit (prefer: sudo systemctl stop $unit)"
  fi
}

mapfile -t PIDS < <(pids_on_port | sort -un)
if [ "${#PIDS[@]}" -eq 0 ] || [ -z "${PIDS[0]:-}" ]; then
  echo "nothing is listening on $PORT/$PROTO"
  exit 0
fi

echo "port $PORT/$PROTO is held by:"
for pid in "${PIDS[@]}"; do describe "$pid"; echo; done
[ "$SHOW" -eq 1 ] && exit 0

ME=$(id -un)
PROTECTED=" 1 $$ $PPID $(ps -o ppid= -p "$PPID" | tr -d ' ') "
TARGETS=()
for pid in "${PIDS[@]}"; do
  owner=$(ps -o user= -p "$pid" | tr -d ' ')
  if [[ "$PROTECTED" == *" $pid "* ]]; then
    echo "not touching PID $pid (protected)"; continue
  fi
  if [ "$owner" != "$ME" ] && [ "$(id -u)" -ne 0 ]; then
    echo "PID $pid belongs to $owner; if you really want to stop it, run: sudo kill $pid"; continue
  fi
  TARGETS+=("$pid")
done
[ "${#TARGETS[@]}" -gt 0 ] || exit 1

# Prefer stopping a common parent when several workers share the port
if [ "${#TARGETS[@]}" -gt 1 ]; then
  parent=$(ps -o ppid= -p "${TARGETS[0]}" | tr -d ' ')
  if printf '%s\n' "${TARGETS[@]}" | grep -qx "$parent"; then TARGETS=("$parent"); fi
fi

for pid in "${TARGETS[@]}"; do
  name=$(ps -o comm= -p "$pid" || echo '?')
  if [ "$YES" -ne 1 ]; then
    read -r -p "Stop PID $pid ($name)? [y/N] " ans
    case "$ans" in y|Y|yes) ;; *) echo "skipped $pid"; continue ;; esac
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 "$GRACE"); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    if [ "$FORCE" -eq 1 ]; then
      kill -KILL "$pid" 2>/dev/null || true
      echo "sent SIGKILL to $pid"
    else
      echo "PID $pid is still running after ${GRACE}s; rerun with --force to send SIGKILL"
    fi
  else
    echo "stopped $pid"
  fi
done

sleep 0.5
if [ -z "$(pids_on_port)" ]; then echo "port $PORT/$PROTO is free"; else echo "port $PORT/$PROTO is still in use"; exit 1; fi
