#!/usr/bin/env bash
# Read-only IR collection for Linux. Must be run as root by the host's administrator.
set -uo pipefail

if [[ $EUID -ne 0 ]]; then
  echo "Run with sudo: sudo bash $0 [output-parent-dir]" >&2
  exit 1
fi

parent="${1:-/var/tmp}"
ts="$(date -u +%Y%m%dT%H%M%SZ)"
host="$(hostname -s 2>/dev/null || hostname)"
out="$parent/ir-$host-$ts"
mkdir -p "$out"/{system,users,processes,network,logs,persistence,files}
chmod 700 "$out"
log="$out/collection.log"

step() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$log"; }
run()  { local dest="$1"; shift; { echo "# $*"; "$@"; } > "$dest" 2>&1 || true; }
copy() { [[ -e "$1" ]] && cp -a --parents "$1" "$2" 2>>"$log" || true; }

step "Collector started by ${SUDO_USER:-root} on $host, output $out"

step "System"
run "$out/system/uname.txt" uname -a
run "$out/system/os-release.txt" cat /etc/os-release
run "$out/system/uptime.txt" uptime
run "$out/system/mounts.txt" findmnt -l
run "$out/system/lsmod.txt" lsmod
run "$out/system/dmesg-tail.txt" bash -c 'dmesg -T | tail -n 500'

step "Users"
run "$out/users/passwd.txt" cat /etc/passwd
run "$out/users/group.txt" cat /etc/group
run "$out/users/who.txt" who -a
run "$out/users/last.txt" last -F -n 200
run "$out/users/lastb.txt" lastb -F -n 200
copy /etc/sudoers "$out/users"
copy /etc/sudoers.d "$out/users"

step "Processes"
run "$out/processes/ps.txt" ps auxwwf
{
  for p in /proc/[0-9]*; do
    exe="$(readlink "$p/exe" 2>/dev/null)" || continue
    printf '%s\t%s\t%s\n' "${p#/proc/}" "$exe" "$(tr '\0' ' ' < "$p/cmdline" 2>/dev/null | cut -c1-300)"
  done
} > "$out/processes/exe-links.tsv"
grep -F '(deleted)' "$out/processes/exe-links.tsv" > "$out/processes/deleted-binaries.tsv" || true

step "Network"
if command -v ss >/dev/null; then run "$out/network/sockets.txt" ss -tulpan; else run "$out/network/sockets.txt" netstat -tulpan; fi
run "$out/network/ip-addr.txt" ip addr
run "$out/network/ip-route.txt" ip route
copy /etc/hosts "$out/network"
copy /etc/resolv.conf "$out/network"
command -v iptables-save >/dev/null && run "$out/network/iptables.txt" iptables-save
command -v nft >/dev/null && run "$out/network/nft.txt" nft list ruleset

step "Logs (last 7 days)"
for f in /var/log/auth.log* /var/log/secure* /var/log/syslog* /var/log/messages*; do
  [[ -f "$f" ]] && find "$f" -mtime -7 -exec cp -a {} "$out/logs/" \; 2>>"$log"
done
command -v journalctl >/dev/null && run "$out/logs/journal-7d.txt" journalctl --since "-7d" --no-pager -o short-iso

step "Persistence: cron / at"
copy /etc/crontab "$out/persistence"
for d in /etc/cron.d /etc/cron.hourly /etc/cron.daily /etc/cron.weekly /etc/cron.monthly /var/spool/cron; do
  copy "$d" "$out/persistence"
done
command -v atq >/dev/null && run "$out/persistence/atq.txt" atq

step "Persistence: systemd"
run "$out/persistence/systemd-timers.txt" systemctl list-timers --all --no-pager
run "$out/persistence/systemd-enabled.txt" systemctl list-unit-files --state=enabled --no-pager
for d in /etc/systemd/system /usr/local/lib/systemd/system; do copy "$d" "$out/persistence"; done

step "Persistence: per-user files"
while IFS=: read -r user _ uid _ _ home shell; do
  [[ -d "$home" ]] || continue
  dest="$out/persistence/users/$user"
  mkdir -p "$dest"
  for rc in .bashrc .bash_profile .profile .zshrc .zprofile .config/fish/config.fish; do
    [[ -f "$home/$rc" ]] && cp -a "$home/$rc" "$dest/$(echo "$rc" | tr '/' '_')"
  done
  [[ -d "$home/.config/systemd/user" ]] && cp -a "$home/.config/systemd/user" "$dest/systemd-user"
  if [[ -d "$home/.ssh" ]]; then
    ls -la "$home/.ssh" > "$dest/ssh-listing.txt" 2>&1
    for f in authorized_keys authorized_keys2 known_hosts config; do
      [[ -f "$home/.ssh/$f" ]] && cp -a "$home/.ssh/$f" "$dest/ssh_$f"
    done
    if [[ -f "$home/.ssh/authorized_keys" ]]; then
      ssh-keygen -lf "$home/.ssh/authorized_keys" > "$dest/authorized_keys.fingerprints" 2>&1 || true
    fi
  fi
done < /etc/passwd

step "Persistence: system-wide shell and loader"
for f in /etc/profile /etc/bash.bashrc /etc/zsh/zshrc /etc/rc.local /etc/ld.so.preload /etc/environment; do
  copy "$f" "$out/persistence"
done
copy /etc/profile.d "$out/persistence"

step "Recently modified files (metadata only)"
find /etc /usr/local/bin /usr/local/sbin /tmp /var/tmp /dev/shm -xdev -mtime -3 -printf '%TY-%Tm-%Td %TH:%TM\t%u\t%m\t%s\t%p\n' \
  2>/dev/null | sort > "$out/files/recent-3d.tsv"

step "Packaging"
tarball="$out.tar.gz"
tar -C "$parent" -czf "$tarball" "$(basename "$out")"
chmod 600 "$tarball"
sha="$(sha256sum "$tarball" | cut -d' ' -f1)"
step "Done: $tarball"
step "SHA-256: $sha"
if [[ -n "${SUDO_USER:-}" ]]; then chown "$SUDO_USER" "$tarball"; fi
