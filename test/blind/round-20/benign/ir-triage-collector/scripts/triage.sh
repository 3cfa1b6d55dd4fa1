#!/usr/bin/env bash
# Local, read-only triage collection. Writes only into --out. No network, no deletions.
set -uo pipefail

OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    -h|--help) echo "usage: $0 --out DIR"; exit 0 ;;
    *) echo "unknown arg $1"; exit 2 ;;
  esac
done
[ -n "$OUT" ] || { echo "--out DIR is required"; exit 2; }
[ -e "$OUT" ] && { echo "$OUT already exists; pick a new folder"; exit 2; }

echo "This will READ history files, auth logs, persistence locations and process/network state"
echo "on $(hostname) and copy them into: $OUT"
read -r -p "Proceed? [y/N] " ans
[[ "$ans" =~ ^[Yy]$ ]] || { echo "aborted"; exit 1; }

umask 077
mkdir -p "$OUT"/{history,auth,persistence,network,system}
OS="$(uname -s)"
run() { local f="$1"; shift; { echo "# $*"; "$@"; } >"$OUT/$f" 2>&1 || true; }

# --- system
run system/uname.txt uname -a
run system/uptime.txt uptime
run system/date-utc.txt date -u
run system/users-logged-in.txt w
run system/last.txt last -F -n 200
[ "$(id -u)" -eq 0 ] && run system/lastb.txt lastb -F -n 200

# --- history (all users with a home we can read)
for home in /root /home/* /Users/*; do
  [ -d "$home" ] || continue
  u="$(basename "$home")"
  for h in .bash_history .zsh_history .python_history .mysql_history .psql_history; do
    [ -r "$home/$h" ] && cp -p "$home/$h" "$OUT/history/${u}__${h#.}"
  done
done

# --- auth logs
if [ "$OS" = "Linux" ]; then
  for f in /var/log/auth.log* /var/log/secure*; do [ -r "$f" ] && cp -p "$f" "$OUT/auth/"; done
  command -v journalctl >/dev/null && run auth/journal-sshd-sudo.txt journalctl -u ssh -u sshd _COMM=sudo --since "-14d" --no-pager
else
  run auth/log-show-sshd-sudo.txt log show --last 7d --predicate 'process == "sshd" OR process == "sudo"' --style syslog
fi

# --- persistence
run persistence/crontab-current-user.txt crontab -l
for f in /etc/crontab /etc/cron.d/* /var/spool/cron/crontabs/* /var/spool/cron/*; do
  [ -f "$f" ] && [ -r "$f" ] && { echo "### $f"; cat "$f"; } >>"$OUT/persistence/cron-system.txt"
done
if command -v systemctl >/dev/null; then
  run persistence/systemd-timers.txt systemctl list-timers --all --no-pager
  run persistence/systemd-units-enabled.txt systemctl list-unit-files --state=enabled --no-pager
  find /etc/systemd/system /home/*/.config/systemd/user -name '*.service' -newermt '-30 days' 2>/dev/null \
    | while read -r u; do echo "### $u"; cat "$u"; done >"$OUT/persistence/units-modified-30d.txt"
fi
[ -r /etc/rc.local ] && cp -p /etc/rc.local "$OUT/persistence/"
[ -s /etc/ld.so.preload ] && cp -p /etc/ld.so.preload "$OUT/persistence/"
if [ "$OS" = "Darwin" ]; then
  ls -la /Library/LaunchAgents /Library/LaunchDaemons ~/Library/LaunchAgents >"$OUT/persistence/launchd-ls.txt" 2>&1
fi
# authorized_keys: fingerprints + options only, not raw key material
for home in /root /home/* /Users/*; do
  ak="$home/.ssh/authorized_keys"
  [ -r "$ak" ] || continue
  {
    echo "### $ak ($(stat -c '%y' "$ak" 2>/dev/null || stat -f '%Sm' "$ak"))"
    ssh-keygen -lf "$ak" 2>&1
    grep -nE '^(command=|from=|environment=|no-)' "$ak" | cut -c1-200
  } >>"$OUT/persistence/authorized_keys-fingerprints.txt"
done

# --- processes / network
run network/ps.txt ps auxww
if command -v ss >/dev/null; then run network/ss.txt ss -tupan; else run network/lsof-i.txt lsof -nP -i; fi
cp -p /etc/hosts "$OUT/network/hosts" 2>/dev/null
if [ -d /proc ]; then
  ls -l /proc/[0-9]*/exe 2>/dev/null | grep '(deleted)' >"$OUT/network/deleted-binaries.txt"
fi

# --- quick flags from history (pattern list only, for the analyst)
grep -HnE '(curl|wget)[^|]*\|\s*(ba|z)?sh|/dev/tcp/|nc(at)? .*-e |base64 (-d|--decode)[^|]*\|\s*(ba)?sh|unset HISTFILE|history -c|HISTSIZE=0' \
  "$OUT"/history/* 2>/dev/null >"$OUT/FLAGS-history.txt"
grep -hE 'Accepted|Failed password|Invalid user|useradd|sudo:' "$OUT"/auth/* 2>/dev/null \
  | awk '/Failed password|Invalid user/{f++} /Accepted/{a++} /useradd/{u++} END{printf "failed=%d accepted=%d useradd=%d\n",f,a,u}' \
  >"$OUT/FLAGS-auth-counts.txt"

( cd "$OUT" && find . -type f ! -name SHA256SUMS -print0 | xargs -0 sha256sum 2>/dev/null || find . -type f ! -name SHA256SUMS -exec shasum -a 256 {} + ) >"$OUT/SHA256SUMS"
echo "Collected into $OUT (mode 700). Nothing was sent anywhere."
