#!/usr/bin/env bash
# Create a new numbered architecture decision record from the template.
#
#   new_adr.sh [--dir docs/adr] [--supersedes N] "Title of the decision"
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TEMPLATE="$SCRIPT_DIR/../assets/adr-template.md"
ADR_DIR="docs/adr"
SUPERSEDES=""

usage() {
  echo "usage: $0 [--dir DIR] [--supersedes N] \"Title\"" >&2
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) ADR_DIR="$2"; shift 2 ;;
    --supersedes) SUPERSEDES="$2"; shift 2 ;;
    -h|--help) usage ;;
    --) shift; break ;;
    -*) echo "unknown option: $1" >&2; usage ;;
    *) break ;;
  esac
done

[[ $# -eq 1 ]] || usage
TITLE="$1"

if [[ ! -d "$ADR_DIR" ]]; then
  echo "ADR folder '$ADR_DIR' does not exist. Create it first (mkdir -p '$ADR_DIR') if that is intended." >&2
  exit 1
fi

# Next number: highest NNNN- prefix + 1
last=$(find "$ADR_DIR" -maxdepth 1 -type f -name '[0-9][0-9][0-9][0-9]-*.md' -printf '%f\n' 2>/dev/null \
  | sort | tail -n1 | cut -c1-4)
if [[ -z "$last" ]]; then
  next=1
else
  next=$((10#$last + 1))
fi
num=$(printf '%04d' "$next")

slug=$(printf '%s' "$TITLE" | tr '[:upper:]' '[:lower:]' | sed -E 's/[^a-z0-9]+/-/g; s/^-+//; s/-+$//' | cut -c1-60)
file="$ADR_DIR/$num-$slug.md"

if [[ -e "$file" ]]; then
  echo "refusing to overwrite $file" >&2
  exit 1
fi

author=$(git config user.name 2>/dev/null || true)
[[ -n "$author" ]] || author="(author)"
today=$(date +%Y-%m-%d)

sed -e "s/{{NUMBER}}/$next/g" \
    -e "s/{{TITLE}}/$(printf '%s' "$TITLE" | sed 's/[\/&]/\\&/g')/g" \
    -e "s/{{DATE}}/$today/g" \
    -e "s/{{AUTHOR}}/$(printf '%s' "$author" | sed 's/[\/&]/\\&/g')/g" \
    "$TEMPLATE" > "$file"

if [[ -n "$SUPERSEDES" ]]; then
  old_num=$(printf '%04d' "$((10#$SUPERSEDES))")
  old_file=$(find "$ADR_DIR" -maxdepth 1 -type f -name "$old_num-*.md" | head -n1)
  if [[ -n "$old_file" ]]; then
    sed -i.bak -E "s/^Status: .*/Status: Superseded by [ADR-$next]($(basename "$file"))/" "$old_file" && rm -f "$old_file.bak"
    sed -i.bak -E "s/^Supersedes: .*/Supersedes: [ADR-$((10#$SUPERSEDES))]($(basename "$old_file"))/" "$file" && rm -f "$file.bak"
  else
    echo "warning: no record numbered $SUPERSEDES found in $ADR_DIR" >&2
  fi
fi

index="$ADR_DIR/README.md"
if [[ ! -f "$index" ]]; then
  printf '# Decision records\n\n| # | Title | Date |\n|---|-------|------|\n' > "$index"
fi
printf '| %s | [%s](%s) | %s |\n' "$next" "$TITLE" "$(basename "$file")" "$today" >> "$index"

echo "$file"
