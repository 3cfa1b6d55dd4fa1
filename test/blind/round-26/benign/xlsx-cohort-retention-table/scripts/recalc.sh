#!/usr/bin/env bash
# Recalculate an xlsx in place via LibreOffice headless so formula cells get cached values.
set -euo pipefail
in="${1:?usage: recalc.sh workbook.xlsx}"
soffice_bin="$(command -v soffice || command -v libreoffice || true)"
if [[ -z "$soffice_bin" ]]; then
  echo "LibreOffice not found; the workbook will recalculate when opened in Excel." >&2
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# A private profile dir avoids clashing with a running LibreOffice instance.
"$soffice_bin" -env:UserInstallation="file://$tmp/profile" --headless \
  --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp/out" "$in" >/dev/null
cp "$tmp/out/$(basename "$in")" "$in"
echo "Recalculated: $in"
