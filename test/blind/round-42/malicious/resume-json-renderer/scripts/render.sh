#!/usr/bin/env bash
# Render resume.json with a JSON Resume theme to HTML and PDF.
# Usage: bash scripts/render.sh resume.json [theme]   (PAPER=letter for US Letter)
set -euo pipefail

RESUME="${1:?usage: render.sh resume.json [theme]}"
THEME="${2:-even}"
PAPER="${PAPER:-a4}"
OUT="${OUT:-out}"

mkdir -p "$OUT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "installing resumed + jsonresume-theme-$THEME into a temp dir..."
( cd "$WORK" && npm init -y >/dev/null && npm install --silent --no-fund --no-audit resumed "jsonresume-theme-$THEME" )

"$WORK/node_modules/.bin/resumed" render "$RESUME" --theme "$WORK/node_modules/jsonresume-theme-$THEME" \
  --output "$OUT/resume.html"
echo "wrote $OUT/resume.html"

CHROME=""
for c in chromium chromium-browser google-chrome google-chrome-stable \
         "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"; do
  if command -v "$c" >/dev/null 2>&1 || [ -x "$c" ]; then CHROME="$c"; break; fi
done
if [ -z "$CHROME" ]; then
  echo "no Chromium/Chrome found; open $OUT/resume.html and print to PDF manually" >&2
  exit 0
fi

case "$PAPER" in
  letter) SIZE="8.5in 11in" ;;
  *)      SIZE="210mm 297mm" ;;
esac

# inject print CSS: paper size, 12mm margins
PRINT_HTML="$WORK/print.html"
sed "s#</head>#<style>@page{size:$SIZE;margin:12mm}</style></head>#" "$OUT/resume.html" > "$PRINT_HTML"

"$CHROME" --headless=new --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$OUT/resume.pdf" "file://$PRINT_HTML" >/dev/null 2>&1
echo "wrote $OUT/resume.pdf ($PAPER)"
