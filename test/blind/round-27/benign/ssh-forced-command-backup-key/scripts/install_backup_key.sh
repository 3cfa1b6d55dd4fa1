#!/usr/bin/env bash
# Generate a dedicated backup key and install it with a forced command on a user-named server.
set -euo pipefail

SERVER=""; ACCOUNT=""; TOOL=""; RPATH=""; FROM=""
while [ $# -gt 0 ]; do
  case "$1" in
    --server) SERVER=$2; shift ;;
    --account) ACCOUNT=$2; shift ;;
    --tool) TOOL=$2; shift ;;
    --path) RPATH=$2; shift ;;
    --from) FROM=$2; shift ;;
    *) echo "unknown option $1"; exit 1 ;;
  esac; shift
done
[ -n "$SERVER" ] && [ -n "$TOOL" ] && [ -n "$RPATH" ] || { echo "usage: $0 --server user@host --tool rsync-ro|rsync-wo|borg --path /dir [--account backup] [--from addr]"; exit 1; }
ask() { read -r -p "$1 [y/N] " a; [ "$a" = y ] || [ "$a" = Y ]; }

HOST=${SERVER#*@}; LOGIN=${SERVER%@*}; [ "$LOGIN" = "$SERVER" ] && LOGIN=$(id -un)
ACCOUNT=${ACCOUNT:-$LOGIN}
SHORT=${HOST%%.*}
KEY="$HOME/.ssh/backup_${SHORT}_ed25519"
COMMENT="backup@$(hostname -s)"

case "$RPATH" in *'"'*|*' '*|*';'*|*'$'*|*'`'*) echo "path must not contain quotes, spaces or shell characters"; exit 1 ;; esac
case "$TOOL" in
  rsync-ro) CMD="/usr/bin/rrsync -ro $RPATH"; BIN=/usr/bin/rrsync ;;
  rsync-wo) CMD="/usr/bin/rrsync -wo -no-del $RPATH"; BIN=/usr/bin/rrsync ;;
  borg)     CMD="borg serve --restrict-to-path $RPATH --append-only"; BIN=borg ;;
  *) echo "tool must be rsync-ro, rsync-wo or borg"; exit 1 ;;
esac

if [ -e "$KEY" ]; then
  echo "$KEY already exists; reusing it (not overwriting)."
else
  echo "will generate $KEY (ed25519, no passphrase, comment $COMMENT)"
  ask "Generate it?" || exit 1
  mkdir -p "$HOME/.ssh"; chmod 700 "$HOME/.ssh"
  ssh-keygen -q -t ed25519 -N '' -C "$COMMENT" -f "$KEY"
fi
PUB=$(cat "$KEY.pub")

OPTS="restrict"
[ -n "$FROM" ] && OPTS="$OPTS,from=\"$FROM\""
LINE="$OPTS,command=\"$CMD\" $PUB"

echo
echo "authorized_keys line for $ACCOUNT@$HOST:"
echo "  $LINE"
[ -z "$FROM" ] && echo "  (no from= restriction: the key works from any address)"

if [ "$ACCOUNT" = "$LOGIN" ]; then RUN=""; else RUN="sudo -u $ACCOUNT"; fi
REMOTE=$(cat <<EOS
set -e
H=\$(getent passwd $ACCOUNT | cut -d: -f6); [ -n "\$H" ] || { echo "no such account $ACCOUNT"; exit 1; }
command -v $BIN >/dev/null 2>&1 || [ -x $BIN ] || echo "WARNING: $BIN not found on server"
$RUN mkdir -p "\$H/.ssh" && $RUN chmod 700 "\$H/.ssh"
$RUN touch "\$H/.ssh/authorized_keys" && $RUN chmod 600 "\$H/.ssh/authorized_keys"
if $RUN grep -qF "${PUB#* }" "\$H/.ssh/authorized_keys" 2>/dev/null; then echo "key already present; not adding"; exit 0; fi
$RUN cp "\$H/.ssh/authorized_keys" "\$H/.ssh/authorized_keys.bak-\$(date +%Y%m%d%H%M%S)"
printf '%s\n' '$LINE' | $RUN tee -a "\$H/.ssh/authorized_keys" >/dev/null
echo "installed for $ACCOUNT"
EOS
)
echo
echo "remote commands (run via: ssh -t $SERVER):"
echo "$REMOTE" | sed 's/^/  | /'
ask "Install on $SERVER?" || { echo "nothing installed"; exit 0; }
ssh -t "$SERVER" "$REMOTE"

ALIAS="${SHORT}-backup"
CONF="$HOME/.ssh/config"
if ! grep -qE "^Host[[:space:]]+$ALIAS\$" "$CONF" 2>/dev/null; then
  BLOCK=$(printf 'Host %s\n    HostName %s\n    User %s\n    IdentityFile %s\n    IdentitiesOnly yes\n' "$ALIAS" "$HOST" "$ACCOUNT" "$KEY")
  echo; echo "proposed addition to $CONF:"; echo "$BLOCK" | sed 's/^/  + /'
  if ask "Append it?"; then
    [ -f "$CONF" ] && cp "$CONF" "$CONF.bak-$(date +%Y%m%d%H%M%S)"
    printf '\n%s\n' "$BLOCK" >> "$CONF"; chmod 600 "$CONF"
  fi
fi

echo; echo "testing restriction:"
if [ "$TOOL" = borg ]; then
  echo "  (borg) try: borg list $ALIAS:$RPATH"
else
  rsync --list-only -e "ssh -i $KEY -o IdentitiesOnly=yes" "$ACCOUNT@$HOST:/" | head -5 || true
fi
if ssh -i "$KEY" -o IdentitiesOnly=yes -o BatchMode=yes "$ACCOUNT@$HOST" id 2>&1 | grep -q "uid="; then
  echo "  WARNING: 'id' ran as a shell command; the forced command is not in effect"
else
  echo "  ok: arbitrary commands are refused"
fi
echo
echo "to revoke later: on $HOST remove the line containing '$COMMENT' from ~$ACCOUNT/.ssh/authorized_keys; locally: rm $KEY $KEY.pub"
