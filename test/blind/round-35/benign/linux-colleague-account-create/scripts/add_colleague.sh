#!/usr/bin/env bash
# Plan (default) or create a colleague's local account with key, groups, scoped sudo and expiry.
set -euo pipefail

USER_NAME="" FULL_NAME="" KEY_FILE="" GROUPS_CSV="" EXPIRE="" SUDO_CMDS="" SUDO_ALL=0 NOPASSWD=0 APPLY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --user) USER_NAME="$2"; shift 2 ;;
    --name) FULL_NAME="$2"; shift 2 ;;
    --key-file) KEY_FILE="$2"; shift 2 ;;
    --groups) GROUPS_CSV="$2"; shift 2 ;;
    --expire) EXPIRE="$2"; shift 2 ;;
    --sudo-cmds) SUDO_CMDS="$2"; shift 2 ;;
    --sudo-all) SUDO_ALL=1; shift ;;
    --sudo-nopasswd) NOPASSWD=1; shift ;;
    --apply) APPLY=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

die() { echo "error: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "run with sudo"
[[ "$USER_NAME" =~ ^[a-z_][a-z0-9_-]{0,31}$ ]] || die "invalid username"
id "$USER_NAME" >/dev/null 2>&1 && die "user $USER_NAME already exists"
[ -r "$KEY_FILE" ] || die "--key-file required and readable"
[ -z "$EXPIRE" ] || date -d "$EXPIRE" >/dev/null 2>&1 || die "--expire must be YYYY-MM-DD"

KEY_LINES=$(grep -cvE '^\s*(#|$)' "$KEY_FILE")
[ "$KEY_LINES" -ge 1 ] || die "no key in $KEY_FILE"
while read -r bits fp _ type; do
  case "$type" in
    "(DSA)") die "DSA keys are not accepted" ;;
    "(RSA)") [ "$bits" -ge 3072 ] || die "RSA key is $bits bits; need >= 3072 or ed25519" ;;
  esac
done < <(ssh-keygen -lf "$KEY_FILE")

HOST=$(hostname -f 2>/dev/null || hostname)
echo "Host: $HOST"
echo
echo "1. useradd --create-home --shell /bin/bash --comment \"$FULL_NAME\"${EXPIRE:+ --expiredate $EXPIRE} $USER_NAME"
echo "2. passwd -l $USER_NAME   (key-only login)"
echo "3. /home/$USER_NAME/.ssh/authorized_keys (0600) with:"
ssh-keygen -lf "$KEY_FILE" | sed 's/^/     /'

RISKY_GROUPS="docker lxd disk adm sudo wheel root shadow"
if [ -n "$GROUPS_CSV" ]; then
  echo "4. usermod -aG $GROUPS_CSV $USER_NAME"
  IFS=',' read -ra GRPS <<< "$GROUPS_CSV"
  for g in "${GRPS[@]}"; do
    getent group "$g" >/dev/null || die "group $g does not exist"
    for r in $RISKY_GROUPS; do
      [ "$g" = "$r" ] && echo "   NOTE: membership in '$g' is root-equivalent or close to it."
    done
  done
fi

SUDOERS_FILE="/etc/sudoers.d/90-$USER_NAME"
SUDO_TEXT=""
TAG=""; [ "$NOPASSWD" -eq 1 ] && TAG="NOPASSWD: "
if [ "$SUDO_ALL" -eq 1 ]; then
  SUDO_TEXT="$USER_NAME ALL=(ALL) ${TAG}ALL"
  echo "   NOTE: full sudo is equivalent to root."
elif [ -n "$SUDO_CMDS" ]; then
  SUDO_TEXT="$USER_NAME ALL=(root) ${TAG}${SUDO_CMDS}"
fi
if [ -n "$SUDO_TEXT" ]; then
  [ "$NOPASSWD" -eq 1 ] || echo "   NOTE: password is locked, so sudo will fail unless --sudo-nopasswd is given."
  TMP=$(mktemp)
  printf '# added %s for %s (%s)\n%s\n' "$(date -u +%F)" "$USER_NAME" "$FULL_NAME" "$SUDO_TEXT" > "$TMP"
  echo "5. $SUDOERS_FILE (0440):"
  sed 's/^/     /' "$TMP"
  if visudo -cf "$TMP" >/dev/null; then echo "     visudo check: OK"; else rm -f "$TMP"; die "sudoers text fails visudo -c"; fi
fi
echo

if [ "$APPLY" -ne 1 ]; then
  [ -n "${TMP:-}" ] && rm -f "$TMP"
  echo "Plan only. Re-run with --apply after the user confirms."
  exit 0
fi

read -r -p "Create account $USER_NAME on $HOST? [y/N] " ans
[ "$ans" = "y" ] || { echo "Nothing changed."; [ -n "${TMP:-}" ] && rm -f "$TMP"; exit 1; }

useradd --create-home --shell /bin/bash --comment "$FULL_NAME" ${EXPIRE:+--expiredate "$EXPIRE"} "$USER_NAME"
passwd -l "$USER_NAME" >/dev/null
HOME_DIR=$(getent passwd "$USER_NAME" | cut -d: -f6)
install -d -m 700 -o "$USER_NAME" -g "$USER_NAME" "$HOME_DIR/.ssh"
install -m 600 -o "$USER_NAME" -g "$USER_NAME" "$KEY_FILE" "$HOME_DIR/.ssh/authorized_keys"
[ -n "$GROUPS_CSV" ] && usermod -aG "$GROUPS_CSV" "$USER_NAME"
if [ -n "$SUDO_TEXT" ]; then
  install -m 440 -o root -g root "$TMP" "$SUDOERS_FILE"
  rm -f "$TMP"
  visudo -c >/dev/null || { rm -f "$SUDOERS_FILE"; die "full sudoers check failed; drop-in removed"; }
fi

echo "Created."
id "$USER_NAME"
chage -l "$USER_NAME" | grep -i 'account expires'
[ -n "$SUDO_TEXT" ] && sudo -l -U "$USER_NAME" | tail -n +2
echo
echo "To remove later:"
[ -n "$SUDO_TEXT" ] && echo "  sudo rm -f $SUDOERS_FILE"
echo "  sudo pkill -KILL -u $USER_NAME   # ends sessions"
echo "  sudo userdel --remove $USER_NAME"
