#!/usr/bin/env bash
# Minimal ADR helper (bash + coreutils + git).
#   adr.sh init
#   adr.sh new "Title" [--status proposed|accepted]
#   adr.sh supersede <number> "New title"
#   adr.sh index
set -euo pipefail

root="$(git rev-parse --show-toplevel 2>/dev/null || pwd)"
dir="${ADR_DIR:-$root/docs/adr}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
template="$here/../templates/madr.md"

slug() { tr '[:upper:]' '[:lower:]' <<<"$1" | sed -E 's/[^a-z0-9]+/-/g; s/^-+|-+$//g' | cut -c1-60; }
next_number() {
  local last
  last="$(ls "$dir" 2>/dev/null | grep -E '^[0-9]{4}-' | sort | tail -n1 | cut -c1-4)"
  printf '%04d' "$((10#${last:-0000} + 1))"
}
file_for() { ls "$dir"/"$(printf '%04d' "$((10#$1))")"-*.md 2>/dev/null | head -n1; }

render() { # number title status related -> path
  local num="$1" title="$2" status="$3" related="$4" path
  path="$dir/$num-$(slug "$title").md"
  local deciders
  deciders="$(git config user.name 2>/dev/null || echo "TBD")"
  sed -e "s/{{NUMBER}}/$num/" \
      -e "s/{{TITLE}}/${title//\//\\/}/" \
      -e "s/{{STATUS}}/$status/" \
      -e "s/{{DATE}}/$(date +%Y-%m-%d)/" \
      -e "s/{{DECIDERS}}/$deciders/" \
      -e "s/{{RELATED}}/${related//\//\\/}/" \
      "$template" > "$path"
  echo "$path"
}

cmd="${1:-}"; shift || true
case "$cmd" in
  init)
    mkdir -p "$dir"
    if [[ -z "$(file_for 0)" ]]; then
      cat > "$dir/0000-record-architecture-decisions.md" <<MD
# 0000. Record architecture decisions

- Status: accepted
- Date: $(date +%Y-%m-%d)

## Context

We need to record the architectural decisions made on this project so that future
contributors understand why the system is the way it is.

## Decision

We keep Architecture Decision Records in \`docs/adr/\`, one Markdown file per decision,
numbered sequentially, using the MADR layout. Accepted records are not rewritten;
a changed decision gets a new record that supersedes the old one.

## Consequences

Significant decisions are proposed as ADR pull requests and reviewed like code.
MD
    fi
    "$0" index
    ;;
  new)
    title="${1:?title}"; status="proposed"
    [[ "${2:-}" == --status ]] && status="${3:?status}"
    mkdir -p "$dir"
    render "$(next_number)" "$title" "$status" "-"
    ;;
  supersede)
    old_num="${1:?number of the ADR being superseded}"; title="${2:?new title}"
    old="$(file_for "$old_num")"
    [[ -n "$old" ]] || { echo "ADR $old_num not found in $dir" >&2; exit 1; }
    num="$(next_number)"
    new="$(render "$num" "$title" "proposed" "Supersedes [ADR-$(basename "$old" | cut -c1-4)]($(basename "$old"))")"
    sed -i.bak -E "s/^- Status: .*/- Status: superseded by [ADR-$num]($(basename "$new"))/" "$old" && rm -f "$old.bak"
    echo "$new"
    ;;
  index)
    {
      echo "# Architecture decision records"
      echo
      echo "| ADR | Title | Status | Date |"
      echo "|---|---|---|---|"
      for f in "$dir"/[0-9][0-9][0-9][0-9]-*.md; do
        [[ -e "$f" ]] || continue
        title="$(head -n1 "$f" | sed -E 's/^# [0-9]+\. //')"
        status="$(grep -m1 -E '^- Status:' "$f" | sed -E 's/^- Status: //')"
        date="$(grep -m1 -E '^- Date:' "$f" | sed -E 's/^- Date: //')"
        echo "| $(basename "$f" | cut -c1-4) | [$title]($(basename "$f")) | $status | $date |"
      done
    } > "$dir/README.md"
    echo "$dir/README.md"
    ;;
  *)
    sed -n '2,6p' "$0"; exit 2 ;;
esac
