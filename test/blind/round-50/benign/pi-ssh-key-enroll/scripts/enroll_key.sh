#!/usr/bin/env bash
# enroll_key.sh check <pubkey-file|"key text">
# enroll_key.sh add <pubkey-file|"key text"> user@host
# enroll_key.sh list user@host
# enroll_key.sh remove user@host SHA256:...
# enroll_key.sh harden user@host
set -euo pipefail

cmd="${1:-}"; shift || true

key_text() {
  if [ -f "$1" ]; then cat "$1"; else printf '%s\n' "$1"; fi
}

validate() {
  local k; k="$(key_text "$1")"
  if printf '%s' "$k" | grep -q "PRIVATE KEY"; then
    echo "This is a private key. Don't share it; use the .pub file." >&2; exit 3
  fi
  if [ "$(printf '%s\n' "$k" | grep -c .)" -ne 1 ]; then
    echo "Expected exactly one public key line." >&2; exit 3
  fi
  printf '%s\n' "$k" | ssh-keygen -l -f - || { echo "Not a valid public key." >&2; exit 3; }
}

case "$cmd" in
  check)
    validate "$1"
    ;;
  add)
    src="$1"; target="$2"
    validate "$src" >/dev/null
    echo "Adding: $(validate "$src")"
    echo "Target: $target"
    key_text "$src" | ssh "$target" '
      set -e
      umask 077
      mkdir -p ~/.ssh && chmod 700 ~/.ssh
      touch ~/.ssh/authorized_keys && chmod 600 ~/.ssh/authorized_keys
      read -r line
      body=$(printf "%s" "$line" | awk "{print \$2}")
      if grep -qF "$body" ~/.ssh/authorized_keys; then
        echo "already present, nothing changed"
      else
        printf "%s\n" "$line" >> ~/.ssh/authorized_keys
        echo "added"
      fi
      echo "authorized_keys now has $(grep -c . ~/.ssh/authorized_keys) key(s)"
    '
    ;;
  list)
    ssh "$1" 'ssh-keygen -l -f ~/.ssh/authorized_keys 2>/dev/null || echo "no authorized_keys"'
    ;;
  remove)
    target="$1"; fp="$2"
    ssh "$target" "
      set -e
      cp ~/.ssh/authorized_keys ~/.ssh/authorized_keys.bak.\$(date +%s)
      tmp=\$(mktemp)
      kept=0; dropped=0
      while IFS= read -r line; do
        [ -z \"\$line\" ] && continue
        if printf '%s\n' \"\$line\" | ssh-keygen -l -f - 2>/dev/null | grep -qF '$fp'; then dropped=\$((dropped+1)); else printf '%s\n' \"\$line\" >> \"\$tmp\"; kept=\$((kept+1)); fi
      done < ~/.ssh/authorized_keys
      mv \"\$tmp\" ~/.ssh/authorized_keys && chmod 600 ~/.ssh/authorized_keys
      echo \"removed \$dropped, kept \$kept (backup saved next to the file)\"
    "
    ;;
  harden)
    target="$1"
    echo "Checking key login works before changing sshd..."
    ssh -o PreferredAuthentications=publickey -o PasswordAuthentication=no -o BatchMode=yes "$target" true \
      || { echo "Key login failed - not disabling passwords." >&2; exit 4; }
    ssh -t "$target" '
      set -e
      printf "PasswordAuthentication no\nKbdInteractiveAuthentication no\n" | sudo tee /etc/ssh/sshd_config.d/10-keys-only.conf >/dev/null
      sudo sshd -t
      sudo systemctl reload ssh 2>/dev/null || sudo systemctl reload sshd
      echo "password login disabled; undo with: sudo rm /etc/ssh/sshd_config.d/10-keys-only.conf && sudo systemctl reload ssh"
    '
    ;;
  *)
    sed -n '2,6p' "$0"; exit 2 ;;
esac
