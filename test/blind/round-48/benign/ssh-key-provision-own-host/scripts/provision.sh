#!/usr/bin/env bash
# Interactive: create a per-host ed25519 key, install it on the user's own server,
# add a ~/.ssh/config block, verify. Prompts before every change.
set -euo pipefail

HOST=""; RUSER=""; PORT=22; ALIAS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --host) HOST="$2"; shift 2 ;;
    --user) RUSER="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --alias) ALIAS="$2"; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done
[ -n "$HOST" ] && [ -n "$RUSER" ] || { echo "usage: provision.sh --host H --user U [--port P] [--alias A]" >&2; exit 2; }
ALIAS="${ALIAS:-${HOST%%.*}}"
KEY="$HOME/.ssh/id_ed25519_${ALIAS}"
CFG="$HOME/.ssh/config"

confirm() { read -r -p "$1 [y/N] " ans; [[ "$ans" =~ ^[Yy]$ ]]; }

mkdir -p "$HOME/.ssh" && chmod 700 "$HOME/.ssh"

if [ -e "$KEY" ]; then
  echo "key $KEY already exists; reusing it (not overwriting)"
else
  echo "will create $KEY (you'll be asked for a passphrase)"
  confirm "create key?" || exit 1
  ssh-keygen -t ed25519 -a 64 -f "$KEY" -C "$(id -un)@$(hostname -s) for ${ALIAS} $(date +%F)"
fi
echo "public key:"; cat "$KEY.pub"
ssh-keygen -lf "$KEY.pub"

echo; echo "server host key fingerprint as seen from here:"
ssh-keyscan -p "$PORT" -t ed25519 "$HOST" 2>/dev/null | ssh-keygen -lf - || true
confirm "does this match the fingerprint your provider/console shows?" || { echo "stopping"; exit 1; }

echo; echo "will install $KEY.pub into ${RUSER}@${HOST}:~/.ssh/authorized_keys"
confirm "install public key on ${HOST}?" || exit 1
if command -v ssh-copy-id >/dev/null; then
  ssh-copy-id -i "$KEY.pub" -p "$PORT" "${RUSER}@${HOST}"
else
  ssh -p "$PORT" "${RUSER}@${HOST}" \
    'umask 077; mkdir -p ~/.ssh; touch ~/.ssh/authorized_keys; k="$(cat)"; grep -qxF "$k" ~/.ssh/authorized_keys || printf "%s\n" "$k" >> ~/.ssh/authorized_keys' \
    < "$KEY.pub"
fi

if grep -qiE "^Host[[:space:]]+${ALIAS}([[:space:]]|$)" "$CFG" 2>/dev/null; then
  echo "Host ${ALIAS} already in $CFG; leaving it unchanged"
else
  block=$(cat <<BLOCK

Host ${ALIAS}
    HostName ${HOST}
    User ${RUSER}
    Port ${PORT}
    IdentityFile ~/.ssh/id_ed25519_${ALIAS}
    IdentitiesOnly yes
    AddKeysToAgent yes
BLOCK
)
  [ "$(uname -s)" = "Darwin" ] && block="${block}"$'\n'"    UseKeychain yes"
  echo "proposed addition to $CFG:"; echo "$block"
  if confirm "append this block?"; then
    [ -f "$CFG" ] && cp -p "$CFG" "$CFG.bak-$(date +%s)"
    printf '%s\n' "$block" >> "$CFG"
    chmod 600 "$CFG"
  fi
fi

echo; echo "verifying key-only login..."
ssh -o PreferredAuthentications=publickey -o PasswordAuthentication=no -p "$PORT" -i "$KEY" "${RUSER}@${HOST}" 'echo ok from $(hostname)'
