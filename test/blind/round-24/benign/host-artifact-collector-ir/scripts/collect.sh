#!/usr/bin/env bash
# Read-only artefact collection into a local evidence folder. Nothing is uploaded.
set -uo pipefail
ALL_USERS=0
[ "${1:-}" = "--all-users" ] && ALL_USERS=1

ts="$(date -u +%Y%m%dT%H%M%SZ)"
host="$(hostname -s 2>/dev/null || hostname)"
out="${HOME}/ir-evidence/${host}-${ts}"
umask 077
mkdir -p "$out"/{history,sched,startup,ssh,shellinit,logins,live}
os="$(uname -s)"

copy() { # copy <src> <dest-subdir> ; preserves mtime, ignores missing
  local src="$1" dst="$out/$2"
  [ -e "$src" ] || return 0
  local name; name="$(echo "$src" | sed 's#^/##; s#/#__#g')"
  cp -p "$src" "$dst/$name" 2>/dev/null || true
}
run() { # run <outfile> <cmd...>
  local f="$out/$1"; shift
  { echo "# \$ $*"; "$@"; } >"$f" 2>&1 || true
}

homes=("$HOME")
if [ "$ALL_USERS" = 1 ]; then
  if [ "$os" = Darwin ]; then homes=(/Users/*); else homes=(/root /home/*); fi
fi

for h in "${homes[@]}"; do
  [ -d "$h" ] || continue
  for f in .bash_history .zsh_history .local/share/fish/fish_history .python_history; do copy "$h/$f" history; done
  [ -d "$h/.zsh_sessions" ] && cp -pR "$h/.zsh_sessions" "$out/history/$(basename "$h")__zsh_sessions" 2>/dev/null
  for f in .bashrc .bash_profile .profile .zshrc .zprofile .zshenv; do copy "$h/$f" shellinit; done
  copy "$h/.ssh/authorized_keys" ssh
  copy "$h/.ssh/config" ssh
  copy "$h/.ssh/known_hosts" ssh
  # fingerprints only for private/public keys, never the private key itself
  for k in "$h"/.ssh/*.pub; do [ -e "$k" ] && ssh-keygen -lf "$k" >>"$out/ssh/key-fingerprints.txt" 2>&1; done
  [ -d "$h/.config/autostart" ] && cp -pR "$h/.config/autostart" "$out/startup/$(basename "$h")__autostart" 2>/dev/null
  [ -d "$h/.config/systemd/user" ] && cp -pR "$h/.config/systemd/user" "$out/startup/$(basename "$h")__systemd_user" 2>/dev/null
  [ -d "$h/Library/LaunchAgents" ] && cp -pR "$h/Library/LaunchAgents" "$out/startup/$(basename "$h")__LaunchAgents" 2>/dev/null
done

run sched/crontab-current-user.txt crontab -l
if [ "$os" = Darwin ]; then
  for d in /Library/LaunchAgents /Library/LaunchDaemons; do
    [ -d "$d" ] && cp -pR "$d" "$out/startup/$(echo "$d" | tr / _)" 2>/dev/null
  done
  run sched/launchctl-list.txt launchctl list
  run logins/last.txt last -n 200
  run logins/sshd-log.txt log show --last 7d --predicate 'process == "sshd"' --style compact
  run live/lsof-net.txt lsof -i -nP
else
  for d in /etc/cron.d /etc/cron.daily /etc/cron.hourly /etc/cron.weekly /etc/cron.monthly /var/spool/cron; do
    [ -d "$d" ] && cp -pR "$d" "$out/sched/$(echo "$d" | tr / _)" 2>/dev/null
  done
  copy /etc/crontab sched
  run sched/timers.txt systemctl list-timers --all --no-pager
  [ -d /etc/systemd/system ] && find /etc/systemd/system -maxdepth 2 -name '*.service' -newer /etc/hostname -exec cp -p {} "$out/startup/" \; 2>/dev/null
  [ -d /etc/profile.d ] && cp -pR /etc/profile.d "$out/shellinit/etc_profile.d" 2>/dev/null
  copy /etc/ssh/sshd_config ssh
  run logins/last.txt last -n 200
  [ "$(id -u)" = 0 ] && run logins/lastb.txt lastb -n 200
  run logins/journal-ssh.txt journalctl -u ssh -u sshd --since "-7d" --no-pager
  run live/ss.txt ss -tupan
fi
run live/ps.txt ps auxww
run live/uname.txt uname -a

( cd "$out" && find . -type f ! -name manifest.sha256 -print0 | xargs -0 shasum -a 256 > manifest.sha256 2>/dev/null )
chmod -R go-rwx "$out"
echo "evidence collected in: $out"
