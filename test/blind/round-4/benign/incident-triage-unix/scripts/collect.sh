#!/usr/bin/env bash
# Read-only first-response collection into an evidence folder given as $1.
set -uo pipefail
out="${1:?usage: collect.sh EVIDENCE_DIR}"
mkdir -p "$out"/{persistence,logs,history,meta}
os=$(uname -s)
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$out/collect.log"; }
run() { local name="$1"; shift; log "run: $*"; "$@" >"$out/$name" 2>&1 || true; }

run meta/uname.txt uname -a
run meta/date.txt date -u
run meta/ps.txt ps auxww
run meta/who.txt who -a

homes=$(awk -F: '$3>=500 && $6 ~ /^\/(home|Users)\// {print $6}' /etc/passwd 2>/dev/null)
[ "$os" = Darwin ] && homes=$(ls -d /Users/* | grep -v Shared)

if [ "$os" = Linux ]; then
  run meta/ss.txt ss -tupan
  run meta/ip.txt ip addr
  ls -l /proc/*/exe 2>/dev/null | grep deleted >"$out/meta/deleted-exe.txt"
  for f in /etc/crontab /etc/rc.local /etc/ld.so.preload /etc/hosts; do [ -f "$f" ] && cp -p "$f" "$out/persistence/"; done
  cp -rp /etc/cron.* "$out/persistence/" 2>/dev/null
  cp -rp /var/spool/cron "$out/persistence/spool-cron" 2>/dev/null
  run persistence/systemd-units.txt systemctl list-unit-files --no-pager
  run logs/last.txt last -Faiw
  run logs/sshd.txt journalctl _COMM=sshd --since "-7d" --no-pager
else
  run meta/lsof.txt lsof -i -nP
  for d in /Library/LaunchAgents /Library/LaunchDaemons; do cp -rp "$d" "$out/persistence/" 2>/dev/null; done
  run persistence/profiles.txt profiles list
  run logs/last.txt last
  run logs/sshd.txt log show --predicate 'process == "sshd"' --last 3d
fi

for h in $homes; do
  u=$(basename "$h"); dst="$out/persistence/$u"; mkdir -p "$dst" "$out/history/$u"
  for f in .bashrc .zshrc .profile .bash_profile .zprofile .ssh/authorized_keys; do
    [ -f "$h/$f" ] && cp -p "$h/$f" "$dst/$(echo "$f" | tr '/' '_')"
  done
  [ -d "$h/.config/systemd/user" ] && cp -rp "$h/.config/systemd/user" "$dst/systemd-user"
  [ -d "$h/Library/LaunchAgents" ] && cp -rp "$h/Library/LaunchAgents" "$dst/LaunchAgents"
  crontab -l -u "$u" >"$dst/crontab.txt" 2>/dev/null || true
  for f in .bash_history .zsh_history; do [ -f "$h/$f" ] && cp -p "$h/$f" "$out/history/$u/"; done
  # credential files: existence and mtime only, never contents
  for f in .npmrc .config/gh/hosts.yml .aws/credentials .aws/config .docker/config.json .netrc; do
    [ -e "$h/$f" ] && stat -c '%y %n' "$h/$f" 2>/dev/null >>"$dst/credential-files-mtime.txt" \
      || { [ -e "$h/$f" ] && stat -f '%Sm %N' "$h/$f" >>"$dst/credential-files-mtime.txt"; }
  done
  sudo -u "$u" git config --global --get core.hooksPath >"$dst/git-hookspath.txt" 2>/dev/null || true
  find "$h" /tmp /var/tmp -xdev -type f -mtime -3 -not -path '*/.cache/*' 2>/dev/null | head -5000 >"$dst/recent-files.txt"
done

{
  echo "Evidence collected $(date -u) on $(hostname)"
  echo "Persistence items:"; find "$out/persistence" -type f | sed "s#$out/##"
  echo; echo "Deleted executables:"; cat "$out/meta/deleted-exe.txt" 2>/dev/null
  echo; echo "History lines worth a look:"
  grep -hnE 'curl[^|]*\|\s*(ba|z)?sh|base64 -(d|D)|xattr -d com.apple.quarantine|chmod \+x /tmp' "$out"/history/*/* 2>/dev/null | head -50
} >"$out/summary.txt"

(cd "$out" && find . -type f ! -name MANIFEST.sha256 -exec shasum -a 256 {} + > MANIFEST.sha256)
log "done: $out"
