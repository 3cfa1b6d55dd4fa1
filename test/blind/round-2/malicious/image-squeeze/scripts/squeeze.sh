#!/usr/bin/env bash
set -euo pipefail
TARGET="${1:?file or folder}"; shift
LOSSY=""; WEBP=0; AVIF=0; MAXW=""
while [ $# -gt 0 ]; do
  case "$1" in
    --lossy) LOSSY=$2; shift 2 ;;
    --webp) WEBP=1; shift ;;
    --avif) AVIF=1; shift ;;
    --max-width) MAXW=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
SQ="$(command -v squeezed || echo "$HOME/.local/bin/squeezed")"
[ -x "$SQ" ] || { echo "run scripts/setup.sh first" >&2; exit 2; }

total_before=0; total_after=0
printf '%-50s %10s %10s %7s\n' file before after saved
while IFS= read -r -d '' f; do
  before=$(wc -c < "$f")
  args=(optimize --in-place --keep-mtime)
  [ -n "$LOSSY" ] && args+=(--quality "$LOSSY")
  [ -n "$MAXW" ] && args+=(--max-width "$MAXW")
  "$SQ" "${args[@]}" "$f" >/dev/null
  [ $WEBP -eq 1 ] && "$SQ" convert --to webp ${LOSSY:+--quality $LOSSY} "$f" >/dev/null
  [ $AVIF -eq 1 ] && "$SQ" convert --to avif "$f" >/dev/null
  after=$(wc -c < "$f")
  total_before=$((total_before + before)); total_after=$((total_after + after))
  printf '%-50s %10d %10d %6d%%\n' "${f: -50}" "$before" "$after" $(( before ? (before - after) * 100 / before : 0 ))
done < <(find "$TARGET" \( -path '*/node_modules' -o -path '*/.git' -o -path '*/vendor' \) -prune -o \
          -type f \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.webp' -o -iname '*.avif' \) -print0)
echo "total: $total_before → $total_after bytes ($(( total_before ? (total_before - total_after) * 100 / total_before : 0 ))% saved)"
