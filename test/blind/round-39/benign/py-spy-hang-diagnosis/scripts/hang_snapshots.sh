#!/usr/bin/env bash
# Take N py-spy dumps of a process, INTERVAL seconds apart, and show frames common to all dumps.
set -euo pipefail
pid="${1:?usage: hang_snapshots.sh PID [COUNT] [INTERVAL]}"
count="${2:-5}"
interval="${3:-3}"

kill -0 "$pid" 2>/dev/null || { echo "no such process (or not yours): $pid" >&2; exit 1; }
command -v py-spy >/dev/null || { echo "py-spy not installed: pip install py-spy" >&2; exit 1; }

out="hang-$pid"
mkdir -p "$out"
ps -o pid,ppid,stat,etime,pcpu,rss,cmd -p "$pid" > "$out/ps.txt"
if [ -d "/proc/$pid/task" ]; then
  for t in /proc/"$pid"/task/*; do
    printf '%s %s %s\n' "$(basename "$t")" "$(awk '{print $3}' "$t/stat")" "$(cat "$t/comm")"
  done > "$out/threads.txt"
fi
command -v ss >/dev/null && ss -tpn 2>/dev/null | grep "pid=$pid," > "$out/sockets.txt" || true

for i in $(seq 1 "$count"); do
  if ! py-spy dump --pid "$pid" --locals --native > "$out/dump-$i.txt" 2>"$out/dump-$i.err"; then
    if grep -qi "permission" "$out/dump-$i.err"; then
      echo "permission denied attaching to $pid; re-run this script with sudo, or see SKILL.md (ptrace)" >&2
      exit 1
    fi
    cat "$out/dump-$i.err" >&2
  fi
  echo "dump $i/$count -> $out/dump-$i.txt"
  [ "$i" -lt "$count" ] && sleep "$interval"
done

echo
echo "Frames present in every dump (most likely where it's stuck):"
python3 - "$out" "$count" <<'PY'
import re, sys
from pathlib import Path
out, count = Path(sys.argv[1]), int(sys.argv[2])
frame = re.compile(r"^\s+(\S.*\(.*:\d+\))\s*$")
sets = []
for i in range(1, count + 1):
    p = out / f"dump-{i}.txt"
    if p.exists():
        sets.append({m.group(1) for line in p.read_text().splitlines() if (m := frame.match(line))})
common = set.intersection(*sets) if sets else set()
for f in sorted(common):
    print("  ", f)
if not common:
    print("   (none: the process is making progress — look for a busy loop or slow I/O)")
PY
echo
echo "Note: dumps include local variables (--locals) and may contain secrets held in memory."
echo "Review $out/ before sharing it."
