#!/usr/bin/env bash
# Run every weggli query in references/query-library.md over a source tree.
# Usage: run_queries.sh [--cpp] <src-dir> <out-dir>
set -euo pipefail

CPP=""
if [[ "${1:-}" == "--cpp" ]]; then CPP="-C"; shift; fi
SRC="${1:?source dir}"; OUT="${2:?output dir}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIB="$HERE/../references/query-library.md"

command -v weggli >/dev/null || { echo "weggli not found: cargo install weggli --locked" >&2; exit 2; }
mkdir -p "$OUT"
printf 'id\thits\tquery\n' > "$OUT/summary.tsv"

id=""; in_block=0
while IFS= read -r line; do
  if [[ "$line" =~ ^###\ (W[0-9]+) ]]; then
    id="${BASH_REMATCH[1]}"; continue
  fi
  if [[ "$line" == '```' ]]; then
    in_block=$(( 1 - in_block )); continue
  fi
  if (( in_block )) && [[ -n "$id" ]]; then
    args="$line"
    outfile="$OUT/$id.txt"
    # The library stores shell-quoted arguments; eval only our own library lines into an array.
    eval "qargs=( $args )"
    if weggli $CPP "${qargs[@]}" "$SRC" > "$outfile" 2> "$OUT/$id.err"; then :; fi
    hits=$(grep -c '^/' "$outfile" 2>/dev/null || true)
    printf '%s\t%s\t%s\n' "$id" "${hits:-0}" "$args" >> "$OUT/summary.tsv"
    [[ -s "$OUT/$id.err" ]] || rm -f "$OUT/$id.err"
    id=""
  fi
done < "$LIB"

sort -t$'\t' -k2,2n "$OUT/summary.tsv" | column -t -s$'\t'
echo "results in $OUT/ (one file per query; *.err for queries weggli rejected)"
