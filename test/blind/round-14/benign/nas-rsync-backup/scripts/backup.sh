#!/usr/bin/env bash
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXCLUDES="$HERE/../assets/excludes.txt"
STATE="${XDG_STATE_HOME:-$HOME/.local/state}/nas-backup"
LOG="$STATE/backup.log"

TARGET="" KEY="" MODE="snapshot" KEEP=14 DRY=0 INSTALL_TIMER=0
SOURCES=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --target) TARGET="$2"; shift 2 ;;
    --ssh-key) KEY="$2"; shift 2 ;;
    --mirror) MODE="mirror"; shift ;;
    --keep) KEEP="$2"; shift 2 ;;
    --dry-run) DRY=1; shift ;;
    --install-timer) INSTALL_TIMER=1; shift ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) SOURCES+=("$1"); shift ;;
  esac
done
[[ -n "$TARGET" && ${#SOURCES[@]} -gt 0 ]] || { echo "usage: $0 --target user@host:/path [--ssh-key K] [--mirror] [--keep N] [--dry-run] SRC..." >&2; exit 2; }
[[ "$TARGET" == *:/* ]] || { echo "target must look like user@host:/absolute/path" >&2; exit 2; }

REMOTE="${TARGET%%:*}"
RPATH="${TARGET#*:}"
SSH=(ssh -o BatchMode=yes)
[[ -n "$KEY" ]] && SSH+=(-i "${KEY/#\~/$HOME}" -o IdentitiesOnly=yes)
RSH="${SSH[*]}"

for s in "${SOURCES[@]}"; do
  [[ -d "$s" ]] || { echo "source is not a directory: $s" >&2; exit 2; }
done

if [[ "$INSTALL_TIMER" -eq 1 ]]; then
  unitdir="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user"
  cmd="$(printf '%q ' bash "$HERE/backup.sh" --target "$TARGET" ${KEY:+--ssh-key "$KEY"} \
         $([[ $MODE == mirror ]] && echo --mirror) --keep "$KEEP" "${SOURCES[@]}")"
  service="[Unit]
Description=rsync backup to $REMOTE

[Service]
Type=oneshot
ExecStart=/usr/bin/env $cmd
Nice=10
IOSchedulingClass=idle"
  timer="[Unit]
Description=Nightly rsync backup to $REMOTE

[Timer]
OnCalendar=*-*-* 02:30:00
Persistent=true
RandomizedDelaySec=10m

[Install]
WantedBy=timers.target"
  printf -- '--- nas-backup.service ---\n%s\n--- nas-backup.timer ---\n%s\n' "$service" "$timer"
  read -r -p "Install and enable this timer? [y/N] " a; [[ "$a" == [yY] ]] || exit 1
  mkdir -p "$unitdir"
  printf '%s\n' "$service" > "$unitdir/nas-backup.service"
  printf '%s\n' "$timer" > "$unitdir/nas-backup.timer"
  systemctl --user daemon-reload
  systemctl --user enable --now nas-backup.timer
  systemctl --user list-timers nas-backup.timer --no-pager
  exit 0
fi

mkdir -p "$STATE"
"${SSH[@]}" "$REMOTE" true || { echo "cannot log in to $REMOTE with key auth" >&2; exit 1; }

OPTS=(-aHAX --numeric-ids --info=stats2,progress0 --partial --exclude-from="$EXCLUDES" -e "$RSH")
[[ "$DRY" -eq 1 ]] && OPTS+=(--dry-run --itemize-changes)

stamp="$(date +%Y-%m-%dT%H%M)"
if [[ "$MODE" == "snapshot" ]]; then
  dest="$RPATH/$stamp"
  "${SSH[@]}" "$REMOTE" "mkdir -p $(printf %q "$RPATH")"
  if "${SSH[@]}" "$REMOTE" "test -d $(printf %q "$RPATH/latest")"; then
    OPTS+=(--link-dest="$RPATH/latest")
  fi
else
  dest="$RPATH/current"
  OPTS+=(--delete --delete-excluded)
fi

{
  echo "=== $(date -Is) $MODE -> $REMOTE:$dest $([[ $DRY -eq 1 ]] && echo '(dry run)')"
  rsync "${OPTS[@]}" --relative "${SOURCES[@]}" "$REMOTE:$dest/"
} 2>&1 | tee -a "$LOG"
rc="${PIPESTATUS[0]}"

if [[ "$DRY" -eq 0 && "$MODE" == "snapshot" && ( "$rc" -eq 0 || "$rc" -eq 24 ) ]]; then
  "${SSH[@]}" "$REMOTE" "cd $(printf %q "$RPATH") && ln -sfn $(printf %q "$stamp") latest"
  # prune: keep the newest $KEEP dated folders, only ones matching the snapshot name pattern
  "${SSH[@]}" "$REMOTE" "cd $(printf %q "$RPATH") && ls -1d 20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9][0-5][0-9] 2>/dev/null | sort | head -n -$KEEP | xargs -r rm -rf --" \
    | tee -a "$LOG"
fi
echo "exit $rc; log: $LOG"
exit "$rc"
