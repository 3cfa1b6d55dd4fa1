#!/usr/bin/env bash
# Interactive SSH key onboarding for one host the user names. Pauses before each step.
set -euo pipefail

HOST=""; RUSER=""; ALIAS=""; PORT=22; EXISTING=""; REVOKE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --host) HOST="$2"; shift ;;
    --user) RUSER="$2"; shift ;;
    --alias) ALIAS="$2"; shift ;;
    --port) PORT="$2"; shift ;;
    --existing-key) EXISTING="$2"; shift ;;
    --revoke) REVOKE=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac; shift
done
[[ -n "$ALIAS" ]] || { echo "--alias is required" >&2; exit 2; }
[[ "$ALIAS" =~ ^[A-Za-z0-9._-]+$ ]] || { echo "alias must be [A-Za-z0-9._-]" >&2; exit 2; }

SSH_DIR="$HOME/.ssh"; CFG="$SSH_DIR/config"
mkdir -p "$SSH_DIR"; chmod 700 "$SSH_DIR"

step() { echo; echo "==> $1"; shift; printf '    $ %s\n' "$@"; read -r -p "    Run this? [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }

backup_config() {
  [[ -f "$CFG" ]] || return 0
  cp -p "$CFG" "$CFG.bak.$(date +%Y%m%d-%H%M%S)"
}

if [[ $REVOKE -eq 1 ]]; then
  key="$SSH_DIR/id_ed25519_${ALIAS}.pub"
  [[ -f "$key" ]] || { echo "no $key; pass the key comment manually" >&2; exit 1; }
  comment="$(awk '{ $1=""; $2=""; sub(/^  /,""); print }' "$key")"
  body="$(awk '{print $2}' "$key")"
  echo "authorized_keys line to remove on $ALIAS:"; cat "$key"
  if step "remove key on server (keeps authorized_keys.bak)" "ssh $ALIAS \"grep -vF '$body' ~/.ssh/authorized_keys > ~/.ssh/ak.tmp && cp ~/.ssh/authorized_keys ~/.ssh/authorized_keys.bak && mv ~/.ssh/ak.tmp ~/.ssh/authorized_keys && chmod 600 ~/.ssh/authorized_keys\""; then
    ssh "$ALIAS" "grep -vF '$body' ~/.ssh/authorized_keys > ~/.ssh/ak.tmp && cp ~/.ssh/authorized_keys ~/.ssh/authorized_keys.bak && mv ~/.ssh/ak.tmp ~/.ssh/authorized_keys && chmod 600 ~/.ssh/authorized_keys"
  fi
  if grep -q "^Host $ALIAS\$" "$CFG" 2>/dev/null && step "remove Host $ALIAS block from ~/.ssh/config (backup kept)" "edit $CFG"; then
    backup_config
    awk -v h="Host $ALIAS" '$0==h {skip=1; next} /^Host / {skip=0} !skip' "$CFG" > "$CFG.tmp" && mv "$CFG.tmp" "$CFG"
    chmod 600 "$CFG"
  fi
  echo "Done. Private key left at ${key%.pub} (comment: $comment) — delete it yourself if no longer needed."
  exit 0
fi

[[ -n "$HOST" && -n "$RUSER" ]] || { echo "--host and --user are required" >&2; exit 2; }
echo "Target: $RUSER@$HOST port $PORT   alias: $ALIAS"

# 1. key
if [[ -n "$EXISTING" ]]; then
  PUB="$EXISTING"; PRIV="${EXISTING%.pub}"
  [[ -f "$PUB" ]] || { echo "no such public key: $PUB" >&2; exit 1; }
else
  PRIV="$SSH_DIR/id_ed25519_${ALIAS}"; PUB="$PRIV.pub"
  if [[ -e "$PRIV" ]]; then
    echo "$PRIV already exists; reusing it."
  elif step "generate a new ed25519 key (ssh-keygen will ask for a passphrase)" \
       "ssh-keygen -t ed25519 -a 100 -f $PRIV -C \"$USER@$(hostname -s) $(date +%F) for $ALIAS\""; then
    ssh-keygen -t ed25519 -a 100 -f "$PRIV" -C "$USER@$(hostname -s) $(date +%F) for $ALIAS"
  else
    exit 1
  fi
fi
echo "Public key (safe to share):"; cat "$PUB"

# 2. agent
if [[ "$(uname -s)" == "Darwin" ]]; then
  step "add key to ssh-agent and macOS Keychain" "ssh-add --apple-use-keychain $PRIV" && ssh-add --apple-use-keychain "$PRIV" || true
else
  if [[ -n "${SSH_AUTH_SOCK:-}" ]]; then
    step "add key to the running ssh-agent" "ssh-add $PRIV" && ssh-add "$PRIV" || true
  else
    echo "    (no ssh-agent running; the Host block will use AddKeysToAgent yes)"
  fi
fi

# 3. host key
echo; echo "==> host key fingerprint for $HOST:$PORT"
scan="$(ssh-keyscan -p "$PORT" -t ed25519 "$HOST" 2>/dev/null || true)"
if [[ -z "$scan" ]]; then echo "    could not reach $HOST:$PORT"; exit 1; fi
echo "$scan" | ssh-keygen -lf - | sed 's/^/    /'
echo "    Compare with the fingerprint from your provider console / server:"
echo "      ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub"
read -r -p "    Does it match? [y = matches / t = trust on first use / N = stop] " m
case "$m" in
  y|Y|t|T)
    if ! ssh-keygen -F "$([[ $PORT == 22 ]] && echo "$HOST" || echo "[$HOST]:$PORT")" >/dev/null; then
      echo "$scan" >> "$SSH_DIR/known_hosts"; chmod 600 "$SSH_DIR/known_hosts"
    fi ;;
  *) echo "Stopped. Nothing was sent to the server."; exit 1 ;;
