#!/usr/bin/env bash
# Static PDF triage. Reads the file only; never renders it.
set -uo pipefail
S="${1:?usage: pdf_triage.sh SAMPLE}"
OUT="$(dirname "$S")"
PDFID=$(command -v pdfid.py || command -v pdfid || echo "python3 $HOME/tools/pdfid.py")
PARSER=$(command -v pdf-parser.py || command -v pdf-parser || echo "python3 $HOME/tools/pdf-parser.py")

echo "## sha256"; sha256sum "$S"
echo; echo "## pdfid"; $PDFID -e "$S"

echo; echo "## expanded object streams"
qpdf --qdf --object-streams=disable "$S" "$OUT/expanded.pdf.bin" 2>/dev/null || echo "(qpdf failed: maybe encrypted)"
if [[ -f "$OUT/expanded.pdf.bin" ]]; then
  for k in /JS /JavaScript /OpenAction /AA /Launch /EmbeddedFile /URI /XFA /RichMedia; do
    printf '%-14s %s\n' "$k" "$(grep -a -c "$k" "$OUT/expanded.pdf.bin")"
  done
fi

echo; echo "## javascript objects"
$PARSER --search javascript --raw "$S" | head -200
echo; echo "## openaction / launch"
$PARSER --search openaction "$S" | head -60
$PARSER --search launch "$S" | head -60

echo; echo "## URIs (defanged)"
grep -a -oE '/URI *\(([^)]*)\)' "${OUT}/expanded.pdf.bin" 2>/dev/null \
  | sed -E 's#/URI *\(##; s#\)$##; s#http#hxxp#; s#\.#[.]#g' | sort -u

echo; echo "## metadata"
exiftool -Producer -Creator -CreateDate -ModifyDate -PageCount -Encryption "$S" 2>/dev/null
