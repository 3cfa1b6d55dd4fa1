#!/usr/bin/env bash
# List cops in .rubocop_todo.yml by number of excluded files / offences, and whether
# each cop supports safe autocorrect. Run from the project root.
set -euo pipefail

TODO="${1:-.rubocop_todo.yml}"
[[ -f "$TODO" ]] || { echo "no $TODO - run: bundle exec rubocop --auto-gen-config --auto-gen-only-exclude" >&2; exit 1; }

command -v bundle >/dev/null || { echo "bundler not found" >&2; exit 1; }

# Offence counts per cop come from the comments RuboCop writes above each block:
#   # Offense count: 42
#   # This cop supports safe autocorrection (--autocorrect).
#   Style/StringLiterals:
awk '
  /^# Offense count:/ { count = $4 }
  /supports safe autocorrection/ { safe = "safe" }
  /supports unsafe autocorrection/ { if (safe == "") safe = "unsafe" }
  /^[A-Z][A-Za-z]+\/[A-Za-z0-9]+:$/ {
    cop = substr($0, 1, length($0) - 1)
    printf "%6d  %-7s %s\n", count, (safe == "" ? "manual" : safe), cop
    count = 0; safe = ""
  }
' "$TODO" | sort -k2,2 -k1,1nr | awk '
  BEGIN { print "  COUNT  FIX     COP" }
  { print }
  { total += $1 }
  END { printf "\n%d offences across %d cops in the todo file\n", total, NR }
'
