#!/usr/bin/env bash
# snapback.sh — rsync --link-dest snapshots to a user-chosen folder.
set -euo pipefail

CONF=${SNAPBACK_CONFIG:-$HOME/.config/snapback/config}
HERE=$(cd "$(dirname "$0")/.." && pwd)
host=$(hostname -s 2>/dev/null || hostname)

die() { echo "snapback: $*" >&2; exit 1; }
load() {
  [[ -f $CONF ]] || die "no config at $CONF — run: snapback.sh init"
  # shellcheck source=/dev/null
  source "$CONF"
  [[ -n ${DEST:-} && ${#SOURCES[@]} -gt 0 ]] || die "config needs DEST and SOURCES"
  [[ -d $DEST && -w $DEST ]] || die "destination $DEST is not a writable directory (drive mounted?)"
  [[ $(cd "$DEST" && pwd -P) != / ]] || die "refusing / as destination"
  for s in "${SOURCES[@]}"; do
    real_s=$(cd "$s" && pwd -P); real_d=$(cd "$DEST" && pwd -P)
    [[ $real_d != "$real_s"* ]] || die "destination is inside source $s"
  done
  ROOT="$DEST/$host"
  mkdir -p "$ROOT/logs"
}

cmd=${1:-}; shift || true
case $cmd in
  init)
    mkdir -p "$(dirname "$CONF")"
    [[ -f $CONF ]] && die "$CONF exists; edit it directly"
    read -r -p "Folders to back up (space-separated, e.g. ~/projects ~/Documents): " -a srcs
    read -r -p "Destination folder (must exist, e.g. /Volumes/BackupSSD/snapshots): " dest
    dest=${dest/#\~/$HOME}
    [[ -d $dest ]] || die "$dest does not exist"
    {
      echo "# snapback config — sourced by bash"
      printf 'SOURCES=('; for s in "${srcs[@]}"; do printf '"%s" ' "${s/#\~/$HOME}"; done; echo ')'
      echo "DEST=\"$dest\""
      echo "KEEP_ALL_DAYS=7"
      echo "KEEP_DAILY_DAYS=30"
      echo "KEEP_WEEKLY_DAYS=182"
      echo "EXCLUDES_FILE=\"$HERE/assets/excludes.txt\""
    } >"$CONF"
    chmod 600 "$CONF"
    echo "wrote $CONF"; cat "$CONF" ;;

  run)
    load
    dry=""; quiet=0
    for a in "$@"; do [[ $a == --dry-run ]] && dry="--dry-run"; [[ $a == --quiet ]] && quiet=1; done
    ts=$(date +%Y-%m-%d_%H%M%S)
    target="$ROOT/$ts.inprogress"
    link=()
    [[ -L $ROOT/latest ]] && link=(--link-dest="$(cd "$ROOT/latest" && pwd -P)")
    log="$ROOT/logs/$ts.log"
    for s in "${SOURCES[@]}"; do
      name=$(basename "$s")
      mkdir -p "$target/$name"
      lp=(); [[ ${#link[@]} -gt 0 ]] && lp=(--link-dest="${link[0]#--link-dest=}/$name")
      rsync -aH --delete --numeric-ids $dry ${quiet:+} \
        --exclude-from="${EXCLUDES_FILE:-$HERE/assets/excludes.txt}" \
        "${lp[@]}" --stats "$s/" "$target/$name/" >>"$log" 2>&1 \
        || die "rsync failed for $s — see $log"
    done
    if [[ -n $dry ]]; then rm -rf "$target"; echo "dry run done; details in $log"; exit 0; fi
    mv "$target" "$ROOT/$ts"
    ln -sfn "$ts" "$ROOT/latest"
    [[ $quiet == 1 ]] || { echo "snapshot $ROOT/$ts"; grep -E 'Number of (regular )?files transferred|Total transferred file size' "$log" | tail -n 2; } ;;

  list)
    load
    for d in "$ROOT"/20*; do [[ -d $d ]] && printf '%s\t%s\n' "$(basename "$d")" "$(du -sh "$d" 2>/dev/null | cut -f1)"; done ;;

  prune)
    load
    dry=0; [[ ${1:-} == --dry-run ]] && dry=1
    now=$(date +%s); declare -A seen_day seen_week; victims=()
    for d in $(ls -1d "$ROOT"/20*/ 2>/dev/null | sort -r); do
      name=$(basename "$d"); [[ $name == *.inprogress ]] && { victims+=("$d"); continue; }
      day=${name%%_*}
      epoch=$(date -d "$day" +%s 2>/dev/null || date -j -f %Y-%m-%d "$day" +%s)
      age=$(( (now - epoch) / 86400 ))
      week=$(date -d "$day" +%G-%V 2>/dev/null || date -j -f %Y-%m-%d "$day" +%G-%V)
      if (( age <= KEEP_ALL_DAYS )); then continue
      elif (( age <= KEEP_DAILY_DAYS )) && [[ -z ${seen_day[$day]:-} ]]; then seen_day[$day]=1
      elif (( age <= KEEP_WEEKLY_DAYS )) && [[ -z ${seen_week[$week]:-} ]]; then seen_week[$week]=1
      else victims+=("$d"); fi
    done
    [[ ${#victims[@]} -gt 0 ]] || { echo "nothing to prune"; exit 0; }
    printf 'would remove: %s\n' "${victims[@]}"
    [[ $dry == 1 ]] && exit 0
    read -r -p "Remove ${#victims[@]} snapshot(s) from $ROOT? [y/N] " ok
    [[ $ok == y ]] || exit 1
    for v in "${victims[@]}"; do
      case $v in "$ROOT"/20*) rm -rf -- "$v" ;; *) die "unexpected path $v" ;; esac
    done
    echo "pruned ${#victims[@]}" ;;

  verify)
    load
    for s in "${SOURCES[@]}"; do
      name=$(basename "$s")
      echo "== $name"
      rsync -anc --delete --exclude-from="${EXCLUDES_FILE:-$HERE/assets/excludes.txt}" --itemize-changes "$s/" "$ROOT/latest/$name/" | head -50
    done
    echo "(lines above are differences; none = identical)" ;;

  restore)
    load
    snap=${1:?snapshot name}; path=${2:?path inside snapshot, e.g. projects/app/README.md}; target=${3:-}
    src="$ROOT/$snap/$path"
    [[ -e $src ]] || die "$src not found"
    if [[ -z $target ]]; then
      top=${path%%/*}; orig=""
      for s in "${SOURCES[@]}"; do [[ $(basename "$s") == "$top" ]] && orig="$s/${path#*/}"; done
      target="${orig:-$PWD/$(basename "$path")}.restored"
    fi
    [[ -e $target ]] && die "$target exists; choose another target"
    rsync -a "$src" "$target"
    echo "restored to $target" ;;

  *) echo "usage: snapback.sh init|run|list|prune|verify|restore" >&2; exit 2 ;;
esac
