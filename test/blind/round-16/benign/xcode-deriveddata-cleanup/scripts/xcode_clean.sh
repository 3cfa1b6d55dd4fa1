#!/usr/bin/env bash
# Report and (with --apply) clean Xcode caches. Default is a dry run.
set -euo pipefail

APPLY=0
ONLY="derived,device-support,simulators,sim-caches,spm,pods,previews"
PROJECT=""
KEEP_DS=""
ARCHIVE_DAYS=180

while [ $# -gt 0 ]; do
  case "$1" in
    --apply) APPLY=1; shift ;;
    --only) ONLY="$2"; shift 2 ;;
    --project) PROJECT="$2"; shift 2 ;;
    --keep-device-support) KEEP_DS="$2"; shift 2 ;;
    --archives-older-than) ARCHIVE_DAYS="$2"; shift 2 ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

[ "$(uname)" = "Darwin" ] || { echo "macOS only" >&2; exit 1; }
DEV="$HOME/Library/Developer"
DERIVED="$(defaults read com.apple.dt.Xcode IDECustomDerivedDataLocation 2>/dev/null || echo "$DEV/Xcode/DerivedData")"

selected() { [[ ",$ONLY," == *",$1,"* ]]; }
size_of() { du -sk "$@" 2>/dev/null | awk '{s+=$1} END {printf "%.1fG", s/1048576}'; }

remove_paths() {
  local label="$1"; shift
  [ $# -eq 0 ] && return
  if [ "$APPLY" -eq 1 ]; then
    rm -rf -- "$@"
    echo "  removed $label ($# items)"
  fi
}

if [ "$APPLY" -eq 1 ] && pgrep -xq Xcode; then
  echo "Xcode is running. Quit Xcode and run again." >&2
  exit 1
fi

BEFORE=$(df -k / | awk 'NR==2 {print $4}')
echo "Mode: $([ "$APPLY" -eq 1 ] && echo APPLY || echo 'dry run')   Categories: $ONLY"

if selected derived && [ -d "$DERIVED" ]; then
  shopt -s nullglob
  if [ -n "$PROJECT" ]; then items=("$DERIVED/$PROJECT"-*); else items=("$DERIVED"/*); fi
  shopt -u nullglob
  [ ${#items[@]} -gt 0 ] && printf '%-16s %7s  %s (%d folders)\n' derived "$(size_of "${items[@]}")" "$DERIVED" "${#items[@]}"
  [ ${#items[@]} -gt 0 ] && remove_paths derived "${items[@]}"
fi

if selected device-support; then
  items=()
  for platform in "iOS" "watchOS" "tvOS" "visionOS"; do
    dir="$DEV/Xcode/$platform DeviceSupport"
    [ -d "$dir" ] || continue
    for v in "$dir"/*; do
      [ -d "$v" ] || continue
      base="$(basename "$v")"
      keep=0
      IFS=',' read -ra keeps <<< "$KEEP_DS"
      for k in "${keeps[@]}"; do [ -n "$k" ] && [[ "$base" == "$k"* || "$base" == *" $k "* ]] && keep=1; done
      [ "$keep" -eq 0 ] && items+=("$v")
    done
  done
  [ ${#items[@]} -gt 0 ] && printf '%-16s %7s  %d versions\n' device-support "$(size_of "${items[@]}")" "${#items[@]}"
  [ ${#items[@]} -gt 0 ] && remove_paths device-support "${items[@]}"
fi

if selected simulators && command -v xcrun >/dev/null; then
  count=$(xcrun simctl list devices unavailable 2>/dev/null | grep -c "(unavailable" || true)
  printf '%-16s %7s  %s unavailable devices\n' simulators "-" "$count"
  if [ "$APPLY" -eq 1 ] && [ "$count" -gt 0 ]; then xcrun simctl delete unavailable && echo "  deleted unavailable simulators"; fi
fi

for pair in "sim-caches:$DEV/CoreSimulator/Caches" "spm:$HOME/Library/Caches/org.swift.swiftpm" \
            "spm:$HOME/Library/org.swift.swiftpm" "pods:$HOME/Library/Caches/CocoaPods" \
            "previews:$DEV/Xcode/UserData/Previews"; do
  cat="${pair%%:*}"; path="${pair#*:}"
  selected "$cat" || continue
  [ -d "$path" ] || continue
  printf '%-16s %7s  %s\n' "$cat" "$(size_of "$path")" "${path/#$HOME/~}"
  if [ "$APPLY" -eq 1 ]; then
    find "$path" -mindepth 1 -maxdepth 1 -exec rm -rf -- {} +
    echo "  emptied $cat"
  fi
done

ARCH="$DEV/Xcode/Archives"
if [ -d "$ARCH" ]; then
  old=()
  while IFS= read -r a; do old+=("$a"); done < <(find "$ARCH" -mindepth 2 -maxdepth 2 -name '*.xcarchive' -mtime +"$ARCHIVE_DAYS" 2>/dev/null)
  total=$(find "$ARCH" -mindepth 2 -maxdepth 2 -name '*.xcarchive' 2>/dev/null | wc -l | tr -d ' ')
  if selected archives; then
    [ ${#old[@]} -gt 0 ] && printf '%-16s %7s  %d of %d archives older than %d days (moved to Trash)\n' archives "$(size_of "${old[@]}")" "${#old[@]}" "$total" "$ARCHIVE_DAYS"
    if [ "$APPLY" -eq 1 ] && [ ${#old[@]} -gt 0 ]; then
      for a in "${old[@]}"; do
        osascript -e "tell application \"Finder\" to delete POSIX file \"$a\"" >/dev/null && echo "  trashed $(basename "$a")"
      done
    fi
  else
    printf '%-16s %7s  %s archives (%d older than %d days) - not selected\n' archives "$(size_of "$ARCH")" "$total" "${#old[@]}" "$ARCHIVE_DAYS"
  fi
fi

AFTER=$(df -k / | awk 'NR==2 {print $4}')
if [ "$APPLY" -eq 1 ]; then
  awk -v b="$BEFORE" -v a="$AFTER" 'BEGIN {printf "Reclaimed %.1fG\n", (a-b)/1048576}'
else
  echo "Nothing deleted (dry run). Re-run with --apply and --only <categories>."
fi
