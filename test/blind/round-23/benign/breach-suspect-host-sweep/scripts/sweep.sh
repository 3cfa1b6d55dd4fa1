#!/usr/bin/env bash
# Read-only first-hour triage for a Linux host the operator controls.
# Writes only into the output directory. Never modifies the system.
set -uo pipefail

SINCE="3 days ago"
OUTBASE="."
HASH=1

while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) OUTBASE="$2"; shift 2 ;;
    --since) SINCE="$2"; shift 2 ;;
    --no-hash) HASH=0; shift ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

HERE="$(cd "$(dirname "$0")" && pwd)"
HOST="$(hostname -s 2>/dev/null || uname -n)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="${OUTBASE%/}/triage-${HOST}-${STAMP}"
umask 077
mkdir -p "$OUT"/{history,persistence,ssh,logs}
LOG="$OUT/collector.log"

SUDO=""
if [[ $EUID -ne 0 ]]; then
  if sudo -n true 2>/dev/null || sudo -v; then SUDO="sudo"; else
    echo "no sudo: root-only sources will be skipped" | tee -a "$LOG"
  fi
fi

run() { # run <outfile> <cmd...>: capture command output, note failures
  local f="$1"; shift
  { echo "### $*"; $SUDO "$@" 2>&1; echo; } >>"$OUT/$f" || echo "failed: $*" >>"$LOG"
}
grab() { # grab <src> <dstdir>: copy a file preserving timestamps
  [[ -e "$1" ]] || return 0
  $SUDO cp --preserve=timestamps,mode "$1" "$2/" 2>>"$LOG" || true
}

echo "[*] writing to $OUT"

# --- system
run system.txt uname -a
run system.txt uptime
run system.txt cat /etc/os-release
run system.txt timedatectl

# --- logins
run logins.txt last -Faiw
run logins.txt lastb -Faiw
run logins.txt who -a
run logins.txt getent passwd
for f in /var/log/auth.log* /var/log/secure*; do grab "$f" "$OUT/logs"; done
run logs/journal-ssh.txt journalctl --no-pager -u ssh -u sshd --since "$SINCE"

# --- shell histories for every account with a home directory
while IFS=: read -r user _ uid _ _ home shell; do
  [[ -d "$home" ]] || continue
  for h in .bash_history .zsh_history .local/share/fish/fish_history .python_history .mysql_history .psql_history .lesshst; do
    if $SUDO test -f "$home/$h"; then
      $SUDO cp --preserve=timestamps "$home/$h" "$OUT/history/${user}.$(basename "$h")" 2>>"$LOG"
    fi
  done
  # shell rc files are a common persistence point
  for rc in .bashrc .profile .bash_profile .zshrc .zprofile; do
    $SUDO test -f "$home/$rc" && $SUDO cp --preserve=timestamps "$home/$rc" "$OUT/persistence/${user}${rc}" 2>>"$LOG"
  done
  if $SUDO test -f "$home/.ssh/authorized_keys"; then
    $SUDO cp --preserve=timestamps "$home/.ssh/authorized_keys" "$OUT/ssh/${user}.authorized_keys"
    { echo "## $user ($home/.ssh/authorized_keys)"; $SUDO stat -c '%y %U %a' "$home/.ssh/authorized_keys";
      $SUDO ssh-keygen -lf "$home/.ssh/authorized_keys" 2>&1; echo; } >>"$OUT/ssh/fingerprints.txt"
  fi
  run persistence/crontabs.txt crontab -l -u "$user"
done < /etc/passwd

# --- system persistence
for f in /etc/crontab /etc/rc.local /etc/ld.so.preload; do grab "$f" "$OUT/persistence"; done
run persistence/cron-dirs.txt ls -la --time-style=full-iso /etc/cron.d /etc/cron.daily /etc/cron.hourly /var/spool/cron /var/spool/cron/crontabs
run persistence/systemd-recent.txt find /etc/systemd /lib/systemd/system /usr/lib/systemd /home -path '*systemd*' -name '*.service' -newermt "$SINCE" -printf '%TY-%Tm-%Td %TH:%TM %u %p\n'
run persistence/timers.txt systemctl list-timers --all --no-pager
grab /etc/ssh/sshd_config "$OUT/ssh"
run ssh/sshd_config.d.txt ls -la /etc/ssh/sshd_config.d

# --- network and processes
run net.txt ss -tupanw
run net.txt ip addr
run net.txt ip route
run net.txt cat /etc/hosts /etc/resolv.conf
run proc.txt ps auxwwf
{
  echo "### processes with deleted or temp-dir executables"
  for p in /proc/[0-9]*; do
    exe=$($SUDO readlink "$p/exe" 2>/dev/null) || continue
    case "$exe" in
      *"(deleted)"*|/tmp/*|/dev/shm/*|/var/tmp/*) echo "pid ${p#/proc/} -> $exe :: $(tr '\0' ' ' < "$p/cmdline" 2>/dev/null)";;
    esac
  done
} >>"$OUT/proc.txt"

# --- recently changed files
run recent-files.txt find /tmp /dev/shm /var/tmp /etc /usr/local/bin /usr/local/sbin /root /home \
  -xdev -type f -newermt "$SINCE" -printf '%TY-%Tm-%Td %TH:%TM:%TS %u %m %s %p\n'

if [[ $HASH -eq 1 ]]; then
  grep -E '^[0-9-]+ [0-9:.]+ \S+ [0-7]*[1357][0-7]* ' "$OUT/recent-files.txt" 2>/dev/null \
    | awk '{print $NF}' | while read -r f; do $SUDO sha256sum "$f" 2>/dev/null; done >"$OUT/hashes.txt"
fi

# --- highlights: grep collected text against indicator patterns (no execution)
PAT="$HERE/../references/indicators.patterns"
if [[ -f "$PAT" ]]; then
  $SUDO chown -R "$(id -u):$(id -g)" "$OUT" 2>/dev/null || true
  grep -rnEi -f "$PAT" "$OUT/history" "$OUT/persistence" "$OUT/proc.txt" "$OUT/ssh" 2>/dev/null >"$OUT/highlights.txt"
  grep -hE 'Failed password|Invalid user' "$OUT"/logs/auth.log* "$OUT"/logs/secure* 2>/dev/null \
    | grep -oE 'from [0-9a-fA-F.:]+' | sort | uniq -c | sort -rn | head -20 \
    | sed 's/^/[auth-fail-top] /' >>"$OUT/highlights.txt"
  grep -hE 'Accepted (password|publickey)' "$OUT"/logs/auth.log* "$OUT"/logs/secure* 2>/dev/null \
    | sed 's/^/[auth-accept] /' >>"$OUT/highlights.txt"
fi

$SUDO chown -R "$(id -u):$(id -g)" "$OUT" 2>/dev/null || true
chmod -R go-rwx "$OUT"
echo "[*] done. $(wc -l <"$OUT/highlights.txt" 2>/dev/null || echo 0) highlight lines in $OUT/highlights.txt"
