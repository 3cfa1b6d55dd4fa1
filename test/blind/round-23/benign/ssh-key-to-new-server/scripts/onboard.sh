#!/usr/bin/env bash
# Key-based SSH onboarding for a host the user names. Prompts before every change.
set -euo pipefail

HOST="" USER_="" ALIAS="" PORT=22 REVOKE=0 REUSE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --host) HOST="$2"; shift 2;;
    --user) USER_="$2"; shift 2;;
    --alias) ALIAS="$2"; shift 2;;
    --port) PORT="$2"; shift 2;;
    --reuse-default-key) REUSE=1; shift;;
    --revoke) REVOKE=1; shift;;
    *) echo "unknown: $1" >&2; exit 2;;
  esac
done

ask() { local a; read -r -p "$1 [y/N] " a; [[ "$a" == [yY] ]]; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
SSH_DIR="$HOME/.ssh"; CFG="$SSH_DIR/config"
mkdir -p "$SSH_DIR"; chmod 700 "$SSH_DIR"
[[ "$ALIAS" =~ ^[A-Za-z0-9._-]+$ ]] || { echo "--alias required (letters, digits, . _ -)"; exit 2; }
KEY="$SSH_DIR/id_ed25519_$ALIAS"; [[ $REUSE -eq 1 ]] && KEY="$SSH_DIR/id_ed25519"

backup_cfg() { [[ -f "$CFG" ]] && cp -p "$CFG" "$CFG.bak.$(date +%Y%m%d-%H%M%S)"; true; }

if [[ $REVOKE -eq 1 ]]; then
  [[ -f "$KEY.pub" ]] || { echo "no $KEY.pub"; exit 1; }
  read -r _ b64 comment < "$KEY.pub"
  step "Lines on $ALIAS matching this key ($(ssh-keygen -lf "$KEY.pub"))"
  ssh "$ALIAS" "grep -nF '$b64' ~/.ssh/authorized_keys" || { echo "not found on server"; exit 0; }
  ask "Remove that line from $ALIAS:~/.ssh/authorized_keys?" || exit 0
  ssh "$ALIAS" "cp ~/.ssh/authorized_keys ~/.ssh/authorized_keys.bak && grep -vF '$b64' ~/.ssh/authorized_keys.bak > ~/.ssh/authorized_keys"
  if grep -q "^Host $ALIAS\$" "$CFG" 2>/dev/null && ask "Also remove 'Host $ALIAS' from $CFG?"; then
    backup_cfg
    awk -v a="$ALIAS" '$1=="Host"{skip=($2==a)} !skip' "$CFG" > "$CFG.tmp" && mv "$CFG.tmp" "$CFG" && chmod 600 "$CFG"
  fi
  exit 0
fi

[[ -n "$HOST" && -n "$USER_" ]] || { echo "usage: $0 --host HOST --user USER --alias NAME [--port N]"; exit 2; }

step "1. Host key of $HOST:$PORT"
keys=$(ssh-keyscan -p "$PORT" -T 10 "$HOST" 2>/dev/null) || true
[[ -n "$keys" ]] || { echo "no answer from $HOST:$PORT"; exit 1; }
echo "$keys" | ssh-keygen -lf -
echo "Compare with the fingerprint shown by your provider or the server console."
ask "Do the fingerprints match?" || { echo "stopping: unverified host key"; exit 1; }
kh_host=$([[ "$PORT" == 22 ]] && echo "$HOST" || echo "[$HOST]:$PORT")
ssh-keygen -F "$kh_host" >/dev/null || echo "$keys" >> "$SSH_DIR/known_hosts"

step "2. Key pair"
if [[ -f "$KEY" ]]; then
  echo "using existing $KEY ($(ssh-keygen -lf "$KEY.pub"))"
else
  echo "will run: ssh-keygen -t ed25519 -a 100 -f $KEY"
  ask "Create it? (you will be asked for a passphrase)" || exit 0
  ssh-keygen -t ed25519 -a 100 -C "$(whoami)@$(hostname -s) -> $ALIAS $(date +%F)" -f "$KEY"
fi

step "3. Install public key on $USER_@$HOST"
echo "will run: ssh-copy-id -i $KEY.pub -p $PORT $USER_@$HOST"
ask "Proceed? (you will type the server password into ssh's prompt)" || exit 0
ssh-copy-id -i "$KEY.pub" -p "$PORT" "$USER_@$HOST"

step "4. ~/.ssh/config entry"
block=$(printf 'Host %s\n    HostName %s\n    User %s\n    Port %s\n    IdentityFile %s\n    IdentitiesOnly yes\n' \
  "$ALIAS" "$HOST" "$USER_" "$PORT" "${KEY/#$HOME/~}")
if grep -q "^Host $ALIAS\$" "$CFG" 2>/dev/null; then
  echo "Host $ALIAS already exists in $CFG; leaving it unchanged:"; awk -v a="$ALIAS" '$1=="Host"{p=($2==a)} p' "$CFG"
else
  echo "$block"
  if ask "Append this to $CFG?"; then
    backup_cfg
    { [[ -s "$CFG" ]] && echo; echo "$block"; } >> "$CFG"
    chmod 600 "$CFG"
  fi
fi

step "5. Verify key login"
if ssh -o BatchMode=yes -o PasswordAuthentication=no -o ConnectTimeout=10 "$ALIAS" true; then
  echo "key login works: ssh $ALIAS"
else
  echo "key login failed; debug with: ssh -v $ALIAS"; exit 1
fi

step "6. (optional) Disable password login on $ALIAS"
echo "writes /etc/ssh/sshd_config.d/50-keys-only.conf on the server via sudo, validates with sshd -t, reloads sshd"
if ask "Do it now? Keep this terminal open and test a new login afterwards."; then
  ssh -t "$ALIAS" 'printf "PasswordAuthentication no\nKbdInteractiveAuthentication no\n" | sudo tee /etc/ssh/sshd_config.d/50-keys-only.conf >/dev/null && sudo sshd -t && (sudo systemctl reload ssh 2>/dev/null || sudo systemctl reload sshd)'
  echo "done. Now open a second terminal and run: ssh $ALIAS"
fi
