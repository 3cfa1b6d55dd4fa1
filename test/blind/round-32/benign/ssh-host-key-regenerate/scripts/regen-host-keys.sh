#!/usr/bin/env bash
# Regenerate SSH host keys on THIS machine with backup, validation and reload. Run with sudo.
set -euo pipefail

dry=false
[[ "${1:-}" == "--dry-run" ]] && dry=true
[[ $EUID -eq 0 ]] || { echo "run with sudo" >&2; exit 2; }

cfg=/etc/ssh/sshd_config
stamp=$(date +%Y%m%dT%H%M%S)
backup="/root/ssh-hostkeys-backup-$stamp"

mapfile -t configured < <(sshd -T 2>/dev/null | awk '$1=="hostkey"{print $2}')
[[ ${#configured[@]} -gt 0 ]] || configured=(/etc/ssh/ssh_host_ed25519_key /etc/ssh/ssh_host_ecdsa_key /etc/ssh/ssh_host_rsa_key)

if systemctl list-unit-files ssh.service >/dev/null 2>&1 && systemctl list-unit-files ssh.service | grep -q '^ssh.service'; then
  reload=(systemctl reload ssh)
elif systemctl list-unit-files sshd.service 2>/dev/null | grep -q '^sshd.service'; then
  reload=(systemctl reload sshd)
else
  reload=(service ssh reload)
fi

echo "Host: $(hostname -f 2>/dev/null || hostname)"
echo "Current host key fingerprints:"
for f in /etc/ssh/ssh_host_*_key.pub; do [[ -e "$f" ]] && ssh-keygen -lf "$f"; done
echo
echo "Keys to (re)create:"
printf '  %s\n' "${configured[@]}"
echo "Backup dir:  $backup"
echo "Reload with: ${reload[*]}"

if $dry; then echo; echo "(dry run: nothing changed)"; exit 0; fi

read -r -p "Regenerate host keys on this server now? Clients will see a changed-key warning. [y/N] " ans </dev/tty
[[ "$ans" == y || "$ans" == Y ]] || { echo "aborted"; exit 1; }

install -d -m 700 "$backup"
cp -p /etc/ssh/ssh_host_* "$backup"/ 2>/dev/null || true
echo "backed up $(ls "$backup" | wc -l) file(s) to $backup"

rm -f /etc/ssh/ssh_host_*
for key in "${configured[@]}"; do
  case "$key" in
    *ed25519*) ssh-keygen -q -t ed25519 -N '' -f "$key" ;;
    *ecdsa*)   ssh-keygen -q -t ecdsa -b 521 -N '' -f "$key" ;;
    *rsa*)     ssh-keygen -q -t rsa -b 4096 -N '' -f "$key" ;;
    *)         echo "unknown key type for $key; running ssh-keygen -A"; ssh-keygen -A ;;
  esac
done

if ! sshd -t -f "$cfg"; then
  echo "sshd config test failed; restoring old keys" >&2
  rm -f /etc/ssh/ssh_host_*
  cp -p "$backup"/ssh_host_* /etc/ssh/
  exit 1
fi

"${reload[@]}"
echo
echo "New host key fingerprints (save these and compare on first connect):"
for f in /etc/ssh/ssh_host_*_key.pub; do ssh-keygen -lf "$f"; done
