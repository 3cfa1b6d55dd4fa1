#!/usr/bin/env bash
# rsync hard-link snapshots to a user-chosen destination, with retention pruning.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
dest=${BACKUP_DEST:-}
dry=0 prune=0 find_path=""
sources=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --dest) dest=$2; shift 2 ;;
    --dry-run) dry=1; shift ;;
    --prune) prune=1; shift ;;
    --find) find_path=$2; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) sources+=("$1"); shift ;;
  esac
done

[[ -n $dest ]] || { echo "set BACKUP_DEST or pass --dest" >&2; exit 2; }
if [[ ! -d $dest ]]; then echo "destination $dest not available (drive not mounted?)" >&2; exit 3; fi
is_mount() { if command -v mountpoint >/dev/null; then mountpoint -q "$1"; else [[ $(df -P "$1" | awk 'NR==2{print $6}') == "$1" ]]; fi; }
if ! is_mount "$dest" && [[ ! -f $dest/.snapshot-backup-dest ]]; then
  echo "$dest is not a mount point and has no .snapshot-backup-dest marker; refusing" >&2
  echo "if this folder really is the backup destination: touch '$dest/.snapshot-backup-dest'" >&2
  exit 2
fi

base="$dest/$(hostname -s)"
stamp_re='^[0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9]{6}$'

snapshots() { ls -1 "$base" 2>/dev/null | grep -E "$stamp_re" | sort; }

if [[ -n $find_path ]]; then
  for s in $(snapshots); do
    match=$(find "$base/$s" -path "*/$find_path" -type f 2>/dev/null | head -1)
    [[ -n $match ]] && printf '%s  %s  %s\n' "$s" "$(du -h "$match" | cut -f1)" "$match"
  done
  exit 0
fi

if [[ $prune == 1 ]]; then
  now=$(date +%s)
  declare -A keep_day=() keep_week=()
  for s in $(snapshots | sort -r); do
    d=${s%_*}
    t=$(date -j -f '%Y-%m-%d_%H%M%S' "$s" +%s 2>/dev/null || date -d "${d} ${s:11:2}:${s:13:2}:${s:15:2}" +%s)
    age=$(( (now - t) / 86400 ))
    week=$(date -j -f '%Y-%m-%d' "$d" +%G-%V 2>/dev/null || date -d "$d" +%G-%V)
    if (( age < 2 )); then continue
    elif (( age < 30 )) && [[ -z ${keep_day[$d]:-} ]]; then keep_day[$d]=1; continue
    elif (( age < 183 )) && [[ -z ${keep_week[$week]:-} ]]; then keep_week[$week]=1; continue
    fi
    [[ $s =~ $stamp_re ]] || continue
    if [[ $dry == 1 ]]; then echo "would delete $base/$s"; else echo "deleting $base/$s"; rm -rf -- "${base:?}/$s"; fi
  done
  exit 0
fi

[[ ${#sources[@]} -gt 0 ]] || { echo "usage: snap.sh [--dest DIR] [--dry-run] SOURCE..." >&2; exit 2; }
for s in "${sources[@]}"; do [[ -e $s ]] || { echo "source $s does not exist" >&2; exit 2; }; done

mkdir -p "$base"
stamp=$(date +%Y-%m-%d_%H%M%S)
target="$base/$stamp"
link=()
[[ -d $base/latest ]] && link=(--link-dest="$base/latest")

opts=(-a --relative --delete --delete-excluded --exclude-from="$here/assets/excludes.txt" --info=stats1)
[[ $dry == 1 ]] && opts+=(--dry-run)

rsync "${opts[@]}" "${link[@]}" "${sources[@]}" "$target.partial/"
if [[ $dry == 1 ]]; then
  rmdir "$target.partial" 2>/dev/null || true
  echo "(dry run)"
  exit 0
fi
mv "$target.partial" "$target"
ln -sfn "$stamp" "$base/latest"
echo "snapshot $target complete"
