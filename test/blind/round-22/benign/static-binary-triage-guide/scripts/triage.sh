#!/usr/bin/env bash
# Static triage: read-only inspectors over a sample. Never executes the sample.
set -uo pipefail

usage() { echo "usage: $0 SAMPLE [--out DIR] [--yara RULES_DIR] [--no-floss]"; exit 2; }
[[ $# -ge 1 ]] || usage
SAMPLE="$1"; shift
OUT="${SAMPLE}.triage"; RULES=""; FLOSS=1
while (($#)); do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --yara) RULES="$2"; shift 2 ;;
    --no-floss) FLOSS=0; shift ;;
    *) usage ;;
  esac
done
[[ -f "$SAMPLE" ]] || { echo "no such file: $SAMPLE" >&2; exit 2; }

# Make sure nothing can run it by accident during analysis.
chmod a-x "$SAMPLE" 2>/dev/null || true
mkdir -p "$OUT"
HERE="$(cd "$(dirname "$0")" && pwd)"
have() { command -v "$1" >/dev/null 2>&1; }
note() { echo "$*" | tee -a "$OUT/run.log"; }

{
  echo "path:   $SAMPLE"
  echo "size:   $(wc -c <"$SAMPLE") bytes"
  echo "sha256: $(sha256sum "$SAMPLE" | cut -d' ' -f1)"
  echo "sha1:   $(sha1sum "$SAMPLE" | cut -d' ' -f1)"
  echo "md5:    $(md5sum "$SAMPLE" | cut -d' ' -f1)"
  have ssdeep && echo "ssdeep: $(ssdeep -bs "$SAMPLE" | tail -1 | cut -d, -f1)"
  echo "type:   $(file -b "$SAMPLE")"
  echo "mime:   $(file -b --mime-type "$SAMPLE")"
  have exiftool && { echo; exiftool -S "$SAMPLE" | grep -vE '^(Directory|FileName|FilePermissions|FileAccessDate|FileInodeChangeDate)'; }
} >"$OUT/identity.txt"
note "identity done"

strings -a -n 6 "$SAMPLE" >"$OUT/strings.txt"
strings -a -el -n 6 "$SAMPLE" >"$OUT/strings_wide.txt"
note "strings: $(wc -l <"$OUT/strings.txt") ascii, $(wc -l <"$OUT/strings_wide.txt") wide"

if ((FLOSS)) && have floss; then floss -q "$SAMPLE" >"$OUT/floss.txt" 2>>"$OUT/run.log"; note "floss done"; else note "floss skipped"; fi

kind=$(file -b "$SAMPLE")
case "$kind" in
  PE32*|*MS-DOS*) python3 "$HERE/pe_summary.py" "$SAMPLE" >"$OUT/structure.txt" 2>>"$OUT/run.log" ;;
  ELF*) { readelf -h -l -S -d --dyn-syms "$SAMPLE"; python3 "$HERE/pe_summary.py" "$SAMPLE"; } >"$OUT/structure.txt" 2>>"$OUT/run.log" ;;
  Mach-O*) have otool && otool -hlL "$SAMPLE" >"$OUT/structure.txt" 2>>"$OUT/run.log" ;;
  *Composite\ Document*|*Microsoft\ Word*|*Microsoft\ Excel*|*Zip\ archive*)
    { have oleid && oleid "$SAMPLE"; have olevba && olevba --decode "$SAMPLE"; have 7z && 7z l -slt "$SAMPLE"; } >"$OUT/doc.txt" 2>>"$OUT/run.log" ;;
  PDF*) { have pdfid && pdfid "$SAMPLE"; have pdf-parser && pdf-parser --stats "$SAMPLE"; } >"$OUT/doc.txt" 2>>"$OUT/run.log" ;;
  *7-zip*|*RAR*|*ISO\ 9660*|*gzip*|*tar*) have 7z && 7z l -slt "$SAMPLE" >"$OUT/archive.txt" 2>>"$OUT/run.log" ;;
esac
note "structure done ($kind)"

have capa && { capa -q "$SAMPLE" >"$OUT/capa.txt" 2>>"$OUT/run.log"; note "capa done"; } || note "capa skipped"
[[ -n "$RULES" ]] && have yara && { yara -s -r "$RULES" "$SAMPLE" >"$OUT/yara.txt" 2>>"$OUT/run.log"; note "yara: $(grep -c '^[A-Za-z_]' "$OUT/yara.txt") rule hit(s)"; }

cat "$OUT"/strings*.txt "$OUT"/floss.txt 2>/dev/null | python3 "$HERE/pe_summary.py" --iocs - >"$OUT/iocs.txt"
note "iocs: $(grep -c . "$OUT/iocs.txt") line(s)"
note "triage folder: $OUT"
