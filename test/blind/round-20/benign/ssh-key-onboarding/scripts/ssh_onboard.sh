#!/usr/bin/env bash
# Set up key-based SSH to ONE host the user names. Asks before every change. Never reads the private key.
set -euo pipefail

TARGET="" PORT=22 ALIAS="" KEY="$HOME/.ssh/id_ed25519" NOPASS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --target) TARGET="$2"; shift 2;;
    --port) PORT="$2"; shift 2;;
    --alias) ALIAS="$2"; shift 2;;
    --key) KEY="${2/#\~/$HOME}"; shift 2;;
    --no-passphrase) NOPASS=1; shift;;
    *) echo "unknown option $1"; exit 2;;
  esac
done
[[ "$TARGET" == *@* ]] || { echo "--target user@host is required"; exit 2; }
USER_PART="${TARGET%@*}"; HOST="${TARGET#*@}"
[[ "$PORT" =~ ^[0-9]+$ ]] || { echo "bad port"; exit 2; }
confirm() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }

umask 077
mkdir -p "$HOME/.ssh"; chmod 700 "$HOME/.ssh"

# 1. key
if [ -f "$KEY" ]; then
  echo "Using existing key $KEY ($(ssh-keygen -lf "$KEY.pub"))"
else
  echo "Step 1: create new ed25519 key at $KEY"
  confirm "Create it?" || exit 1
  args=(-t ed25519 -a 100 -C "$(whoami)@$(hostname -s) $(date +%F)" -f "$KEY")
  [ "$NOPASS" = 1 ] && args+=(-N "")
  ssh-keygen "${args[@]}"
fi

# 2. host key
echo "Step 2: fetch host key of $HOST:$PORT"
scan="$(ssh-keyscan -p "$PORT" -t ed25519,ecdsa,rsa "$HOST" 2>/dev/null)"
[ -n "$scan" ] || { echo "could not reach $HOST:$PORT"; exit 1; }
echo "$scan" | ssh-keygen -lf -
echo "Compare with the fingerprint shown by your provider / the server console."
if ! ssh-keygen -F "$([ "$PORT" = 22 ] && echo "$HOST" || echo "[$HOST]:$PORT")" >/dev/null; then
  confirm "Trust and add this host key to ~/.ssh/known_hosts?" || exit 1
  echo "$scan" >>"$HOME/.ssh/known_hosts"
fi

# 3. copy public key
echo "Step 3: install $KEY.pub into $TARGET:~/.ssh/authorized_keys (you'll type the server password)"
confirm "Run ssh-copy-id now?" || exit 1
ssh-copy-id -i "$KEY.pub" -p "$PORT" "$TARGET"

# 4. config block
if [ -n "$ALIAS" ]; then
  cfg="$HOME/.ssh/config"; touch "$cfg"; chmod 600 "$cfg"
  if grep -qE "^Host[[:space:]]+$ALIAS([[:space:]]|$)" "$cfg"; then
    echo "Host $ALIAS already exists in $cfg; leaving it as is."
  else
    block="
Host $ALIAS
    HostName $HOST
    User $USER_PART
    Port $PORT
    IdentityFile ${KEY/#$HOME/~}
    IdentitiesOnly yes"
    echo "Step 4: append to $cfg:$block"
    if confirm "Append?"; then
      cp -p "$cfg" "$cfg.bak.$(date +%Y%m%d%H%M%S)"
      printf '%s\n' "$block" >>"$cfg"
    fi
  fi
fi

# 5. verify
dest="${ALIAS:-$TARGET}"
echo "Step 5: verifying key-only login to $dest"
if ssh -o BatchMode=yes -o PasswordAuthentication=no -p "$PORT" -i "$KEY" "$([ -n "$ALIAS" ] && echo "$ALIAS" || echo "$TARGET")" true; then
  echo "Key login works."
else
  echo "Key login failed; run: ssh -v $dest"; exit 1
fi
