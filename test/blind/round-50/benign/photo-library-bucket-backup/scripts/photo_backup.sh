#!/usr/bin/env bash
# photo_backup.sh --src DIR --dest REMOTE:PATH [--mode copy|sync] [--dry-run]
#                 [--install-timer --on-calendar '*-*-* 02:30:00']
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SRC="" DEST="" MODE="copy" DRY=0 INSTALL=0 ONCAL="*-*-* 02:30:00"
while [ $# -gt 0 ]; do
  case "$1" in
    --src) SRC="$2"; shift 2 ;;
    --dest) DEST="$2"; shift 2 ;;
    --mode) MODE="$2"; shift 2 ;;
    --dry-run) DRY=1; shift ;;
    --install-timer) INSTALL=1; shift ;;
    --on-calendar) ONCAL="$2"; shift 2 ;;
    *) echo "unknown $1" >&2; exit 2 ;;
  esac
done
: "${SRC:?--src required}" "${DEST:?--dest required}"
case "$MODE" in copy|sync) ;; *) echo "--mode copy|sync" >&2; exit 2 ;; esac
[ -d "$SRC" ] || { echo "source $SRC not found" >&2; exit 1; }
command -v rclone >/dev/null || { echo "install rclone first (https://rclone.org/install/ or your package manager)" >&2; exit 1; }
rclone listremotes | grep -qx "${DEST%%:*}:" || { echo "rclone remote ${DEST%%:*}: not configured - run rclone config" >&2; exit 1; }

EXCLUDES=(--exclude ".DS_Store" --exclude "Thumbs.db" --exclude "*.tmp" --exclude "*Previews.lrdata/**"
          --exclude "thumbs/**" --exclude "encoded-video/**" --exclude ".stfolder/**")

if [ "$INSTALL" = 1 ]; then
  unit_dir="$HOME/.config/systemd/user"
  mkdir -p "$unit_dir"
  script_path="$HOME/.local/bin/photo_backup.sh"
  mkdir -p "$(dirname "$script_path")"
  install -m 755 "$0" "$script_path"
  sed -e "s#@SCRIPT@#$script_path#" -e "s#@SRC@#$SRC#" -e "s#@DEST@#$DEST#" -e "s#@MODE@#$MODE#" \
    "$HERE/../assets/photo-backup.service" > "$unit_dir/photo-backup.service"
  sed -e "s#@ONCAL@#$ONCAL#" "$HERE/../assets/photo-backup.timer" > "$unit_dir/photo-backup.timer"
  echo "wrote $unit_dir/photo-backup.service and .timer:"
  sed 's/^/    /' "$unit_dir/photo-backup.service" "$unit_dir/photo-backup.timer"
  systemctl --user daemon-reload
  systemctl --user enable --now photo-backup.timer
  loginctl show-user "$USER" -p Linger | grep -q yes || \
    echo "note: timers run only while you're logged in unless you enable lingering: sudo loginctl enable-linger $USER"
  systemctl --user list-timers photo-backup.timer --no-pager
  exit 0
fi

if [ "$DRY" = 1 ]; then
  echo "Dry run: $MODE $SRC -> $DEST"
  tmp="$(mktemp)"
  rclone "$MODE" "$SRC" "$DEST" "${EXCLUDES[@]}" --dry-run --use-json-log --log-level INFO 2>"$tmp" || true
  python3 - "$tmp" <<'PY'
import json, sys, collections, os
files, size, kinds, deletes, sample = 0, 0, collections.Counter(), 0, []
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    try:
        j = json.loads(line)
    except ValueError:
        continue
    msg = j.get("msg", "")
    if "Skipped copy" in msg or "Skipped update" in msg:
        files += 1; size += j.get("size", 0) or 0
        obj = j.get("object", "")
        kinds[os.path.splitext(obj)[1].lower() or "(none)"] += 1
        if len(sample) < 20: sample.append(obj)
    elif "Skipped delete" in msg:
        deletes += 1
print(f"files to transfer: {files}  size: {size/1e9:.1f} GB")
print("by type: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common(8)))
if deletes: print(f"WOULD DELETE in destination: {deletes} files (sync mode)")
print("first paths:"); [print("  " + s) for s in sample]
PY
  rm -f "$tmp"
  exit 0
fi

log_dir="$HOME/.local/state/photo-backup"; mkdir -p "$log_dir"
log="$log_dir/$(date +%F).log"
echo "$(date -Is) start $MODE $SRC -> $DEST" >> "$log"
rclone "$MODE" "$SRC" "$DEST" "${EXCLUDES[@]}" --transfers 4 --checkers 8 --fast-list \
  --log-file "$log" --log-level INFO --stats 5m --stats-one-line
echo "$(date -Is) done" >> "$log"
tail -n 3 "$log"