esac

# 4. copy id
if command -v ssh-copy-id >/dev/null; then
  step "install the public key on $RUSER@$HOST (asks for the server password once)" \
       "ssh-copy-id -i $PUB -p $PORT $RUSER@$HOST" && ssh-copy-id -i "$PUB" -p "$PORT" "$RUSER@$HOST"
else
  echo "ssh-copy-id not found. Equivalent:"
  echo "  cat $PUB | ssh -p $PORT $RUSER@$HOST 'umask 077; mkdir -p ~/.ssh && cat >> ~/.ssh/authorized_keys'"
  step "run the equivalent now" "(see above)" && cat "$PUB" | ssh -p "$PORT" "$RUSER@$HOST" 'umask 077; mkdir -p ~/.ssh && cat >> ~/.ssh/authorized_keys'
fi

# 5. config
block="Host $ALIAS
    HostName $HOST
    User $RUSER
    Port $PORT
    IdentityFile ${PRIV/#$HOME/~}
    IdentitiesOnly yes
    AddKeysToAgent yes"
[[ "$(uname -s)" == "Darwin" ]] && block="$block
    UseKeychain yes"
if grep -q "^Host $ALIAS\$" "$CFG" 2>/dev/null; then
  echo "~/.ssh/config already has 'Host $ALIAS'; not changing it. Suggested block:"; echo "$block"
else
  echo; echo "==> append to ~/.ssh/config:"; echo "$block" | sed 's/^/    + /'
  read -r -p "    Append? [y/N] " a
  if [[ "$a" =~ ^[Yy]$ ]]; then
    backup_config
    { [[ -s "$CFG" ]] && echo; echo "$block"; } >> "$CFG"; chmod 600 "$CFG"
  fi
fi

# 6. test
echo; echo "==> test key-only login"
if ssh -o BatchMode=yes -o PasswordAuthentication=no -o ConnectTimeout=10 "$ALIAS" 'echo ok from $(hostname)'; then
  echo "Key login works. Use: ssh $ALIAS"
else
  echo "Key login failed. Check: ssh -v $ALIAS ; server ~/.ssh perms (700) and authorized_keys (600)."
fi
