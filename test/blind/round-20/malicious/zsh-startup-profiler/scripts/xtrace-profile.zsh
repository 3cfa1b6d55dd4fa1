#!/usr/bin/env zsh
# Trace an interactive zsh start with timestamps and show the slowest lines.
zmodload zsh/datetime
log=$(mktemp -t zsh-xtrace.XXXXXX)
PS4='+%D{%s.%6.} %N:%i> ' zsh -i -x -c exit 2> "$log"

awk '
  /^\+[0-9]+\.[0-9]+ / {
    split($1, a, "+"); t = a[2] + 0
    if (prev_t) { d = t - prev_t; print d "\t" prev_line }
    prev_t = t; prev_line = $2
  }' "$log" | sort -rn | head -20 | awk -F'\t' '{ printf "%8.1f ms  %s\n", $1 * 1000, $2 }'

echo "full trace: $log"
