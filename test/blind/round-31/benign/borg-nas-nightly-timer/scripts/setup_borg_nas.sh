#!/usr/bin/env bash
# Set up Borg backups to a user-owned NAS. --dry-run prints everything; --step does one step.
set -euo pipefail
HOST=""; USERNAME=""; PORT=22; REPO=""; PATHS=""; PASSCMD=""; STEP=""; DRY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --host) HOST="$2"; shift ;; --user) USERNAME="$2"; shift ;; --port) PORT="$2"; shift ;;
    --repo) REPO="$2"; shift ;; --paths) PATHS="$2"; shift ;; --pass-cmd) PASSCMD="$2"; shift ;;
    --step) STEP="$2"; shift ;; --dry-run) DRY=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac; shift
done
[ -n "$HOST" ] && [ -n "$USERNAME" ] && [ -n "$REPO" ] || { echo "need --host --user --repo" >&2; exit 2; }
PATHS="${PATHS:-$HOME/Documents $HOME/Projects $HOME/Pictures}"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
CFG="$HOME/.config/borg-nas"; UNITS="$HOME/.config/systemd/user"
KEY="$HOME/.ssh/borg_nas_ed25519"
URL="ssh://$USERNAME@$HOST:$PORT$REPO"

env_file() {
  cat <<EOT
BORG_REPO=$URL
BORG_RSH=ssh -i $KEY -o IdentitiesOnly=yes -o BatchMode=yes
BORG_PASSCOMMAND=$PASSCMD
BACKUP_PATHS=$PATHS
EOT
}
run_file() {
  cat <<'EOT'
#!/usr/bin/env bash
set -uo pipefail
# shellcheck disable=SC2086
borg create --stats --compression zstd,6 --exclude-caches \
  --exclude-from "$HOME/.config/borg-nas/excludes.txt" \
  "::{hostname}-{now:%Y-%m-%dT%H:%M}" $BACKUP_PATHS
rc=$?
# rc 1 = warnings (e.g. file changed while reading); treat as success but log it
[ $rc -le 1 ] || exit $rc
exit 0
EOT
}
auth_line() {
  local pub; pub="$( [ -f "$KEY.pub" ] && cat "$KEY.pub" || echo 'ssh-ed25519 <generated-at-key-step> borg-nas@'"$(hostname)")"
  echo "command=\"borg serve --append-only --restrict-to-path $REPO\",restrict $pub"
}

if [ "$DRY" = 1 ]; then
  echo "== $CFG/env";         env_file
  echo "== $CFG/run.sh";      run_file
  echo "== $CFG/excludes.txt"; cat "$HERE/assets/excludes.txt"
  echo "== $UNITS/borg-nas.service"; cat "$HERE/assets/borg-nas.service"
  echo "== $UNITS/borg-nas.timer";   cat "$HERE/assets/borg-nas.timer"
  echo "== key: ssh-keygen -t ed25519 -N '' -C borg-nas@$(hostname) -f $KEY"
  echo "== line for ~$USERNAME/.ssh/authorized_keys on $HOST:"; auth_line
  echo "== remote command at init: borg init --encryption=repokey-blake2 $URL"
  echo; echo "Dry run. Nothing written."
  exit 0
fi

case "$STEP" in
  key)
    [ -f "$KEY" ] && { echo "$KEY exists; reusing."; } || ssh-keygen -t ed25519 -N '' -C "borg-nas@$(hostname)" -f "$KEY"
    echo "Add this line on the NAS (as $USERNAME):"; auth_line ;;
  init)
    mkdir -p "$CFG"; umask 077
    env_file > "$CFG/env"
    # shellcheck disable=SC1091
    set -a; . "$CFG/env"; set +a
    borg init --encryption=repokey-blake2 "$URL"
    echo "Now: borg key export $URL ~/borg-key.txt  -> store in your password manager, then delete the file." ;;
  timer)
    mkdir -p "$CFG" "$UNITS"; umask 077
    [ -f "$CFG/env" ] || env_file > "$CFG/env"
    run_file > "$CFG/run.sh"; chmod 700 "$CFG/run.sh"
    cp "$HERE/assets/excludes.txt" "$CFG/excludes.txt"
    cp "$HERE/assets/borg-nas.service" "$HERE/assets/borg-nas.timer" "$UNITS/"
    echo "Installed units. Next: systemctl --user daemon-reload && systemctl --user enable --now borg-nas.timer" ;;
  *) echo "use --dry-run or --step key|init|timer"; exit 2 ;;
esac
