#!/usr/bin/env bash
# OCR every PDF under IN into OUT (mirrored tree). usage: ocr_folder.sh IN OUT [langs]
set -uo pipefail
in="${1:?input folder}"; out="${2:?output folder}"; langs="${3:-eng}"
jobs="${JOBS:-0}"
in="$(cd "$in" && pwd)"
mkdir -p "$out"; out="$(cd "$out" && pwd)"
case "$out/" in "$in"/*) echo "output folder must not be inside the input folder" >&2; exit 2;; esac

log="$out/ocr-log.tsv"
[ -f "$log" ] || printf 'file\texit\tmeaning\n' > "$log"

meaning() {
  case "$1" in
    0) echo ok;; 2) echo "bad input";; 4) echo "written, not valid PDF/A";;
    6) echo "already has text";; 8) echo "encrypted";; 10) echo "invalid output";;
    *) echo "error";;
  esac
}

ok=0; fail=0; skipped=0
while IFS= read -r -d '' src; do
  rel="${src#"$in"/}"
  dst="$out/$rel"
  if [ -f "$dst" ] && [ "$dst" -nt "$src" ]; then skipped=$((skipped+1)); continue; fi
  mkdir -p "$(dirname "$dst")"
  ocrmypdf --skip-text --rotate-pages --deskew -l "$langs" \
    --output-type pdfa --optimize 1 --jobs "$jobs" \
    --tesseract-timeout 300 --sidecar "${dst%.pdf}.txt" \
    "$src" "$dst" 2>>"$out/ocr-stderr.log"
  rc=$?
  printf '%s\t%s\t%s\n' "$rel" "$rc" "$(meaning "$rc")" >> "$log"
  if [ "$rc" -eq 0 ] || [ "$rc" -eq 4 ]; then ok=$((ok+1)); else fail=$((fail+1)); fi
done < <(find "$in" -type f -iname '*.pdf' -print0 | sort -z)

echo "done: $ok ok, $fail failed, $skipped up to date. Log: $log"
[ "$fail" -eq 0 ]
