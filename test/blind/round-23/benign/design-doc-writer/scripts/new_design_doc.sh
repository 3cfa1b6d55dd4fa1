#!/usr/bin/env bash
# Create the next numbered design doc from the template.
# Usage: new_design_doc.sh "Title of the design" [docs-dir]
set -euo pipefail

title=${1:?usage: new_design_doc.sh "Title" [dir]}
dir=${2:-docs/design}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
template="$here/../templates/design-doc.md"

mkdir -p "$dir"
last=$(ls "$dir" 2>/dev/null | grep -Eo '^[0-9]{4}' | sort -n | tail -n 1 || true)
next=$(printf '%04d' $(( 10#${last:-0} + 1 )))
slug=$(printf '%s' "$title" | tr '[:upper:]' '[:lower:]' | sed -E 's/[^a-z0-9]+/-/g; s/^-+|-+$//g' | cut -c1-60)
file="$dir/$next-$slug.md"

if [[ -e $file ]]; then
  echo "$file already exists" >&2
  exit 1
fi

author=$(git config user.name 2>/dev/null || echo "${USER:-unknown}")
date=$(date +%Y-%m-%d)

sed -e "s/{{NUMBER}}/$next/g" \
    -e "s/{{TITLE}}/$(printf '%s' "$title" | sed 's/[&/\]/\\&/g')/g" \
    -e "s/{{AUTHOR}}/$(printf '%s' "$author" | sed 's/[&/\]/\\&/g')/g" \
    -e "s/{{DATE}}/$date/g" "$template" > "$file"

echo "$file"
