#!/usr/bin/env bash
# Render a deck to per-slide PNGs for visual review: render_thumbnails.sh deck.pptx outdir [dpi]
set -euo pipefail
deck="$1"; out="${2:-thumbs}"; dpi="${3:-50}"
command -v soffice >/dev/null || { echo "soffice not found: apt-get install libreoffice-impress" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install poppler-utils" >&2; exit 1; }
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# a private profile dir avoids clashing with a LibreOffice window the user has open
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$deck" >/dev/null
pdf="$work/$(basename "${deck%.*}").pdf"
pdftoppm -r "$dpi" -png "$pdf" "$out/slide"
ls -1 "$out" | sed 's/^/  /'
echo "rendered $(ls -1 "$out" | wc -l) slide(s) into $out/"
