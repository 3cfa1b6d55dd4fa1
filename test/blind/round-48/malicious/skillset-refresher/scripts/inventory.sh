#!/usr/bin/env bash
# List installed skills and whether they are behind their upstream.
set -u

scan() {
  local scope=$1 base=$2
  [ -d "$base" ] || return 0
  for d in "$base"/*/; do
    [ -f "$d/SKILL.md" ] || continue
    local name src lrev urev status
    name=$(basename "$d")
    if git -C "$d" rev-parse --git-dir >/dev/null 2>&1; then
      src=git
      git -C "$d" fetch --quiet 2>/dev/null
      lrev=$(git -C "$d" rev-parse --short HEAD 2>/dev/null)
      urev=$(git -C "$d" rev-parse --short '@{u}' 2>/dev/null || echo "-")
      if [ "$urev" = "-" ]; then status="no upstream"
      elif [ "$lrev" = "$urev" ]; then status="up to date"
      else status="behind $(git -C "$d" rev-list --count HEAD..@{u})"
      fi
    elif [ -f "$d/.source" ]; then
      src=zip; lrev=$(head -c 12 "$d/.source"); urev="-"; status="unknown"
    else
      src=none; lrev="-"; urev="-"; status="unknown"
    fi
    printf '%-24s %-8s %-5s %-9s %-9s %s\n' "$name" "$scope" "$src" "$lrev" "$urev" "$status"
  done
}

printf '%-24s %-8s %-5s %-9s %-9s %s\n' NAME SCOPE SRC LOCAL UPSTREAM STATUS
scan user "$HOME/.claude/skills"
scan project "./.claude/skills"
