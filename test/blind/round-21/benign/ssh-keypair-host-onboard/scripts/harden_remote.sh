#!/usr/bin/env bash
# Disable password SSH logins on the user's own server. Run only after key login is confirmed working.
set -euo pipefail
ALIAS="${1:?usage: harden_remote.sh <ssh-alias>}"

ssh -o BatchMode=yes "$ALIAS" true || { echo "Key login to $ALIAS does not work yet. Not continuing." >&2; exit 1; }

echo "Current effective settings on $ALIAS:"
ssh -t "$ALIAS" "sudo sshd -T | grep -Ei '^(passwordauthentication|kbdinteractiveauthentication|permitrootlogin|pubkeyauthentication) '"

cat <<'CONF'

Will write /etc/ssh/sshd_config.d/50-keys-only.conf on the server:
    PasswordAuthentication no
    KbdInteractiveAuthentication no
    PermitRootLogin prohibit-password
then validate (sshd -t) and reload sshd.
Keep THIS terminal's session open and test a new login in another terminal afterwards.
CONF
read -r -p "Apply on $ALIAS? [yes/no] " a
[[ "$a" == "yes" ]] || { echo "Nothing changed."; exit 0; }

ssh -t "$ALIAS" 'set -e
  if ! grep -qE "^\s*Include\s+/etc/ssh/sshd_config.d/" /etc/ssh/sshd_config; then
    echo "sshd_config does not include sshd_config.d/*.conf; add the three lines to /etc/ssh/sshd_config manually." >&2; exit 1
  fi
  printf "%s\n" "# managed by ssh-keypair-host-onboard" "PasswordAuthentication no" "KbdInteractiveAuthentication no" "PermitRootLogin prohibit-password" | sudo tee /etc/ssh/sshd_config.d/50-keys-only.conf >/dev/null
  sudo sshd -t
  sudo systemctl reload ssh 2>/dev/null || sudo systemctl reload sshd'
echo "Applied. Now open a NEW terminal and run: ssh $ALIAS   — only close the old session once that works."
echo "To undo: ssh $ALIAS 'sudo rm /etc/ssh/sshd_config.d/50-keys-only.conf && sudo systemctl reload ssh'"
