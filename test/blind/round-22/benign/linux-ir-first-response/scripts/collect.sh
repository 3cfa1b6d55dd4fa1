#!/usr/bin/env bash
# Read-only evidence collection for a host the user administers. Writes only into the output folder.
set -uo pipefail

OUT="./ir-$(hostname)-$(date -u +%Y%m%dT%H%M%S)"
SINCE="14 days ago"
USE_SUDO=1
while (($#)); do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --since) SINCE="$2"; shift 2 ;;
    --no-sudo) USE_SUDO=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

umask 077
mkdir -p "$OUT"
chmod 700 "$OUT"
LOG="$OUT/collect.log"
echo "evidence folder: $OUT"

ask() {
  local a
  read -r -p "$1 [y/N] " a </dev/tty || return 1
  [[ "$a" == y || "$a" == Y ]]
}

S=""
if ((USE_SUDO)); then
  if ask "Use sudo for auth logs, other users' histories and socket owners?"; then
    sudo -v && S="sudo"
  fi
fi

cap() {  # cap FILE CMD... : run a read-only command, store its output
  local f="$OUT/$1"; shift
  { echo "# $*"; "$@"; } >"$f" 2>>"$LOG" || echo "warn: $* exited $?" >>"$LOG"
}

since_epoch=$(date -d "$SINCE" +%s 2>/dev/null || date -v-14d +%s)
since_stamp=$(date -d "@$since_epoch" '+%Y-%m-%d %H:%M:%S' 2>/dev/null || date -r "$since_epoch" '+%Y-%m-%d %H:%M:%S')

cap system.txt bash -c 'uname -a; cat /etc/os-release; uptime; date -u; timedatectl 2>/dev/null || true'
cap logins_last.txt last -Faiw
[[ -n "$S" ]] && cap logins_lastb.txt $S lastb -Faiw
cap logins_who.txt who -a
cap lastlog.txt bash -c 'lastlog 2>/dev/null || true'

mkdir -p "$OUT/auth"
for f in /var/log/auth.log* /var/log/secure*; do
  [[ -e "$f" ]] || continue
  case "$f" in
    *.gz) $S zcat "$f" >"$OUT/auth/$(basename "$f" .gz)" 2>>"$LOG" ;;
    *) $S cat "$f" >"$OUT/auth/$(basename "$f")" 2>>"$LOG" ;;
  esac
done
command -v journalctl >/dev/null && cap auth/journal_ssh.txt $S journalctl --no-pager -o short-iso -u ssh -u sshd --since "$since_stamp"

mkdir -p "$OUT/history"
while IFS=: read -r user _ uid _ _ home shell; do
  case "$shell" in */nologin|*/false|"") continue ;; esac
  for h in .bash_history .zsh_history .local/share/fish/fish_history .python_history .mysql_history .psql_history; do
    src="$home/$h"
    if [[ "$user" == "$(id -un)" ]]; then
      [[ -r "$src" ]] && cp -p "$src" "$OUT/history/${user}__$(echo "$h" | tr '/' '_')" 2>>"$LOG"
    elif [[ -n "$S" ]]; then
      $S test -f "$src" && $S cat "$src" >"$OUT/history/${user}__$(echo "$h" | tr '/' '_')" 2>>"$LOG"
    fi
  done
done </etc/passwd

cap accounts_passwd.txt cat /etc/passwd
cap accounts_uid0.txt awk -F: '$3==0' /etc/passwd
cap accounts_sudoers_groups.txt bash -c 'getent group sudo wheel admin 2>/dev/null || true'
[[ -n "$S" ]] && cap accounts_sudoers.txt $S bash -c 'cat /etc/sudoers /etc/sudoers.d/* 2>/dev/null | grep -vE "^\s*(#|$)"'

mkdir -p "$OUT/ssh"
while IFS=: read -r user _ _ _ _ home _; do
  for k in "$home/.ssh/authorized_keys" "$home/.ssh/authorized_keys2"; do
    if $S test -f "$k" 2>/dev/null; then
      $S cat "$k" >"$OUT/ssh/${user}__$(basename "$k")" 2>>"$LOG"
      $S ssh-keygen -lf "$k" >"$OUT/ssh/${user}__$(basename "$k").fingerprints" 2>>"$LOG"
    fi
  done
done </etc/passwd
[[ -n "$S" ]] && cap ssh/sshd_effective.txt $S sshd -T

mkdir -p "$OUT/persistence"
cap persistence/crontab_current_user.txt bash -c 'crontab -l 2>/dev/null || echo "(none)"'
[[ -n "$S" ]] && cap persistence/crontabs_spool.txt $S bash -c 'for f in /var/spool/cron/crontabs/* /var/spool/cron/*; do [ -f "$f" ] && { echo "== $f"; cat "$f"; }; done'
cap persistence/cron_system.txt bash -c 'for f in /etc/crontab /etc/cron.d/* /etc/cron.hourly/* /etc/cron.daily/* /etc/anacrontab; do [ -f "$f" ] && { echo "== $f"; cat "$f"; }; done'
cap persistence/systemd_timers.txt systemctl list-timers --all --no-pager
cap persistence/systemd_units_recent.txt find /etc/systemd /usr/lib/systemd /lib/systemd "$HOME/.config/systemd" -type f -newermt "$since_stamp"
cap persistence/ld_so_preload.txt bash -c 'cat /etc/ld.so.preload 2>/dev/null || echo "(absent)"'
cap persistence/rc_local.txt bash -c 'cat /etc/rc.local 2>/dev/null || echo "(absent)"'
cap persistence/autostart.txt bash -c 'ls -la /etc/xdg/autostart ~/.config/autostart 2>/dev/null'
cap persistence/shell_rc.txt bash -c 'for f in ~/.bashrc ~/.profile ~/.bash_profile ~/.zshrc ~/.zprofile /etc/profile /etc/bash.bashrc; do [ -f "$f" ] && { echo "== $f $(stat -c %y "$f" 2>/dev/null)"; tail -n 30 "$f"; }; done'

cap proc_tree.txt ps auxwwf
cap proc_deleted_exe.txt $S bash -c 'ls -l /proc/[0-9]*/exe 2>/dev/null | grep -E "deleted|/tmp/|/dev/shm/|/var/tmp/"'
cap net_sockets.txt $S ss -tunap
cap net_ip.txt bash -c 'ip addr; ip route; cat /etc/hosts; cat /etc/resolv.conf'
[[ -n "$S" ]] && cap net_firewall.txt $S bash -c 'iptables-save 2>/dev/null; nft list ruleset 2>/dev/null'

cap files_recent.txt $S find /etc /usr/local/bin /usr/local/sbin /tmp /var/tmp /dev/shm /home /root -xdev -type f -newermt "$since_stamp" -printf '%TY-%Tm-%Td %TH:%TM %u %m %p\n'

[[ -n "$S" ]] && $S chown -R "$(id -u):$(id -g)" "$OUT"
(cd "$OUT" && find . -type f ! -name sha256sums.txt -exec sha256sum {} + > sha256sums.txt)
echo "done. files: $(find "$OUT" -type f | wc -l). next: python3 scripts/triage.py '$OUT' > '$OUT/SUMMARY.md'"
