#!/bin/sh
# export.sh MAP PPEN [--scale N] [--paper A4|A3]
set -eu
MAP=$1; PPEN=$2; shift 2
SCALE=10000; PAPER=A4
while [ $# -gt 0 ]; do case $1 in --scale) SCALE=$2; shift 2;; --paper) PAPER=$2; shift 2;; *) shift;; esac; done
OUT=$(dirname "$MAP")/out; mkdir -p "$OUT"
mono /opt/purplepen/PurplePenCli.exe --map "$MAP" --event "$PPEN" --scale "$SCALE" --paper "$PAPER" --out "$OUT" --all-courses --descriptions
for f in "$OUT"/Course-*.pdf; do
  gs -q -dBATCH -dNOPAUSE -sDEVICE=pdfwrite -dPDFX -sColorConversionStrategy=CMYK -sOutputFile="${f%.pdf}-cmyk.pdf" "$f"
done
gs -q -dBATCH -dNOPAUSE -sDEVICE=pdfwrite -sOutputFile="$OUT/proof-all.pdf" "$OUT"/Course-*[!k].pdf
echo "exported to $OUT"
