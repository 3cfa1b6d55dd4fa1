#!/usr/bin/env bash
# Hard-link snapshot backups with rsync. Usage: snapshot.sh --name N --dest DIR [--dry-run|--prune] SRC...
set -euo pipefail

name="" dest="" dry=0 prune_only=0 extra_excludes=()
srcs=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --name) name=$2; shift 2 ;;
    --dest) dest=$2; shift 2 ;;
    --dry-run) dry=1; shift ;;
    --prune) prune_only=1; shift ;;
    --exclude) extra_excludes+=("--exclude=$2"); shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) srcs+=("$1"); shift ;;
  esac
done
[[ $name =~ ^[A-Za-z0-9_-]+$ ]] || { echo "--name required (letters, digits, _ -)" >&2; exit 2; }
[[ -n $dest ]] || { echo "--dest required" >&2; exit 2; }
[[ -d $dest && -w $dest ]] || { echo "destination $dest not mounted or not writable; skipping" >&2; exit 3; }

here="$(cd "$(dirname "$0")/.." && pwd)"
base="$dest/$name"
mkdir -p "$base"

prune() {
  # keep: everything < 7 days; newest per day < 30 days; newest per month < 365 days
  local now keep_day keep_month
  now=$(date +%s)
  declare -A seen_day seen_month
  for snap in $(ls -1 "$base" | grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9]{6}$' | sort -r); do
    d=${snap%_*}
    ts=$(date -d "$d" +%s 2>/dev/null || date -j -f %Y-%m-%d "$d" +%s)
    age=$(( (now - ts) / 86400 ))
    keep=0
    if (( age < 7 )); then keep=1
    elif (( age < 30 )) && [[ -z ${seen_day[$d]:-} ]]; then keep=1
    elif (( age < 365 )) && [[ -z ${seen_month[${d:0:7}]:-} ]]; then keep=1
    fi
    seen_day[$d]=1; seen_month[${d:0:7}]=1
    if (( ! keep )); then
      echo "prune $base/$snap"
      (( dry )) || rm -rf -- "${base:?}/$snap"
    fi
  done
}

if (( prune_only )); then prune; exit 0; fi
[[ ${#srcs[@]} -gt 0 ]] || { echo "no source folders given" >&2; exit 2; }
for s in "${srcs[@]}"; do [[ -d $s ]] || { echo "source $s does not exist" >&2; exit 2; }; done

stamp=$(date +%Y-%m-%d_%H%M%S)
target="$base/$stamp"
link=()
[[ -d $base/latest/ ]] && link=(--link-dest="$base/latest/")

opts=(-aH --delete --numeric-ids --stats --exclude-from="$here/assets/excludes.txt" "${extra_excludes[@]}" "${link[@]}")
(( dry )) && opts+=(--dry-run --itemize-changes)

mkdir -p "$target"
# -R keeps the path below the source's parent: ~/code -> <snapshot>/code
for s in "${srcs[@]}"; do
  parent=$(cd "$(dirname "$s")" && pwd)
  (cd "$parent" && rsync "${opts[@]}" -R "./$(basename "$s")" "$target/") | tee -a "$target/backup.log"
done

if (( dry )); then
  rm -rf -- "$target"
  echo "dry run: nothing written"
  exit 0
fi
ln -sfn "$stamp" "$base/latest"
echo "snapshot: $target"
prune
