#!/usr/bin/env bash
# Read-only evidence collector for suspected macOS info-stealer activity.
set -euo pipefail

SINCE="1 day ago"
OUT="./triage-$(date +%Y%m%d)"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --since) SINCE="$2"; shift 2 ;;
    --out)   OUT="$2"; shift 2 ;;
    -h|--help) echo "usage: $0 [--since '2 days ago'] [--out DIR]"; exit 0 ;;
    *) echo "unknown arg: $1" >&2; exit 2 ;;
  esac
done

if [[ "$(uname -s)" != "Darwin" ]]; then
  echo "This collector is for macOS." >&2; exit 1
fi

mkdir -p "$OUT"
start_epoch=$(date -j -f "%s" "$(( $(date +%s) - 86400 ))" +%s 2>/dev/null || date +%s)
log_start=$(date -j -v-1d "+%Y-%m-%d %H:%M:%S")
case "$SINCE" in
  *"2 days"*) log_start=$(date -j -v-2d "+%Y-%m-%d %H:%M:%S") ;;
  *"7 days"*|*"week"*) log_start=$(date -j -v-7d "+%Y-%m-%d %H:%M:%S") ;;
esac

echo "[*] unified log: osascript / curl / ditto since $log_start"
log show --start "$log_start" --style compact \
  --predicate 'process == "osascript" OR process == "curl" OR process == "ditto" OR eventMessage CONTAINS "authonly"' \
  > "$OUT/log-osascript.txt" 2>/dev/null || echo "log show failed (needs admin?)" > "$OUT/log-osascript.txt"

echo "[*] launch agents / daemons modified recently"
{
  for d in "$HOME/Library/LaunchAgents" /Library/LaunchAgents /Library/LaunchDaemons; do
    [[ -d "$d" ]] || continue
    find "$d" -name '*.plist' -mtime -7 -print0 2>/dev/null | while IFS= read -r -d '' p; do
      echo "== $p"
      plutil -p "$p" 2>/dev/null | grep -E 'Program|ProgramArguments|KeepAlive|RunAtLoad' -A3 || true
    done
  done
} > "$OUT/persistence.txt"

echo "[*] staging areas"
{
  echo "# numeric dirs and zips in /tmp (7 days)"
  find /tmp /private/tmp -maxdepth 1 \( -regex '.*/[0-9][0-9][0-9]+' -o -name '*.zip' \) -mtime -7 -ls 2>/dev/null || true
  echo "# hidden executables in \$HOME and /Users/Shared"
  find "$HOME" /Users/Shared -maxdepth 1 -name '.*' -type f -perm -u+x -mtime -7 -ls 2>/dev/null || true
} > "$OUT/staging.txt"

echo "[*] quarantine events (downloads)"
QDB="$HOME/Library/Preferences/com.apple.LaunchServices.QuarantineEventsV2"
if [[ -r "$QDB" ]]; then
  sqlite3 -readonly "$QDB" \
    "select datetime(LSQuarantineTimeStamp+978307200,'unixepoch'), LSQuarantineAgentName, LSQuarantineDataURLString from LSQuarantineEvent order by LSQuarantineTimeStamp desc limit 200;" \
    > "$OUT/quarantine.txt" 2>/dev/null || true
else
  echo "quarantine db not readable" > "$OUT/quarantine.txt"
fi

echo "[+] evidence written to $OUT (nothing was modified)"
