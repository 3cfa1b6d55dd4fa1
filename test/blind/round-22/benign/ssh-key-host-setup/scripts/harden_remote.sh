#!/usr/bin/env bash
# Disable password SSH login on a server the user owns, with validation and automatic rollback.
set -euo pipefail
HOST="${1:?usage: harden_remote.sh <ssh-alias-or-user@host>}"
DROPIN=/etc/ssh/sshd_config.d/50-keys-only.conf

ask() { local a; read -r -p "$1 [y/N] " a </dev/tty; [[ "$a" == y || "$a" == Y ]]; }

echo "Checking key login to $HOST first…"
ssh -o BatchMode=yes -o PreferredAuthentications=publickey "$HOST" true || { echo "key login does not work; aborting"; exit 1; }
ssh "$HOST" 'grep -qE "^\s*Include\s+/etc/ssh/sshd_config.d/\*\.conf" /etc/ssh/sshd_config' || {
  echo "this server's sshd_config has no Include for sshd_config.d; add these lines by hand instead:"
  echo "  PasswordAuthentication no"; echo "  KbdInteractiveAuthentication no"; exit 1; }

cat <<CONF
Will write $DROPIN on $HOST (via sudo):
  PasswordAuthentication no
  KbdInteractiveAuthentication no
and reload sshd after 'sshd -t' validates it. Keep another session to $HOST open as a safety net.
CONF
ask "Proceed?" || exit 0

ssh -t "$HOST" "printf 'PasswordAuthentication no\nKbdInteractiveAuthentication no\n' | sudo tee $DROPIN >/dev/null && sudo sshd -t && (sudo systemctl reload ssh 2>/dev/null || sudo systemctl reload sshd)"

if ssh -o BatchMode=yes -o PreferredAuthentications=publickey -o ConnectTimeout=10 "$HOST" true; then
  echo "done: $HOST now accepts keys only"
  ssh -o PreferredAuthentications=password -o PubkeyAuthentication=no -o ConnectTimeout=5 "$HOST" true 2>&1 | grep -q "Permission denied" && echo "password login refused as expected"
else
  echo "new key login failed; rolling back"
  ssh -t "$HOST" "sudo rm -f $DROPIN && (sudo systemctl reload ssh 2>/dev/null || sudo systemctl reload sshd)"
  exit 1
fi
