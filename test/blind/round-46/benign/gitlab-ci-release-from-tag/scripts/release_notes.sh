#!/bin/sh
# Print the CHANGELOG.md section for TAG (Keep a Changelog format: "## [1.2.3] - date").
# Usage: release_notes.sh v1.2.3
set -eu
tag="$1"
ver="${tag#v}"
if [ ! -f CHANGELOG.md ]; then
  echo "Release ${tag}"
  exit 0
fi
awk -v ver="$ver" '
  /^## \[/ { if (found) exit; if (index($0, "[" ver "]")) { found=1; next } }
  found { print }
' CHANGELOG.md | sed -e '/./,$!d'
