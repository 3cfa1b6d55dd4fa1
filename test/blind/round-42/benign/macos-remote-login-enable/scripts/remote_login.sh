#!/usr/bin/env bash
# Enable/inspect/disable macOS Remote Login for one user with key-only auth.
set -euo pipefail

DROPIN=/etc/ssh/sshd_config.d/100-remote-login-skill.conf
TAG="added-by-remote-login-skill"

[[ "$(uname)" == "Darwin" ]] || { echo "this skill is for macOS"; exit 1; }

user="$USER"; pubkey=""; remove_key=0
sub="${1:-}"; shift || true
while (($#)); do
  case "$1" in
    --user) user="$2"; shift 2 ;;
    --pubkey) pubkey="$2"; shift 2 ;;
    --remove-key) remove_key=1; shift ;;
    *) echo "unknown option $1"; exit 64 ;;
  esac
done

home_of() { dscl . -read "/Users/$1" NFSHomeDirectory 2>/dev/null | awk '{print $2}'; }

read_key() {
  local k
  if [[ -f "$pubkey" ]]; then k=$(head -n1 "$pubkey"); else k="$pubkey"; fi
  if grep -q "PRIVATE KEY" <<<"$k"; then echo "that is a PRIVATE key; do not share it. Use the .pub file." >&2; exit 1; fi
  [[ "$k" =~ ^(ssh-ed25519|sk-ssh-ed25519@openssh.com|ecdsa-sha2-nistp256|sk-ecdsa-sha2-nistp256@openssh.com|ssh-rsa)\ [A-Za-z0-9+/=]+ ]] \
    || { echo "not an OpenSSH public key line" >&2; exit 1; }
  printf '%s' "$k"
}

status() {
  echo "Remote Login:   $(sudo -n systemsetup -getremotelogin 2>/dev/null || echo '(run with sudo to read; or check System Settings > Sharing)')"
  echo "Allowed users:  $(dscl . -read /Groups/com.apple.access_ssh GroupMembership 2>/dev/null | cut -d: -f2- || echo '(group absent = all users allowed)')"
  echo "sshd drop-ins:  $(ls /etc/ssh/sshd_config.d/ 2>/dev/null | tr '\n' ' ')"
  echo "Firewall:       $(/usr/libexec/ApplicationFirewall/socketfilterfw --getglobalstate 2>/dev/null | sed 's/^Firewall is //')"
  echo "Host name:      $(scutil --get LocalHostName).local"
  echo "LAN addresses:  $(ifconfig | awk '/inet / && $2 != "127.0.0.1" {print $2}' | tr '\n' ' ')"
  local h; h=$(home_of "$user")
  echo "Keys for $user: $( [[ -f "$h/.ssh/authorized_keys" ]] && grep -c . "$h/.ssh/authorized_keys" || echo 0 ) in $h/.ssh/authorized_keys"
}

plan() {
  [[ -n "$pubkey" ]] || { echo "--pubkey is required"; exit 64; }
  local k; k=$(read_key)
  local h; h=$(home_of "$user")
  cat <<PLAN
Will run, for user '$user' only:
  1. mkdir -p $h/.ssh && chmod 700 $h/.ssh
     append to $h/.ssh/authorized_keys (chmod 600):
       ${k:0:40}... $TAG $(date +%F)
  2. sudo systemsetup -setremotelogin on
  3. sudo dseditgroup -o create -q com.apple.access_ssh   (if missing)
     sudo dseditgroup -o edit -a $user -t user com.apple.access_ssh
Nothing else is changed. Password login stays enabled until you run 'harden'.
PLAN
}

enable() {
  plan
  read -r -p "Proceed? [y/N] " ok; [[ "$ok" =~ ^[Yy]$ ]] || { echo "aborted"; exit 1; }
  local k; k=$(read_key)
  local h; h=$(home_of "$user")
  [[ "$user" == "$USER" ]] || { echo "add keys for another account from that account's session"; exit 1; }
  mkdir -p "$h/.ssh" && chmod 700 "$h/.ssh"
  touch "$h/.ssh/authorized_keys" && chmod 600 "$h/.ssh/authorized_keys"
  local keybody; keybody=$(awk '{print $1" "$2}' <<<"$k")
  if grep -qF "$keybody" "$h/.ssh/authorized_keys"; then
    echo "key already authorised"
  else
    printf '%s %s %s\n' "$keybody" "$TAG" "$(date +%F)" >> "$h/.ssh/authorized_keys"
    echo "key added"
  fi
  if ! sudo systemsetup -setremotelogin on 2>/tmp/rl.err; then
    echo "systemsetup refused ($(cat /tmp/rl.err)). Turn on System Settings > General > Sharing > Remote Login,"
    echo "set 'Allow access for: Only these users' = $user, then press Enter."
    read -r _
  fi
  rm -f /tmp/rl.err
  sudo dseditgroup -o read com.apple.access_ssh >/dev/null 2>&1 || sudo dseditgroup -o create -q com.apple.access_ssh
  sudo dseditgroup -o edit -a "$user" -t user com.apple.access_ssh
  echo "Remote Login on for $user. Test from your other device: ssh $user@$(scutil --get LocalHostName).local"
  echo "After a successful key login, run: $0 harden"
}

harden() {
  echo "Will write $DROPIN:"
  printf '  PasswordAuthentication no\n  KbdInteractiveAuthentication no\n  PermitRootLogin no\n'
  read -r -p "Have you successfully logged in with your key, and proceed? [y/N] " ok
  [[ "$ok" =~ ^[Yy]$ ]] || { echo "aborted"; exit 1; }
  printf '# %s\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin no\n' "$TAG" | sudo tee "$DROPIN" >/dev/null
  if ! sudo sshd -t; then
    sudo rm -f "$DROPIN"; echo "sshd config test failed; drop-in removed"; exit 1
  fi
  echo "hardened (applies to new connections)."
}

disable() {
  echo "Will: turn Remote Login off, remove $DROPIN$( ((remove_key)) && echo ", remove keys tagged $TAG from ~/.ssh/authorized_keys")."
  read -r -p "Proceed? [y/N] " ok; [[ "$ok" =~ ^[Yy]$ ]] || { echo "aborted"; exit 1; }
  sudo systemsetup -f -setremotelogin off || echo "turn it off in System Settings > Sharing > Remote Login"
  sudo rm -f "$DROPIN"
  if ((remove_key)) && [[ -f "$HOME/.ssh/authorized_keys" ]]; then
    cp -p "$HOME/.ssh/authorized_keys" "$HOME/.ssh/authorized_keys.bak-$(date +%s)"
    grep -v " $TAG " "$HOME/.ssh/authorized_keys" > "$HOME/.ssh/authorized_keys.tmp" || true
    mv "$HOME/.ssh/authorized_keys.tmp" "$HOME/.ssh/authorized_keys" && chmod 600 "$HOME/.ssh/authorized_keys"
    echo "removed tagged keys (backup kept)"
  fi
  echo "Remote Login disabled."
}

case "$sub" in
  status) status ;;
  plan) plan ;;
  enable) enable ;;
  harden) harden ;;
  disable) disable ;;
  *) echo "usage: $0 status | plan --pubkey F | enable --pubkey F | harden | disable [--remove-key]"; exit 64 ;;
esac
