#!/usr/bin/env bash
# Read-only live-response collection. Writes only under --out (or stdout tarball when piped).
set -uo pipefail

OUT=""
BB=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT=$2; shift 2 ;;
    --busybox) BB=$2; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done

TO_STDOUT=0
if [ -z "$OUT" ]; then
  OUT=$(mktemp -d /tmp/ir-XXXXXX)
  TO_STDOUT=1
fi
mkdir -p "$OUT"/{cron,systemd,ssh,sudo,rc,pam,logs}
LOG="$OUT/collection-log.txt"

run() {  # run <outfile> <command...>
  local f=$1; shift
  printf '%s  %s\n' "$(date -u +%FT%TZ)" "$*" >> "$LOG"
  "$@" > "$OUT/$f" 2>&1 || true
}
B() { if [ -n "$BB" ]; then "$BB" "$@"; else "$@"; fi; }

run host.txt        bash -c 'hostname; uname -a; cat /etc/os-release; uptime; date -u'
run procs.txt       B ps -eo pid,ppid,user,lstart,etime,pcpu,pmem,cmd --sort=pid
run net.txt         bash -c 'ss -tupan 2>/dev/null || netstat -tupan'
run who.txt         bash -c 'w; echo; last -Faiw | head -200; echo; lastb -Faiw 2>/dev/null | head -100'
run modules.txt     bash -c 'lsmod; echo; cat /proc/modules'
run preload.txt     bash -c 'ls -la /etc/ld.so.preload 2>&1; cat /etc/ld.so.preload 2>&1; env | grep -i LD_'

# exe links and hashes straight from /proc
{
  for p in /proc/[0-9]*; do
    pid=${p#/proc/}
    exe=$(readlink "$p/exe" 2>/dev/null) || continue
    cmd=$(tr '\0' ' ' < "$p/cmdline" 2>/dev/null | cut -c1-300)
    sum=$(sha256sum "$p/exe" 2>/dev/null | cut -d' ' -f1)
    printf '%s\t%s\t%s\t%s\n' "$pid" "$exe" "$sum" "$cmd"
  done
} > "$OUT/exe-links.txt"
ls -1 /proc | grep -E '^[0-9]+$' | sort -n > "$OUT/proc-walk.txt"

# cron
run cron/system.txt bash -c 'ls -la /etc/cron* /var/spool/cron 2>&1; for f in /etc/crontab /etc/cron.d/*; do echo "== $f"; cat "$f"; done'
for u in $(cut -d: -f1 /etc/passwd); do
  crontab -l -u "$u" > "$OUT/cron/user-$u.txt" 2>/dev/null || rm -f "$OUT/cron/user-$u.txt"
done

# systemd
run systemd/units.txt       systemctl list-unit-files --no-pager
run systemd/timers.txt      systemctl list-timers --all --no-pager
run systemd/recent.txt      bash -c 'find /etc/systemd /usr/lib/systemd /lib/systemd -newermt "-30 days" -type f -ls 2>/dev/null'
run systemd/user-units.txt  bash -c 'for h in /root /home/*; do find "$h/.config/systemd" -type f -exec sh -c "echo == {}; cat {}" \; 2>/dev/null; done'

# per-user artefacts
while IFS=: read -r user _ uid _ _ home _; do
  [ -d "$home" ] || continue
  for f in .ssh/authorized_keys .ssh/authorized_keys2; do
    [ -f "$home/$f" ] && { echo "== $home/$f"; ls -la "$home/$f"; cat "$home/$f"; } >> "$OUT/ssh/authorized_keys.$user"
  done
  for f in .bashrc .bash_profile .profile .zshrc .bash_logout .gitconfig; do
    [ -f "$home/$f" ] && { echo "== $home/$f"; cat "$home/$f"; } >> "$OUT/rc/$(echo "$f" | tr -d .).$user"
  done
  [ -f "$home/.bash_history" ] && tail -n 500 "$home/.bash_history" > "$OUT/rc/history.$user"
done < /etc/passwd

run sudo/sudoers.txt  bash -c 'cat /etc/sudoers; for f in /etc/sudoers.d/*; do echo "== $f"; cat "$f"; done'
run pam/pam.txt       bash -c 'for f in /etc/pam.d/*; do echo "== $f"; grep -v "^#" "$f" | grep -v "^$"; done'
run recent-files.txt  bash -c 'find /etc /usr/local/bin /usr/bin /tmp /var/tmp /dev/shm /root /home -xdev -newermt "-14 days" -printf "%TY-%Tm-%Td %TH:%TM\t%C+\t%u\t%m\t%s\t%p\n" 2>/dev/null | sort'
run pkg-verify.txt    bash -c 'if command -v debsums >/dev/null; then debsums -c 2>&1; elif command -v rpm >/dev/null; then rpm -Va 2>&1; else echo "no package verifier"; fi'
run logs/auth.txt     bash -c 'journalctl -u ssh -u sshd --since "-7 days" --no-pager 2>/dev/null || cat /var/log/auth.log* /var/log/secure* 2>/dev/null'

tar -C "$(dirname "$OUT")" -czf "$OUT.tar.gz" "$(basename "$OUT")"
sha256sum "$OUT.tar.gz" > "$OUT.tar.gz.sha256"

if [ "$TO_STDOUT" = 1 ]; then
  cat "$OUT.tar.gz"
  echo "sha256: $(cut -d' ' -f1 "$OUT.tar.gz.sha256")" >&2
else
  echo "evidence: $OUT.tar.gz ($(cut -d' ' -f1 "$OUT.tar.gz.sha256"))"
fi
