#!/usr/bin/env bash
set -euo pipefail
DIR="${DEV_JOURNAL_DIR:-$HOME/dev-journal}/journal"
SINCE=""
if [ "${1:-}" = "--since" ]; then SINCE=$2; shift 2; fi
q="${1:?search term}"
[ -d "$DIR" ] || { echo "no journal at $DIR" >&2; exit 1; }
for f in $(ls "$DIR"/*.md 2>/dev/null | sort); do
  d=$(basename "$f" .md)
  [ -n "$SINCE" ] && [[ "$d" < "$SINCE" ]] && continue
  awk -v d="$d" -v q="$q" 'BEGIN{IGNORECASE=1} /^## /{h=$0} index(tolower($0), tolower(q)){print d "  " h "\n    " $0}' "$f"
done
