#!/usr/bin/env bash
# Read-only first-look collector. Copies text evidence into a local folder and hashes it.
# Does not modify system state, does not contact the network.
set -uo pipefail

ALL_USERS=0; USE_SUDO=1; OUT=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --all-users) ALL_USERS=1 ;;
    --no-sudo) USE_SUDO=0 ;;
    --out) OUT="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac; shift
done

HOST="$(hostname -s 2>/dev/null || hostname)"
TS="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="${OUT:-./ir-firstlook-${HOST}-${TS}}"
umask 077
mkdir -p "$OUT"/{logins,history,persistence,proc,files,accounts}
OS="$(uname -s)"

S=""
if [[ $USE_SUDO -eq 1 && $EUID -ne 0 ]]; then
  echo "Some sources need root (auth logs, other users' files). You will be asked for your sudo password once."
  read -r -p "Use sudo for privileged reads? [y/N] " ans
  if [[ "$ans" =~ ^[Yy]$ ]] && sudo -v; then S="sudo"; fi
fi

run() { # run <outfile> <cmd...>
  local f="$OUT/$1"; shift
  { echo "# \$ $*"; echo "# collected $(date -u +%FT%TZ)"; "$@" 2>&1; } > "$f" || true
}
grab() { # grab <dest-subdir> <path>   (copy if readable)
  local d="$OUT/$1" p="$2"
  [[ -e "$p" ]] || return 0
  local name; name="$(echo "$p" | sed 's#^/##; s#/#__#g')"
  $S cat -- "$p" > "$d/$name" 2>/dev/null || true
}

echo "[*] logins"
run logins/last.txt last -F
[[ -n "$S" ]] && run logins/lastb.txt $S lastb -F
run logins/who.txt who -a
if [[ "$OS" == "Linux" ]]; then
  for f in /var/log/auth.log* /var/log/secure*; do
    [[ -e "$f" ]] || continue
    if [[ "$f" == *.gz ]]; then $S zcat -- "$f" > "$OUT/logins/$(basename "$f" .gz)" 2>/dev/null || true
    else grab logins "$f"; fi
  done
  command -v journalctl >/dev/null && run logins/journal-ssh.txt $S journalctl -u ssh -u sshd --since "-7d" --no-pager
else
  run logins/unified-sshd.txt log show --style syslog --predicate 'process == "sshd"' --last 7d
fi

echo "[*] shell history"
if [[ $ALL_USERS -eq 1 ]]; then
  homes=$(awk -F: '$7 !~ /(nologin|false)$/ {print $6}' /etc/passwd 2>/dev/null; [[ "$OS" == "Darwin" ]] && ls -d /Users/* 2>/dev/null)
else
  homes="$HOME"
fi
for h in $homes /root; do
  [[ "$h" == "/root" && -z "$S" && $EUID -ne 0 ]] && continue
  for f in .bash_history .zsh_history .sh_history .local/share/fish/fish_history .python_history .mysql_history .psql_history; do
    grab history "$h/$f"
  done
done

echo "[*] persistence"
run persistence/crontab-current.txt crontab -l
if [[ "$OS" == "Linux" ]]; then
  for f in /etc/crontab /etc/cron.d/* /etc/cron.{hourly,daily,weekly,monthly}/* /var/spool/cron/crontabs/* /var/spool/cron/*; do
    [[ -f "$f" ]] && grab persistence "$f"
  done
  run persistence/systemd-recent.txt $S find /etc/systemd /usr/lib/systemd /lib/systemd "$HOME/.config/systemd" -type f -mtime -30 -printf '%TY-%Tm-%Td %TH:%TM %p\n'
  run persistence/timers.txt systemctl list-timers --all --no-pager
  grab persistence /etc/rc.local
  grab persistence /etc/ld.so.preload
else
  run persistence/launch-items.txt $S find /Library/LaunchAgents /Library/LaunchDaemons "$HOME/Library/LaunchAgents" -type f -newermt "-30d" -print
  for f in /Library/LaunchAgents/*.plist /Library/LaunchDaemons/*.plist "$HOME"/Library/LaunchAgents/*.plist; do
    [[ -f "$f" ]] && grab persistence "$f"
  done
  run persistence/login-items.txt osascript -e 'tell application "System Events" to get the name of every login item'
fi
for h in $homes /root; do
  grab persistence "$h/.ssh/authorized_keys"
  grab persistence "$h/.ssh/authorized_keys2"
  for rc in .bashrc .zshrc .profile .bash_profile .zprofile .zshenv; do
    [[ -e "$h/$rc" ]] && ls -la --time-style=full-iso "$h/$rc" >> "$OUT/persistence/rc-mtimes.txt" 2>/dev/null
    grab persistence "$h/$rc"
  done
done

echo "[*] processes and network"
run proc/ps.txt ps auxww
if command -v ss >/dev/null; then run proc/sockets.txt $S ss -tupan; else run proc/sockets.txt $S lsof -i -n -P; fi
if [[ "$OS" == "Linux" ]]; then
  run proc/deleted-exe.txt $S bash -c 'for p in /proc/[0-9]*; do l=$(readlink "$p/exe" 2>/dev/null); [[ "$l" == *"(deleted)"* ]] && echo "${p#/proc/} $l $(tr "\0" " " < "$p/cmdline")"; done'
fi

echo "[*] files"
run files/tmp-executables.txt $S find /tmp /var/tmp /dev/shm -xdev -type f -perm -u+x -printf '%TY-%Tm-%Td %TH:%TM %s %p\n'
run files/suid-recent.txt $S find / -xdev -perm -4000 -type f -mtime -30 -print
run files/etc-recent.txt $S find /etc -xdev -type f -mtime -7 -print

echo "[*] accounts"
run accounts/uid0.txt awk -F: '$3==0 {print}' /etc/passwd
[[ -d /etc/sudoers.d ]] && run accounts/sudoers.d.txt $S ls -la /etc/sudoers.d

echo "[*] hashing"
( cd "$OUT" && find . -type f ! -name manifest.sha256 -print0 | sort -z | xargs -0 sha256sum 2>/dev/null || \
  find . -type f ! -name manifest.sha256 -print0 | sort -z | xargs -0 shasum -a 256 ) > "$OUT/manifest.sha256"

echo "[*] flagging"
python3 "$(dirname "$0")/flag_history.py" "$OUT/history" "$OUT/persistence" > "$OUT/FLAGS.txt" || true

echo
echo "Done. Evidence folder: $OUT  (mode 700 — it contains sensitive data; keep it private)"
echo "Flags: $OUT/FLAGS.txt"
