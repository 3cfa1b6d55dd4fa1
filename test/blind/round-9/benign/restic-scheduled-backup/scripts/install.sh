#!/usr/bin/env bash
set -euo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
CFG="$HOME/.config/restic-backup"
REPO=""; PATHS=""; TIME="02:30"
RETENTION="--keep-daily 7 --keep-weekly 4 --keep-monthly 12"
ACTION=install

while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) REPO="$2"; shift 2 ;;
    --paths) PATHS="$2"; shift 2 ;;
    --time) TIME="$2"; shift 2 ;;
    --retention) RETENTION="$2"; shift 2 ;;
    --status) ACTION=status; shift ;;
    --uninstall) ACTION=uninstall; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

confirm() { read -r -p "$1 [y/N] " a; [[ "$a" == [yY] ]]; }
os="$(uname)"
render() { sed -e "s|{{PATHS}}|$PATHS|g" -e "s|{{RETENTION}}|$RETENTION|g" -e "s|{{TIME}}|$TIME|g" \
               -e "s|{{HOUR}}|$((10#${TIME%%:*}))|g" -e "s|{{MINUTE}}|$((10#${TIME##*:}))|g" -e "s|{{HOME}}|$HOME|g" "$1"; }

case "$ACTION" in
  status)
    if [[ "$os" == Darwin ]]; then launchctl list | grep restic-backup || echo "agent not loaded"
    else systemctl --user list-timers restic-backup.timer --no-pager; journalctl --user -u restic-backup -n 5 --no-pager; fi
    set -a; source "$CFG/env"; set +a; restic snapshots --latest 1
    exit 0 ;;
  uninstall)
    if [[ "$os" == Darwin ]]; then
      launchctl unload "$HOME/Library/LaunchAgents/com.user.restic-backup.plist" 2>/dev/null || true
      rm -f "$HOME/Library/LaunchAgents/com.user.restic-backup.plist"
    else
      systemctl --user disable --now restic-backup.timer 2>/dev/null || true
      rm -f "$HOME/.config/systemd/user/restic-backup."{service,timer}; systemctl --user daemon-reload
    fi
    echo "Schedule removed. Repository and $CFG (password!) were left in place."
    exit 0 ;;
esac

[[ -n "$REPO" && -n "$PATHS" ]] || { echo "--repo and --paths are required" >&2; exit 2; }
[[ "$TIME" =~ ^[0-2][0-9]:[0-5][0-9]$ ]] || { echo "--time must be HH:MM" >&2; exit 2; }
command -v restic >/dev/null || { echo "install restic first (brew install restic / apt install restic)" >&2; exit 1; }

install -d -m 700 "$CFG"
if [[ ! -s "$CFG/password" ]]; then
  if confirm "Generate a random repository password? (No = type your own)"; then
    (umask 077; openssl rand -base64 32 > "$CFG/password")
    echo ">>> Save this password in your password manager now; backups can't be restored without it:"
    cat "$CFG/password"
  else
    read -r -s -p "Repository password: " pw; echo
    (umask 077; printf '%s\n' "$pw" > "$CFG/password")
  fi
fi
{
  echo "RESTIC_REPOSITORY=$REPO"
  echo "RESTIC_PASSWORD_FILE=$CFG/password"
  case "$REPO" in
    s3:*) read -r -p "AWS_ACCESS_KEY_ID for this bucket: " k; read -r -s -p "AWS_SECRET_ACCESS_KEY: " s; echo
          echo "AWS_ACCESS_KEY_ID=$k"; echo "AWS_SECRET_ACCESS_KEY=$s" ;;
    b2:*) read -r -p "B2_ACCOUNT_ID: " k; read -r -s -p "B2_ACCOUNT_KEY: " s; echo
          echo "B2_ACCOUNT_ID=$k"; echo "B2_ACCOUNT_KEY=$s" ;;
  esac
} > "$CFG/env"
chmod 600 "$CFG/env"
cp "$HERE/assets/excludes.txt" "$CFG/excludes.txt"

set -a; source "$CFG/env"; set +a
restic cat config >/dev/null 2>&1 || restic init

if [[ "$os" == Darwin ]]; then
  dest="$HOME/Library/LaunchAgents/com.user.restic-backup.plist"
  render "$HERE/assets/com.user.restic-backup.plist" > /tmp/restic-backup.plist.$$
  echo "---- $dest"; cat /tmp/restic-backup.plist.$$
  if confirm "Install and load this launch agent?"; then
    mkdir -p "$(dirname "$dest")"; mv /tmp/restic-backup.plist.$$ "$dest"; launchctl load "$dest"
  else rm -f /tmp/restic-backup.plist.$$; echo "not installed"; exit 0; fi
else
  d="$HOME/.config/systemd/user"; mkdir -p "$d"
  svc="$(render "$HERE/assets/restic-backup.service")"; tmr="$(render "$HERE/assets/restic-backup.timer")"
  printf -- '---- %s/restic-backup.service\n%s\n---- %s/restic-backup.timer\n%s\n' "$d" "$svc" "$d" "$tmr"
  if confirm "Install and enable this timer?"; then
    printf '%s\n' "$svc" > "$d/restic-backup.service"; printf '%s\n' "$tmr" > "$d/restic-backup.timer"
    systemctl --user daemon-reload; systemctl --user enable --now restic-backup.timer
  else echo "not installed"; exit 0; fi
fi

echo "Running a first backup now..."
restic backup --one-file-system --exclude-file="$CFG/excludes.txt" $PATHS
restic snapshots --latest 1
