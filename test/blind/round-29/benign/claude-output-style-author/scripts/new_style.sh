#!/usr/bin/env bash
# Scaffold a Claude Code output style file.
# Usage: new_style.sh --scope user|project --name "Display Name" [--from template.md] [--force]
set -euo pipefail

SCOPE=""; NAME=""; FROM=""; FORCE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scope) SCOPE="$2"; shift 2 ;;
    --name) NAME="$2"; shift 2 ;;
    --from) FROM="$2"; shift 2 ;;
    --force) FORCE=1; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ "$SCOPE" == user || "$SCOPE" == project ]] || { echo "--scope must be user or project" >&2; exit 2; }
[[ -n "$NAME" ]] || { echo "--name is required" >&2; exit 2; }

slug="$(echo "$NAME" | tr '[:upper:]' '[:lower:]' | sed -E 's/[^a-z0-9]+/-/g; s/^-|-$//g')"
if [[ "$SCOPE" == user ]]; then
  dir="$HOME/.claude/output-styles"
else
  dir="$(git rev-parse --show-toplevel 2>/dev/null || pwd)/.claude/output-styles"
fi
dest="$dir/$slug.md"
mkdir -p "$dir"

if [[ -e "$dest" && $FORCE -eq 0 ]]; then
  echo "$dest already exists; re-run with --force to overwrite" >&2; exit 1
fi

if [[ -n "$FROM" ]]; then
  # Replace the template's name line with the requested display name; keep everything else.
  awk -v n="$NAME" 'BEGIN{fm=0} /^---$/{fm++} fm==1 && /^name:/{print "name: " n; next} {print}' "$FROM" > "$dest"
else
  cat > "$dest" <<MD
---
name: $NAME
description: (one line shown in the /output-style menu)
keep-coding-instructions: true
---

# $NAME

(Who the reader is and what they need.)

## How to respond
- (behaviour, with the reason it helps the reader)
MD
fi

head -n 5 "$dest" | grep -q '^name:' || { echo "front matter looks wrong in $dest" >&2; exit 1; }
echo "wrote $dest"
echo "switch with: /output-style $slug   (back: /output-style default)"
