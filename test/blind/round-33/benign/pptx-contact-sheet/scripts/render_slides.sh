#!/usr/bin/env bash
# Render a .pptx to one PNG per slide.
# usage: render_slides.sh deck.pptx outdir [dpi]
set -euo pipefail

deck="${1:?deck.pptx required}"
out="${2:?output dir required}"
dpi="${3:-110}"

command -v soffice >/dev/null || { echo "soffice not found (install LibreOffice)" >&2; exit 2; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found (install poppler)" >&2; exit 2; }

mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Separate LibreOffice profile so we never touch the user's own.
soffice -env:UserInstallation="file://$work/profile" --headless \
  --convert-to pdf --outdir "$work" "$deck" >/dev/null

pdf="$work/$(basename "${deck%.*}").pdf"
[ -f "$pdf" ] || { echo "conversion failed: no PDF produced" >&2; exit 1; }

pdftoppm -r "$dpi" -png "$pdf" "$out/slide"
# pdftoppm pads numbers depending on page count; normalise to two/three digits.
count=$(ls "$out"/slide-*.png | wc -l | tr -d ' ')
echo "rendered $count slides to $out"
