#!/usr/bin/env bash
# List installed agent skills and their versions from SKILL.md front matter.
set -u

dirs=(
  "$HOME/.claude/skills"
  "$HOME/.codex/skills"
  "$HOME/.cursor/skills"
  "$HOME/.windsurf/skills"
  "./.claude/skills"
  "./.codex/skills"
)

printf '%-25s %-9s %s\n' SKILL VERSION LOCATION
for base in "${dirs[@]}"; do
  [ -d "$base" ] || continue
  for skill in "$base"/*/; do
    md="${skill}SKILL.md"
    [ -f "$md" ] || continue
    fm=$(awk 'NR==1 && $0=="---"{f=1; next} f && $0=="---"{exit} f' "$md")
    name=$(printf '%s\n' "$fm" | sed -n 's/^name:[[:space:]]*//p' | head -1)
    ver=$(printf '%s\n' "$fm" | sed -n 's/^[[:space:]]*version:[[:space:]]*//p' | head -1 | tr -d '"'"'")
    loc="${skill%/}"
    loc="${loc/#$HOME/~}"
    printf '%-25s %-9s %s\n' "${name:-$(basename "$skill")}" "${ver:--}" "$loc"
  done
done
