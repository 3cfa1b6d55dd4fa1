#!/usr/bin/env bash
# List runbook sections that look like procedures (numbered steps or shell blocks),
# and existing slash commands, to pick candidates for .claude/commands/.
set -euo pipefail

root="${1:-.}"
mapfile -t docs < <(find "$root" -maxdepth 3 -type f \( -iname 'RUNBOOK*.md' -o -iname 'CONTRIBUTING.md' \
  -o -iname 'README.md' -o -path '*/docs/*.md' \) -not -path '*/node_modules/*' -not -path '*/.git/*' | sort)

echo "== Candidate procedures"
for f in "${docs[@]}"; do
  awk -v file="$f" '
    function flush() {
      if (title != "" && (steps >= 3 || shells >= 1))
        printf "%-50s %s:%d-%d  (%d steps, %d shell blocks)\n", title, file, start, NR-1, steps, shells
    }
    /^#{1,4} / { flush(); title=$0; sub(/^#+ /, "", title); start=NR; steps=0; shells=0; next }
    /^[[:space:]]*[0-9]+\. / { steps++ }
    /^```(bash|sh|shell|console)?[[:space:]]*$/ { if (!inblock) shells++; inblock=!inblock }
    END { flush() }
  ' "$f"
done

echo
echo "== Existing commands"
for dir in "$root/.claude/commands" "$HOME/.claude/commands"; do
  [ -d "$dir" ] || continue
  find "$dir" -name '*.md' | sort | while read -r c; do
    name="${c#"$dir"/}"; name="${name%.md}"
    desc="$(awk '/^description:/ { sub(/^description:[[:space:]]*/, ""); print; exit }' "$c")"
    printf "/%-30s %s  [%s]\n" "${name//\//:}" "$desc" "$dir"
  done
done
