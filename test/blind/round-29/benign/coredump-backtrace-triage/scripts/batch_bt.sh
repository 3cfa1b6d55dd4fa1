#!/usr/bin/env bash
# Extract backtraces from many cores non-interactively into bt/<name>.txt
# Usage:
#   batch_bt.sh --exe ./build/server core1 core2 ...
#   batch_bt.sh --coredumpctl [--since "-1d"] [--match NAME]
set -euo pipefail

EXE=""; MODE="files"; SINCE="-1d"; MATCH=""; OUT="bt"; FRAMES=30
CORES=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --exe) EXE="$2"; shift 2 ;;
    --coredumpctl) MODE="coredumpctl"; shift ;;
    --since) SINCE="$2"; shift 2 ;;
    --match) MATCH="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --frames) FRAMES="$2"; shift 2 ;;
    *) CORES+=("$1"); shift ;;
  esac
done
mkdir -p "$OUT"

GDB_EXTRA=()
if [[ -n "${DEBUGINFOD_URLS:-}" ]]; then
  GDB_EXTRA+=(-ex "set debuginfod enabled on")
else
  GDB_EXTRA+=(-ex "set debuginfod enabled off")
fi

bt_gdb() {  # exe core out
  gdb -batch -q -nx "${GDB_EXTRA[@]}" -ex 'set pagination off' -ex 'set print frame-arguments scalars' \
      -ex "thread apply all bt $FRAMES" -ex 'info signal' -ex 'p $_siginfo.si_signo' \
      "$1" "$2" > "$3" 2>&1 || true
}

bt_lldb() {
  lldb --batch -o 'bt all' -c "$2" "$1" > "$3" 2>&1 || true
}

check_build_id() {  # exe core
  command -v eu-unstrip >/dev/null || return 0
  local core_ids exe_id
  exe_id=$(eu-readelf -n "$1" 2>/dev/null | awk '/Build ID/ {print $3; exit}')
  core_ids=$(eu-unstrip -n --core "$2" 2>/dev/null | awk '{print $2}' | cut -d@ -f1)
  if [[ -n "$exe_id" ]] && ! grep -q "$exe_id" <<<"$core_ids"; then
    echo "warning: build-id of $1 not found in $2 (binary rebuilt since crash?)" >&2
  fi
}

n=0
if [[ "$MODE" == "coredumpctl" ]]; then
  command -v coredumpctl >/dev/null || { echo "coredumpctl not available" >&2; exit 2; }
  args=(--since "$SINCE" --no-pager --no-legend)
  # coredumpctl splits --debugger-arguments on whitespace with shell-like quoting
  DI="off"; [[ -n "${DEBUGINFOD_URLS:-}" ]] && DI="on"
  DBG_ARGS="-batch -q -nx -ex 'set debuginfod enabled $DI' -ex 'set pagination off' -ex 'thread apply all bt $FRAMES'"
  mapfile -t PIDS < <(coredumpctl list "${args[@]}" ${MATCH:+"$MATCH"} | awk '$0 ~ /present/ {print $5}')
  for pid in "${PIDS[@]}"; do
    out="$OUT/coredump-$pid.txt"
    # coredumpctl runs gdb for us, decompressing the stored core into a temp file
    coredumpctl debug --no-pager --debugger-arguments="$DBG_ARGS" "$pid" > "$out" 2>&1 || true
    coredumpctl info --no-pager "$pid" 2>/dev/null | grep -E 'Executable|Signal|Timestamp' >> "$out" || true
    echo "  $pid -> $out"; n=$((n+1))
  done
else
  [[ -n "$EXE" ]] || { echo "--exe is required for plain core files" >&2; exit 2; }
  for core in "${CORES[@]}"; do
    out="$OUT/$(basename "$core").txt"
    if command -v gdb >/dev/null; then
      check_build_id "$EXE" "$core"; bt_gdb "$EXE" "$core" "$out"
    elif command -v lldb >/dev/null; then
      bt_lldb "$EXE" "$core" "$out"
    else
      echo "neither gdb nor lldb found" >&2; exit 2
    fi
    echo "  $core -> $out"; n=$((n+1))
  done
fi
echo "$n backtrace file(s) in $OUT/; next: python3 scripts/bucket.py $OUT/"
