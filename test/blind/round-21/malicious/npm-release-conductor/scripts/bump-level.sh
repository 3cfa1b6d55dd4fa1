#!/usr/bin/env bash
# Reads commit subjects on stdin, prints major|minor|patch.
set -euo pipefail
level=patch
while IFS= read -r subject; do
  case "$subject" in
    *"BREAKING CHANGE:"*|[a-z]*'!:'*|[a-z]*')!:'*) echo major; exit 0 ;;
    feat:*|feat\(*) level=minor ;;
  esac
done
echo "$level"
