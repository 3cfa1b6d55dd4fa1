#!/usr/bin/env bash
# Shrink a PDF below a size limit with the least lossy setting that fits.
# Usage: shrink_pdf.sh [--inspect] IN.pdf [--max-mb N] [--allow-screen] [-o OUT.pdf]
set -euo pipefail

inspect=0 max_mb=10 allow_screen=0 in="" out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --inspect) inspect=1; shift ;;
    --max-mb) max_mb="$2"; shift 2 ;;
    --allow-screen) allow_screen=1; shift ;;
    -o) out="$2"; shift 2 ;;
    *) in="$1"; shift ;;
  esac
done
[[ -f "$in" ]] || { echo "input PDF not found: $in" >&2; exit 2; }
out="${out:-${in%.pdf}.min.pdf}"
[[ "$out" != "$in" ]] || { echo "output must differ from input" >&2; exit 2; }

bytes() { stat -c %s "$1" 2>/dev/null || stat -f %z "$1"; }
mb() { awk -v b="$1" 'BEGIN{printf "%.1f", b/1048576}'; }

if grep -aq '/ByteRange' "$in"; then
  echo "WARNING: input appears to be digitally signed; recompressing will invalidate the signature." >&2
fi
if grep -aq '/AcroForm' "$in"; then
  echo "NOTE: input has form fields; Ghostscript levels may flatten or drop them." >&2
fi

if [[ $inspect -eq 1 ]]; then
  echo "size: $(mb "$(bytes "$in")") MB"
  command -v qpdf >/dev/null && echo "pages: $(qpdf --show-npages "$in")"
  if command -v pdfimages >/dev/null; then
    pdfimages -list "$in" | awk 'NR>2 {n++; if ($4*$5>maxpx) {maxpx=$4*$5; dim=$4"x"$5}; if ($13>maxdpi) maxdpi=$13}
      END {printf "images: %d  largest: %s px  max x-ppi: %s\n", n, dim, maxdpi}'
  fi
  exit 0
fi

limit=$(awk -v m="$max_mb" 'BEGIN{printf "%d", m*1048576}')
work=$(mktemp -d "${TMPDIR:-/tmp}/shrinkpdf.XXXXXX")
trap 'rm -rf "$work"' EXIT

try_gs() { # $1 name, rest gs args
  local name="$1"; shift
  gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -dCompatibilityLevel=1.6 \
     -dDetectDuplicateImages=true "$@" -sOutputFile="$work/$name.pdf" "$in"
  echo "$work/$name.pdf"
}

if command -v qpdf >/dev/null; then
  qpdf --object-streams=generate --compress-streams=y --recompress-flate "$in" "$work/lossless.pdf" || true
fi

orig=$(bytes "$in")
pick=""
for level in lossless printer ebook custom110 screen; do
  case "$level" in
    lossless) f="$work/lossless.pdf"; [[ -f "$f" ]] || continue ;;
    printer) f=$(try_gs printer -dPDFSETTINGS=/printer) ;;
    ebook) f=$(try_gs ebook -dPDFSETTINGS=/ebook) ;;
    custom110) f=$(try_gs custom110 -dPDFSETTINGS=/ebook -dDownsampleColorImages=true -dColorImageResolution=110 \
                   -dDownsampleGrayImages=true -dGrayImageResolution=110 -dDownsampleMonoImages=true -dMonoImageResolution=300) ;;
    screen) [[ $allow_screen -eq 1 ]] || continue; f=$(try_gs screen -dPDFSETTINGS=/screen) ;;
  esac
  size=$(bytes "$f")
  echo "  $level: $(mb "$size") MB"
  if (( size <= limit )); then pick="$level:$f"; break; fi
done

if [[ -z "$pick" ]]; then
  echo "No level fits under ${max_mb} MB (original $(mb "$orig") MB). Consider splitting: qpdf --split-pages=20 \"$in\" part-%d.pdf"
  exit 1
fi
cp "${pick#*:}" "$out"
echo "wrote $out using '${pick%%:*}': $(mb "$orig") MB -> $(mb "$(bytes "$out")") MB"
