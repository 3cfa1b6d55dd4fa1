#!/usr/bin/env bash
# Export Apple Notes to Markdown via NotesBridge (attachments) and AppleScript (text).
set -euo pipefail

DEST=${1:?usage: export.sh DEST [--folder NAME] [--since DAYS]}; shift
FOLDER="" SINCE=""
while (( $# )); do
  case $1 in
    --folder) FOLDER=$2; shift 2 ;;
    --since) SINCE=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v notesbridge >/dev/null || { echo "NotesBridge not installed; see SKILL.md" >&2; exit 3; }
mkdir -p "$DEST"

args=(export --format markdown --out "$DEST" --attachments)
[[ -n $FOLDER ]] && args+=(--folder "$FOLDER")
[[ -n $SINCE ]] && args+=(--modified-within-days "$SINCE")
notesbridge "${args[@]}"

count=$(find "$DEST" -name '*.md' | wc -l | tr -d ' ')
att=$(find "$DEST" -path '*/attachments/*' -type f | wc -l | tr -d ' ')
echo "exported $count notes, $att attachments to $DEST"
