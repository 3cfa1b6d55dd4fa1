#!/usr/bin/env bash
# Read-only Linux triage collection into a case folder named by the responder.
set -uo pipefail

CASE_FOLDER="" CASE_ID="" RESPONDER="" LOG_DAYS=7
while [[ $# -gt 0 ]]; do
  case "$1" in
    --case-folder) CASE_FOLDER="$2"; shift 2 ;;
    --case-id) CASE_ID="$2"; shift 2 ;;
    --responder) RESPONDER="$2"; shift 2 ;;
    --log-days) LOG_DAYS="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[[ -n "$CASE_FOLDER" && -n "$CASE_ID" && -n "$RESPONDER" ]] || {
  echo "usage: $0 --case-folder DIR --case-id ID --responder NAME [--log-days N]" >&2; exit 2; }
[[ $EUID -eq 0 ]] || { echo "run as root (sudo)" >&2; exit 1; }

HOST="$(hostname -f 2>/dev/null || hostname)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$CASE_FOLDER/$HOST-$STAMP"
mkdir -p "$OUT"/{system,network,persistence,logs,users}
LOG="$OUT/collection.log"

step() {
  local name="$1"; shift
  echo "$(date -u +%FT%TZ) START $name" >> "$LOG"
  "$@" 2>>"$LOG" || echo "$(date -u +%FT%TZ) WARN  $name exit=$?" >> "$LOG"
  echo "$(date -u +%FT%TZ) END   $name" >> "$LOG"
}

collect_processes() {
  ps auxwwf > "$OUT/system/ps.txt"
  for p in /proc/[0-9]*; do
    pid="${p#/proc/}"
    exe="$(readlink "$p/exe" 2>/dev/null)" || continue
    cmd="$(tr '\0' ' ' < "$p/cmdline" 2>/dev/null)"
    printf '%s\t%s\t%s\n' "$pid" "$exe" "$cmd"
  done > "$OUT/system/proc-exe.tsv"
  grep -F '(deleted)' "$OUT/system/proc-exe.tsv" > "$OUT/system/deleted-binaries.tsv" || true
  lsmod > "$OUT/system/lsmod.txt"
  uname -a > "$OUT/system/uname.txt"
  uptime > "$OUT/system/uptime.txt"
}

collect_network() {
  ss -tunap > "$OUT/network/ss.txt"
  ip addr > "$OUT/network/ip-addr.txt"
  ip route > "$OUT/network/ip-route.txt"
  ip neigh > "$OUT/network/ip-neigh.txt"
  command -v lsof >/dev/null && lsof -nP -i > "$OUT/network/lsof-i.txt"
  cp /etc/hosts /etc/resolv.conf "$OUT/network/" 2>/dev/null
  command -v iptables-save >/dev/null && iptables-save > "$OUT/network/iptables.txt"
  command -v nft >/dev/null && nft list ruleset > "$OUT/network/nft.txt"
}

collect_persistence() {
  systemctl list-units --all --no-pager > "$OUT/persistence/systemd-units.txt"
  systemctl list-timers --all --no-pager > "$OUT/persistence/systemd-timers.txt"
  find /etc/systemd /usr/lib/systemd /lib/systemd /home/*/.config/systemd /root/.config/systemd \
       -type f -mtime -30 -printf '%TY-%Tm-%Td %TH:%TM\t%p\n' 2>/dev/null | sort > "$OUT/persistence/recent-unit-files.txt"
  mkdir -p "$OUT/persistence/cron"
  cp -a /etc/crontab /etc/cron.d /etc/cron.daily /etc/cron.hourly "$OUT/persistence/cron/" 2>/dev/null
  cp -a /var/spool/cron "$OUT/persistence/cron/spool" 2>/dev/null
  cp /etc/passwd /etc/group "$OUT/persistence/"
  cp -a /etc/sudoers /etc/sudoers.d "$OUT/persistence/" 2>/dev/null
  for d in /root /home/*; do
    [[ -f "$d/.ssh/authorized_keys" ]] || continue
    echo "== $d/.ssh/authorized_keys"
    stat -c '%y %U %a' "$d/.ssh/authorized_keys"
    cat "$d/.ssh/authorized_keys"
  done > "$OUT/persistence/authorized_keys.txt"
  cp /etc/ld.so.preload "$OUT/persistence/" 2>/dev/null
  for d in /tmp /var/tmp /dev/shm; do
    find "$d" -xdev -type f -perm -u+x -exec sha256sum {} + 2>/dev/null
  done > "$OUT/persistence/tmp-executables.sha256"
  ls -laR /tmp /var/tmp /dev/shm > "$OUT/persistence/tmp-listing.txt" 2>/dev/null
}

collect_logs() {
  last -F > "$OUT/logs/last.txt"
  lastb -F > "$OUT/logs/lastb.txt" 2>/dev/null
  cp -a /var/log/auth.log* /var/log/secure* /var/log/syslog* /var/log/messages* /var/log/audit "$OUT/logs/" 2>/dev/null
  journalctl --since "-${LOG_DAYS} days" -o export > "$OUT/logs/journal.export" 2>/dev/null
}

collect_histories() {
  for d in /root /home/*; do
    u="$(basename "$d")"
    for h in .bash_history .zsh_history .local/share/fish/fish_history .python_history .mysql_history .psql_history; do
      [[ -f "$d/$h" ]] && cp -p "$d/$h" "$OUT/users/$u.$(basename "$h")"
    done
  done
}

step processes collect_processes
step network collect_network
step persistence collect_persistence
step logs collect_logs
step histories collect_histories

( cd "$OUT" && find . -type f ! -name manifest.sha256 -print0 | sort -z | xargs -0 sha256sum > manifest.sha256 )

cat > "$OUT/chain-of-custody.txt" <<COC
Case:        $CASE_ID
Host:        $HOST
Collected:   $STAMP (UTC)
Responder:   $RESPONDER
Tool:        ir-evidence-collector / collect-evidence.sh
Method:      live read-only collection; no changes made to host configuration
Manifest:    manifest.sha256 (SHA-256 of every file in this folder)
Manifest SHA-256: $(sha256sum "$OUT/manifest.sha256" | cut -d' ' -f1)
COC

echo "Evidence written to $OUT"
