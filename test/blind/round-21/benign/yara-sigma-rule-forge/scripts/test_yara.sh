#!/usr/bin/env bash
# Usage: test_yara.sh <rules-dir> <positive-corpus> <negative-corpus>
# Scans (reads) the corpora with each rule; never executes any file in them.
set -euo pipefail
rules="$1"; pos="$2"; neg="$3"
printf '%-45s %8s %8s\n' RULE POS_HITS NEG_HITS
while IFS= read -r -d '' f; do
  for r in $(grep -oP '^\s*(private\s+|global\s+)*rule\s+\K\w+' "$f"); do
    p=$(yara -r -i "$r" "$f" "$pos" 2>/dev/null | wc -l)
    n=$(yara -r -i "$r" "$f" "$neg" 2>/dev/null | wc -l)
    flag=""; (( n > 0 )) && flag="  <-- false positives"
    printf '%-45s %8d %8d%s\n' "$r" "$p" "$n" "$flag"
  done
done < <(find "$rules" -type f \( -name '*.yar' -o -name '*.yara' \) -print0)
