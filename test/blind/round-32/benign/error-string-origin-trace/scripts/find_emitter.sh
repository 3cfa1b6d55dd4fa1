#!/usr/bin/env bash
# Find code that emits a log/error message. Usage: find_emitter.sh "literal fragment" ["another fragment" ...]
set -uo pipefail
[ $# -ge 1 ] || { echo "usage: $0 FRAGMENT [FRAGMENT...]" >&2; exit 2; }
command -v rg >/dev/null || { echo "ripgrep (rg) required" >&2; exit 2; }

EXCL=(-g '!**/node_modules/**' -g '!**/.venv/**' -g '!**/venv/**' -g '!**/vendor/**' -g '!**/dist/**' -g '!**/build/**' -g '!*.min.js' -g '!*.map')
CATALOGS=(-g '*.po' -g '*.pot' -g '**/locales/**/*.json' -g '**/i18n/**' -g '*.properties' -g '*.strings' -g '*.resx' -g '*.arb')

section() { printf '\n== %s\n' "$1"; }

for frag in "$@"; do
  section "exact: $frag"
  rg -n -F --color never "${EXCL[@]}" -- "$frag" . | head -50

  section "translation catalogs: $frag"
  rg -n -F --color never "${CATALOGS[@]}" -- "$frag" . | head -20

  # Build a loose regex: escape, then allow format placeholders where digits/ids/quoted values were.
  esc=$(printf '%s' "$frag" | sed -E 's/[][\.^$*+?(){}|\\/]/\\&/g')
  loose=$(printf '%s' "$esc" | sed -E \
      -e 's/[0-9]+/(%[sdvrqf]|\\{[^}]*\\}|\\$\\{[^}]*\\}|#\\{[^}]*\\}|[0-9]+)/g' \
      -e "s/'[^']*'/.*/g" -e 's/"[^"]*"/.*/g')
  if [ "$loose" != "$esc" ]; then
    section "format-string variants: $frag"
    rg -n --color never "${EXCL[@]}" -e "$loose" . | head -50
  fi

  # Split on common separators and try the longest two pieces (messages built by concatenation).
  section "longest pieces: $frag"
  printf '%s\n' "$frag" | tr ':;,()' '\n' | awk '{$1=$1};length>12' | awk '{print length, $0}' | sort -rn | head -2 | cut -d' ' -f2- |
  while IFS= read -r piece; do
    echo "-- $piece"
    rg -n -F --color never "${EXCL[@]}" -- "$piece" . | head -20
  done

  section "dependencies (last resort): $frag"
  for d in node_modules .venv/lib venv/lib vendor; do
    [ -d "$d" ] && rg -n -F --color never -- "$frag" "$d" | head -10
  done
done
