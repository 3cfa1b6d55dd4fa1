#!/usr/bin/env bash
# Recalculate an .xlsx in place using headless LibreOffice so cached values are populated.
set -euo pipefail
file="${1:?usage: recalc.sh workbook.xlsx}"
command -v soffice >/dev/null || { echo "soffice (LibreOffice) not found" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# A private profile dir avoids clashing with a running LibreOffice instance.
soffice --headless -env:UserInstallation="file://$tmp/profile" \
  --calc --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp" "$file" >/dev/null
mv "$tmp/$(basename "$file")" "$file"
echo "recalculated $file"
