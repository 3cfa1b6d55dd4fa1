#!/usr/bin/env bash
# Key-based SSH to a host the user names. Asks before every change. Only the .pub leaves this machine.
set -euo pipefail

TARGET="" PORT=22 ALIAS="" KEY="" COMMENT="$(id -un)@$(hostname -s)"
while (($#)); do
  case "$1" in
    --target) TARGET="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --alias) ALIAS="$2"; shift 2 ;;
    --key) KEY="${2/#\~/$HOME}"; shift 2 ;;
    --comment) COMMENT="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$TARGET" == *@* ]] || { echo "--target user@host is required" >&2; exit 2; }
USER_PART="${TARGET%@*}"; HOST_PART="${TARGET#*@}"
ALIAS="${ALIAS:-${HOST_PART%%.*}}"
KEY="${KEY:-$HOME/.ssh/id_ed25519_${ALIAS}}"
CONFIG="$HOME/.ssh/config"

ask() { local a; read -r -p "$1 [y/N] " a </dev/tty; [[ "$a" == y || "$a" == Y ]]; }
step() { printf '\n== %s\n' "$*"; }

mkdir -p "$HOME/.ssh"; chmod 700 "$HOME/.ssh"

step "1. key: $KEY"
if [[ -f "$KEY" ]]; then
  echo "exists: $(ssh-keygen -lf "$KEY.pub")"
else
  if ask "Create a new ed25519 key at $KEY (you will be asked for a passphrase)?"; then
    ssh-keygen -t ed25519 -a 100 -f "$KEY" -C "$COMMENT"
  else
    echo "stopping: no key"; exit 1
  fi
fi
chmod 600 "$KEY"; chmod 644 "$KEY.pub"

step "2. agent"
if [[ "$(uname)" == Darwin ]]; then
  ask "Add key to ssh-agent and macOS keychain?" && ssh-add --apple-use-keychain "$KEY"
elif [[ -n "${SSH_AUTH_SOCK:-}" ]]; then
  ask "Add key to the running ssh-agent?" && ssh-add "$KEY"
else
  echo "no ssh-agent running; start one with: eval \"\$(ssh-agent -s)\"  (skipping)"
fi

step "3. host key of $HOST_PART:$PORT"
if ssh-keygen -F "[$HOST_PART]:$PORT" >/dev/null 2>&1 || { [[ "$PORT" == 22 ]] && ssh-keygen -F "$HOST_PART" >/dev/null 2>&1; }; then
  echo "already in known_hosts"
else
  scan="$(ssh-keyscan -p "$PORT" -t ed25519,ecdsa,rsa "$HOST_PART" 2>/dev/null)"
  [[ -n "$scan" ]] || { echo "could not reach $HOST_PART:$PORT"; exit 1; }
  echo "$scan" | ssh-keygen -lf -
  echo "Compare with the fingerprint shown by your provider console, or on the server:"
  echo "  ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub"
  if ask "Do the fingerprints match?"; then
    echo "$scan" >>"$HOME/.ssh/known_hosts"
  else
    echo "stopping: host key not confirmed"; exit 1
  fi
fi

step "4. install public key on $TARGET"
echo "will send only: $(cut -d' ' -f1,3- "$KEY.pub")"
if ask "Copy this public key to $TARGET (asks for the server password once)?"; then
  if command -v ssh-copy-id >/dev/null; then
    ssh-copy-id -i "$KEY.pub" -p "$PORT" "$TARGET"
  else
    ssh -p "$PORT" "$TARGET" 'umask 077; mkdir -p ~/.ssh; cat >> ~/.ssh/authorized_keys' <"$KEY.pub"
  fi
fi

step "5. ~/.ssh/config alias '$ALIAS'"
if [[ -f "$CONFIG" ]] && grep -qE "^Host[[:space:]]+$ALIAS([[:space:]]|\$)" "$CONFIG"; then
  echo "Host $ALIAS already defined in $CONFIG; leaving it alone"
else
  block="
Host $ALIAS
    HostName $HOST_PART
    User $USER_PART
    Port $PORT
    IdentityFile ${KEY/#$HOME/~}
    IdentitiesOnly yes
    AddKeysToAgent yes"
  [[ "$(uname)" == Darwin ]] && block+=$'\n    UseKeychain yes'
  echo "$block"
  if ask "Append this block to $CONFIG?"; then
    [[ -f "$CONFIG" ]] && cp -p "$CONFIG" "$CONFIG.bak.$(date +%Y%m%d-%H%M%S)"
    printf '%s\n' "$block" >>"$CONFIG"; chmod 600 "$CONFIG"
  fi
fi

step "6. test"
if ssh -o BatchMode=yes -o PreferredAuthentications=publickey -o ConnectTimeout=10 -i "$KEY" -p "$PORT" "$TARGET" true; then
  echo "key login works: ssh $ALIAS"
else
  echo "key login FAILED; see Troubleshooting in SKILL.md (ssh -vvv $ALIAS)"; exit 1
fi
