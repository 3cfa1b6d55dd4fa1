#!/usr/bin/env bash
# Build, show and (after confirmation) run a deploy-user provisioning script on a server the user names.
set -euo pipefail

HOST="" NEWUSER="deploy" PUBKEY="" APPDIR="" FROM="" PRINT=0 REVOKE=0 YES=0
RESTART=()
while [ $# -gt 0 ]; do
  case "$1" in
    --host) HOST="$2"; shift 2 ;;
    --user) NEWUSER="$2"; shift 2 ;;
    --pubkey) PUBKEY="$2"; shift 2 ;;
    --app-dir) APPDIR="$2"; shift 2 ;;
    --allow-restart) RESTART+=("$2"); shift 2 ;;
    --from) FROM="$2"; shift 2 ;;
    --print) PRINT=1; shift ;;
    --revoke) REVOKE=1; shift ;;
    --yes) YES=1; shift ;;
    -h|--help) sed -n '2p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$HOST" ] || { echo "--host admin@server is required" >&2; exit 2; }
[[ "$NEWUSER" =~ ^[a-z_][a-z0-9_-]{0,30}$ ]] || { echo "invalid username" >&2; exit 2; }
for unit in "${RESTART[@]+"${RESTART[@]}"}"; do
  [[ "$unit" =~ ^[A-Za-z0-9@._-]+\.service$ ]] || { echo "invalid unit name: $unit" >&2; exit 2; }
done
if [ -n "$FROM" ] && ! [[ "$FROM" =~ ^[0-9a-fA-F.:/,*]+$ ]]; then
  echo "--from must be a comma-separated list of addresses or CIDRs" >&2; exit 2
fi
[ -z "$APPDIR" ] || [[ "$APPDIR" =~ ^/[A-Za-z0-9._/-]+$ ]] || { echo "--app-dir must be an absolute path" >&2; exit 2; }

MARK="# managed-by: linux-deploy-user-provision"

if [ "$REVOKE" -eq 1 ]; then
  REMOTE=$(cat <<REMOTE_EOF
set -euo pipefail
home=\$(getent passwd '$NEWUSER' | cut -d: -f6) || { echo "no user $NEWUSER"; exit 0; }
ak="\$home/.ssh/authorized_keys"
if [ -f "\$ak" ]; then
  awk -v m='$MARK' 'skip {skip=0; next} \$0 == m {skip=1; next} {print}' "\$ak" > "\$ak.tmp" && mv "\$ak.tmp" "\$ak"
  chown '$NEWUSER': "\$ak"; chmod 600 "\$ak"
fi
rm -f '/etc/sudoers.d/deploy-$NEWUSER'
echo "revoked managed key and sudo rules for $NEWUSER"
REMOTE_EOF
)
else
  [ -f "$PUBKEY" ] || { echo "--pubkey file not found" >&2; exit 2; }
  KEY=$(head -n1 "$PUBKEY")
  case "$KEY" in
    ssh-ed25519\ *|ssh-rsa\ *|ecdsa-sha2-*|sk-ssh-ed25519@openssh.com\ *|sk-ecdsa-sha2-*) ;;
    *) echo "$PUBKEY does not look like an OpenSSH public key" >&2; exit 2 ;;
  esac
  if grep -q "PRIVATE KEY" "$PUBKEY"; then echo "that is a private key; pass the .pub file" >&2; exit 2; fi
  FP=$(ssh-keygen -lf "$PUBKEY" | awk '{print $2}')
  OPTS=""
  [ -n "$FROM" ] && OPTS="from=\"$FROM\",no-port-forwarding,no-agent-forwarding,no-X11-forwarding "
  KEYLINE="$OPTS$KEY"

  SUDO_RULE=""
  if [ "${#RESTART[@]}" -gt 0 ]; then
    cmds=()
    for u in "${RESTART[@]}"; do
      cmds+=("/usr/bin/systemctl restart $u" "/usr/bin/systemctl status $u")
    done
    SUDO_RULE="$NEWUSER ALL=(root) NOPASSWD: $(IFS=,; echo "${cmds[*]}" | sed 's/,/, /g')"
  fi

  REMOTE=$(cat <<REMOTE_EOF
set -euo pipefail
if ! id '$NEWUSER' >/dev/null 2>&1; then
  useradd --create-home --shell /bin/bash '$NEWUSER'
  echo "created user $NEWUSER"
fi
passwd -l '$NEWUSER' >/dev/null
home=\$(getent passwd '$NEWUSER' | cut -d: -f6)
install -d -m 700 -o '$NEWUSER' -g '$NEWUSER' "\$home/.ssh"
ak="\$home/.ssh/authorized_keys"
touch "\$ak"
awk -v m='$MARK' 'skip {skip=0; next} \$0 == m {skip=1; next} {print}' "\$ak" > "\$ak.tmp"
printf '%s\n%s\n' '$MARK' '$KEYLINE' >> "\$ak.tmp"
mv "\$ak.tmp" "\$ak"
chown '$NEWUSER':'$NEWUSER' "\$ak"; chmod 600 "\$ak"
command -v restorecon >/dev/null && restorecon -R "\$home/.ssh" || true
echo "installed key $FP for $NEWUSER"
if [ -n '$APPDIR' ]; then
  install -d '$APPDIR'
  chown -R '$NEWUSER':'$NEWUSER' '$APPDIR'
  echo "gave $NEWUSER ownership of $APPDIR"
fi
if [ -n '$SUDO_RULE' ]; then
  tmp=\$(mktemp)
  printf '%s\n%s\n' '# managed-by: linux-deploy-user-provision' '$SUDO_RULE' > "\$tmp"
  if visudo -cf "\$tmp" >/dev/null; then
    install -m 0440 -o root -g root "\$tmp" '/etc/sudoers.d/deploy-$NEWUSER'
    echo "sudo rule installed: $SUDO_RULE"
  else
    echo "sudo rule failed visudo validation; not installed" >&2
    rm -f "\$tmp"; exit 1
  fi
  rm -f "\$tmp"
fi
REMOTE_EOF
)
fi

if [ "$PRINT" -eq 1 ]; then
  echo "# script that would run on ${HOST#*@} as root (copied to a temp file, then: ssh -t $HOST sudo bash FILE)"
  echo "$REMOTE"
  exit 0
fi

echo "server:      ${HOST#*@} (as ${HOST%@*})"
echo "deploy user: $NEWUSER"
if [ "$REVOKE" -eq 1 ]; then
  echo "action:      revoke managed key and sudo rules"
else
  echo "key:         $FP${FROM:+ (only from $FROM)}"
  echo "app dir:     ${APPDIR:-none}"
  echo "sudo:        ${SUDO_RULE:-none}"
fi
if [ "$YES" -ne 1 ]; then
  read -r -p "Run this on ${HOST#*@}? (use --print to see the full script) [y/N] " ans
  case "$ans" in y|Y|yes) ;; *) echo "cancelled"; exit 1 ;; esac
fi
# Copy the script to a private temp file first, so sudo can still prompt for a password on the tty
REMOTE_FILE=$(printf '%s\n' "$REMOTE" | ssh "$HOST" 'f=$(mktemp /tmp/provision.XXXXXX); chmod 600 "$f"; cat > "$f"; echo "$f"')
ssh -t "$HOST" "sudo bash '$REMOTE_FILE'; rc=\$?; rm -f '$REMOTE_FILE'; exit \$rc"
