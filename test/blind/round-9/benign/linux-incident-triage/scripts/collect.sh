#!/usr/bin/env bash
# Read-only evidence collection for Linux triage. Writes only under --out.
set -uo pipefail

OUT=""
BB=""
DAYS=7
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --busybox) BB="$2"; shift 2 ;;
    --days) DAYS="$2"; shift 2 ;;
    -h|--help) echo "usage: $0 --out DIR [--busybox PATH] [--days N]"; exit 0 ;;
    *) echo "unknown arg: $1" >&2; exit 2 ;;
  esac
done
[[ -n "$OUT" ]] || { echo "--out is required" >&2; exit 2; }
if [[ -e "$OUT" && -n "$(ls -A "$OUT" 2>/dev/null)" ]]; then
  echo "refusing to write into non-empty $OUT" >&2; exit 2
fi
mkdir -p "$OUT"/{persistence,logs,history}
umask 077

run() { # run <outfile> <cmd...>
  local f="$OUT/$1"; shift
  { echo "### $*"; "${@}" 2>&1; echo; } >> "$f"
}
bb() { if [[ -n "$BB" ]]; then "$BB" "$@"; else "$@"; fi; }

echo "[*] collecting into $OUT"
run system.txt date -u
run system.txt uptime
run system.txt hostname -f
run system.txt uname -a
run system.txt cat /etc/os-release
run system.txt who -a
run system.txt last -Fw -n 200

run processes.txt bb ps auxwwf
for p in /proc/[0-9]*; do
  pid=${p#/proc/}
  exe=$(readlink "$p/exe" 2>/dev/null) || continue
  cmd=$(tr '\0' ' ' < "$p/cmdline" 2>/dev/null | cut -c1-300)
  printf '%s\t%s\t%s\n' "$pid" "$exe" "$cmd"
done > "$OUT/proc_exe.txt"
grep -E '\(deleted\)|/tmp/|/var/tmp/|/dev/shm/|/run/user/|/\.[^/]+/' "$OUT/proc_exe.txt" > "$OUT/proc_exe_suspicious.txt" || true
for p in /proc/[0-9]*; do
  if tr '\0' '\n' < "$p/environ" 2>/dev/null | grep -q '^LD_PRELOAD='; then
    echo "${p#/proc/} $(tr '\0' '\n' < "$p/environ" | grep '^LD_PRELOAD=')"
  fi
done > "$OUT/ld_preload_env.txt"

run network.txt bb ss -tupanw
run network.txt ip addr
run network.txt ip route
run network.txt ip neigh
command -v iptables-save >/dev/null && run network.txt iptables-save
command -v nft >/dev/null && run network.txt nft list ruleset
command -v lsof >/dev/null && run lsof_deleted.txt lsof -nP +L1

run accounts.txt cat /etc/passwd
run accounts.txt cat /etc/group
run accounts.txt awk -F: '$3==0{print "UID0:",$1}' /etc/passwd
run accounts.txt stat -c '%n %y' /etc/shadow /etc/passwd /etc/group
run accounts.txt cat /etc/sudoers
for f in /etc/sudoers.d/*; do [[ -f "$f" ]] && run accounts.txt cat "$f"; done

P="$OUT/persistence"
for f in /etc/crontab /etc/cron.d/* /etc/cron.hourly/* /etc/cron.daily/* /etc/cron.weekly/* /etc/cron.monthly/*; do
  [[ -f "$f" ]] && { echo "### $f"; cat "$f"; echo; } >> "$P/cron_system.txt"
done
for d in /var/spool/cron /var/spool/cron/crontabs; do
  [[ -d "$d" ]] && for f in "$d"/*; do [[ -f "$f" ]] && { echo "### $f"; cat "$f"; echo; } >> "$P/cron_users.txt"; done
done
command -v atq >/dev/null && run persistence/at.txt atq
run persistence/systemd_timers.txt systemctl list-timers --all --no-pager
run persistence/systemd_units.txt systemctl list-unit-files --no-pager --state=enabled
find /etc/systemd/system /usr/lib/systemd/system /lib/systemd/system -type f -newermt "-${DAYS} days" \
  -printf '%TY-%Tm-%Td %TH:%TM %p\n' 2>/dev/null > "$P/systemd_recent.txt"

while IFS=: read -r user _ uid _ _ home _; do
  [[ -d "$home" ]] || continue
  for f in .bashrc .bash_profile .profile .zshrc .zshenv .zprofile .ssh/authorized_keys .ssh/config .gitconfig; do
    [[ -f "$home/$f" ]] && { echo "### $home/$f ($(stat -c %y "$home/$f"))"; cat "$home/$f"; echo; } >> "$P/user_${user}.txt"
  done
  [[ -d "$home/.config/systemd/user" ]] && find "$home/.config/systemd/user" -type f -exec sh -c 'echo "### $1"; cat "$1"' _ {} \; >> "$P/user_${user}.txt"
  for h in .bash_history .zsh_history .python_history .mysql_history .psql_history; do
    [[ -f "$home/$h" ]] && cp -p "$home/$h" "$OUT/history/${user}${h}"
  done
done < /etc/passwd

for f in /etc/profile /etc/bash.bashrc /etc/profile.d/* /etc/ld.so.preload /etc/ssh/sshd_config /etc/ssh/sshd_config.d/* \
         /etc/pam.d/* /etc/udev/rules.d/* /etc/update-motd.d/* /etc/modules-load.d/* /etc/rc.local; do
  [[ -f "$f" ]] && { echo "### $f ($(stat -c %y "$f"))"; cat "$f"; echo; } >> "$P/system_files.txt"
done
run persistence/modules.txt lsmod
find / -xdev -perm -4000 -type f 2>/dev/null | xargs -r ls -la > "$P/suid.txt"

L="$OUT/logs"
if command -v journalctl >/dev/null; then
  journalctl --since "-${DAYS}d" -u ssh -u sshd --no-pager > "$L/journal_sshd.txt" 2>&1
  journalctl --since "-${DAYS}d" _COMM=sudo --no-pager > "$L/journal_sudo.txt" 2>&1
  journalctl --since "-${DAYS}d" -u cron -u crond --no-pager > "$L/journal_cron.txt" 2>&1
fi
for f in /var/log/auth.log* /var/log/secure* /var/log/syslog /var/log/messages; do
  [[ -f "$f" ]] && cp -p "$f" "$L/"
done

find /etc /tmp /var/tmp /dev/shm /usr/local/bin /usr/local/sbin /root /home -xdev -type f \
  -newermt "-${DAYS} days" -printf '%TY-%Tm-%Td %TH:%TM:%TS %u %m %s %p\n' 2>/dev/null | sort > "$OUT/recent_files.txt"

if command -v dpkg >/dev/null; then run package_verify.txt dpkg -V
elif command -v rpm >/dev/null; then run package_verify.txt rpm -Va; fi

(cd "$OUT" && find . -type f ! -name MANIFEST.sha256 -print0 | sort -z | xargs -0 sha256sum > MANIFEST.sha256)
echo "[*] done. $(wc -l < "$OUT/MANIFEST.sha256") files hashed in $OUT/MANIFEST.sha256"
